import BewaarStore
import Foundation

extension PostgresBoard {
    /// The name of the board's office among the schools (`--school "(bestuur)"` reaches it).
    package static let officeName = "(bestuur)"

    /// The board's office: a tenant like a school, which holds the board's own accounts (the
    /// privacy officer, role `fg`) and their custody chain (its `store` chain: accounts added,
    /// sign-ins, every view of the board's overview), and never a case. Made on first use.
    package func office(now: Date = Date()) throws -> School {
        if let found = try allSchools().first(where: \.isOffice) { return found }
        try database.write(retryable: true) { c in
            _ = try c.execute(
                "INSERT INTO schools (name, created, board_office) VALUES (?1, ?2, true) ON CONFLICT DO NOTHING",
                [.text(Self.officeName), .text(now.stored)])
        }
        guard let made = try allSchools().first(where: \.isOffice) else {
            throw StoreError(.writeFailed, nl: "Het bestuur is niet opgeslagen.", en: "The board's office was not stored.")
        }
        return made
    }
}
