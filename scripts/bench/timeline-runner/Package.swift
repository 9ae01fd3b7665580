// swift-tools-version: 6.1
// Benchmark for issue 8: search and timeline pages on a case with 1,000,000 records.
// A separate package so the main build never compiles it; run through scripts/bench/timeline.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder: find the checkout's folder name, whatever
// it is called (a CI clone is not named "main").
let root = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("../../..").standardized

let package = Package(
    name: "TimelineBench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "../../..")],
    targets: [
        .executableTarget(name: "TimelineBench", dependencies: [.product(name: "BewaarKit", package: root.lastPathComponent)]),
    ]
)
