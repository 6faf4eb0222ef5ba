// swift-tools-version: 6.0
// A user's own job, in a package of its own: written against MapReduce,
// tested on a Miniproc cluster, and built as a streaming program that runs
// unchanged on Hadoop or Dataproc through hadoop-streaming.jar.
import PackageDescription

let package = Package(
    name: "LetterCount",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "LetterCount", targets: ["LetterCount"]),
        .executable(name: "letter-count-streaming", targets: ["letter-count-streaming"]),
    ],
    dependencies: [
        // In your own package: .package(url: "https://…/miniproc", from: "…").
        .package(name: "Miniproc", path: "../.."),
    ],
    targets: [
        .target(name: "LetterCount", dependencies: [.product(name: "MapReduce", package: "Miniproc")]),
        .executableTarget(
            name: "letter-count-streaming",
            dependencies: ["LetterCount", .product(name: "MapReduce", package: "Miniproc")]
        ),
        .testTarget(
            name: "LetterCountTests",
            dependencies: [
                "LetterCount",
                .product(name: "MapReduce", package: "Miniproc"),
                .product(name: "MiniprocTesting", package: "Miniproc"),
            ]
        ),
    ]
)
