extension CustodyAction {
    /// An access request (inzageverzoek) was answered: an export of everything about one person
    /// was made; logged on every case it covers, with who asked and the hashes of what was written.
    public static let personExportMade: CustodyAction = "person-export-made"
    /// A correction note was added about a person on a case (AVG art. 16): the records stay as
    /// they are; the note is shown beside them in every later access export.
    public static let correctionNoted: CustodyAction = "correction-noted"
}

extension CustodyAction {
    /// The store was brought back from a backup (`bewaar restore`), in the store-wide chain.
    public static let storeRestored: CustodyAction = "store-restored"
}
