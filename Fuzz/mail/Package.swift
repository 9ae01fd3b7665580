// swift-tools-version: 6.1
// libFuzzer target for Bewaar's e-mail parser (headers, MIME, Received, mbox, .msg).
// Built and run by scripts/fuzz.d/mail; depends on the main package by path.
import PackageDescription

let package = Package(
    name: "MailFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Bewaar", path: "../..")],
    targets: [
        .executableTarget(
            name: "MailFuzz",
            dependencies: [.product(name: "BewaarImportMail", package: "Bewaar")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
