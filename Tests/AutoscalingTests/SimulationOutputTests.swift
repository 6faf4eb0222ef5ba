import Autoscaling
import SimulationCharts
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Counts the elements of an XML document and remembers parse errors.
final class ElementCounter: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
    }
}

@Suite struct SimulationOutputTests {
    func report() throws -> SimulationReport {
        let policy = makePolicy(cooldownSeconds: 120, primary: .init(maxInstances: 8, weight: 1), secondary: .init(maxInstances: 8, weight: 1))
        return try Simulator.run(
            WorkloadGenerator(kind: .steady, hours: 2, jobsPerHour: 20, meanTasks: 30, seed: 2).trace(),
            configuration: SimulationConfiguration(cluster: standardCluster(), policy: policy))
    }

    @Test func csvHasAHeaderAndOneRowPerSample() throws {
        let report = try report()
        let lines = report.csv().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "time_seconds,primary_workers,secondary_workers,decommissioning_workers,provisioning_workers,pending_memory_mb,available_memory_mb,allocated_memory_mb,pending_containers,allocated_containers,running_jobs,waiting_jobs")
        #expect(lines.last == "")
        #expect(lines.count == report.samples.count + 2)
        #expect(lines[1] == "0,2,0,0,0,0,24576,0,0,0,0,0")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.split(separator: ",").count == 12 })
        #expect(lines[2].hasPrefix("60,"))
    }

    @Test func svgIsWellFormedXMLWithTwoPanelsAndLegends() throws {
        let svg = try report().svg()
        let parser = XMLParser(data: Data(svg.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.elements["svg"] == 1)
        #expect(counter.elements["g"] == 2)
        #expect(counter.elements["path"] == 5)
        #expect(svg.contains(">primary</text>"))
        #expect(svg.contains(">pending</text>"))
        #expect(svg.contains(">time (hours)</text>"))
    }

    @Test func summaryNamesJobsWorkersAndScaling() throws {
        let summary = try report().summary()
        #expect(summary.contains("policy: test-policy"))
        #expect(summary.contains("worker-hours"))
        #expect(summary.contains("Scaling: "))
        #expect(summary.hasSuffix("\n"))
    }

    @Test func dailyWorkloadPeaksAroundItsPeakHour() {
        let trace = WorkloadGenerator(kind: .daily, hours: 24, jobsPerHour: 200, seed: 11).trace()
        var perHour = [Int](repeating: 0, count: 24)
        for job in trace.jobs { perHour[Int(job.arrival.components.seconds / 3600)] += 1 }
        let busiest = perHour.indices.max { perHour[$0] < perHour[$1] } ?? 0
        #expect((12...16).contains(busiest))
        #expect(perHour[busiest] > 4 * (perHour.min() ?? 0))
        #expect(abs(trace.jobs.count - 4800) < 300)
    }

    @Test func steadyAndBurstyWorkloadsHaveTheirShapes() {
        let steady = WorkloadGenerator(kind: .steady, hours: 10, jobsPerHour: 300, seed: 4).trace()
        var perHour = [Int](repeating: 0, count: 10)
        for job in steady.jobs { perHour[Int(job.arrival.components.seconds / 3600)] += 1 }
        #expect(perHour.allSatisfy { (240...360).contains($0) })

        let bursty = WorkloadGenerator(kind: .bursty, hours: 10, jobsPerHour: 300, seed: 4).trace()
        let inBursts = bursty.jobs.filter { $0.arrival.components.seconds % 3600 < 600 }.count
        #expect(Double(inBursts) / Double(bursty.jobs.count) > 0.5)
    }

    @Test func generatorsAreSeeded() {
        let one = WorkloadGenerator(kind: .bursty, hours: 2, seed: 9).trace()
        #expect(WorkloadGenerator(kind: .bursty, hours: 2, seed: 9).trace() == one)
        #expect(WorkloadGenerator(kind: .bursty, hours: 2, seed: 10).trace() != one)
    }
}
