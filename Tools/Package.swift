// swift-tools-version: 6.1
//
// Bewaar's tools: benchmarks and libFuzzer targets, one executable target each, depending on
// the main package one folder up. A package of its own so the main build never compiles them.
// Scripts build one product each (`swift build --package-path Tools --product NAME`):
//   MailBench      scripts/bench/mail      the e-mail importer alone, over files, in one process
//   OCRBench       (run by hand, see notes/issue-13-pixels.md and notes/issue-13-reader-accuracy-speed.md)
//                  decode + OCR (or, with --reader, the whole chat reading; --threads N for throughput)
//                  against the `tesseract` command, per image, wall and CPU time
//   TimelineBench  scripts/bench/timeline  a case of generated records; timeline and search timings
//                  scripts/bench/web       (its record generator)
//   HTMLFuzz       scripts/fuzz html       libFuzzer: page, MHTML, Meta-thread and chat HTML readers
//   MailFuzz       scripts/fuzz mail       libFuzzer: headers, MIME, Received, mbox, .msg
//   WhatsAppFuzz   scripts/fuzz whatsapp   libFuzzer: the chat parser and its promises on origins
//   ImageMetadataFuzz  scripts/fuzz image-metadata  libFuzzer: EXIF, PNG text, XMP and HEIC box readers
//   ImageFuzz      scripts/fuzz image      libFuzzer: the image header probe, the limit, PNG/JPEG/GIF/WebP/HEIC decoding
//   FuzzDriver     (a library) libFuzzer's driver, shared by the fuzz targets
// The fuzz runners and the Python mutators (trace, bundle-zip) are in Tools/fuzz/.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder: find the checkout's folder name, whatever
// it is called (a CI clone or a worktree is not named "Bewaar").
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().standardized.lastPathComponent

/// A libFuzzer target: its entry points are `@_cdecl` functions (no top-level code), and it links
/// libFuzzer's driver, so even a plain build links. scripts/fuzz instruments the whole graph with
/// `-Xswiftc -sanitize=fuzzer,address`.
func fuzzTarget(_ name: String, product: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzDriver", .product(name: product, package: root)],
        swiftSettings: [.unsafeFlags(["-parse-as-library"])],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])])
}

let package = Package(
    name: "BewaarTools",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(name: "MailBench", dependencies: [.product(name: "BewaarImportMail", package: root)]),
        .executableTarget(name: "TimelineBench", dependencies: [.product(name: "BewaarKit", package: root)]),
        .executableTarget(
            name: "OCRBench",
            dependencies: [
                .product(name: "BewaarOCR", package: root), .product(name: "BewaarImage", package: root),
                .product(name: "BewaarScreenshot", package: root),
            ]),
        // libFuzzer's driver (LLVMFuzzerRunDriver), which every fuzz target's entry hands over to.
        .target(name: "FuzzDriver"),
        fuzzTarget("HTMLFuzz", product: "BewaarImportWeb"),
        fuzzTarget("MailFuzz", product: "BewaarImportMail"),
        fuzzTarget("WhatsAppFuzz", product: "BewaarImportWhatsApp"),
        fuzzTarget("ImageMetadataFuzz", product: "BewaarImageMetadata"),
        fuzzTarget("ImageFuzz", product: "BewaarImage"),
    ]
)
