import Autoscaling
import ClusterProfiles
import Foundation
import ShippedProfiles
import Testing

/// The shipped profiles, policies and traces load by name from a directory with no
/// `ClusterProfiles/` folder above it, as from an installed binary.
@Suite struct ShippedResourcesTests {
    /// A scratch directory outside the repository, and a loader whose current directory it is.
    private static func outsideTheRepository() throws -> (root: URL, profiles: ProfileLoader) {
        let root = try ProfileFixtures.scratchDirectory()
        let profiles = ProfileLoader(currentDirectory: root)
        // The temporary directory may sit under a ClusterProfiles/ of its own on
        // some machines; only without one are the shipped files all that is found.
        if profiles.profilesDirectory() != nil { try? FileManager.default.removeItem(at: root) }
        try #require(profiles.profilesDirectory() == nil)
        return (root, profiles)
    }

    /// The YAML files under `directory`, as paths relative to it, sorted.
    private static func yamlFiles(under directory: URL) -> [String] {
        let base = directory.standardizedFileURL.resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(atPath: base)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") || path.hasSuffix(".json") { files.append(path) }
        }
        return files.sorted()
    }

    @Test func everyYAMLFileOfTheProfilesFolderIsShipped() {
        let inRepository = Self.yamlFiles(under: ProfileFixtures.profilesDirectory)
        #expect(!inRepository.isEmpty)
        #expect(Self.yamlFiles(under: ShippedProfiles.directory) == inRepository,
                "list every file of ClusterProfiles/ in the ShippedProfiles target's resources in Package.swift")
    }

    @Test(arguments: ProfileFixtures.shippedProfileNames)
    func shippedProfileLoadsByNameFromOutsideTheRepository(_ name: String) throws {
        let (root, loader) = try Self.outsideTheRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let loaded = try loader.load(name)
        #expect(loaded.profile.name == name)
        #expect(loaded.profile.file == "ClusterProfiles/\(name).yaml (built in)")
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loader.availableProfileNames() == ProfileFixtures.shippedProfileNames)
    }

    @Test(arguments: ProfileFixtures.shippedPolicyNames)
    func shippedPolicyLoadsByNameFromOutsideTheRepository(_ name: String) throws {
        let (root, profiles) = try Self.outsideTheRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let loader = PolicyLoader(profiles: profiles)
        let policy = try loader.load(name)
        #expect(policy.id == name)
        #expect(loader.availablePolicyNames() == ProfileFixtures.shippedPolicyNames)
    }

    @Test(arguments: ProfileFixtures.shippedTraceNames)
    func shippedTraceLoadsByNameFromOutsideTheRepository(_ name: String) throws {
        let (root, profiles) = try Self.outsideTheRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let loader = TraceLoader(profiles: profiles)
        let trace = try loader.load(name)
        #expect(!trace.jobs.isEmpty)
        #expect(loader.availableTraceNames() == ProfileFixtures.shippedTraceNames)
    }

    @Test func theShippedExampleTraceEqualsTheRepositoryCopy() throws {
        let (root, profiles) = try Self.outsideTheRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let shipped = try TraceLoader(profiles: profiles).load("example")
        let inRepository = try TraceLoader(currentDirectory: ProfileFixtures.packageRoot).load("ClusterProfiles/traces/example.yaml")
        #expect(shipped.jobs.map(\.name) == inRepository.jobs.map(\.name))
        #expect(shipped.arrivals(defaultContainerMemoryMB: 3072).count == 53)
    }

    @Test func aProfilesFolderOfTheUsersOwnComesBeforeTheShippedFiles() throws {
        let root = try ProfileFixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try ProfileFixtures.write(ProfileLoaderTests.twoWorkers, to: "ClusterProfiles/large.yaml", in: root)
        try ProfileFixtures.write("""
        workerConfig:
          maxInstances: 7
        basicAlgorithm:
          yarnConfig:
            scaleUpFactor: 0.5
            scaleDownFactor: 0.5
            gracefulDecommissionTimeout: 1h
        """, to: "ClusterProfiles/policies/aggressive.yaml", in: root)
        try ProfileFixtures.write("""
        jobs:
          - name: mine
            arrival: 0s
            tasks: 1
            taskDuration: 10s
        """, to: "ClusterProfiles/traces/example.yaml", in: root)
        let profiles = ProfileLoader(currentDirectory: root)

        let large = try profiles.load("large")
        #expect(large.profile.config.primaryWorkerCount == 3)
        #expect(large.profile.file == "ClusterProfiles/large.yaml")
        #expect(try PolicyLoader(profiles: profiles).load("aggressive").primaryLimits.maxInstances == 7)
        #expect(try TraceLoader(profiles: profiles).load("example").jobs.map(\.name) == ["mine"])
        // What the user's folder lacks still comes from the shipped files.
        #expect(try PolicyLoader(profiles: profiles).load("conservative").id == "conservative")
    }

    @Test func aTraceReferenceWithASlashOrAnExtensionIsAPath() throws {
        let root = try ProfileFixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let loader = TraceLoader(currentDirectory: root)
        #expect(TraceLoader.isPath("example.json") && TraceLoader.isPath("./example") && !TraceLoader.isPath("example"))
        let error = #expect(throws: ProfileError.self) { try loader.load("example.yaml") }
        #expect(error?.message == "no such file, or not UTF-8 text")
    }

    @Test func anUnknownTraceNameListsTheShippedOnes() throws {
        let (root, profiles) = try Self.outsideTheRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let error = #expect(throws: ProfileError.self) { try TraceLoader(profiles: profiles).load("nope") }
        #expect(error?.description == "ClusterProfiles: no trace named 'nope'. Fix: use one of example, or give a path to a .yaml file")
    }
}
