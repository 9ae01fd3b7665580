import Testing
import BewaarModel
@testable import BewaarImportWhatsApp

/// Platform lines in Dutch and English are kind `system`, never a participant; leaves,
/// removals and security-code changes are classified, never dropped.
@Suite struct SystemMessageTests {
    static let dutchAndroid: [(String, String)] = [
        ("Berichten en oproepen worden end-to-end versleuteld. Niemand buiten deze chat kan ze lezen of beluisteren, zelfs WhatsApp niet. Tik voor meer informatie.", "e2e-notice"),
        ("Berichten en oproepen zijn end-to-end versleuteld. Tik voor meer informatie.", "e2e-notice"),
        ("Berichten die naar deze groep worden verzonden, zijn nu beveiligd met end-to-end encryptie.", "e2e-notice"),
        ("Daan Jansen heeft groep \"Klas 2B: de echte\" aangemaakt", "group-created"),
        ("U hebt deze groep aangemaakt", "group-created"),
        ("Je hebt groep \"Klas 2B\" aangemaakt", "group-created"),
        ("Daan Jansen heeft het onderwerp gewijzigd van \"2B\" naar \"2B 🔥\"", "subject-changed"),
        ("Daan Jansen heeft de groepsafbeelding gewijzigd", "icon-changed"),
        ("Daan Jansen heeft de groepsbeschrijving gewijzigd", "description-changed"),
        ("Daan Jansen heeft Sanne de Vries toegevoegd", "member-added"),
        ("U hebt Lotte Visser toegevoegd", "member-added"),
        ("Daan Jansen heeft je toegevoegd", "member-added"),
        ("Daan Jansen heeft Sanne de Vries verwijderd", "member-removed"),
        ("Je hebt Tim Bos verwijderd", "member-removed"),
        ("Sanne de Vries heeft de groep verlaten", "member-left"),
        ("Tim Bos is deelnemer geworden via de uitnodigingslink van deze groep", "joined-via-link"),
        ("Je bent nu beheerder", "admin-changed"),
        ("Je beveiligingscode met Sanne de Vries is gewijzigd. Tik voor meer informatie.", "security-code-changed"),
        ("+31 6 12345002 heeft een nieuw telefoonnummer. Tik om een bericht te sturen of om het nieuwe nummer toe te voegen.", "number-changed"),
        ("Daan Jansen heeft berichten met vervaldatum ingeschakeld. Nieuwe berichten verdwijnen na 7 dagen.", "disappearing-messages"),
        ("Wachten op dit bericht. Dit kan even duren.", "waiting-for-message"),
    ]

    static let english: [(String, String)] = [
        ("Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.", "e2e-notice"),
        ("Messages you send to this group are now secured with end-to-end encryption. Tap for more info.", "e2e-notice"),
        ("Daan created group \"2B\"", "group-created"),
        ("Daan added Sanne", "member-added"),
        ("Daan removed Sanne", "member-removed"),
        ("Sanne left", "member-left"),
        ("Tim joined using this group's invite link", "joined-via-link"),
        ("Daan changed the subject from \"2B\" to \"2B!\"", "subject-changed"),
        ("Daan changed this group's icon", "icon-changed"),
        ("You're now an admin", "admin-changed"),
        ("Your security code with Sanne changed. Tap to learn more.", "security-code-changed"),
        ("You updated the message timer. New messages will disappear from this chat 7 days after they're sent.", "disappearing-messages"),
        ("Waiting for this message. This may take a while.", "waiting-for-message"),
    ]

    static let german: [(String, String)] = [
        ("Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Tippe, um mehr zu erfahren.", "e2e-notice"),
        ("Daan hat Sanne hinzugefügt", "member-added"),
        ("Daan hat Sanne entfernt", "member-removed"),
        ("Sanne hat die Gruppe verlassen", "member-left"),
    ]

    @Test(arguments: german)
    func germanWhereCheap(_ line: String, _ event: String) {
        let m = readChat("14.11.23, 21:07 - \(line)\n").messages[0]
        #expect(m.kind == .system)
        #expect(m.system == event)
    }

    @Test(arguments: dutchAndroid + english)
    func androidLinesWithoutAuthor(_ line: String, _ event: String) {
        let r = readChat("14-11-2023 21:07 - \(line)\n14-11-2023 21:08 - Daan Jansen: hoi\n")
        #expect(r.messages.count == 2)
        #expect(r.messages[0].kind == .system)
        #expect(r.messages[0].author == nil)
        #expect(r.messages[0].text == line)
        #expect(r.messages[0].system == event)
        #expect(r.extra["participants"] == .array([.object(["name": .string("Daan Jansen"), "messages": .int(1)])]))
    }

    @Test(arguments: dutchAndroid + english)
    func iosLinesUnderTheChatName(_ line: String, _ event: String) {
        let r = readChat("[14-11-2023 21:07:00] Klas 2B: \u{200E}\(line)\r\n[14-11-2023 21:08:00] Daan Jansen: hoi\r\n")
        #expect(r.messages[0].kind == .system)
        #expect(r.messages[0].author == nil)
        #expect(r.messages[0].text == "\u{200E}" + line)
        #expect(r.messages[0].system == event)
        #expect(r.messages[0].extra["chatName"] == .string("Klas 2B"))
        #expect(r.extra["participants"]?.arrayValue?.count == 1)
    }

    @Test func unknownIOSLineUnderTheChatNameIsSystem() {
        let r = readChat("[14-11-2023 21:07:00] Klas 2B: \u{200E}Daan heeft groep \"Klas 2B\" aangemaakt\r\n[14-11-2023 21:08:00] Klas 2B: \u{200E}Iets nieuws van WhatsApp\r\n")
        #expect(r.messages[1].kind == .system)
        #expect(r.messages[1].author == nil)
    }

    @Test func missedCallKeepsTheCaller() {
        let r = readChat("14-11-2023 21:07 - Daan Jansen: Gemiste spraakoproep\n14-11-2023 21:09 - Daan Jansen: Gemiste video-oproep\n")
        #expect(r.messages.allSatisfy { $0.kind == .system && $0.system == "missed-call" && $0.author == "Daan Jansen" })
    }
}
