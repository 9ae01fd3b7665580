import BewaarStore
import Foundation
import Testing

/// How a column's value is read as a Swift type, the same on both databases: SQLite's own
/// conversions, which the store has relied on through GRDB.
@Suite struct SQLValueConvertibleTests {
    @Test func numbersConvertWhereSQLiteConverts() {
        #expect(Int(sqlValue: .double(42)) == 42)
        #expect(Int64(sqlValue: .double(-3.9)) == -3)
        #expect(Int64(sqlValue: .double(1e300)) == nil)
        #expect(Int32(sqlValue: .int(Int64(Int32.max) + 1)) == nil)
        #expect(Double(sqlValue: .int(7)) == 7)
        #expect(Int(sqlValue: .text("42")) == nil)
        #expect(Bool(sqlValue: .int(2)) == true)
        #expect(Bool(sqlValue: .double(0)) == false)
        #expect(Bool(sqlValue: .text("1")) == nil)
    }

    @Test func textAndBytesConvertWhenTheyAreUTF8() {
        #expect(String(sqlValue: .bytes(Array("één".utf8))) == "één")
        #expect(String(sqlValue: .bytes([0xB5, 0x01, 0xFF])) == nil)
        #expect(String(sqlValue: .int(1)) == nil)
        #expect(Data(sqlValue: .text("ok")) == Data("ok".utf8))
        #expect([UInt8](sqlValue: .bytes([0, 255])) == [0, 255])
    }

    @Test func nullIsNilOnlyForAnOptional() {
        #expect(String(sqlValue: .null) == nil)
        let absent = String?(sqlValue: .null)
        #expect(absent == .some(nil))
        let wrong = Int?(sqlValue: .text("x"))
        #expect(wrong == nil)
        #expect(Optional("Zoë").sqlValue == .text("Zoë"))
        #expect(String?.none.sqlValue == .null)
    }
}
