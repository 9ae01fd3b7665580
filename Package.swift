// swift-tools-version: 6.1
//
// Bewaar keeps evidence of cyberbullying for Dutch secondary schools.
// Data flows one way: import -> model -> store -> bundle / trace / report -> front ends.

import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Bewaar",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bewaar", targets: ["bewaar"]),
        .library(name: "BewaarKit", targets: ["BewaarKit"]),
        .library(name: "BewaarImportWeb", targets: ["BewaarImportWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // Plain value types: cases, people, evidence, messages, custody events, the checklist.
        .target(name: "BewaarModel", swiftSettings: strict),
        // Streaming SHA-256 / SHA-512 over files and byte streams.
        .target(
            name: "BewaarDigest",
            dependencies: ["BewaarModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        // The importer seam: detection, the importer protocol, images, the inspect JSON contract.
        .target(name: "BewaarImport", dependencies: ["BewaarModel", "BewaarDigest"], swiftSettings: strict),
        // SQLite case store, content-addressed originals, custody log.
        .target(
            name: "BewaarStore",
            dependencies: ["BewaarModel", "BewaarDigest", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        // Use cases shared by every front end: ingest, inspect, check.
        .target(
            name: "BewaarKit",
            dependencies: ["BewaarModel", "BewaarDigest", "BewaarImport", "BewaarStore", "BewaarImportWeb"],
            swiftSettings: strict),
        // The `bewaar` command line (argument-parser commands), as a library so tests reach it.
        .target(
            name: "BewaarCLI",
            dependencies: ["BewaarKit", "BewaarModel", "BewaarStore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        // libxml2 (system library, pkg-config libxml-2.0); only BewaarHTML imports it.
        .systemLibrary(name: "CBewaarLibXML2", path: "Sources/CBewaarLibXML2",
                       pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // The thin owning Swift layer over libxml2's HTML parser: documents, streaming events, encodings.
        .target(name: "BewaarHTML", dependencies: ["CBewaarLibXML2"], swiftSettings: strict),
        // Saved web pages, MHTML and social-media data exports (Instagram, Facebook, TikTok, Snapchat, X).
        .target(
            name: "BewaarImportWeb",
            dependencies: ["BewaarModel", "BewaarDigest", "BewaarImport", "BewaarHTML",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict),
        .executableTarget(name: "bewaar", dependencies: ["BewaarCLI"], swiftSettings: strict),

        .testTarget(name: "BewaarModelTests", dependencies: ["BewaarModel"]),
        .testTarget(name: "BewaarImportTests", dependencies: ["BewaarImport", "BewaarDigest"]),
        .testTarget(name: "BewaarStoreTests", dependencies: ["BewaarStore", "BewaarKit"]),
        .testTarget(name: "BewaarCLITests", dependencies: ["BewaarKit"]),
        .testTarget(name: "BewaarImportWebTests",
                    dependencies: ["BewaarImportWeb", "BewaarHTML", "BewaarImport", "BewaarModel", "BewaarKit", "BewaarDigest",
                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ]
)
