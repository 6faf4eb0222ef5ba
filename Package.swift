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
    ],
    targets: [
        // The core: Foundation only.
        .target(name: "MapReduce", swiftSettings: swiftSettings),
        .target(name: "ResourceManager", swiftSettings: swiftSettings),
        .target(name: "Cluster", dependencies: ["MapReduce", "ResourceManager"], swiftSettings: swiftSettings),
        .target(name: "Autoscaling", dependencies: ["Cluster", "ResourceManager"], swiftSettings: swiftSettings),
        .target(name: "Jobs", dependencies: ["MapReduce"], path: "Jobs", swiftSettings: swiftSettings),

        // Edges.
        .target(
            name: "ClusterProfiles",
            dependencies: ["Cluster", "Autoscaling", .product(name: "Yams", package: "Yams")],
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
                "Persistence", "Cluster", "ClusterProfiles", "Autoscaling", "Jobs", "MapReduce", "ResourceManager",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MiniprocTesting",
            dependencies: ["Cluster", "ClusterProfiles", "Autoscaling", "Jobs", "MapReduce"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "miniproc",
            dependencies: [
                "MapReduce", "Jobs", "Cluster", "ClusterProfiles", "Autoscaling", "DataprocAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Benchmarks need only the core, never the server stack.
        .executableTarget(
            name: "MiniprocBench",
            dependencies: ["MapReduce", "Jobs", "ResourceManager", "Cluster", "Autoscaling"],
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "MapReduceTests", dependencies: ["MapReduce"], swiftSettings: swiftSettings),
        .testTarget(name: "JobsTests", dependencies: ["Jobs", "MapReduce"], swiftSettings: swiftSettings),
        .testTarget(name: "ResourceManagerTests", dependencies: ["ResourceManager"], swiftSettings: swiftSettings),
        .testTarget(name: "ClusterTests", dependencies: ["Cluster", "MiniprocTesting", "MapReduce", "Jobs"], swiftSettings: swiftSettings),
        .testTarget(name: "ClusterProfilesTests", dependencies: ["ClusterProfiles"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DataprocAPITests",
            dependencies: ["DataprocAPI", "Persistence", .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "AutoscalingTests", dependencies: ["Autoscaling", "MiniprocTesting"], swiftSettings: swiftSettings),
    ]
)
