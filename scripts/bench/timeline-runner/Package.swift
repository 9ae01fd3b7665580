// swift-tools-version: 6.1
// Benchmark for issue 8: search and timeline pages on a case with 1,000,000 records.
// A separate package so the main build never compiles it; run through scripts/bench/timeline.
import PackageDescription

let package = Package(
    name: "TimelineBench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "../../..")],
    targets: [
        .executableTarget(name: "TimelineBench", dependencies: [.product(name: "BewaarKit", package: "main")]),
    ]
)
