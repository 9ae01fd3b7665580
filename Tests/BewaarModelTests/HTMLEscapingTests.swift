import Testing
import BewaarModel

/// The one HTML escaper, shared by the web pages and the report.
@Suite struct HTMLEscapingTests {
    @Test func markupAndQuotesBecomeText() {
        #expect(HTMLEscaping.escape("<script>alert('x & \"y\"')</script>")
            == "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;")
        #expect(HTMLEscaping.escape("Zoë is weg") == "Zoë is weg")
    }

    @Test func controlsAndBidiControlsAreShownNotObeyed() {
        #expect(HTMLEscaping.escape("a\u{1B}b\u{7F}") == "a\u{241B}b\u{2421}")
        #expect(HTMLEscaping.escape("foto\u{202E}gpj.exe") == "foto⟦U+202E⟧gpj.exe")
        #expect(HTMLEscaping.escape("regel 1\nregel 2\t!") == "regel 1\nregel 2\t!")
    }
}
