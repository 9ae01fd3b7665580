import Foundation
import Testing
import BewaarModel
import BewaarImport
@testable import BewaarImportWeb

/// Issue 16: a Messenger page's records go to a staging sink (the store) as they are read, and
/// only their order key stays in memory; the order placed is the collecting read's.
@Suite("Messenger HTML staged in the store while read (issue 16)")
struct MessengerHTMLStagingTests {
    /// Keeps what is staged and places it as told: the importer's side of the contract.
    final class Stager: StagingRecordSink {
        var calls: [String] = []
        var staged: [Message] = []
        var placed: [Message] = []
        var head: ImportResult?
        func begin(_ head: ImportResult) throws { calls.append("begin"); self.head = head }
        func record(_ message: Message) throws { calls.append("record"); placed.append(message) }
        func stage(_ message: Message) throws { staged.append(message) }
        func placeStaged(order: [Int]) throws {
            calls.append("place")
            #expect(Set(order) == Set(staged.indices) && order.count == staged.count)
            placed += order.map { staged[$0] }
        }
        func dropStaged() throws { calls.append("drop"); staged = [] }
    }

    @Test(arguments: [(false, true), (true, true), (false, false)])
    func theStagedRecordsArePlacedInTheCollectedOrder(titleLast: Bool, newestFirst: Bool) throws {
        let dir = try Fixtures.tempDir()
        let url = try Fixtures.write(
            MessengerHTMLStreamTests.page(messages: 3_000, seed: 11, titleLast: titleLast, newestFirst: newestFirst),
            to: dir.appendingPathComponent("message_1.html"))
        let importer = PlatformExportImporter()
        let collected = try importer.importFile(MessengerHTMLStreamTests.source(url), context: MessengerHTMLStreamTests.context())
        let stager = Stager()
        let head = try importer.importFile(MessengerHTMLStreamTests.source(url), context: MessengerHTMLStreamTests.context(), records: stager)
        #expect(stager.placed == collected.messages)
        #expect(stager.placed.first?.extra["thread"]?.stringValue == "Klas 2B")
        #expect(head.warnings == collected.warnings && head.extra == collected.extra && head.messages.isEmpty)
        if titleLast {
            // The title came after the messages: the staged records carry no title, so they are
            // dropped and the page is read again the holding way.
            #expect(stager.calls.first == "drop" && stager.calls.dropFirst().first == "begin")
            #expect(stager.calls.dropFirst(2).allSatisfy { $0 == "record" })
        } else {
            #expect(stager.calls == ["begin", "place"])
        }
    }
}
