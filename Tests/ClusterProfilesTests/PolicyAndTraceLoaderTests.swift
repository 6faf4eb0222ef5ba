import Autoscaling
import ClusterProfiles
import Foundation
import Testing

@Suite struct PolicyAndTraceLoaderTests {
    let loader = PolicyLoader(profiles: ProfileLoader(directory: ProfileFixtures.profilesDirectory))

    @Test(arguments: ["aggressive", "conservative", "default"])
    func shippedPoliciesLoadAndTakeTheirFileNameAsID(name: String) throws {
        let policy = try loader.load(name)
        #expect(policy.id == name)
        #expect(policy.primaryLimits.minInstances == 2)
    }

    @Test func listsTheShippedPolicies() {
        #expect(loader.availablePolicyNames() == ["aggressive", "conservative", "default"])
    }

    @Test func anUnknownPolicyNameListsTheKnownOnes() {
        #expect {
            try loader.load("nope")
        } throws: { error in
            "\(error)".contains("no autoscaling policy named 'nope'") && "\(error)".contains("aggressive, conservative, default")
        }
    }

    @Test func anOutOfRangeValuePointsAtItsLine() {
        let yaml = """
        workerConfig:
          maxInstances: 10
        basicAlgorithm:
          yarnConfig:
            scaleUpFactor: 2.0
            scaleDownFactor: 1.0
            gracefulDecommissionTimeout: 1h
        """
        #expect {
            try PolicyLoader.parse(yaml: yaml, id: "bad", file: "bad.yaml")
        } throws: { error in
            guard let error = error as? ProfileError else { return false }
            return error.line == 5 && error.field == "basicAlgorithm.yarnConfig.scaleUpFactor"
                && error.message == "must be between 0 and 1, got 2"
        }
    }

    @Test func aMissingRequiredFieldIsNamed() {
        let yaml = """
        workerConfig:
          maxInstances: 10
        basicAlgorithm:
          yarnConfig:
            scaleUpFactor: 1.0
        """
        #expect {
            try PolicyLoader.parse(yaml: yaml, id: "bad", file: "bad.yaml")
        } throws: { error in
            guard let error = error as? ProfileError else { return false }
            return error.field == "basicAlgorithm.yarnConfig.gracefulDecommissionTimeout" && error.line == 4
        }
    }

    @Test func theExampleTraceLoads() throws {
        let trace = try TraceLoader(currentDirectory: ProfileFixtures.packageRoot).load("ClusterProfiles/traces/example.yaml")
        #expect(trace.jobs.map(\.name) == ["dashboard-query", "nightly-etl", "reports"])
        #expect(trace.arrivals(defaultContainerMemoryMB: 3072).count == 53)
    }

    @Test func aTraceMistakePointsAtItsLineFieldAndFix() {
        let yaml = """
        jobs:
          - name: a
            arrival: 0s
            tasks: 10
            taskDuration: 90s
          - name: b
            arrival: soon
            tasks: 10
            taskDuration: 90s
        """
        #expect {
            try TraceLoader.parse(yaml, file: "trace.yaml")
        } throws: { error in
            guard let error = error as? ProfileError else { return false }
            return "\(error)" == "trace.yaml:7: jobs[1].arrival: 'soon' is not a duration. Fix: write seconds like 90s, a short form like 10m, 1h or 1h30m, or a number of seconds"
        }
    }
}
