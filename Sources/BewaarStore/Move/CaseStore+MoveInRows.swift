import BewaarModel

// The rows of a store moving in (``CaseStore/moveIn(from:actor:hooks:)``), copied in its one
// transaction.
extension CaseStore {
    /// Copies every row of `table` from the source (`s`) into `c`: the columns both databases
    /// have, values converted to this database's types, sealed columns opened with the source's
    /// keys and sealed with this store's (the same case key, so the same bytes), records' search
    /// terms made from their text. Returns the number of rows.
    func copyTable(
        _ table: MovedTables.Table, from source: CaseStore, _ s: any StoreConnection, into c: any StoreConnection, hooks: MoveInHooks
    )
        throws -> Int
    {
        let there = Set(try source.dialect.catalog.columns(of: table.name, in: s).map(\.name))
        let columns = try dialect.catalog.columns(of: table.name, in: c).filter { there.contains($0.name) }
        guard !columns.isEmpty else { return 0 }
        let sealed = SealedColumns.table(table.name)
        let sealedAt = columns.indices.filter { sealed?.columns.contains(columns[$0].name) == true }
        let terms = table.name == "messages" ? hooks.recordTerms : nil
        let textAt = columns.firstIndex { $0.name == "text" }

        var selected = columns.map { table.name == "messages" && $0.name == "kind" ? StoredKind.name("kind") + " AS kind" : $0.name }
        if let sealed { selected.append(sealed.caseReference + " AS bewaar_case") }
        var insert = RowBatch(table: table.name, columns: columns.map(\.name) + (terms.map { [$0.column] } ?? []))
        if let terms { insert.expressions[columns.count] = terms.expression }

        let opener = source.sealer
        let sealer = self.sealer
        var makers: [SQLValue: (String) -> SQLValue] = [:]
        var count = 0
        try s.forEach("SELECT \(selected.joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.order)", []) { row in
            var values = columns.indices.map { columns[$0].converted(row[$0]) }
            if sealed != nil {
                let reference = row[columns.count]
                for i in sealedAt {
                    let text = try opener.open(row[i], case: reference)
                    values[i] = try sealer.seal(table.name, columns[i].name, case: reference, text)
                    if let terms, i == textAt {
                        guard let key = sealing.keyring?.key(for: reference) else {
                            throw StoreError(
                                .wrongKey, nl: "Een bericht van zaaknummer \(reference) heeft geen zaaksleutel.",
                                en: "A record of case number \(reference) has no case key.")
                        }
                        if makers[reference] == nil { makers[reference] = terms.maker(key) }
                        values.append(makers[reference]?(text ?? "") ?? .null)
                    }
                }
            }
            try insert.add(values, into: c)
            count += 1
        }
        try insert.flush(into: c)
        return count
    }

    /// The keys of the originals: as the source recorded them, for an original copied sealed
    /// (each wrapped with its case's key, which the case keeps); for one sealed on the way, its
    /// new key wrapped with the key of every case that holds it.
    func copyObjectKeys(_ originals: MovedOriginals, from s: any StoreConnection, into c: any StoreConnection, keyring: CaseKeyring) throws {
        for digest in originals.copied where originals.newKeys[digest] == nil {
            for row in try s.fetch("SELECT case_id, wrapped FROM object_keys WHERE sha256 = ?1 ORDER BY case_id", [.text(digest.hex)]) {
                try c.execute("INSERT INTO object_keys (sha256, case_id, wrapped) VALUES (?1, ?2, ?3)", [.text(digest.hex), row[0], row[1]])
            }
        }
        for (digest, key) in originals.newKeys.sorted(by: { $0.key.hex < $1.key.hex }) {
            for row in try s.fetch("SELECT DISTINCT case_id FROM items WHERE sha256 = ?1 ORDER BY case_id", [.text(digest.hex)]) {
                guard let id = row[0].text, let caseKey = keyring.key(for: .text(id)) else { continue }
                try c.execute(
                    "INSERT INTO object_keys (sha256, case_id, wrapped) VALUES (?1, ?2, ?3)",
                    [.text(digest.hex), .text(id), .bytes(ObjectKeys.wrap(key, digest, caseKey))])
            }
        }
    }

    /// The school's staff accounts, made the school's (the column's default). An account the
    /// school already has in the board (made there before the move) is kept as it is; a name
    /// another school of the board uses is refused by its unique key, named in the error.
    /// Returns how many were copied and the names kept.
    func copyAccounts(from source: CaseStore, _ s: any StoreConnection, into c: any StoreConnection) throws -> (Int, [String]) {
        let there = try source.dialect.catalog.columns(of: "accounts", in: s).map(\.name)
        guard there.contains("name") else { return (0, []) }
        let columns = try dialect.catalog.columns(of: "accounts", in: c).filter { there.contains($0.name) }
        var copied = 0
        var kept: [String] = []
        for row in try s.fetch("SELECT \(columns.map(\.name).joined(separator: ", ")) FROM accounts ORDER BY name") {
            guard let at = columns.firstIndex(where: { $0.name == "name" }), let name = row[at].text else { continue }
            if try c.fetchOne("SELECT 1 FROM accounts WHERE lower(name) = lower(?1)", [.text(name)]) != nil {
                kept.append(name)
                continue
            }
            let values = columns.indices.map { columns[$0].converted(row[$0]) }
            let placeholders = (1...columns.count).map { "?\($0)" }.joined(separator: ", ")
            do {
                try c.savepoint {
                    try c.execute("INSERT INTO accounts (\(columns.map(\.name).joined(separator: ", "))) VALUES (\(placeholders))", values)
                }
            } catch {
                throw StoreError(
                    .invalidValue,
                    nl:
                        "Het account \(Self.printable(name)) bestaat al bij een andere school van het bestuur (namen gelden voor het hele bestuur). Geef het in de opslag een andere naam en probeer het opnieuw; er is niets veranderd.",
                    en:
                        "The account \(Self.printable(name)) already exists at another school of the board (names hold for the whole board). Rename it in the store and try again; nothing was changed."
                )
            }
            copied += 1
        }
        return (copied, kept)
    }

    /// The school's sign-in log, appended to the board's with new numbers, in its order.
    func copySecurityLog(from source: CaseStore, _ s: any StoreConnection, into c: any StoreConnection) throws {
        guard try !source.dialect.catalog.columns(of: "security_log", in: s).isEmpty else { return }
        var insert = RowBatch(table: "security_log", columns: ["time", "kind", "account", "source", "detail"])
        try s.forEach("SELECT time, kind, account, source, detail FROM security_log ORDER BY id", []) { row in
            try insert.add(row.values, into: c)
        }
        try insert.flush(into: c)
    }
}

extension CaseStore {
    /// `text` without control and format characters, for a name from a store shown in a message.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { ![.control, .format].contains($0.properties.generalCategory) }))
    }
}

/// Rows inserted many at a time: one `INSERT … VALUES (…), (…)` per batch.
struct RowBatch {
    let table: String
    let columns: [String]
    /// The SQL that takes the value of a column, by its position, given its placeholder (a
    /// column not named takes the placeholder as it is).
    var expressions: [Int: @Sendable (String) -> String] = [:]
    private var values: [SQLValue] = []
    private var rows = 0
    private var fullSQL: String?

    init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
    }

    /// Rows per statement: PostgreSQL takes up to 65,535 values in one.
    private var capacity: Int { max(1, 30_000 / columns.count) }

    mutating func add(_ row: [SQLValue], into c: any StoreConnection) throws {
        precondition(row.count == columns.count, "a row of \(table) with \(row.count) values for \(columns.count) columns")
        values.append(contentsOf: row)
        rows += 1
        if rows == capacity { try flush(into: c) }
    }

    mutating func flush(into c: any StoreConnection) throws {
        guard rows > 0 else { return }
        let sql: String
        if rows == capacity, let fullSQL {
            sql = fullSQL
        } else {
            sql = statement(rows: rows)
            if rows == capacity { fullSQL = sql }
        }
        try c.execute(sql, values)
        values.removeAll(keepingCapacity: true)
        rows = 0
    }

    private func statement(rows: Int) -> String {
        let n = columns.count
        let tuples = (0..<rows).map { r in
            "(" + (0..<n).map { i in expressions[i].map { $0("?\(r * n + i + 1)") } ?? "?\(r * n + i + 1)" }.joined(separator: ", ") + ")"
        }
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES " + tuples.joined(separator: ", ")
    }
}
