// swift-tools-version: 6.0
import PackageDescription

/// One set of settings for every target: Swift 6 language mode with strict concurrency.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Miniproc",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "miniproc", targets: ["miniproc"]),
        .executable(name: "miniproc-bench", targets: ["MiniprocBench"]),
        .library(name: "MapReduce", targets: ["MapReduce"]),
        .library(name: "Jobs", targets: ["Jobs"]),
        .library(name: "Streaming", targets: ["Streaming"]),
        .library(name: "Cluster", targets: ["Cluster"]),
        .library(name: "ClusterProfiles", targets: ["ClusterProfiles"]),
        .library(name: "Autoscaling", targets: ["Autoscaling"]),
        .library(name: "MiniprocTesting", targets: ["MiniprocTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        // Already in the graph through Hummingbird; named here only so that the
        // targets that import Logging can declare it.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // The core: Foundation only.
        // The one seeded generator: data generators, simulations and tests of every
        // layer need it, and none of them should depend on another for it.
        .target(name: "SeededRandom", swiftSettings: swiftSettings),
        .target(name: "MapReduce", swiftSettings: swiftSettings),
        .target(name: "ResourceManager", swiftSettings: swiftSettings),
        .target(name: "Cluster", dependencies: ["MapReduce", "ResourceManager"], swiftSettings: swiftSettings),
        .target(
            name: "Autoscaling",
            dependencies: ["Cluster", "ResourceManager", "MapReduce", "SeededRandom"],
            swiftSettings: swiftSettings
        ),
        .target(name: "Jobs", dependencies: ["MapReduce", "SeededRandom"], path: "Jobs", swiftSettings: swiftSettings),
        // Hadoop Streaming: jobs of the engine whose map, combine and reduce
        // functions are external programs, one child process per task attempt.
        .target(name: "Streaming", dependencies: ["MapReduce", "Jobs"], swiftSettings: swiftSettings),

        // Edges.
        // Charts and CSV of simulation reports: rendering for the command line (and a console).
        .target(name: "SimulationCharts", dependencies: ["Autoscaling"], swiftSettings: swiftSettings),
        // The shipped profiles, policies and traces: the files of the top-level
        // ClusterProfiles/ folder, the one copy of them, installed as resources so
        // that names load from any directory. SwiftPM takes no folder as a whole
        // (".") nor globs, so each top-level file is listed; a test fails when one
        // is missing, and SwiftPM warns about an unlisted file.
        .target(
            name: "ShippedProfiles",
            path: "ClusterProfiles",
            resources: [
                .copy("autoscaling.yaml"), .copy("ephemeral.yaml"), .copy("highmem.yaml"), .copy("large.yaml"),
                .copy("single-node.yaml"), .copy("small.yaml"), .copy("standard.yaml"),
                .copy("policies"), .copy("traces"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ClusterProfiles",
            dependencies: ["Cluster", "Autoscaling", "ShippedProfiles", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Persistence",
            dependencies: ["Cluster", "Autoscaling", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DataprocAPI",
            dependencies: [
                "Persistence", "Cluster", "ClusterProfiles", "Autoscaling", "Jobs", "Streaming", "MapReduce", "ResourceManager",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MiniprocTesting",
            dependencies: ["Cluster", "ClusterProfiles", "Autoscaling", "Jobs", "MapReduce", "ResourceManager", "SeededRandom"],
            swiftSettings: swiftSettings
        ),
        // The commands, in a library so that tests run them in-process.
        .target(
            name: "MiniprocCLI",
            dependencies: [
                "MapReduce", "Jobs", "Streaming", "Cluster", "ClusterProfiles", "Autoscaling", "SimulationCharts", "DataprocAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "miniproc", dependencies: ["MiniprocCLI"], swiftSettings: swiftSettings),
        // Benchmarks need only the core, never the server stack.
        .executableTarget(
            name: "MiniprocBench",
            dependencies: ["MapReduce", "Jobs", "Streaming", "ResourceManager", "Cluster", "Autoscaling", "SimulationCharts", "SeededRandom"],
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "MapReduceTests", dependencies: ["MapReduce", "SeededRandom"], swiftSettings: swiftSettings),
        .testTarget(name: "JobsTests", dependencies: ["Jobs", "MapReduce", "SeededRandom"], swiftSettings: swiftSettings),
        .testTarget(name: "StreamingTests", dependencies: ["Streaming", "MapReduce", "Jobs", "SeededRandom"], swiftSettings: swiftSettings),
        .testTarget(name: "ResourceManagerTests", dependencies: ["ResourceManager", "SeededRandom"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ClusterTests",
            dependencies: ["Cluster", "MiniprocTesting", "MapReduce", "Jobs", "ResourceManager"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ClusterProfilesTests",
            dependencies: ["ClusterProfiles", "ShippedProfiles", "Cluster", "Autoscaling", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DataprocAPITests",
            dependencies: [
                "DataprocAPI", "Persistence", "Cluster", "ResourceManager",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AutoscalingTests",
            dependencies: ["Autoscaling", "SimulationCharts", "MiniprocTesting", "Cluster", "ResourceManager", "Jobs", "MapReduce"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MiniprocCLITests",
            dependencies: ["MiniprocCLI", "MiniprocTesting", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
    ]
)
