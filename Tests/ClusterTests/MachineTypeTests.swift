import Cluster
import Testing

@Suite struct MachineTypeTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        var name: String
        var vCPUs: Int
        var memoryMiB: Int
        var nodeManagerMB: Int
        var testDescription: String { name }
    }

    // Compute Engine shapes and the NodeManager memory of DATAPROC.md §7.
    @Test(arguments: [
        Shape(name: "n1-standard-1", vCPUs: 1, memoryMiB: 3840, nodeManagerMB: 3072),
        Shape(name: "n1-standard-2", vCPUs: 2, memoryMiB: 7680, nodeManagerMB: 6144),
        Shape(name: "n1-standard-4", vCPUs: 4, memoryMiB: 15360, nodeManagerMB: 12288),
        Shape(name: "n1-standard-8", vCPUs: 8, memoryMiB: 30720, nodeManagerMB: 24576),
        Shape(name: "n1-standard-16", vCPUs: 16, memoryMiB: 61440, nodeManagerMB: 49152),
        Shape(name: "n1-highmem-4", vCPUs: 4, memoryMiB: 26624, nodeManagerMB: 21299),
        Shape(name: "n1-highcpu-4", vCPUs: 4, memoryMiB: 3686, nodeManagerMB: 2948),
        Shape(name: "n2-standard-4", vCPUs: 4, memoryMiB: 16384, nodeManagerMB: 13544),
        Shape(name: "n2-highmem-8", vCPUs: 8, memoryMiB: 65536, nodeManagerMB: 54176),
        Shape(name: "n2-highcpu-8", vCPUs: 8, memoryMiB: 8192, nodeManagerMB: 6772),
        Shape(name: "e2-standard-32", vCPUs: 32, memoryMiB: 131_072, nodeManagerMB: 108_352),
        Shape(name: "e2-medium", vCPUs: 2, memoryMiB: 4096, nodeManagerMB: 3386),
        Shape(name: "e2-small", vCPUs: 2, memoryMiB: 2048, nodeManagerMB: 1693),
        Shape(name: "e2-micro", vCPUs: 2, memoryMiB: 1024, nodeManagerMB: 846),
    ])
    func catalogHasComputeEngineShapesAndNodeManagerMemory(_ shape: Shape) throws {
        let type = try #require(MachineType(uri: shape.name))
        #expect(type.vCPUs == shape.vCPUs)
        #expect(type.memoryMiB == shape.memoryMiB)
        #expect(type.yarnNodeManagerMemoryMB == shape.nodeManagerMB)
        #expect(type.yarnNodeManagerVcores == shape.vCPUs)
    }

    @Test(arguments: [
        "n1-standard-4",
        "https://www.googleapis.com/compute/v1/projects/demo/zones/us-central1-f/machineTypes/n1-standard-4",
        "projects/demo/zones/us-central1-f/machineTypes/n1-standard-4",
    ])
    func acceptsBareNamesAndMachineTypeURLs(_ uri: String) {
        #expect(MachineType(uri: uri)?.name == "n1-standard-4")
    }

    @Test(arguments: ["n1-standard-3", "n1-mega-4", "c2-standard-4", "", "machineTypes/"])
    func rejectsTypesOutsideTheCatalog(_ uri: String) {
        #expect(MachineType(uri: uri) == nil)
    }

    @Test func catalogSummaryListsEveryFamily() {
        #expect(MachineType.catalogSummary.hasPrefix("n1-standard-{1,2,4,8,16,32,64,96}, n1-highmem-{2,"))
        #expect(MachineType.catalogSummary.hasSuffix("e2-highcpu-{2,4,8,16,32}, e2-medium, e2-small, e2-micro"))
        #expect(Set(MachineType.catalog.map(\.name)).count == MachineType.catalog.count)
    }
}
