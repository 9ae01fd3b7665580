// swift-tools-version: 6.1
// libFuzzer target for Bewaar's HTML, MHTML and Meta-HTML readers. Built and run by
// scripts/fuzz.d/html; depends on the main package by path.
import PackageDescription
import Foundation

// A path dependency's identity is its folder's name (the clone or worktree name).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "BewaarFuzzHTML",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "fuzz-html",
            dependencies: [.product(name: "BewaarImportWeb", package: root.lastPathComponent)],
            // The whole graph is instrumented by scripts/fuzz.d/html (-Xswiftc -sanitize=fuzzer,address).
            swiftSettings: [.unsafeFlags(["-parse-as-library"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]),
    ]
)
