import Cluster
import DataprocAPI
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Hadoop Streaming through the real gcloud: local scripts staged by gcloud, run on a cluster.
@Suite(.serialized) struct GcloudStreamingTests {
    static let streamingJar = "file:///usr/lib/hadoop/hadoop-streaming.jar"

    /// The README's Python word count, from `Examples/streaming/`.
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/streaming").path

    @Test func gcloudRunsAPythonStreamingJobWithLocalScriptsItStages() async throws {
        let gcloud = try Gcloud()
        defer { gcloud.remove() }
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.put(bucket: "b", name: "in/one.txt", "the quick brown fox\njumps over the lazy dog\n")
        try scratch.put(bucket: "b", name: "in/two.txt", "the end\n")
        let scripts = scratch.path + "/scripts"
        try FileManager.default.createDirectory(atPath: scripts, withIntermediateDirectories: true)
        for script in ["mapper.py", "reducer.py"] {
            try FileManager.default.copyItem(atPath: Self.examples + "/" + script, toPath: scripts + "/" + script)
        }
        try Data("#!/bin/sh\nwhile read line; do\n  case \"$line\" in *end*) echo \"cannot map: $line\" >&2; exit 3;; esac\n  echo \"$line\"\ndone\n".utf8)
            .write(to: URL(fileURLWithPath: scripts + "/failing.sh"))

        let app = try await buildApplication(configuration: ServerConfiguration(dataDirectory: scratch.path, port: 0))
        try await app.test(.live) { client in
            try await gcloud.configure(port: try #require(client.port))
            var result = try await gcloud.dataproc("clusters", "create", "s1", "--num-workers", "2")
            #expect(result.status == 0, "\(result)")

            result = try await gcloud.dataproc(
                "jobs", "submit", "hadoop", "--cluster", "s1", "--id", "stream1", "--jar", Self.streamingJar,
                "--files", "\(scripts)/mapper.py,\(scripts)/reducer.py", "--format=json",
                "--", "-D", "mapreduce.job.reduces=2", "-input", "gs://b/in", "-output", "gs://b/out",
                "-mapper", "python3 mapper.py", "-reducer", "reducer.py")
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("Job [stream1] finished successfully."), "\(result)")
            #expect(result.stderr.contains("Reduce output records=9"), "\(result)")
            #expect(result.stderr.contains("Output directory: gs://b/out") || result.stderr.contains("Output directory:"), "\(result)")
            let output = scratch.storage + "/b/out"
            let names = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
            #expect(names == ["_SUCCESS", "part-00000", "part-00001"])
            var counts: [String: Int] = [:]
            for part in names where part.hasPrefix("part-") {
                for line in try String(contentsOfFile: output + "/" + part, encoding: .utf8).split(separator: "\n") {
                    let fields = line.split(separator: "\t")
                    counts[String(fields[0])] = Int(fields[1])
                }
            }
            #expect(counts == ["the": 3, "quick": 1, "brown": 1, "fox": 1, "jumps": 1, "over": 1, "lazy": 1, "dog": 1, "end": 1])

            // A mapper that exits 3: retried, then ERROR naming the task, the code and its stderr.
            result = try await gcloud.dataproc(
                "jobs", "submit", "hadoop", "--cluster", "s1", "--id", "stream2", "--jar", Self.streamingJar,
                "--files", "\(scripts)/failing.sh", "--",
                "-D", "mapreduce.map.maxattempts=2", "-input", "gs://b/in", "-output", "gs://b/out2", "-mapper", "sh failing.sh")
            #expect(result.status != 0, "\(result)")
            result = try await gcloud.dataproc("jobs", "describe", "stream2", "--format=json")
            #expect(JSONResponse.value(result.json, at: "status.state") as? String == "ERROR", "\(result)")
            let details = JSONResponse.value(result.json, at: "status.details") as? String ?? ""
            #expect(details.contains("task_"), "\(details)")
            #expect(details.contains("subprocess failed with code 3"), "\(details)")
            #expect(details.contains("cannot map: the end"), "\(details)")
            #expect(!FileManager.default.fileExists(atPath: scratch.storage + "/b/out2"), "no partial output")

            // A shipped file that does not exist fails the job before any task runs, naming it.
            result = try await gcloud.dataproc(
                "jobs", "submit", "hadoop", "--cluster", "s1", "--id", "stream3", "--jar", Self.streamingJar,
                "--files", "gs://b/missing.py", "--", "-input", "gs://b/in", "-output", "gs://b/out3", "-mapper", "missing.py")
            #expect(result.status != 0, "\(result)")
            result = try await gcloud.dataproc("jobs", "describe", "stream3", "--format=json")
            #expect((JSONResponse.value(result.json, at: "status.details") as? String ?? "").contains("missing.py"), "\(result)")

            result = try await gcloud.dataproc("clusters", "delete", "s1")
            #expect(result.status == 0, "\(result)")
        }
    }
}
