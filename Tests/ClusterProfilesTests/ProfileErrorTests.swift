import ClusterProfiles
import Testing

@Suite struct ProfileErrorTests {
    static func load(_ yaml: String) throws(ProfileError) -> LoadedProfile {
        try ProfileLoader.parse(yaml: yaml, name: "bad", file: "ClusterProfiles/bad.yaml")
    }

    static func error(_ yaml: String) -> ProfileError? {
        do {
            _ = try load(yaml)
            return nil
        } catch {
            return error
        }
    }

    static let header = """
    config:
      masterConfig:
        machineTypeUri: n1-standard-2
        numInstances: 1
      workerConfig:

    """

    @Test func onePrimaryWorker() {
        let error = Self.error(Self.header + """
            machineTypeUri: n1-standard-2
            numInstances: 1
        """)
        #expect(error?.line == 7)
        #expect(error?.field == "config.workerConfig.numInstances")
        #expect(error?.description == "ClusterProfiles/bad.yaml:7: config.workerConfig.numInstances: the cluster needs 0 or at least 2 primary workers, got 1. Fix: set workerConfig.numInstances to 2 or more, or to 0 with property dataproc:dataproc.allow.zero.workers: 'true' for a single-node cluster")
    }

    @Test func unknownMachineTypeListsTheFamilies() {
        let error = Self.error(Self.header + """
            machineTypeUri: https://www.googleapis.com/compute/v1/projects/p/zones/z/machineTypes/n1-mega-4
            numInstances: 2
        """)
        #expect(error?.line == 6)
        #expect(error?.field == "config.workerConfig.machineTypeUri")
        #expect(error?.message.hasPrefix("unknown machine type 'n1-mega-4'; known types are n1-standard-{1,2,4,8,16,32,64,96}, ") == true)
        #expect(error?.fix == "use an n1, n2 or e2 standard/highmem/highcpu type such as n1-standard-4, or e2-medium/small/micro")
    }

    @Test func zeroWorkersWithoutTheProperty() {
        let error = Self.error(Self.header + """
            numInstances: 0
        """)
        #expect(error?.description == "ClusterProfiles/bad.yaml:6: config.workerConfig.numInstances: the cluster has 0 primary workers but does not allow zero workers. Fix: add property dataproc:dataproc.allow.zero.workers: 'true' for a single-node cluster, or set workerConfig.numInstances to 2 or more")
    }

    @Test(arguments: [
        ("    numInstances: -3", 6, "config.workerConfig.numInstances", "numInstances must not be negative, got -3"),
        ("    numInstances: 2\n    diskConfig:\n      bootDiskSizeGb: 0", 8,
         "config.workerConfig.diskConfig.bootDiskSizeGb", "bootDiskSizeGb must be at least 1 GB, got 0"),
        ("    numInstances: 2\n    diskConfig:\n      bootDiskSizeGb: -100", 8,
         "config.workerConfig.diskConfig.bootDiskSizeGb", "bootDiskSizeGb must be at least 1 GB, got -100"),
        ("    numInstances: two", 6, "config.workerConfig.numInstances", "'two' is not a whole number"),
        ("    numInstances: 2\n    preemptibility: CHEAP", 7, "config.workerConfig.preemptibility",
         "'CHEAP' is not one of PREEMPTIBILITY_UNSPECIFIED, NON_PREEMPTIBLE, PREEMPTIBLE, SPOT"),
        ("    - n1-standard-2", 6, "config.workerConfig", "expected a mapping of fields, found a list"),
    ])
    func badSizesAndValues(_ worker: String, _ line: Int, _ field: String, _ message: String) {
        let error = Self.error(Self.header + worker)
        #expect(error?.line == line)
        #expect(error?.field == field)
        #expect(error?.message == message)
    }

    @Test(arguments: [
        ("10 minutes", "write 600s or 10m"),
        ("600", "write 600s or 10m"),
        ("2 hours", "write 7200s or 2h"),
        ("soon", "write seconds like 600s or a short form like 10m, 1h or 1d"),
    ])
    func malformedDurationSuggestsTheSpelling(_ value: String, _ fix: String) {
        let error = Self.error("""
        config:
          workerConfig:
            numInstances: 2
          lifecycleConfig:
            idleDeleteTtl: '\(value)'
        """)
        #expect(error?.line == 5)
        #expect(error?.description == "ClusterProfiles/bad.yaml:5: config.lifecycleConfig.idleDeleteTtl: '\(value)' is not a duration. Fix: \(fix)")
    }

    @Test func durationOutOfRange() {
        let error = Self.error("""
        config:
          lifecycleConfig:
            idleDeleteTtl: 1m
        """)
        #expect(error?.description == "ClusterProfiles/bad.yaml:3: config.lifecycleConfig.idleDeleteTtl: idleDeleteTtl 60s is outside 5m–14d. Fix: choose a duration between 300s (5m) and 1209600s (14d)")
    }

    @Test func badYAMLReportsYamsLineAndColumn() {
        let error = Self.error("""
        config:
          workerConfig:
            numInstances: 2
           machineTypeUri: n1-standard-2
        """)
        #expect(error?.line == 4)
        #expect(error?.field == "")
        #expect(error?.message.hasPrefix("invalid YAML at column 4: ") == true)
        #expect(error?.description.hasPrefix("ClusterProfiles/bad.yaml:4: invalid YAML") == true)
    }

    @Test func duplicateKeysAreErrors() {
        let error = Self.error("""
        config:
          workerConfig:
            numInstances: 2
            numInstances: 3
        """)
        #expect(error?.message == "the key 'numInstances' appears more than once in one mapping")
        #expect(error?.line != nil)
    }

    @Test func badYarnPropertyPointsAtItsLine() {
        let error = Self.error("""
        config:
          softwareConfig:
            properties:
              dataproc:dataproc.allow.zero.workers: 'true'
              yarn:yarn.nodemanager.resource.memory-mb: lots
        """)
        #expect(error?.description == "ClusterProfiles/bad.yaml:5: config.softwareConfig.properties.yarn:yarn.nodemanager.resource.memory-mb: property yarn:yarn.nodemanager.resource.memory-mb is 'lots', not a whole number of 1 or more. Fix: set yarn:yarn.nodemanager.resource.memory-mb to a whole number of 1 or more, or remove it to use the machine type's default")
    }

    @Test(arguments: ["", "# nothing\n", "- a\n- b\n", "labels:\n  a: b\n"])
    func profileWithoutConfigIsAnError(_ yaml: String) {
        let error = Self.error(yaml)
        #expect(error != nil)
        #expect(error?.fix.contains("config:") == true)
    }
}
