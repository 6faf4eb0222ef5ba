import ClusterProfiles
import Foundation
import Testing

@Suite struct ProfileLoaderTests {
    static let twoWorkers = """
    config:
      workerConfig:
        machineTypeUri: e2-standard-4
        numInstances: 3
    """

    @Test(arguments: [
        ("small", false), ("single-node", false), ("my_profile", false),
        ("./small", true), ("profiles/etl.yaml", true), ("etl.yaml", true), ("etl.yml", true), ("/abs/x", true),
    ])
    func pathsAreRecognisedBySlashOrExtension(_ reference: String, _ isPath: Bool) {
        #expect(ProfileLoader.isPath(reference) == isPath)
    }

    @Test func byNameSearchesUpwardsForTheProfilesDirectory() throws {
        let root = try ProfileFixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try ProfileFixtures.write(Self.twoWorkers, to: "ClusterProfiles/etl.yaml", in: root)
        // A ClusterProfiles folder without YAML (a source folder) is passed over.
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Sources/ClusterProfiles"), withIntermediateDirectories: true
        )
        let loader = ProfileLoader(currentDirectory: root.appendingPathComponent("Sources"))
        #expect(loader.profilesDirectory()?.standardizedFileURL.path == root.appendingPathComponent("ClusterProfiles").standardizedFileURL.path)
        let loaded = try loader.load("etl")
        #expect(loaded.profile.name == "etl")
        #expect(loaded.profile.config.primaryWorkerCount == 3)
        #expect(loaded.profile.file.hasSuffix("/ClusterProfiles/etl.yaml"))
        // Names the directory lacks come from the shipped profiles.
        #expect(try loader.load("small").profile.file == "ClusterProfiles/small.yaml (built in)")
        #expect(loader.availableProfileNames() == (ProfileFixtures.shippedProfileNames + ["etl"]).sorted())
    }

    @Test func byPathIsRelativeToTheCurrentDirectory() throws {
        let root = try ProfileFixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try ProfileFixtures.write(Self.twoWorkers, to: "custom/etl.yaml", in: root)
        let loader = ProfileLoader(currentDirectory: root)
        let loaded = try loader.load("custom/etl.yaml")
        #expect(loaded.profile.name == "etl")
        #expect(loaded.profile.file == "custom/etl.yaml")
    }

    @Test func errorsNameTheFileAsTheUserTypedIt() throws {
        let root = try ProfileFixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try ProfileFixtures.write("config:\n  workerConfig:\n    numInstances: 1\n", to: "ClusterProfiles/bad.yaml", in: root)
        let loader = ProfileLoader(currentDirectory: root)
        let error = #expect(throws: ProfileError.self) { try loader.load("bad") }
        #expect(error?.description.hasPrefix("ClusterProfiles/bad.yaml:3: config.workerConfig.numInstances: ") == true)
    }

    @Test func missingFileByPath() throws {
        let root = try ProfileFixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let error = #expect(throws: ProfileError.self) { try ProfileLoader(currentDirectory: root).load("nope.yaml") }
        #expect(error?.description == "nope.yaml: no such file. Fix: check the path, or give a profile name such as small")
    }

    @Test func unknownNameListsWhatExists() throws {
        let loader = ProfileLoader(directory: ProfileFixtures.profilesDirectory, currentDirectory: ProfileFixtures.packageRoot)
        let error = #expect(throws: ProfileError.self) { try loader.load("huge") }
        #expect(error?.description == "ClusterProfiles: no profile named 'huge' in ClusterProfiles/. Fix: use one of autoscaling, ephemeral, highmem, large, single-node, small, standard, or give a path to a .yaml file")
    }

    @Test func anUnknownNameWithNoDirectoryAroundListsTheShippedProfiles() throws {
        let root = try ProfileFixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let loader = ProfileLoader(currentDirectory: root)
        // The temporary directory may sit under a ClusterProfiles/ of its own on
        // some machines; the shipped profiles are only guaranteed without one.
        try #require(loader.profilesDirectory() == nil)
        let error = #expect(throws: ProfileError.self) { try loader.load("huge") }
        #expect(error?.message.hasPrefix("no profile named 'huge' built in, and no ClusterProfiles/ directory was found above ") == true)
        #expect(error?.fix == "use one of autoscaling, ephemeral, highmem, large, single-node, small, standard, or give a path to a .yaml file")
    }

    @Test func profileBecomesAClusterSpec() throws {
        let loaded = try ProfileLoader(directory: ProfileFixtures.profilesDirectory).load("standard")
        let spec = loaded.profile.spec(clusterName: "etl", projectId: "demo")
        #expect(spec.labels == ["miniproc-profile": "standard"])
        try spec.validate()
    }
}
