import Testing
import BewaarModel
@testable import BewaarImportWhatsApp

/// Deleted, edited, view-once, media, polls, locations and contact cards.
@Suite struct MessageKindTests {
    @Test(arguments: ["Dit bericht is verwijderd", "U hebt dit bericht verwijderd", "Je hebt dit bericht verwijderd",
                      "This message was deleted", "You deleted this message", "\u{200E}Dit bericht is verwijderd."])
    func deleted(_ body: String) {
        let m = readChat("14-11-2023 21:07 - Daan: \(body)\n").messages[0]
        #expect(m.kind == .deleted)
        #expect(m.author == "Daan")
        #expect(m.text == body)
    }

    @Test func edited() {
        let r = readChat("14-11-2023 21:07 - Daan: jij bent stom <Dit bericht is bewerkt>\n[x]\n14-11-2023 21:08 - Daan: ok <This message was edited>\n")
        #expect(r.messages[0].flags.contains("edited") == false)
        #expect(r.messages[1].flags.contains("edited"))
        let ios = readChat("[14-11-2023 21:07:00] Daan: jij \u{200E}<Dit bericht is bewerkt>\r\n").messages[0]
        #expect(ios.flags == ["edited"])
        #expect(ios.text == "jij \u{200E}<Dit bericht is bewerkt>")
    }

    @Test func viewOnceIsTheLiteralNull() {
        let r = readChat("14-11-2023 21:07 - Daan: null\n14-11-2023 21:08 - Daan: null en zo\n")
        #expect(r.messages[0].kind == .viewOnce)
        #expect(r.messages[1].kind == .message)
    }

    @Test(arguments: ["<Media weggelaten>", "<Media omitted>", "\u{200E}afbeelding weggelaten", "\u{200E}video omitted", "\u{200E}sticker weggelaten"])
    func mediaOmitted(_ body: String) {
        let m = readChat("14-11-2023 21:07 - Daan: \(body)\n").messages[0]
        #expect(m.kind == .media)
        #expect(m.attachments.isEmpty)
        #expect(m.extra["media"] == .string("omitted"))
    }

    @Test func androidAttachmentsWithCaption() {
        let text = "14-11-2023 21:07 - Daan: \u{200E}IMG-20231114-WA0007.jpg (bestand bijgevoegd)\nKijk dit dan\n14-11-2023 21:08 - Daan: PTT-20231114-WA0008.opus (file attached)\n14-11-2023 21:09 - Lotte: Piet.vcf (bestand bijgevoegd)\n"
        let r = readChat(text)
        #expect(r.messages.map(\.kind) == [.media, .media, .media])
        #expect(r.messages[0].attachments == [.init(name: "IMG-20231114-WA0007.jpg", mediaType: "image/jpeg")])
        #expect(r.messages[0].text == "\u{200E}IMG-20231114-WA0007.jpg (bestand bijgevoegd)\nKijk dit dan")
        #expect(r.messages[1].attachments.first?.name == "PTT-20231114-WA0008.opus")
        #expect(r.messages[2].attachments.first?.mediaType == "text/vcard")
    }

    @Test func iosAttachmentsAndDocuments() {
        let text = "[14-11-2023 21:07:45] Daan: \u{200E}<bijgevoegd: 00000014-PHOTO-2023-11-14-21-07-45.jpg>\r\n[14-11-2023 21:08:00] Daan: Verslag.pdf • \u{200E}3 pagina's \u{200E}<bijgevoegd: 00000015-Verslag.pdf>\r\n[14-11-2023 21:09:00] Daan: \u{200E}<attached: 00000016-STICKER-2023-11-14-21-09-00.webp>\r\n"
        let r = readChat(text)
        #expect(r.messages.map { $0.attachments.first?.name } == ["00000014-PHOTO-2023-11-14-21-07-45.jpg", "00000015-Verslag.pdf", "00000016-STICKER-2023-11-14-21-09-00.webp"])
        #expect(r.messages.allSatisfy { $0.kind == .media })
        #expect(r.messages[1].extra["documentLabel"] != nil)
    }

    @Test func location() {
        let m = readChat("14-11-2023 21:07 - Daan: locatie: https://maps.google.com/?q=52.37,4.89\n").messages[0]
        #expect(m.kind == .message)
        #expect(m.extra["location"]?["latitude"] == .double(52.37))
        #expect(m.extra["location"]?["longitude"] == .double(4.89))
    }

    @Test func poll() {
        let m = readChat("14-11-2023 21:07 - Daan: PEILING:\nWie is het stomst?\nOPTIE: Sanne (3 stemmen)\nOPTIE: Lotte (0 stemmen)\n").messages[0]
        #expect(m.kind == "poll")
        #expect(m.extra["poll"]?["question"] == .string("Wie is het stomst?"))
        #expect(m.extra["poll"]?["options"] == .array([
            .object(["text": .string("Sanne"), "votes": .int(3)]), .object(["text": .string("Lotte"), "votes": .int(0)]),
        ]))
    }
}
