// swift-tools-version: 6.1
// Importer-only timing for scripts/bench/mail: runs EmailImporter over files in one process,
// without the CLI's whole-file hash and JSON output. Depends on the main package by path.
import PackageDescription

let package = Package(
    name: "MailBench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Bewaar", path: "../..")],
    targets: [
        .executableTarget(name: "MailBench", dependencies: [.product(name: "BewaarImportMail", package: "Bewaar")]),
    ]
)
