import Testing
@testable import BewaarImportMail

/// The text of an HTML mail body, read by libxml2 (BewaarHTML) instead of a tag stripper.
@Suite struct HTMLBodyTextTests {
    @Test func blocksBecomeLinesAndScriptsAndHeadAreDropped() {
        let html = "<html><head><title>Geheim</title><style>p{}</style></head><body>"
            + "<p>Zo&euml; is   echt&nbsp;stom</p><script>alert(1)</script><div>niemand<br>wil</div>"
            + "<table><tr><td>a</td><td>b</td></tr></table><!-- verborgen --></body></html>"
        #expect(HTMLBodyText.text(html) == "Zoë is echt stom\n\nniemand\nwil\n\na b")
    }

    @Test func aMetaCharsetDoesNotUndoTheDecodingAlreadyDone() {
        // The body was decoded from its MIME charset; a Latin-1 meta tag must not re-read it.
        let html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Zoë – €5</p></body></html>"
        #expect(HTMLBodyText.text(html) == "Zoë – €5")
    }

    @Test func unclosedMarkupStillGivesTheText() {
        #expect(HTMLBodyText.text("<p>een<p>twee &amp; drie") == "een\n\ntwee & drie")
    }
}
