import Cluster
import Testing

@Suite struct YarnSizingTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var machine: String
        var workers: Int
        var nodeManagerMB: Int
        var vcores: Int
        var containerMB: Int
        var reduces: Int
        var testDescription: String { "\(workers)× \(machine)" }
    }

    // DATAPROC.md §7: n1-standard-4 → 12288/4/3072; n2-standard-4 → 13544/4/3386, 7 reduces, 21 maps.
    @Test(arguments: [
        Row(machine: "n1-standard-4", workers: 2, nodeManagerMB: 12288, vcores: 4, containerMB: 3072, reduces: 7),
        Row(machine: "n2-standard-4", workers: 2, nodeManagerMB: 13544, vcores: 4, containerMB: 3386, reduces: 7),
        Row(machine: "n1-highmem-4", workers: 2, nodeManagerMB: 21299, vcores: 4, containerMB: 5324, reduces: 7),
        Row(machine: "n1-standard-2", workers: 2, nodeManagerMB: 6144, vcores: 2, containerMB: 3072, reduces: 3),
        Row(machine: "n1-standard-8", workers: 50, nodeManagerMB: 24576, vcores: 8, containerMB: 3072, reduces: 399),
        Row(machine: "n1-standard-1", workers: 0, nodeManagerMB: 3072, vcores: 1, containerMB: 3072, reduces: 1),
    ])
    func defaultsFollowTheMachineType(_ row: Row) throws {
        let type = try #require(MachineType(uri: row.machine))
        let sizing = try YarnSizing(machineType: type, workerCount: row.workers)
        #expect(sizing.nodeManagerMemoryMB == row.nodeManagerMB)
        #expect(sizing.nodeManagerVcores == row.vcores)
        #expect(sizing.maximumAllocationMB == row.nodeManagerMB)
        #expect(sizing.minimumAllocationMB == 1)
        #expect(sizing.mapMemoryMB == row.containerMB)
        #expect(sizing.reduceMemoryMB == row.containerMB)
        #expect(sizing.appMasterMemoryMB == row.containerMB)
        #expect([sizing.mapVcores, sizing.reduceVcores, sizing.appMasterVcores] == [1, 1, 1])
        #expect(sizing.jobReduces == row.reduces)
        #expect(sizing.jobMaps == 3 * row.reduces)
    }

    @Test func rendersDataprocProperties() throws {
        let type = try #require(MachineType(uri: "n2-standard-4"))
        let properties = try YarnSizing(machineType: type, workerCount: 2).properties
        #expect(properties["yarn:yarn.nodemanager.resource.memory-mb"] == "13544")
        #expect(properties["yarn:yarn.scheduler.maximum-allocation-mb"] == "13544")
        #expect(properties["mapred:mapreduce.map.memory.mb"] == "3386")
        #expect(properties["mapred:mapreduce.map.java.opts"] == "-Xmx2708m")
        #expect(properties["mapred:mapreduce.job.maps"] == "21")
        #expect(properties["mapred:mapreduce.job.reduces"] == "7")
    }

    @Test func prefixedPropertiesOverrideAndDerivedDefaultsFollow() throws {
        let type = try #require(MachineType(uri: "n1-standard-4"))
        let sizing = try YarnSizing(machineType: type, workerCount: 2, properties: [
            "yarn:yarn.nodemanager.resource.memory-mb": "8192",
            "mapred:mapreduce.reduce.memory.mb": "4096",
            "mapred:mapreduce.job.reduces": "0",
            "spark:spark.executor.memory": "4g",
        ])
        #expect(sizing.nodeManagerMemoryMB == 8192)
        #expect(sizing.maximumAllocationMB == 8192)
        #expect(sizing.mapMemoryMB == 2048)
        #expect(sizing.reduceMemoryMB == 4096)
        #expect(sizing.jobReduces == 0)
        #expect(sizing.jobMaps == 3)
    }

    @Test func singleNodeClusterSizesTheMaster() throws {
        let config = ClusterConfig(
            masterConfig: InstanceGroupConfig(machineTypeUri: "n1-highmem-4"),
            softwareConfig: SoftwareConfig(properties: [ClusterConfig.allowZeroWorkersProperty: "true"])
        )
        let sizing = try YarnSizing(config: config)
        #expect(sizing.nodeManagerMemoryMB == 21299)
        #expect(sizing.jobReduces == 3)
    }

    @Test func clusterWithoutMachineTypesGetsTheServerDefault() throws {
        let sizing = try YarnSizing(config: ClusterConfig())
        #expect(sizing.nodeManagerMemoryMB == 13544)
        #expect(sizing.jobReduces == 7)
    }

    @Test func rejectsAPropertyThatIsNotANumber() throws {
        let type = try #require(MachineType(uri: "n1-standard-4"))
        #expect(throws: ClusterConfigError.invalidProperty(
            key: "yarn:yarn.nodemanager.resource.cpu-vcores", value: "four", expected: "a whole number of 1 or more"
        )) {
            try YarnSizing(machineType: type, workerCount: 2, properties: ["yarn:yarn.nodemanager.resource.cpu-vcores": "four"])
        }
    }

    @Test func rejectsAContainerNoNodeCanHold() throws {
        let type = try #require(MachineType(uri: "n1-standard-4"))
        let error = #expect(throws: ClusterConfigError.self) {
            try YarnSizing(machineType: type, workerCount: 2, properties: ["mapred:mapreduce.map.memory.mb": "20000"])
        }
        #expect(error?.description == "property mapred:mapreduce.map.memory.mb asks for 20000 but yarn:yarn.scheduler.maximum-allocation-mb is 12288, so no container could ever be placed; lower mapred:mapreduce.map.memory.mb or raise yarn:yarn.scheduler.maximum-allocation-mb")
    }
}
