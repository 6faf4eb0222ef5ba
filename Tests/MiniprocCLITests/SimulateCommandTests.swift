import ArgumentParser
import Foundation
import MiniprocTesting
import Testing

@Suite struct SimulateCommandTests {
    /// Two short jobs on the `small` profile's two workers.
    static let trace = """
        jobs:
          - name: probe
            arrival: 0s
            tasks: 6
            taskDuration: 90s
            count: 2
            every: 5m
        """

    @Test func aShippedTraceIsTakenByName() async {
        let result = await CommandResult.miniproc("simulate", "--profile", "large", "--policy", "aggressive", "--trace", "example")
        #expect(result.exitCode == .success, "\(result.error)")
        #expect(result.error == "")
        #expect(!result.output.isEmpty)
    }

    @Test func aSmallTraceWritesACSVHeaderAndOneRowPerSample() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let tracePath = scratch.path("trace.yaml")
        try Data(Self.trace.utf8).write(to: URL(fileURLWithPath: tracePath))
        let csvPath = scratch.path("run.csv")

        let result = await CommandResult.miniproc("simulate", "--trace", tracePath, "--policy", "none", "--csv", csvPath)

        #expect(result.exitCode == .success)
        #expect(result.error == "")
        let lines = try String(contentsOfFile: csvPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == """
            time_seconds,primary_workers,secondary_workers,decommissioning_workers,provisioning_workers,\
            pending_memory_mb,available_memory_mb,allocated_memory_mb,pending_containers,\
            allocated_containers,running_jobs,waiting_jobs
            """)
        #expect(lines.last == "")
        let rows = lines.count - 2
        #expect(rows > 0)
        #expect(result.output.hasSuffix("Wrote \(rows) samples to \(csvPath)\n"))
    }

    @Test(arguments: [
        (["--hours", "0"], "Error: --hours must be more than 0 and at most 336 (two weeks), got 0.0"),
        (["--hours", "400"], "Error: --hours must be more than 0 and at most 336 (two weeks), got 400.0"),
        (["--jobs-per-hour", "0"], "Error: --jobs-per-hour must be more than 0, got 0.0"),
        (["--history=-1"], "Error: --history must be 0 (none) or a number of evaluations, got -1"),
        (["--trace", "hourly"], "Error: --trace must be steady, bursty, daily, a trace file or one of the traces example; there is no trace named 'hourly'"),
        (["--trace", "nowhere/hourly.yaml"], "Error: --trace must be steady, bursty, daily, a trace name or a trace file, and there is no file at 'nowhere/hourly.yaml'"),
        (["--csv", "/no-such-directory/run.csv"],
         "Error: --csv /no-such-directory/run.csv: there is no directory '/no-such-directory'; create it or write elsewhere"),
        (["--svg", "/no-such-directory/run.svg"],
         "Error: --svg /no-such-directory/run.svg: there is no directory '/no-such-directory'; create it or write elsewhere"),
    ])
    func anOptionOutOfRangeIsRejectedBeforeTheSimulationWithWhatToDo(options: [String], message: String) async {
        let result = await CommandResult.miniproc(["simulate"] + options)
        #expect(result.exitCode == .validationFailure)
        #expect(result.firstErrorLine == message)
        #expect(result.error.contains("Usage: miniproc simulate"))
        #expect(result.output == "")
    }

    @Test(arguments: ["--policy", "--profile"])
    func anUnknownPolicyOrProfileIsRejectedWithTheFix(option: String) async {
        let result = await CommandResult.miniproc("simulate", option, "no-such-name")
        #expect(result.exitCode == .validationFailure)
        #expect(result.firstErrorLine.hasPrefix("Error: \(option) no-such-name: "))
        #expect(result.firstErrorLine.contains("Fix: "))
    }
}
