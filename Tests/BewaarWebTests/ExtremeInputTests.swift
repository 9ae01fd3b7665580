import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
@testable import BewaarWeb

/// Request input is hostile: a trap (an overflow, a `!`) in `bewaar serve` ends every session.
/// This walks every route of the router's own list and sends extreme values to every path
/// parameter and to every numeric query and form field, signed in as a mentor of the case (so
/// the handlers run all the way). The server must answer each one, never with a 500.
@Suite struct ExtremeInputTests {
    static let extremes = [
        "9223372036854775807", "-9223372036854775808", "-1", "0", "1e99", String(repeating: "9", count: 10_000),
        "\u{0661}\u{0662}", "\u{FF11}\u{FF12}", "18446744073709551616", "2026-99-99", "99999-01-01", "%00", "NaN",
    ]

    @Test func everyRouteAnswersExtremeNumbersWithoutTrapping() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let router = WebServer.router(store: f.store, configuration: f.configuration())
        // Logging out would end the walk's session: it comes last, on its own.
        let routes = router.routes.map { ($0.method, $0.path.description) }.filter { $0.1 != "/uitloggen" }
        #expect(routes.count >= 25, "the router lists its routes")
        try await Application(router: router).test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            var answered = 0
            for (method, path) in routes {
                for value in Self.extremes {
                    let encoded = URLText.encode(value)
                    var uri = path.replacingOccurrences(of: "{id}", with: f.caseID.description)
                    // Each path parameter in turn gets the extreme value, the others a valid one.
                    let params = path.matches(of: /\{([a-z]+)\}/).map { String($0.output.1) }
                    for param in params.isEmpty ? [""] : params {
                        uri = path
                        for p in params {
                            let normal: String
                            switch p {
                            case "id": normal = f.caseID.description
                            case "item": normal = String(f.mailItem.id)
                            case "step": normal = "1"
                            case "file": normal = "rapport.pdf"
                            default: normal = "1"
                            }
                            uri = uri.replacingOccurrences(of: "{\(p)}", with: p == param ? encoded : normal)
                        }
                        let query = RequestInput.numericFields.map { "\($0)=\(encoded)" }.joined(separator: "&")
                        if method == .get {
                            try await client.execute(uri: uri + "?" + query, method: .get, headers: b.headers) { r in
                                #expect(r.status.code < 500, "\(method) \(uri) with \(value.prefix(20))")
                            }
                        } else {
                            var fields = ["_csrf": b.csrf]
                            for k in RequestInput.numericFields { fields[k] = value }
                            let (h, body) = b.form(fields)
                            try await client.execute(uri: uri, method: method, headers: h, body: body) { r in
                                #expect(r.status.code < 500, "\(method) \(uri) with \(value.prefix(20))")
                                #expect(r.headers[.location] != "/inloggen", "the walk stays signed in: \(method) \(uri)")
                            }
                        }
                        answered += 1
                    }
                }
            }
            #expect(answered > 300)
            // The finding of the attack: a page number of Int.max is a plain 400, and the server still serves.
            try await client.execute(uri: "/zaken/\(f.caseID)/tijdlijn?pagina=9223372036854775807", method: .get, headers: b.headers) { r in
                #expect(r.status == .badRequest)
                #expect(String(buffer: r.body).contains("Ongeldig verzoek"))
            }
            try await client.execute(uri: "/zaken/\(f.caseID)/tijdlijn?pagina=2", method: .get, headers: b.headers) { r in
                #expect(r.status == .ok)
            }
        }
    }

    @Test func numbersAreReadIntoBoundedValues() throws {
        let t = DutchText()
        #expect(RequestInput.parse("123") == 123)
        #expect(RequestInput.parse("9223372036854775807") == nil, "19 digits are refused before they can overflow")
        #expect(RequestInput.parse("\u{0661}") == nil)
        #expect(RequestInput.parse("-1") == nil)
        #expect(try RequestInput.page(nil, t) == 1)
        #expect(throws: PageError.self) { try RequestInput.page("1000001", t) }
        #expect(throws: PageError.self) { try RequestInput.day("2026-02-30x", t) }
        #expect(try RequestInput.day("2026-03-05", t) != nil)
    }
}
