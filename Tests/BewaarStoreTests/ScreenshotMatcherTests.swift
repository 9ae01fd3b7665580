import Foundation
import Testing
import BewaarModel
import BewaarJSON
@testable import BewaarKit

/// The comparison rules between screenshot messages and other records, without OCR.
@Suite struct ScreenshotMatcherTests {
    func shot(_ side: String, _ author: String?, _ basis: String?, _ text: String, _ time: String?, kind: MessageKind = .message) -> Message {
        var fields: [String: JSONValue] = ["side": .string(side)]
        if let time { fields["time"] = .string(time) }
        if let basis { fields["authorBasis"] = .string(basis) }
        return Message(
            timestamp: nil, author: author, text: text, kind: kind, origin: Origin(line: nil, offset: 0, length: 10),
            extra: ["screenshot": .object(fields)])
    }

    func export(_ author: String?, _ text: String, _ local: String, kind: MessageKind = .message) -> Message {
        Message(timestamp: Timestamp(rfc3339: local), author: author, text: text, kind: kind, origin: Origin(line: 1, offset: 0, length: 10))
    }

    @Test func textsAreComparedAfterFoldingCaseAccentsAndEmoji() {
        #expect(ScreenshotMatcher.normalised("Niet huilen hè, het is maar een grapje 😏") == "niet huilen he het is maar een grapje")
        #expect(ScreenshotMatcher.score("iedereen weet", "ledereen weet") >= 90)
        #expect(ScreenshotMatcher.score("ok", "iedereen weet wat je gedaan hebt") == 0)
    }

    @Test func authorsFitByFirstNameAndByNumber() {
        #expect(ScreenshotMatcher.authorsFit("Daan", "Daan Jansen"))
        #expect(ScreenshotMatcher.authorsFit("+31 6 12345001", "06-12345001"))
        #expect(!ScreenshotMatcher.authorsFit("Lars Visser", "Daan Jansen"))
    }

    @Test func aMatchNeedsTheShownTimeTheAuthorAndTheText() {
        let others = [
            export("Daan Jansen", "Sanne niet want die is te dik om te rennen 😂😂", "2026-03-02T20:05:00+01:00"),
            export("Tim Bos", "Sanne niet want die is te dik om te rennen", "2026-03-02T20:05:00+01:00"),
            export("Daan Jansen", "<Media weggelaten>", "2026-03-02T20:10:00+01:00", kind: .media),
        ].enumerated().map { ScreenshotMatcher.Candidate(index: $0.offset, message: $0.element) }
        let read = ScreenshotMatcher.Candidate(
            index: 0, message: shot("incoming", "Daan", "label", "Sanne niet want die is te dik om te rennen", "20:05"))
        #expect(ScreenshotMatcher.best(for: read, among: others, sameSide: false)?.0 == 0)
        // Another time, or another author read on the screenshot: no match.
        let late = ScreenshotMatcher.Candidate(
            index: 0, message: shot("incoming", "Daan", "label", "Sanne niet want die is te dik om te rennen", "21:17"))
        #expect(ScreenshotMatcher.best(for: late, among: others, sameSide: false) == nil)
        let lars = ScreenshotMatcher.Candidate(
            index: 0, message: shot("incoming", "Lars", "label", "Sanne niet want die is te dik om te rennen", "20:05"))
        #expect(ScreenshotMatcher.best(for: lars, among: others, sameSide: false) == nil)
        // "Foto" on the screen is the export's media line.
        let photo = ScreenshotMatcher.Candidate(index: 0, message: shot("incoming", "Daan", "label", "Foto", "20:10", kind: .media))
        #expect(ScreenshotMatcher.best(for: photo, among: others, sameSide: false)?.0 == 2)
        // One misread digit of the time is forgiven only when the text agrees closely.
        let misread = ScreenshotMatcher.Candidate(
            index: 0, message: shot("incoming", "Daan", "label", "Sanne niet want die is te dik om te rennen", "20:06"))
        #expect(ScreenshotMatcher.best(for: misread, among: others, sameSide: false)?.0 == 0)
        let misreadAndOther = ScreenshotMatcher.Candidate(index: 0, message: shot("incoming", "Daan", "label", "Sanne wil niet rennen", "20:06"))
        #expect(ScreenshotMatcher.best(for: misreadAndOther, among: others, sameSide: false) == nil)
    }

    @Test func theOwnersSideIsAssumedSoItsNameIsNotChecked() {
        let others = [export("Sanne de Vries", "doe normaal", "2026-03-02T20:07:00+01:00")]
            .enumerated().map { ScreenshotMatcher.Candidate(index: $0.offset, message: $0.element) }
        let mine = ScreenshotMatcher.Candidate(
            index: 0, message: shot("outgoing", "telefoon van Sanne", "assumed-owner", "doe normaal", "20:07"))
        #expect(ScreenshotMatcher.best(for: mine, among: others, sameSide: false) != nil)
    }
}
