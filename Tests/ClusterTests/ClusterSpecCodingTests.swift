import Cluster
import Foundation
import Testing

@Suite struct ClusterSpecCodingTests {
    /// The body `gcloud dataproc clusters create c1 --num-workers 2 … --max-idle 10m` posts (DATAPROC.md §1).
    static let createBody = #"{"clusterName":"c1","projectId":"demo","config":{"gceClusterConfig":{"zoneUri":""},"lifecycleConfig":{"idleDeleteTtl":"600s"},"masterConfig":{"diskConfig":{},"machineTypeUri":"n1-standard-2"},"softwareConfig":{},"workerConfig":{"diskConfig":{},"machineTypeUri":"n1-standard-4","numInstances":2}}}"#

    static func canonical(_ data: Data) throws -> String {
        let object = try JSONSerialization.jsonObject(with: data)
        let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: sorted, as: UTF8.self)
    }

    @Test func gcloudCreateBodyRoundTripsUnchanged() throws {
        let spec = try JSONDecoder().decode(ClusterSpec.self, from: Data(Self.createBody.utf8))
        #expect(spec.clusterName == "c1")
        #expect(spec.config?.workerConfig?.numInstances == 2)
        #expect(spec.config?.lifecycleConfig?.idleDeleteTtl == GoogleDuration(seconds: 600))
        #expect(spec.config?.gceClusterConfig?.zoneUri == "")
        let encoded = try JSONEncoder().encode(spec)
        #expect(try Self.canonical(encoded) == Self.canonical(Data(Self.createBody.utf8)))
        try spec.validate()
    }

    @Test func fullyPopulatedSpecRoundTrips() throws {
        let spec = ClusterSpec(
            projectId: "demo", clusterName: "etl", labels: ["env": "test"],
            config: ClusterConfig(
                configBucket: "staging", tempBucket: "temp",
                gceClusterConfig: GceClusterConfig(
                    zoneUri: "us-central1-f", internalIpOnly: true, serviceAccountScopes: ["cloud-platform"],
                    tags: ["a"], metadata: ["k": "v"]
                ),
                masterConfig: InstanceGroupConfig(numInstances: 1, machineTypeUri: "n1-standard-4"),
                workerConfig: InstanceGroupConfig(
                    numInstances: 3, instanceNames: ["etl-w-0"], machineTypeUri: "n2-standard-8",
                    diskConfig: DiskConfig(bootDiskSizeGb: 500, bootDiskType: "pd-ssd", numLocalSsds: 1, localSsdInterface: "NVME"),
                    preemptibility: .nonPreemptible, minCpuPlatform: "AUTOMATIC", minNumInstances: 2
                ),
                secondaryWorkerConfig: InstanceGroupConfig(numInstances: 4, preemptibility: .spot),
                softwareConfig: SoftwareConfig(imageVersion: "2.2-debian12", properties: ["yarn:x": "1"], optionalComponents: ["JUPYTER"]),
                autoscalingConfig: AutoscalingConfig(policyUri: "projects/demo/regions/r/autoscalingPolicies/p"),
                lifecycleConfig: LifecycleConfig(
                    idleDeleteTtl: GoogleDuration(seconds: 600),
                    autoDeleteTime: GoogleTimestamp(parsing: "2030-01-02T03:04:05.123456Z"),
                    idleStopTtl: GoogleDuration(seconds: 3600), autoStopTtl: GoogleDuration(seconds: 7200)
                )
            )
        )
        let data = try JSONEncoder().encode(spec)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""preemptibility":"SPOT""#))
        #expect(text.contains(#""autoDeleteTime":"2030-01-02T03:04:05.123456Z""#))
        #expect(text.contains(#""idleStopTtl":"3600s""#))
        #expect(try JSONDecoder().decode(ClusterSpec.self, from: data) == spec)
    }

    @Test func integersMayArriveAsStringsAndEnumsAsNumbers() throws {
        let body = #"{"clusterName":"c","projectId":"p","config":{"workerConfig":{"numInstances":"5","diskConfig":{"bootDiskSizeGb":"100"}},"secondaryWorkerConfig":{"numInstances":2,"preemptibility":3}}}"#
        let spec = try JSONDecoder().decode(ClusterSpec.self, from: Data(body.utf8))
        #expect(spec.config?.workerConfig?.numInstances == 5)
        #expect(spec.config?.workerConfig?.diskConfig?.bootDiskSizeGb == 100)
        #expect(spec.config?.secondaryWorkerConfig?.preemptibility == .spot)
        let encoded = String(decoding: try JSONEncoder().encode(spec), as: UTF8.self)
        #expect(encoded.contains(#""numInstances":5"#))
        #expect(encoded.contains(#""preemptibility":"SPOT""#))
    }

    @Test(arguments: [
        #"{"config":{"workerConfig":{"numInstances":"two"}}}"#,
        #"{"config":{"secondaryWorkerConfig":{"preemptibility":"CHEAP"}}}"#,
        #"{"config":{"lifecycleConfig":{"idleDeleteTtl":"10 minutes"}}}"#,
        #"{"config":{"lifecycleConfig":{"autoDeleteTime":"tomorrow"}}}"#,
    ])
    func malformedValuesFailToDecode(_ body: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ClusterSpec.self, from: Data(body.utf8)) }
    }
}
