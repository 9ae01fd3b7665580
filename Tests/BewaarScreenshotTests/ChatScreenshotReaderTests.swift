import BewaarModel
import BewaarScreenshot
import Testing

/// The reader on the committed fixtures, with real Tesseract (nld+eng). The expected values are
/// the fixtures' truth (Tests/Fixtures/screenshots/NAME.json).
@Suite struct ChatScreenshotReaderTests {
    let reader = ChatScreenshotReader()

    @Test func whatsAppAndroidLightOneToOne() throws {
        let shot = try reader.read(try Fixture.image("whatsapp-android-light-1on1-2x.png"))
        #expect(shot.isChat)
        #expect(shot.header == "Daan Bakker")
        #expect(
            shot.bubbles.map(\.side) == [
                .incoming, .outgoing, .incoming, .outgoing, .incoming, .incoming, .incoming, .outgoing, .incoming,
            ])
        let first = try #require(shot.bubbles.first)
        #expect(first.text == "Morgen na school bij het fietsenhok. Kom alleen.")
        #expect(first.time == "16:40")
        #expect(first.daySeparator == "12 maart 2026")
        #expect(first.kind == .message)
        #expect(first.author == nil)
        #expect(first.confidence > 80)
        // The bubble's box lies on the truth's bubble {20, 517, 580, 115} within a few pixels.
        #expect(abs(first.box.x - 20) <= 8 && abs(first.box.width - 580) <= 12)
        #expect(shot.bubbles[4].kind == .media && shot.bubbles[4].text == "Foto" && shot.bubbles[4].daySeparator == "VANDAAG")
        // Every bubble knows the separator above it, also when it is not the first under it.
        let days: [String?] = ["12 maart 2026", "12 maart 2026", "GISTEREN", "GISTEREN"] + Array(repeating: "VANDAAG", count: 5)
        #expect(shot.bubbles.map(\.day) == days)
        #expect(shot.bubbles[5].daySeparator == nil)
        #expect(shot.bubbles[6].kind == .deleted && shot.bubbles[6].text == "Dit bericht is verwijderd")
        #expect(shot.bubbles[7].text == "Laat me met rust alsjeblieft." && shot.bubbles[7].time == "20:14")
    }

    @Test func whatsAppAndroidDarkAt3x() throws {
        let shot = try reader.read(try Fixture.image("whatsapp-android-dark-1on1-3x.png"))
        #expect(shot.isChat)
        #expect(shot.header == "Daan Bakker")
        #expect(shot.bubbles.count == 9)
        #expect(shot.bubbles.map(\.time) == ["16:40", "16:42", "19:58", "20:01", "20:09", "20:10", "20:11", "20:14", "20:14"])
        #expect(shot.bubbles[1].side == .outgoing && shot.bubbles[1].text == "Waarom? Wat wil je van me?")
        #expect(shot.bubbles[2].daySeparator == "GISTEREN")
        #expect(shot.bubbles[8].side == .incoming && shot.bubbles[8].text == "Niet huilen hè, het is maar een grapje")
    }

    @Test func groupWithAuthorLabels() throws {
        let shot = try reader.read(try Fixture.image("whatsapp-android-light-group-2x.png"))
        #expect(shot.isChat)
        #expect(shot.header == "Klas 2B")
        let system = try #require(shot.bubbles.first { $0.side == .system })
        #expect(system.kind == .system && system.text == "Daan Bakker heeft Sanne de Vries toegevoegd")
        #expect(system.daySeparator == "VANDAAG")
        let incoming = shot.bubbles.filter { $0.side == .incoming }
        #expect(incoming.map(\.author) == ["Daan Bakker", "Lars Visser", "Daan Bakker", "Daan Bakker", "Daan Bakker", "Noor El Amrani"])
        #expect(incoming[1].text == "Haha precies, ga maar naar je eigen groepje" && incoming[1].time == "20:12")
        #expect(shot.bubbles.filter { $0.side == .outgoing }.allSatisfy { $0.author == nil })
        #expect(shot.bubbles.last?.text == "Ik ga dit aan de mentor laten zien." && shot.bubbles.last?.side == .outgoing)
    }

    @Test func darkGroupOutgoingReadAlone() throws {
        // White text on dark green at 2×: the page pass reads nothing there; the bubble is read alone.
        let shot = try reader.read(try Fixture.image("whatsapp-android-dark-group-2x.png"))
        let outgoing = shot.bubbles.filter { $0.side == .outgoing }
        #expect(outgoing.map(\.text).contains("Waarom doen jullie zo? Ik heb niets gedaan."))
        #expect(outgoing.count == 3)
    }

    @Test func snapchatBarsWithoutBubbles() throws {
        // No bubbles: a coloured bar at the left margin per message, red for the owner.
        let shot = try reader.read(try Fixture.image("snapchat-1on1-2x.png"))
        #expect(shot.isChat)
        #expect(shot.header == "Daan")
        #expect(shot.bubbles.map(\.side) == [.incoming, .outgoing, .incoming, .incoming, .outgoing, .incoming, .incoming])
        #expect(
            shot.bubbles.map(\.text) == [
                "wat een loser ben jij", "stop daarmee", "ik weet waar je woont", "morgen ben je de klos",
                "ik heb hier screenshots van gemaakt", "Foto", "boeiend, niemand gelooft je toch",
            ])
        #expect(shot.bubbles[0].daySeparator == "GISTEREN" && shot.bubbles[2].daySeparator == "VANDAAG")
        #expect(shot.bubbles[5].kind == .media)
        // The label is printed once per run; the second message of the run keeps it.
        #expect(shot.bubbles[3].author == "DAAN" && shot.bubbles[1].author == nil)
    }

    @Test func textPageIsNoChat() throws {
        let shot = try reader.read(try Fixture.image("nonchat-newsletter-2x.png"))
        #expect(!shot.isChat)
        #expect(shot.bubbles.isEmpty)
        #expect(shot.header == nil)
        #expect(!shot.lines.isEmpty)
        #expect(shot.lines.allSatisfy { $0.box.fits(width: 780, height: 1688) })
    }

    @Test func photoIsNoChat() throws {
        let shot = try reader.read(try Fixture.image("nonchat-photo-2x.jpg"))
        #expect(!shot.isChat)
        #expect(shot.bubbles.isEmpty)
    }

    @Test func tinyAndBlankImagesGiveNothing() throws {
        let one = try #require(PixelImageMaker.gray(width: 1, height: 1, value: 255))
        #expect(try reader.read(one).bubbles.isEmpty)
        let blank = try #require(PixelImageMaker.gray(width: 390, height: 844, value: 20))
        let shot = try reader.read(blank)
        #expect(!shot.isChat && shot.bubbles.isEmpty && shot.lines.isEmpty)
    }
}

/// Outline bubbles (a thin ring on white: TikTok's and Instagram's deleted message).
@Suite struct OutlineBubbleTests {
    @Test func tikTokDeletedMessageIsABubble() throws {
        let shot = try ChatScreenshotReader().read(try Fixture.image("tiktok-1on1-2x.png"))
        let deleted = try #require(shot.bubbles.first { $0.kind == .deleted })
        #expect(deleted.text == "Dit bericht is verwijderd" && deleted.side == .incoming)
        // The truth's box is {108, 1419, 373, 85}: the ring, not the avatar beside it.
        #expect(abs(deleted.box.x - 108) <= 4 && abs(deleted.box.maxX - 481) <= 4 && abs(deleted.box.y - 1419) <= 4)
    }
}

/// The importer reads two images at once (one OCR engine per thread): the same images read on
/// two threads at the same time give what they give read one after the other.
@Suite struct ConcurrentReadTests {
    @Test func twoThreadsReadAsOne() async throws {
        let names = ["whatsapp-android-light-group-2x.png", "whatsapp-ios-light-1on1-2x.png"]
        let images = try names.map { try Fixture.image($0) }
        let reader = ChatScreenshotReader()
        let alone = try images.map { try reader.read($0) }
        let together = try await withThrowingTaskGroup(of: (Int, ChatScreenshot).self) { group in
            for (i, image) in images.enumerated() { group.addTask { (i, try reader.read(image)) } }
            var out: [Int: ChatScreenshot] = [:]
            for try await (i, shot) in group { out[i] = shot }
            return out
        }
        for i in images.indices {
            #expect(together[i] == alone[i], "\(names[i])")
            #expect(alone[i].bubbles.count >= 8)
        }
    }
}
