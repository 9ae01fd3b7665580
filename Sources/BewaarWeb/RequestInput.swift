import Foundation
import Hummingbird
import BewaarModel

/// Every number and date a request carries is read here, into a bounded value: ASCII digits
/// only, a short length, a range. Anything else is a plain 400, never a trap, so no request can
/// stop the server for everyone.
enum RequestInput {
    /// The names of the numeric and date query and form fields the pages read (route tests send
    /// extreme values to each of them on every route).
    static let numericFields = ["pagina", "bericht", "van", "tot", "link", "escalatie", "vanaf", "voor", "na", "persoon", "geldig"]

    /// Highest page number of a paged list.
    static let maxPage = 1_000_000

    /// A whole number within `range`, from ASCII digits only (at most 18 of them); nil when the
    /// field is absent or blank, a 400 when it is anything else.
    static func integer(_ text: String?, in range: ClosedRange<Int64>, _ t: any PageText) throws -> Int64? {
        guard let text, !text.isEmpty else { return nil }
        guard let n = parse(text), range.contains(n) else { throw bad(t) }
        return n
    }

    /// A path parameter that must be a whole number in `range` (a 400 when it is not).
    static func parameter(_ context: some RequestContext, _ name: String, in range: ClosedRange<Int64>, _ t: any PageText) throws -> Int64 {
        guard let n = parse(context.parameters.get(name) ?? ""), range.contains(n) else { throw bad(t) }
        return n
    }

    /// A page number (1 when absent).
    static func page(_ text: String?, _ t: any PageText) throws -> Int {
        Int(try integer(text, in: 1...Int64(maxPage), t) ?? 1)
    }

    /// An id of a stored row (1 … 2^53).
    static func id(_ text: String?, _ t: any PageText) throws -> Int64? {
        try integer(text, in: 1...(1 << 53), t)
    }

    /// A day `YYYY-MM-DD` (years 1900–2200) as the start of that day in Amsterdam; nil when absent.
    static func day(_ text: String?, _ t: any PageText) throws -> Date? {
        guard let text, !text.isEmpty else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = parse(String(parts[0])), let m = parse(String(parts[1])), let d = parse(String(parts[2])),
              (1900...2200).contains(y), (1...12).contains(m), (1...31).contains(d),
              let date = Layout.amsterdam.date(from: DateComponents(year: Int(y), month: Int(m), day: Int(d))) else { throw bad(t) }
        return date
    }

    /// ASCII digits to a number, or nil (no sign, no spaces, at most 18 digits: never overflows).
    static func parse(_ text: String) -> Int64? {
        let u = text.utf8
        guard !u.isEmpty, u.count <= 18 else { return nil }
        var n: Int64 = 0
        for b in u {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            n = n * 10 + Int64(b - 0x30)
        }
        return n
    }

    static func bad(_ t: any PageText) -> PageError {
        PageError(status: .badRequest, body: Layout.bare(t, title: t.access.badRequestTitle, message: t.access.badRequest).raw)
    }
}
