import BewaarStore

/// A school board's schools as one `bewaar serve` sees them (`--database`): which school a
/// request is for, and each school's store. Given by the front end that opened the board's
/// database; the web pages themselves only ever see one school's ``CaseStore``.
public struct SchoolDirectory: Sendable {
    /// The school of the account signed in with the session whose id hashes to the SHA-256
    /// given: nil for no such session, nobody signed in yet, or an account of the board.
    public var schoolOfSession: @Sendable (_ sessionSHA256: String) throws -> Int?
    /// The store of school `id`; for nil, the board's own, which holds no school's cases (the
    /// sign-in pages work on it).
    public var store: @Sendable (_ school: Int?) throws -> CaseStore
    /// The school of the pupil's upload link whose token hashes to the SHA-256 given (nil: no
    /// such link): a pupil has no session, and the link's pages are its school's.
    public var schoolOfUploadLink: @Sendable (_ tokenSHA256: String) throws -> Int?
    /// What the packet and trace pages of school `id`'s store use.
    public var seams: @Sendable (_ school: Int?, _ store: CaseStore) throws -> (packet: PacketSeam, trace: TraceSeam)
    /// The board's overview, for the board's privacy officer (`/bestuur`).
    public var board: BoardSeam

    public init(
        schoolOfSession: @escaping @Sendable (String) throws -> Int?,
        schoolOfUploadLink: @escaping @Sendable (String) throws -> Int? = { _ in nil },
        store: @escaping @Sendable (Int?) throws -> CaseStore,
        seams: @escaping @Sendable (Int?, CaseStore) throws -> (packet: PacketSeam, trace: TraceSeam),
        board: BoardSeam = BoardSeam()
    ) {
        self.board = board
        self.schoolOfSession = schoolOfSession
        self.schoolOfUploadLink = schoolOfUploadLink
        self.store = store
        self.seams = seams
    }
}
