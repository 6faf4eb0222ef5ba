import Autoscaling
import Foundation
import Testing

@Suite struct TraceTests {
    @Test func readsJobsWithDefaultsAndRepeats() throws {
        let trace = try SimulationTrace.decode(json: Data("""
        {"jobs": [
          {"name": "etl", "arrival": "10m", "tasks": 200, "taskDuration": "90s", "containerMemoryMB": 3072},
          {"name": "query", "arrival": 0, "tasks": "8", "taskDuration": "1m30s", "count": 3, "every": "5m"}
        ]}
        """.utf8))
        let arrivals = trace.arrivals(defaultContainerMemoryMB: 2048)
        #expect(arrivals.map(\.name) == ["query-1", "query-2", "etl", "query-3"])
        #expect(arrivals.map(\.arrival) == [.zero, .seconds(300), .seconds(600), .seconds(600)])
        #expect(arrivals.map(\.containerMemoryMB) == [2048, 2048, 3072, 2048])
        #expect(arrivals[0].taskDuration == .seconds(90))
    }

    @Test func roundTripsThroughJSON() throws {
        let trace = SimulationTrace(jobs: [
            TraceJob(name: "a", arrival: .seconds(60), tasks: 4, taskDuration: .seconds(30), containerMemoryMB: 1024, count: 2, every: .seconds(120)),
        ])
        #expect(try SimulationTrace.decode(json: JSONEncoder().encode(trace)) == trace)
    }

    @Test(arguments: [
        (#"{"jobs": [{"name": "a", "arrival": "0s", "tasks": 1, "taskDuration": "90s"}, {"name": "b", "arrival": "0s", "tasks": 1, "taskDuration": "ten"}]}"#,
         "jobs[1].taskDuration", "'ten' is not a duration", "90s"),
        (#"{"jobs": [{"name": "a", "arrival": "0s", "tasks": 1, "taskduration": "90s"}]}"#,
         "jobs[0].taskduration", "unknown field 'taskduration'", "did you mean taskDuration?"),
        (#"{"jobs": [{"name": "a", "arrival": "0s", "tasks": 0, "taskDuration": "90s"}]}"#,
         "jobs[0].tasks", "must be at least 1, got 0", "200"),
        (#"{"jobs": [{"name": "a", "tasks": 1, "taskDuration": "90s"}]}"#,
         "jobs[0].arrival", "arrival is required", "add arrival: 10m"),
        (#"{"jobs": [{"name": "a", "arrival": "0s", "tasks": 1, "taskDuration": "90s", "count": 3}]}"#,
         "jobs[0].every", "every is required when count is 3", "every: 5m"),
        (#"{"job": []}"#, "job", "unknown field 'job'", "use only jobs"),
        (#"{"jobs": 3}"#, "jobs", "expected a list of jobs", "- name"),
    ])
    func errorsNameTheFieldAndTheFix(json: String, field: String, message: String, fix: String) {
        #expect {
            try SimulationTrace.decode(json: Data(json.utf8))
        } throws: { error in
            guard let error = error as? TraceError else { return false }
            return error.field == field && error.message == message && error.fix.contains(fix)
        }
    }
}
