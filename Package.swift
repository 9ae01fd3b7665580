// swift-tools-version: 6.1
//
// Bewaar keeps evidence of cyberbullying for Dutch secondary schools.
// Data flows one way: import -> model -> store -> bundle / trace / report -> front ends.

import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Bewaar",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bewaar", targets: ["bewaar"]),
        .library(name: "BewaarKit", targets: ["BewaarKit"]),
        // The e-mail importer on its own (MailBench and MailFuzz in Tools/ link it).
        .library(name: "BewaarImportMail", targets: ["BewaarImportMail", "BewaarMIME", "BewaarImport", "BewaarModel", "BewaarJSON"]),
        // The WhatsApp importer alone: what WhatsAppFuzz in Tools/ links.
        .library(name: "BewaarImportWhatsApp", targets: ["BewaarImportWhatsApp"]),
        .library(name: "BewaarImportWeb", targets: ["BewaarImportWeb"]),
        // Image metadata (EXIF, PNG text, XMP) alone: what ImageMetadataFuzz in Tools/ links.
        .library(name: "BewaarImageMetadata", targets: ["BewaarImageMetadata"]),
        // Pixels and OCR alone: what ImageFuzz in Tools/ links (and, later, the screenshot importer).
        .library(name: "BewaarImage", targets: ["BewaarImage", "BewaarImageFormat"]),
        .library(name: "BewaarOCR", targets: ["BewaarOCR"]),
        // The chat-screenshot reader alone: what OCRBench in Tools/ times.
        .library(name: "BewaarScreenshot", targets: ["BewaarScreenshot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // The web interface (`bewaar serve`): what mentors use, in every build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.20.0"),
        // Sign-in with the school's accounts (OpenID Connect): ID tokens checked with jwt-kit, HTTP with async-http-client.
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        // The PostgreSQL store (a school board's many schools on one server): the wire protocol in Swift.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
        // TLS for the PostgreSQL connection (already postgres-nio's own dependency).
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
    ],
    targets: [
        // Plain value types: cases, people, evidence, messages, custody events, the checklist.
        .target(name: "BewaarModel", swiftSettings: strict),
        // JSON for the model: the deterministic writer, the strict parser, the skimmer, records' JSON shape.
        .target(name: "BewaarJSON", dependencies: ["BewaarModel"], swiftSettings: strict),
        // Streaming SHA-256 / SHA-512 over files and byte streams.
        .target(
            name: "BewaarDigest",
            dependencies: ["BewaarModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        // The importer seam: detection, the importer protocol, images, the inspect JSON contract.
        .target(
            name: "BewaarImport", dependencies: ["BewaarModel", "BewaarJSON", "BewaarDigest"],
            swiftSettings: strict),
        // Images without C: the header probe (format and pixel size, never decoding), the pixel-count
        // limit, the image errors. The importer seam uses it without linking any image library.
        .target(name: "BewaarImageFormat", dependencies: ["BewaarModel"], swiftSettings: strict),
        // libpng (its quiet simplified API), leptonica (GIF, WebP) and libheif (HEIC): only BewaarImage imports them.
        .systemLibrary(name: "CBewaarPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CBewaarLeptonica", pkgConfig: "lept", providers: [.apt(["libleptonica-dev"])]),
        .systemLibrary(name: "CBewaarHeif", pkgConfig: "libheif", providers: [.apt(["libheif-dev"])]),
        // libwebp's demuxer: the first frame of an animated WebP.
        .systemLibrary(name: "CBewaarWebP", pkgConfig: "libwebpdemux", providers: [.apt(["libwebp-dev"])]),
        // JPEG through libjpeg(-turbo) with a quiet error manager (setjmp lives in C): leptonica's JPEG reader prints libjpeg's warnings.
        .target(name: "CBewaarJPEG", linkerSettings: [.linkedLibrary("jpeg")]),
        // Pixels: decoding into Swift-owned PixelImage values (limit checked first), the perceptual hash.
        .target(
            name: "BewaarImage",
            dependencies: ["BewaarModel", "BewaarImageFormat", "CBewaarPNG", "CBewaarJPEG", "CBewaarLeptonica", "CBewaarHeif", "CBewaarWebP"],
            swiftSettings: strict),
        // Tesseract's C API (libtesseract); only BewaarOCR imports it.
        .systemLibrary(
            name: "CBewaarTesseract", pkgConfig: "tesseract", providers: [.apt(["libtesseract-dev", "tesseract-ocr-nld", "tesseract-ocr-eng"])]),
        // OCR: the one owning wrapper of a Tesseract engine (one per thread), words with boxes out.
        .target(name: "BewaarOCR", dependencies: ["BewaarImage", "BewaarModel", "CBewaarTesseract"], swiftSettings: strict),
        // Chat layout: a screenshot's pixels and OCR words become header, bubbles, sides, times.
        .target(name: "BewaarScreenshot", dependencies: ["BewaarImage", "BewaarOCR", "BewaarModel"], swiftSettings: strict),
        // Screenshots and photos as evidence: header, metadata, pixels read as chat records with pixel boxes.
        .target(
            name: "BewaarImportImage",
            dependencies: [
                "BewaarImport", "BewaarModel", "BewaarJSON", "BewaarDigest", "BewaarImage", "BewaarImageFormat", "BewaarImageMetadata",
                "BewaarOCR", "BewaarScreenshot",
            ],
            swiftSettings: strict),
        // MIME, the one home: header blocks, parameters (RFC 2231), encoded words (RFC 2047),
        // charsets (iconv), quoted-printable and base64, the tree of parts, mail dates.
        .target(name: "BewaarMIME", dependencies: ["BewaarModel"], swiftSettings: strict),
        // E-mail: .eml, .mbox and Outlook .msg; Received hops, addresses, authentication results.
        .target(
            name: "BewaarImportMail", dependencies: ["BewaarImport", "BewaarModel", "BewaarJSON", "BewaarDigest", "BewaarMIME", "BewaarHTML"],
            swiftSettings: strict),
        // SQLite case store, content-addressed originals, custody log.
        .target(
            name: "BewaarStore",
            dependencies: [
                "BewaarModel", "BewaarJSON", "BewaarDigest", "CBewaarMemoryFile", .product(name: "GRDB", package: "GRDB.swift"),
                // AES-256-GCM, HKDF and HMAC for an encrypted store; scrypt for its passphrase.
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "_CryptoExtras", package: "swift-crypto"),
                // SQLite's C API, for the few hot loops that bind and read columns directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // The same AES-256-GCM and HMAC with the key kept between calls, for an ingest's records.
                "CBewaarLibcrypto",
            ],
            swiftSettings: strict),
        // The store's database on PostgreSQL (postgres-nio, behind BewaarStore's StoreDatabase): a
        // module of its own, so SQLite-only code never links postgres-nio.
        .target(
            name: "BewaarStorePostgres",
            dependencies: [
                "BewaarStore", "BewaarModel", "BewaarJSON", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // TLS to the database (sslmode=verify-full): the same swift-nio-ssl postgres-nio uses.
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict),
        // The report (police packet): one document description rendered as HTML and as PDF.
        .systemLibrary(
            name: "CBewaarPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .target(name: "BewaarReport", dependencies: ["BewaarModel", "CBewaarPangoCairo", "BewaarQR"], swiftSettings: strict),
        // QR codes (the pupils' upload link): libqrencode, wrapped once by BewaarQR.
        .systemLibrary(name: "CBewaarQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "BewaarQR", dependencies: ["CBewaarQREncode"], swiftSettings: strict),
        // WhatsApp "Export chat" (.txt / .zip, Android and iOS): streaming parser with byte-level origins.
        .target(
            name: "BewaarImportWhatsApp",
            dependencies: ["BewaarImport", "BewaarModel", "BewaarJSON", "BewaarDigest", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict),
        // Use cases shared by every front end: ingest, inspect, check.
        .target(
            name: "BewaarKit",
            dependencies: [
                "BewaarModel", "BewaarJSON", "BewaarDigest", "BewaarImport", "BewaarStore", "BewaarReport", "BewaarBundle", "BewaarImportMail",
                "BewaarImportWhatsApp", "BewaarImportWeb", "BewaarImportImage",
                // Pixels: the lookalike check (perceptual hash) and the report's pictures (the packet decodes each screenshot).
                "BewaarImage", "BewaarImageFormat",
            ],
            swiftSettings: strict),
        // zlib (deflate, inflate, CRC-32) for the bundle's zip writer and reader.
        .systemLibrary(name: "CBewaarZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // OpenSSL's libcrypto, for a vectorised SHA-512 in the bundle's hot loop and sealing records at ingest.
        .systemLibrary(name: "CBewaarLibcrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // CRC-32 folded with carry-less multiplication (x86-64), finished by zlib: the zip CRC at memory speed.
        .target(name: "CBewaarCRCFold"),
        // Files in memory only (memfd_create): where an encrypted store opens an original.
        .target(name: "CBewaarMemoryFile"),
        // Starting a file's writeback early (Linux sync_file_range), so the bundle's fsync overlaps the hashing.
        .target(name: "CBewaarWriteback"),
        // Hashed evidence bundles: a case as a BagIt 1.0 zip, and the strict verifier.
        .target(
            name: "BewaarBundle",
            dependencies: [
                "BewaarModel", "BewaarJSON", "BewaarDigest", "BewaarStore", "BewaarImageFormat", "BewaarImageMetadata", "CBewaarZlib",
                "CBewaarLibcrypto", "CBewaarCRCFold",
                "CBewaarWriteback",
            ],
            swiftSettings: strict),
        // Sender trace of an e-mail: trust walk over Received hops, network file, school logs.
        .target(
            name: "BewaarTrace",
            dependencies: [
                "BewaarModel", "BewaarJSON", "BewaarDigest", "BewaarImport", "BewaarImportMail", .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict),
        // The `bewaar` command line (argument-parser commands), as a library so tests reach it.
        .target(
            name: "BewaarCLI",
            dependencies: [
                "BewaarKit", "BewaarModel", "BewaarJSON", "BewaarStore", "BewaarBundle", "BewaarTrace", "BewaarAccounts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "BewaarWeb",
                "BewaarServe",
                "BewaarSignOn",
                "BewaarStorePostgres",
            ],
            swiftSettings: strict),
        // libxml2 (system library, pkg-config libxml-2.0); only BewaarHTML imports it.
        .systemLibrary(
            name: "CBewaarLibXML2", path: "Sources/CBewaarLibXML2",
            pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // The thin owning Swift layer over libxml2's HTML parser: documents, streaming events, encodings.
        .target(name: "BewaarHTML", dependencies: ["CBewaarLibXML2"], swiftSettings: strict),
        // Saved web pages, MHTML and social-media data exports (Instagram, Facebook, TikTok, Snapchat, X).
        .target(
            name: "BewaarImportWeb",
            dependencies: [
                "BewaarModel", "BewaarJSON", "BewaarDigest", "BewaarImport", "BewaarHTML", "BewaarMIME",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        // Accounts and who may open which case: users, roles, scrypt password hashes, sign-in
        // sessions, access links and the security log, in tables of its own in the case store
        // (`AccountTables`), with the escalation that grants access.
        .target(
            name: "BewaarAccounts",
            dependencies: [
                "BewaarModel", "BewaarStore", "BewaarDigest", .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        // OpenID Connect, the relying party's side: discovery, PKCE, the token request, the ID token's
        // signature (the provider's JWKS, cached) and claims. No pages: BewaarWeb shows those.
        .target(
            name: "BewaarSignOn",
            dependencies: [
                "BewaarModel", .product(name: "JWTKit", package: "jwt-kit"), .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: strict),
        // The local web interface: routes, pages, sessions, CSRF, streamed uploads, and the pupils'
        // upload links (`UploadLinkTables`, its own table in the case store).
        .target(
            name: "BewaarWeb",
            dependencies: [
                "BewaarKit", "BewaarModel", "BewaarStore", "BewaarAccounts", "BewaarDigest", "BewaarImport", "BewaarReport", "BewaarQR", "BewaarMIME",
                "BewaarSignOn",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        // What `bewaar serve` plugs into the web interface: the real bundle and trace seams .
        .target(
            name: "BewaarServe",
            dependencies: ["BewaarWeb", "BewaarBundle", "BewaarTrace", "BewaarKit", "BewaarModel", "BewaarJSON", "BewaarStore"],
            swiftSettings: strict),
        // Image metadata in pure Swift: EXIF (JPEG, PNG eXIf, WebP, HEIC), PNG text chunks, XMP; edit findings.
        .target(name: "BewaarImageMetadata", dependencies: ["BewaarModel", "CBewaarZlib"], swiftSettings: strict),
        .executableTarget(name: "bewaar", dependencies: ["BewaarCLI"], swiftSettings: strict),

        // What tests share: running the built `bewaar`, temporary folders, a test clock, a seeded chat, poppler.
        .target(name: "BewaarTestSupport", dependencies: ["BewaarModel", "BewaarStore"], path: "Tests/BewaarTestSupport"),
        // What tests on a real PostgreSQL share: the test run's server (scripts/postgres), a fresh
        // migrated database per test, a board with a school.
        .target(
            name: "BewaarPostgresTestSupport", dependencies: ["BewaarStorePostgres", "BewaarStore", "BewaarTestSupport"],
            path: "Tests/BewaarPostgresTestSupport"),
        .testTarget(name: "BewaarJSONTests", dependencies: ["BewaarJSON", "BewaarModel"]),
        .testTarget(name: "BewaarModelTests", dependencies: ["BewaarJSON", "BewaarModel"]),
        .testTarget(name: "BewaarImportTests", dependencies: ["BewaarImport", "BewaarDigest"]),
        .testTarget(name: "BewaarImageTests", dependencies: ["BewaarImage", "BewaarImageFormat", "BewaarModel"], exclude: ["Fixtures"]),
        .testTarget(name: "BewaarOCRTests", dependencies: ["BewaarOCR", "BewaarImage", "BewaarImageFormat", "BewaarModel"], exclude: ["Fixtures"]),
        .testTarget(
            name: "BewaarImportImageTests",
            dependencies: [
                "BewaarImportImage", "BewaarImport", "BewaarImageMetadata", "BewaarScreenshot", "BewaarModel", "BewaarJSON", "BewaarDigest",
            ]),
        .testTarget(name: "BewaarScreenshotTests", dependencies: ["BewaarScreenshot", "BewaarImage", "BewaarOCR", "BewaarModel"]),
        .testTarget(
            name: "BewaarStoreTests",
            dependencies: [
                "BewaarJSON", "BewaarTestSupport", "BewaarPostgresTestSupport", "BewaarStorePostgres", "BewaarStore", "BewaarKit",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // StoreDatabase's behaviour, the same tests on SQLite and on a real PostgreSQL (scripts/postgres).
        .testTarget(
            name: "BewaarStorePostgresTests",
            dependencies: [
                "BewaarStorePostgres", "BewaarStore", "BewaarModel", "BewaarJSON", "BewaarTestSupport", "BewaarPostgresTestSupport",
                "BewaarWeb", "BewaarAccounts", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "BewaarCLITests",
            dependencies: [
                "BewaarJSON", "BewaarTestSupport", "BewaarPostgresTestSupport", "BewaarKit", "BewaarModel",
                // Every module that throws an error a person reads: the test that each one is a BilingualError.
                "BewaarStore", "BewaarAccounts", "BewaarBundle", "BewaarReport", "BewaarTrace",
                "BewaarImport", "BewaarImportMail", "BewaarImportWeb", "BewaarImportWhatsApp", "BewaarImageFormat", "BewaarOCR",
                "BewaarSignOn",
            ]),
        .testTarget(name: "BewaarReportTests", dependencies: ["BewaarTestSupport", "BewaarReport", "BewaarQR"]),
        .testTarget(
            name: "BewaarImportWhatsAppTests",
            dependencies: [
                "BewaarJSON", "BewaarTestSupport", "BewaarImportWhatsApp", "BewaarImport", "BewaarModel", "BewaarDigest", "BewaarKit",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "BewaarBundleTests", dependencies: ["BewaarJSON", "BewaarTestSupport", "BewaarBundle", "BewaarStore", "BewaarKit", "BewaarDigest"]),
        .testTarget(
            name: "BewaarImportWebTests",
            dependencies: [
                "BewaarJSON", "BewaarTestSupport", "BewaarImportWeb", "BewaarHTML", "BewaarImport", "BewaarModel", "BewaarKit", "BewaarDigest",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "BewaarImageMetadataTests", dependencies: ["BewaarImageMetadata", "BewaarModel"], exclude: ["Fixtures"]),
        .testTarget(name: "BewaarMIMETests", dependencies: ["BewaarMIME", "BewaarModel"]),
        .testTarget(
            name: "BewaarImportMailTests",
            dependencies: ["BewaarTestSupport", "BewaarImportMail", "BewaarMIME", "BewaarImport", "BewaarModel", "BewaarDigest"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "BewaarTraceTests", dependencies: ["BewaarJSON", "BewaarTestSupport", "BewaarTrace", "BewaarModel", "BewaarDigest"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "BewaarAccountsTests",
            dependencies: [
                "BewaarAccounts", "BewaarStore", "BewaarModel", "BewaarTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "BewaarWebTests",
            dependencies: [
                "BewaarWeb", "BewaarKit", "BewaarStore", "BewaarModel", "BewaarAccounts",
                "BewaarServe", "BewaarTestSupport", "BewaarSignOn", "BewaarPostgresTestSupport", "BewaarStorePostgres",
                .product(name: "JWTKit", package: "jwt-kit"), .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ]
)
