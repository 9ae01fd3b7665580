import Foundation
import Testing

@testable import BewaarStore

/// What an encrypted ingest's reading thread makes of a record — its sealed text (through
/// libcrypto) and its search terms (from the bytes) — is byte for byte what the reference code
/// makes (swift-crypto; ``SealedSearch`` over ``SearchWords``), which is what searches and reads use.
@Suite struct RecordSealingTests {
    static let texts: [String] = [
        "", "a", "ik ook", "Zoë doet weer raar 😡", "Bel me op 06-12345678",
        String(repeating: "niemand wil naast Sanne zitten. ", count: 40), String(repeating: "é", count: 65_537),
        String(decoding: (0..<256).map { UInt8($0 & 0x7F) }, as: UTF8.self),
    ]

    @Test func sealsEveryTextToTheSameBytesAsSwiftCrypto() throws {
        let key = CaseKey.random()
        let cipher = try #require(RecordCipher(key: key))
        for text in Self.texts {
            var out: [UInt8] = [1, 2, 3]
            var t = text
            let done = t.withUTF8 { cipher.seal(UnsafeRawBufferPointer($0), appendingTo: &out) }
            #expect(done)
            #expect(Array(out.prefix(3)) == [1, 2, 3], "what was there before stays")
            let sealed = Array(out.dropFirst(3))
            #expect(sealed == SealedValue.seal(text, with: key), "text of \(text.utf8.count) bytes")
            let opened = sealed.withUnsafeBytes { SealedValue.open($0, with: key) }
            #expect(opened == Array(text.utf8))
            #expect(sealed.withUnsafeBytes { cipher.open($0) } == Array(text.utf8), "libcrypto opens it too")
            var tampered = sealed
            tampered[tampered.count / 2] ^= 0x01
            #expect(tampered.withUnsafeBytes { cipher.open($0) } == nil, "a changed byte does not open")
            #expect(sealed.withUnsafeBytes { try? #require(RecordCipher(key: CaseKey.random())).open($0) } == nil, "nor another key")
        }
    }

    @Test func anotherCaseKeySealsToOtherBytesThatItsKeyAloneOpens() throws {
        let (a, b) = (CaseKey.random(), CaseKey.random())
        var out: [UInt8] = []
        var t = "Sanne is te dik om te rennen"
        _ = t.withUTF8 { try? #require(RecordCipher(key: a)).seal(UnsafeRawBufferPointer($0), appendingTo: &out) }
        #expect(out != SealedValue.seal(t, with: b))
        #expect(out.withUnsafeBytes { SealedValue.open($0, with: b) } == nil)
        #expect(out.withUnsafeBytes { SealedValue.open($0, with: a) } == Array(t.utf8))
    }

    static let chatLines: [String] = [
        "Zoë doet weer raar", "ZOË!! waarom", "coördinator zegt niks", "ik ook", "a b cd efg hijk lmnop qrstuv",
        "Bel me op 06-12345678 of 0612345678", "😡😡 jij bent zo dom 😂", "x", "", "   ", "niemand,wil;naast:Sanne(zitten)",
        "Ĳsbeer café naïef reünie", "DIKKE VETTE ONZIN", "ga weg uit deze groep!!!", "l33t h4x0r W00T", "日本語 テキスト",
        "e\u{301}e\u{301} combining", "mixed Ärger und ärger", String(repeating: "lang", count: 30),
    ]

    @Test func termsFromTheBytesAreTheReferenceTerms() throws {
        let sealing = RecordSealing(key: CaseKey.random())
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("abcdeéëEZz09 .,!ï😀-'")
        var texts = Self.chatLines
        for _ in 0..<300 {
            texts.append(
                String((0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }))
        }
        // Twice: the second time the terms come from the caches.
        for text in texts + texts {
            var fresh: [String: String] = [:]
            let reference = SealedSearch.terms(of: SearchWords.words(text), key: sealing.key, cache: &fresh)
            var out: [UInt8] = [0x41]
            sealing.terms(text, appendingTo: &out)
            #expect(String(decoding: out.dropFirst(), as: UTF8.self) == reference, "\(text)")
            #expect(sealing.terms(text) == reference)
        }
    }
}
