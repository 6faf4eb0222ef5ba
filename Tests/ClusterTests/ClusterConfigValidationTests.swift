import Cluster
import Testing

@Suite struct ClusterConfigValidationTests {
    static let allowZero = SoftwareConfig(properties: [ClusterConfig.allowZeroWorkersProperty: "true"])

    @Test func onePrimaryWorkerIsAlwaysAnError() {
        let spec = ClusterSpec(projectId: "p", clusterName: "etl", config: ClusterConfig(
            workerConfig: InstanceGroupConfig(numInstances: 1), softwareConfig: Self.allowZero
        ))
        #expect(throws: ClusterConfigError.onePrimaryWorker(cluster: "etl")) { try spec.validate() }
        #expect(ClusterConfigError.onePrimaryWorker(cluster: "etl").message
            == "cluster 'etl' needs 0 or at least 2 primary workers, got 1")
        #expect(ClusterConfigError.onePrimaryWorker(cluster: "etl").field == "config.workerConfig.numInstances")
    }

    @Test func zeroWorkersNeedTheAllowZeroWorkersProperty() throws {
        let without = ClusterConfig(workerConfig: InstanceGroupConfig(numInstances: 0))
        #expect(throws: ClusterConfigError.zeroPrimaryWorkersNotAllowed(cluster: nil)) { try without.validate() }
        var with = without
        with.softwareConfig = Self.allowZero
        try with.validate()
        #expect(with.primaryWorkerCount == 0)
    }

    @Test func absentWorkerCountDefaultsToTwo() {
        #expect(ClusterConfig().primaryWorkerCount == 2)
        #expect(ClusterConfig().masterCount == 1)
        #expect(ClusterConfig().secondaryWorkerPreemptibility == .preemptible)
        #expect(ClusterConfig(softwareConfig: Self.allowZero).primaryWorkerCount == 0)
    }

    @Test(arguments: [
        (ClusterConfig(workerConfig: InstanceGroupConfig(numInstances: -2)),
         ClusterConfigError.negativeCount(field: "config.workerConfig.numInstances", value: -2)),
        (ClusterConfig(secondaryWorkerConfig: InstanceGroupConfig(numInstances: -1)),
         .negativeCount(field: "config.secondaryWorkerConfig.numInstances", value: -1)),
        (ClusterConfig(masterConfig: InstanceGroupConfig(diskConfig: DiskConfig(bootDiskSizeGb: 0))),
         .nonPositiveSize(field: "config.masterConfig.diskConfig.bootDiskSizeGb", value: 0, unit: "GB")),
        (ClusterConfig(workerConfig: InstanceGroupConfig(diskConfig: DiskConfig(numLocalSsds: -1))),
         .negativeCount(field: "config.workerConfig.diskConfig.numLocalSsds", value: -1)),
        (ClusterConfig(workerConfig: InstanceGroupConfig(numInstances: 2, minNumInstances: 3)),
         .minimumAboveCount(field: "config.workerConfig.minNumInstances", minimum: 3, count: 2)),
        (ClusterConfig(masterConfig: InstanceGroupConfig(numInstances: 2)), .invalidMasterCount(cluster: nil, count: 2)),
        (ClusterConfig(workerConfig: InstanceGroupConfig(preemptibility: .spot)),
         .preemptiblePrimaryGroup(field: "config.workerConfig.preemptibility", value: .spot)),
        (ClusterConfig(masterConfig: InstanceGroupConfig(machineTypeUri: "zones/z/machineTypes/n1-mega-4")),
         .unknownMachineType(field: "config.masterConfig.machineTypeUri", name: "n1-mega-4")),
        (ClusterConfig(lifecycleConfig: LifecycleConfig(idleDeleteTtl: GoogleDuration(seconds: 60))),
         .durationOutOfRange(field: "config.lifecycleConfig.idleDeleteTtl", value: GoogleDuration(seconds: 60),
                             minimum: GoogleDuration(seconds: 300), maximum: GoogleDuration(seconds: 1_209_600))),
        (ClusterConfig(lifecycleConfig: LifecycleConfig(autoDeleteTtl: GoogleDuration(seconds: 15 * 86_400))),
         .durationOutOfRange(field: "config.lifecycleConfig.autoDeleteTtl", value: GoogleDuration(seconds: 1_296_000),
                             minimum: GoogleDuration(seconds: 600), maximum: GoogleDuration(seconds: 1_209_600))),
        (ClusterConfig(lifecycleConfig: LifecycleConfig(autoStopTtl: GoogleDuration(seconds: 300))),
         .durationOutOfRange(field: "config.lifecycleConfig.autoStopTtl", value: GoogleDuration(seconds: 300),
                             minimum: GoogleDuration(seconds: 600), maximum: GoogleDuration(seconds: 1_209_600))),
        (ClusterConfig(lifecycleConfig: LifecycleConfig(
            autoDeleteTtl: GoogleDuration(seconds: 3600), autoDeleteTime: GoogleTimestamp(seconds: 1_000_000)
         )), .mutuallyExclusive(field: "config.lifecycleConfig.autoDeleteTime", other: "autoDeleteTtl")),
    ])
    func rejectsOutOfRangeValues(_ config: ClusterConfig, _ expected: ClusterConfigError) {
        #expect(config.validationErrors() == [expected])
    }

    @Test func autoDeleteTimeMustBeTenMinutesToFourteenDaysAhead() throws {
        let now = try #require(GoogleTimestamp(parsing: "2030-01-01T00:00:00Z"))
        let soon = LifecycleConfig(autoDeleteTime: now.adding(GoogleDuration(seconds: 300)))
        #expect(ClusterConfig(lifecycleConfig: soon).validationErrors(now: now)
            == [.timeOutOfRange(field: "config.lifecycleConfig.autoDeleteTime", value: now.adding(GoogleDuration(seconds: 300)), now: now)])
        let later = LifecycleConfig(autoDeleteTime: now.adding(GoogleDuration(seconds: 86_400)))
        #expect(ClusterConfig(lifecycleConfig: later).validationErrors(now: now).isEmpty)
        // Without a creation time (a profile) the absolute time is not checked.
        #expect(ClusterConfig(lifecycleConfig: soon).validationErrors().isEmpty)
    }

    @Test func ttlMessagesUseTheShortForms() {
        let error = ClusterConfigError.durationOutOfRange(
            field: "config.lifecycleConfig.idleDeleteTtl", value: GoogleDuration(seconds: 60),
            minimum: GoogleDuration(seconds: 300), maximum: GoogleDuration(seconds: 1_209_600)
        )
        #expect(error.description == "idleDeleteTtl 60s is outside 5m–14d; choose a duration between 300s (5m) and 1209600s (14d)")
    }

    @Test(arguments: ["etl", "a", "etl-2024-01", String(repeating: "a", count: 51)])
    func acceptsValidClusterNames(_ name: String) throws {
        try ClusterSpec.validateClusterName(name)
    }

    @Test(arguments: [
        ("", "cluster name '' is empty"),
        ("Etl", "cluster name 'Etl' must start with a lowercase letter"),
        ("1etl", "cluster name '1etl' must start with a lowercase letter"),
        ("etl_job", "cluster name 'etl_job' contains '_'"),
        ("etl-", "cluster name 'etl-' must not end with a hyphen"),
        (String(repeating: "a", count: 52), "cluster name '\(String(repeating: "a", count: 52))' is 52 characters long, more than 51"),
    ])
    func rejectsInvalidClusterNames(_ name: String, _ message: String) {
        let error = #expect(throws: ClusterConfigError.self) { try ClusterSpec.validateClusterName(name) }
        #expect(error?.message == message)
        #expect(error?.field == "clusterName")
    }
}
