import ClusterProfiles
import Cluster
import Foundation
import Testing
import Yams

@Suite struct ShippedProfilesTests {
    let loader = ProfileLoader(directory: ProfileFixtures.profilesDirectory)

    @Test func everyShippedProfileIsListed() {
        #expect(loader.availableProfileNames() == ProfileFixtures.shippedProfileNames)
    }

    @Test(arguments: ProfileFixtures.shippedProfileNames)
    func shippedProfileLoadsWithoutWarnings(_ name: String) throws {
        let loaded = try loader.load(name)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.profile.name == name)
        #expect(loaded.profile.labels["miniproc-profile"] == name)
        try loaded.profile.config.validate(clusterName: name)
    }

    @Test func shippedProfilesHaveTheirAdvertisedShapes() throws {
        let small = try loader.load("small").profile.config
        #expect(small.primaryWorkerCount == 2)
        #expect(small.workerMachineType?.name == "n1-standard-2")

        let standard = try loader.load("standard").profile.config
        #expect(try YarnSizing(config: standard).nodeManagerMemoryMB == 12288)

        let singleNode = try loader.load("single-node").profile.config
        #expect(singleNode.primaryWorkerCount == 0)

        let highmem = try loader.load("highmem").profile.config
        #expect(try YarnSizing(config: highmem).nodeManagerMemoryMB == 21299)

        let large = try loader.load("large").profile.config
        #expect(large.primaryWorkerCount == 50)
        #expect(large.secondaryWorkerCount == 100)
        #expect(large.workerMachineType?.name == "n1-standard-8")
        #expect(large.secondaryWorkerPreemptibility == .preemptible)

        let ephemeral = try loader.load("ephemeral").profile.config
        #expect(ephemeral.lifecycleConfig?.idleDeleteTtl == GoogleDuration(seconds: 600))
    }

    @Test(arguments: ["default", "aggressive", "conservative"])
    func shippedPolicyHasTheFieldsGcloudImportNeeds(_ name: String) throws {
        let url = ProfileFixtures.profilesDirectory.appendingPathComponent("policies/\(name).yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let policy = try #require(try Yams.load(yaml: text) as? [String: Any])
        let workers = try #require(policy["workerConfig"] as? [String: Any])
        let minimum = workers["minInstances"] as? Int ?? 2
        let maximum = try #require(workers["maxInstances"] as? Int)
        #expect(minimum >= 2 && maximum >= minimum)
        let algorithm = try #require(policy["basicAlgorithm"] as? [String: Any])
        let cooldown = try #require(GoogleDuration(parsing: algorithm["cooldownPeriod"] as? String ?? ""))
        #expect(cooldown >= GoogleDuration(seconds: 120) && cooldown <= GoogleDuration(seconds: 86_400))
        let yarn = try #require(algorithm["yarnConfig"] as? [String: Any])
        for key in ["scaleUpFactor", "scaleDownFactor", "scaleUpMinWorkerFraction", "scaleDownMinWorkerFraction"] {
            let value = try #require(yarn[key] as? Double, "\(key)")
            #expect((0 ... 1).contains(value), "\(key)")
        }
        let timeout = try #require(GoogleDuration(parsing: yarn["gracefulDecommissionTimeout"] as? String ?? ""))
        #expect(timeout <= GoogleDuration(seconds: 86_400))
        let allowed: Set<String> = ["workerConfig", "secondaryWorkerConfig", "basicAlgorithm", "labels", "clusterType"]
        #expect(Set(policy.keys).isSubset(of: allowed))
    }
}
