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
    ],
    traits: [
        // `swift build --traits Web` adds the web interface; the default build stays small and fast.
        .trait(name: "Web", description: "The local web interface: bewaar serve"),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        // The web interface (`bewaar serve`), only built with `--traits Web`.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
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
        // The report (police packet): one document description rendered as HTML and as PDF.
        .systemLibrary(
            name: "CBewaarPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .target(name: "BewaarReport", dependencies: ["BewaarModel", "CBewaarPangoCairo"], swiftSettings: strict),
        // Use cases shared by every front end: ingest, inspect, check.
        .target(
            name: "BewaarKit",
            dependencies: ["BewaarModel", "BewaarDigest", "BewaarImport", "BewaarStore", "BewaarReport"],
            swiftSettings: strict),
        // The `bewaar` command line (argument-parser commands), as a library so tests reach it.
        .target(
            name: "BewaarCLI",
            dependencies: ["BewaarKit", "BewaarModel", "BewaarStore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           "BewaarAccounts", .target(name: "BewaarWeb", condition: .when(traits: ["Web"]))],
            swiftSettings: strict),
        // Accounts for the web interface: users, roles, scrypt password hashes (in the case store).
        .target(
            name: "BewaarAccounts",
            dependencies: ["BewaarModel", "BewaarStore", .product(name: "_CryptoExtras", package: "swift-crypto"),
                           .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        // The local web interface: routes, pages, sessions, CSRF, streamed uploads (trait Web).
        .target(
            name: "BewaarWeb",
            dependencies: [
                "BewaarKit", "BewaarModel", "BewaarStore", "BewaarAccounts", "BewaarDigest",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Web"])),
                .product(name: "MultipartKit", package: "multipart-kit", condition: .when(traits: ["Web"])),
                .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["Web"])),
            ],
            swiftSettings: strict),
        .executableTarget(name: "bewaar", dependencies: ["BewaarCLI"], swiftSettings: strict),

        .testTarget(name: "BewaarModelTests", dependencies: ["BewaarModel"]),
        .testTarget(name: "BewaarImportTests", dependencies: ["BewaarImport", "BewaarDigest"]),
        .testTarget(name: "BewaarStoreTests", dependencies: ["BewaarStore", "BewaarKit", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "BewaarCLITests", dependencies: ["BewaarKit", "BewaarModel"]),
        .testTarget(name: "BewaarReportTests", dependencies: ["BewaarReport"]),
        .testTarget(name: "BewaarAccountsTests", dependencies: ["BewaarAccounts", "BewaarStore", "BewaarModel"]),
        .testTarget(
            name: "BewaarWebTests",
            dependencies: [
                "BewaarWeb", "BewaarKit", "BewaarStore", "BewaarModel", "BewaarAccounts",
                .product(name: "HummingbirdTesting", package: "hummingbird", condition: .when(traits: ["Web"])),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Web"])),
                .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["Web"])),
            ]),
    ]
)
