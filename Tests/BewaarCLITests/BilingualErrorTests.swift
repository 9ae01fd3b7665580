import Foundation
import Testing
import BewaarTestSupport
import BewaarModel
import BewaarKit
import BewaarStore
import BewaarAccounts
import BewaarBundle
import BewaarReport
import BewaarTrace
import BewaarImport
import BewaarImportMail
import BewaarImportWeb
import BewaarImportWhatsApp
import BewaarImageFormat
import BewaarOCR
import BewaarSignOn

/// One error shape: every error a person reads says it in Dutch and English the same way, so a
/// front end turns any of them into words with one catch.
@Suite struct BilingualErrorTests {
    /// The public error types a mentor or sysadmin reads, by name.
    static let explained: [String: any Error.Type] = [
        "StoreError": StoreError.self, "KitError": KitError.self, "AccountError": AccountError.self,
        "BundleError": BundleError.self, "ReportError": ReportError.self, "TraceError": TraceError.self,
        "NetworkFileError": NetworkFileError.self, "MailImportError": MailImportError.self,
        "WebImportError": WebImportError.self, "WhatsAppError": WhatsAppError.self, "UnpackBudgetSpent": UnpackBudgetSpent.self,
        "ImageError": ImageError.self, "OCRError": OCRError.self, "SignOnError": SignOnError.self,
    ]

    /// Public error types that are not sentences for a person, and who turns them into one.
    static let technical: Set<String> = [
        "BewaarJSON/JSONParser.swift: Failure",          // an offset; the importers and the store explain it
        "BewaarImportMail/CompoundFile.swift: Failure",  // the .msg importer wraps it in a MailImportError
        "BewaarImport/MappedFile.swift: Failure",        // an errno; its callers wrap it
        "BewaarDigest/FileReader.swift: Failure",        // an errno; its callers wrap it
        "BewaarHTML/HTMLDocument.swift: Failure",        // libxml2's refusal; the web importer wraps it
        "BewaarQR/QRCode.swift: QRCodeError",            // the upload link is always short enough
        "BewaarAccounts/Accounts.swift: LoginFailure",   // the login page answers it with its own words
    ]

    @Test func everyErrorAPersonReadsIsABilingualError() {
        for (name, type) in Self.explained {
            #expect(type is any BilingualError.Type, "\(name) is not a BilingualError")
        }
    }

    /// Walks the sources: a new public error type is either explained in both languages (and
    /// listed above) or named as technical, never forgotten.
    @Test func everyPublicErrorTypeInThePackageIsListed() throws {
        let sources = BewaarBinary.packageRoot + "/Sources"
        let declaration = try NSRegularExpression(pattern: #"public (?:struct|enum) (\w+)\s*:\s*([^{]*)\{"#)
        var found: [String] = []
        let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files.sorted() {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for m in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let conformances = (text as NSString).substring(with: m.range(at: 2))
                guard conformances.split(whereSeparator: { ", \n".contains($0) }).contains(where: { $0.hasSuffix("Error") }) else { continue }
                let name = (text as NSString).substring(with: m.range(at: 1))
                found.append(name)
                #expect(Self.explained[name] != nil || Self.technical.contains("\(file): \(name)"),
                        "\(file): \(name) is a public error type that is neither a BilingualError listed here nor named as technical")
            }
        }
        #expect(found.count >= Self.explained.count + Self.technical.count - 1, "the walk found \(found)")
        for name in Self.explained.keys { #expect(found.contains(name), "\(name) was not found in the sources") }
    }

    @Test func dutchIsTheErrorDescriptionEnglishTheDescriptionAndTheLanguagePicksOne() {
        let e = StoreError(.unknownCase, nl: "Zaak 2026-0099 bestaat niet.", en: "Case 2026-0099 does not exist.")
        #expect(e.errorDescription == "Zaak 2026-0099 bestaat niet.")
        #expect("\(e)" == "Case 2026-0099 does not exist.")
        #expect(Language.nl.text(of: e) == "Zaak 2026-0099 bestaat niet.")
        #expect(Language.en.text(of: e) == "Case 2026-0099 does not exist.")
        // A WhatsApp export's reader keeps its own errorDescription: both languages at once.
        let w = WhatsAppError.unreadableFile(name: "chat.txt", reason: "weg")
        #expect(w.errorDescription == "\(w.dutch) / \(w.english)")
        #expect(Language.en.text(of: w) == w.english)
    }
}
