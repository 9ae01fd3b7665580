import BewaarModel
import BewaarStore
import Testing

/// The store's row types read rows of either database the same way (``StoredRow``,
/// ``SQLRecord``): a sealed column's text as bytes or as text, NULL for an optional, and every
/// damaged value as a ``StoreError`` naming the table, the row and the column.
extension StoreDatabaseBehaviour {
    struct Read: Sendable {
        var people: [Person] = []
        var damaged: [String] = []
        var count: Int?
        var missing: String??
        var notANumber = ""
    }

    static func storedRows(_ t: TestDatabase) async throws {
        // A plain SQLite store keeps names as text; PostgreSQL's column is bytea.
        let daan: SQLValue = t.kind == .sqlite ? .text("Daan de Boer") : .bytes(Array("Daan de Boer".utf8))
        let read = try await t.write { c throws -> Read in
            try c.execute("CREATE TABLE people (id bigint PRIMARY KEY, name bytea, role text, related_to text, grp text)")
            try c.execute(
                "INSERT INTO people VALUES (?1, ?2, ?3, ?4, ?5)",
                [.int(1), .bytes(Array("Zoë Jansen".utf8)), .text("vermoedelijke-dader"), .null, .text("2B")])
            try c.execute("INSERT INTO people VALUES (?1, ?2, ?3, ?4, ?5)", [.int(2), daan, .text("slachtoffer"), .text("Zoë Jansen"), .null])
            var read = Read()
            read.people = try c.fetchAll(PersonRow.self, "SELECT * FROM people ORDER BY id").map(\.value)
            // Damage as a hand edit or a faulty tool leaves it: NULL where a name or a role
            // must be, bytes that are not UTF-8.
            try c.execute("INSERT INTO people VALUES (?1, ?2, ?3, ?4, ?5)", [.int(3), .null, .text("vermoedelijke-dader"), .null, .null])
            try c.execute("INSERT INTO people VALUES (?1, ?2, ?3, ?4, ?5)", [.int(4), .bytes(Array("Sem".utf8)), .null, .null, .null])
            try c.execute(
                "INSERT INTO people VALUES (?1, ?2, ?3, ?4, ?5)", [.int(5), .bytes([0xB5, 0x01, 0xFF]), .text("vermoedelijke-dader"), .null, .null])
            for id in 3...5 {
                do {
                    _ = try c.fetchOne(PersonRow.self, "SELECT * FROM people WHERE id = ?1", [.int(Int64(id))])
                    read.damaged.append("read")
                } catch let error as StoreError {
                    read.damaged.append(error.english)
                }
            }
            // A column the query does not select is damage too, not a crash.
            do {
                _ = try c.fetchOne(PersonRow.self, "SELECT id, name FROM people WHERE id = 1")
                read.damaged.append("read")
            } catch let error as StoreError {
                read.damaged.append(error.english)
            }
            read.count = try c.fetchValue("SELECT count(*) FROM people", as: Int.self)
            read.missing = .some(try c.fetchValue("SELECT related_to FROM people WHERE id = 1", as: String.self))
            do {
                _ = try c.fetchValue("SELECT grp FROM people WHERE id = 1", as: Int.self)
            } catch let error as StoreError {
                read.notANumber = error.english
            }
            return read
        }
        #expect(read.people.map(\.name) == ["Zoë Jansen", "Daan de Boer"])
        #expect(read.people.map(\.id) == [1, 2])
        #expect(read.people.map(\.role) == [.vermoedelijkeDader, .slachtoffer])
        #expect(read.people.map(\.relatedTo) == [nil, "Zoë Jansen"])
        #expect(read.people.map(\.group) == ["2B", nil])
        #expect(read.damaged.count == 4)
        #expect(read.damaged[0].contains("Row id 3 of table people") && read.damaged[0].contains("column name"))
        #expect(read.damaged[1].contains("Row id 4 of table people") && read.damaged[1].contains("column role"))
        #expect(read.damaged[2].contains("Row id 5 of table people") && read.damaged[2].contains("column name"))
        #expect(read.damaged[3].contains("Row id 1 of table people") && read.damaged[3].contains("column role"))
        #expect(read.count == 5)
        #expect(read.missing == .some(nil))
        #expect(read.notANumber.contains("unexpected kind"))
    }
}
