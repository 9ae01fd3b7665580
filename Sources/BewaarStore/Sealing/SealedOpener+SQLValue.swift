// Opening for the record paths that read through ``StoreConnection`` (either database).

extension SealedOpener {
    /// The text of `value`, a column of case `reference` (its number or id): opened when sealed,
    /// as it is when text, nil for NULL. Bytes that are not sealed read as UTF-8 and a number as
    /// its digits, as the sealed paths always read them (a damaged value stays visible as one).
    func text(_ value: SQLValue, case reference: @autoclosure () -> SQLValue) throws -> String? {
        switch value {
        case .null: return nil
        case .text(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bytes(let bytes):
            guard seals, bytes.withUnsafeBytes(SealedValue.isSealed) else { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: try bytes.withUnsafeBytes { try open($0, case: reference().databaseValue) }, as: UTF8.self)
        }
    }
}
