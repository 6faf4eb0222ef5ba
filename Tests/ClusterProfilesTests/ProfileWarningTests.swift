import Cluster
import ClusterProfiles
import Foundation
import Testing

@Suite struct ProfileWarningTests {
    @Test func unknownFieldsWarnWithTheirLineAndStillLoad() throws {
        let loaded = try ProfileLoader.parse(yaml: """
        config:
          endpointConfig: {}
          workerConfig:
            num_instances: 3
            numInstances: 2
            machinetypeuri: n1-standard-4
        status:
          state: RUNNING
        """, name: "x", file: "ClusterProfiles/x.yaml")
        #expect(loaded.warnings.map(\.description) == [
            "ClusterProfiles/x.yaml:2: config.endpointConfig: unknown field 'endpointConfig' is ignored",
            "ClusterProfiles/x.yaml:4: config.workerConfig.num_instances: unknown field 'num_instances' is ignored; did you mean numInstances?",
            "ClusterProfiles/x.yaml:6: config.workerConfig.machinetypeuri: unknown field 'machinetypeuri' is ignored; did you mean machineTypeUri?",
            "ClusterProfiles/x.yaml:7: status: unknown field 'status' is ignored",
        ])
        #expect(loaded.profile.config.primaryWorkerCount == 2)
    }

    /// Encodes every field of the model and loads it back as YAML: a field the
    /// model has but the loader's schema lacks would show up as a warning.
    @Test func everyModelFieldIsKnownToTheLoader() throws {
        let config = ClusterConfig(
            configBucket: "staging", tempBucket: "temp",
            gceClusterConfig: GceClusterConfig(
                zoneUri: "z", networkUri: "n", subnetworkUri: "s", internalIpOnly: true, serviceAccount: "a",
                serviceAccountScopes: ["x"], tags: ["t"], metadata: ["k": "v"]
            ),
            masterConfig: InstanceGroupConfig(
                numInstances: 1, instanceNames: ["m"], imageUri: "i", machineTypeUri: "n1-standard-4",
                diskConfig: DiskConfig(bootDiskSizeGb: 10, bootDiskType: "pd-ssd", numLocalSsds: 1, localSsdInterface: "NVME"),
                preemptibility: .nonPreemptible, minCpuPlatform: "AUTOMATIC", minNumInstances: 1
            ),
            workerConfig: InstanceGroupConfig(numInstances: 2),
            secondaryWorkerConfig: InstanceGroupConfig(numInstances: 1, preemptibility: .spot),
            softwareConfig: SoftwareConfig(imageVersion: "2.2", properties: ["core:a": "b"], optionalComponents: ["JUPYTER"]),
            autoscalingConfig: AutoscalingConfig(policyUri: "projects/p/regions/r/autoscalingPolicies/x"),
            lifecycleConfig: LifecycleConfig(
                idleDeleteTtl: GoogleDuration(seconds: 600), autoDeleteTtl: GoogleDuration(seconds: 3600),
                idleStartTime: GoogleTimestamp(seconds: 1_900_000_000), idleStopTtl: GoogleDuration(seconds: 900),
                autoStopTime: GoogleTimestamp(seconds: 1_900_000_000)
            )
        )
        // JSON is YAML (flow style), and it keeps booleans as booleans.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let yaml = String(decoding: try encoder.encode(["config": config]), as: UTF8.self)
        let loaded = try ProfileLoader.parse(yaml: yaml, name: "full", file: "full.yaml")
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.profile.config == config)
    }
}
