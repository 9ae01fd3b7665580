// swift-tools-version: 6.1
//
// libFuzzer target for the WhatsApp chat parser. A package of its own so the normal build is
// untouched; run it with `scripts/fuzz whatsapp SECONDS` (builds with -sanitize=fuzzer,address).

import PackageDescription

let package = Package(
    name: "WhatsAppFuzz",
    dependencies: [.package(name: "Bewaar", path: "../..")],
    targets: [
        .executableTarget(
            name: "WhatsAppFuzz",
            dependencies: [.product(name: "BewaarImportWhatsApp", package: "Bewaar")]),
    ]
)
