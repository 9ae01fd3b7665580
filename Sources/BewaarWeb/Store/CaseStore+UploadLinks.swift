import Foundation
import BewaarStore
import BewaarModel

/// A link with which one person on a case (a pupil or a parent) hands in files for that case,
/// and can do nothing else: upload only, for a set time, revocable. The store knows it by the
/// SHA-256 of its token; the token itself exists only in the link the mentor hands over.
public struct UploadLink: Sendable, Hashable {
    public var id: Int64
    public var caseID: CaseID
    /// The person the link was made for (a row of the case's people).
    public var personID: Int64
    public var personName: String
    public var personRole: Role
    /// For a parent: whose parent.
    public var personRelatedTo: String?
    /// The account that made the link, and when.
    public var madeBy: String
    public var madeAt: Date
    public var validUntil: Date
    public var revokedBy: String?
    public var revokedAt: Date?
    /// Files received through the link.
    public var uploadCount: Int

    /// Where a link stands at a moment.
    public enum State: String, Sendable {
        case active, expired, revoked
    }

    public func state(at now: Date) -> State {
        if revokedAt != nil { return .revoked }
        return now < validUntil ? .active : .expired
    }

    /// Who hands in files through this link, as the custody log names them:
    /// "Sanne de Vries (leerling) via uploadlink van J. Bakker".
    public var actor: String {
        let who: String
        switch personRole {
        case .ouder: who = personRelatedTo.map { "ouder van \($0)" } ?? "ouder"
        default: who = "leerling"
        }
        return "\(personName) (\(who)) via uploadlink van \(madeBy)"
    }

    /// The longest and shortest time a link may be valid.
    public static let longest: TimeInterval = 30 * 24 * 3600
    public static let shortest: TimeInterval = 60
    /// How long a link is valid unless the mentor says otherwise (72 hours).
    public static let standardValidity: TimeInterval = 72 * 3600

    /// Whether a person in `role` can get a link: pupils and parents, never staff.
    public static func canReceive(_ role: Role) -> Bool { !role.isStaff }
}

extension CustodyAction {
    public static let uploadLinkMade: CustodyAction = "upload-link-made"
    public static let uploadLinkRevoked: CustodyAction = "upload-link-revoked"
    public static let uploadLinkUsed: CustodyAction = "upload-link-used"
}

extension CaseStore {
    /// Makes a link for `person` (a pupil or parent on case `id`), valid for `validFor`
    /// seconds from `start` (custody event `upload-link-made`). Only the token's SHA-256 is kept.
    /// `start` is the clock of whoever checks the link later (the web interface's, as for its
    /// sessions); the store's own clock when nil.
    public func makeUploadLink(
        _ id: CaseID, person: Int64, tokenSHA256: String, validFor: TimeInterval, start: Date? = nil,
        actor: String
    ) throws -> UploadLink {
        guard tokenSHA256.utf8.count == 64, tokenSHA256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw StoreError(
                .invalidValue, nl: "Een uploadlink wordt bewaard als de SHA-256 van zijn code (64 tekens 0-9 a-f).",
                en: "An upload link is kept as the SHA-256 of its code (64 characters 0-9 a-f).")
        }
        guard validFor >= UploadLink.shortest, validFor <= UploadLink.longest else {
            throw StoreError(
                .invalidValue, nl: "Een uploadlink is minstens 1 minuut en hoogstens 30 dagen geldig.",
                en: "An upload link is valid for at least 1 minute and at most 30 days.")
        }
        return try writing { c in
            _ = try fetchCase(c, id)
            guard
                let p = try sealer.fetchOne(
                    PersonRow.self, c, table: "people", "SELECT * FROM people WHERE id = ?1 AND case_id = ?2",
                    [.int(person), .text(id.description)])?.value
            else {
                throw StoreError(.unknownPerson, nl: "Deze persoon staat niet op zaak \(id).", en: "This person is not on case \(id).")
            }
            let role = p.role
            guard UploadLink.canReceive(role) else {
                throw StoreError(
                    .invalidValue, nl: "Een uploadlink is voor een leerling of ouder, niet voor iemand van de school.",
                    en: "An upload link is for a pupil or parent, not for school staff.")
            }
            let at = start.map { Date(timeIntervalSince1970: ($0.timeIntervalSince1970 * 1000).rounded(.down) / 1000) } ?? now()
            let until = at.addingTimeInterval(validFor.rounded(.down))
            guard
                let linkID = try c.fetchValue(
                    """
                    INSERT INTO upload_links (token_sha256, case_id, person_id, made_by, made_at, valid_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                    RETURNING id
                    """,
                    [
                        .text(tokenSHA256), .text(id.description), .int(person), .text(StoredText.bounded(actor, limit: StoredText.nameLimit)),
                        .text(at.stored), .text(until.stored),
                    ], as: Int64.self)
            else {
                throw StoreError(.writeFailed, nl: "De uploadlink kreeg geen nummer.", en: "The upload link got no number.")
            }
            let link = UploadLink(
                id: linkID, caseID: id, personID: person, personName: p.name, personRole: role,
                personRelatedTo: p.relatedTo, madeBy: actor, madeAt: at, validUntil: until, uploadCount: 0)
            try appendEvent(
                c, chain: id.description, actor: actor, action: .uploadLinkMade,
                details: [
                    "linkId": String(link.id), "person": link.personName, "role": role.rawValue, "validUntil": until.stored,
                ])
            return link
        }
    }

    /// Ends a link before its time (custody event `upload-link-revoked`). A link of another case,
    /// or one already revoked, is an error that says so.
    public func revokeUploadLink(_ id: CaseID, link: Int64, actor: String) throws {
        try writing { c in
            guard let l = try fetchUploadLink(c, where: "l.id = ?1 AND l.case_id = ?2", [.int(link), .text(id.description)]) else {
                throw StoreError(
                    .invalidValue, nl: "Uploadlink \(link) hoort niet bij zaak \(id).",
                    en: "Upload link \(link) does not belong to case \(id).")
            }
            guard l.revokedAt == nil else {
                throw StoreError(.invalidValue, nl: "Deze uploadlink was al ingetrokken.", en: "This upload link was already revoked.")
            }
            try c.execute(
                "UPDATE upload_links SET revoked_by = ?1, revoked_at = ?2 WHERE id = ?3",
                [.text(StoredText.bounded(actor, limit: StoredText.nameLimit)), .text(now().stored), .int(l.id)])
            try appendEvent(
                c, chain: id.description, actor: actor, action: .uploadLinkRevoked,
                details: ["linkId": String(l.id), "person": l.personName])
        }
    }

    /// Records that files came in through `link` (custody event `upload-link-used`, under the
    /// person's name "via uploadlink van" its maker), naming each file with its SHA-256, and
    /// counts them. The files themselves are ingested as usual, under the same actor.
    @discardableResult
    public func recordUploadLinkUse(_ link: UploadLink, files: [(name: String, sha256: String)]) throws -> UploadLink {
        try writing { c in
            try c.execute("UPDATE upload_links SET upload_count = upload_count + ?1 WHERE id = ?2", [SQLValue(files.count), .int(link.id)])
            try appendEvent(
                c, chain: link.caseID.description, actor: link.actor, action: .uploadLinkUsed,
                details: [
                    "linkId": String(link.id), "files": String(files.count),
                    "sha256": files.map { "\($0.sha256)  \($0.name)" }.joined(separator: "\n"),
                ])
            var l = link
            l.uploadCount += files.count
            return l
        }
    }

    /// Every upload link of a case, the newest first.
    public func uploadLinks(_ id: CaseID) throws -> [UploadLink] {
        try reading { c in try fetchUploadLinks(c, where: "l.case_id = ?1", [.text(id.description)]) }
    }

    /// One link of a case, or nil when `case` has no such link.
    public func uploadLink(_ id: CaseID, link: Int64) throws -> UploadLink? {
        try reading { c in try fetchUploadLink(c, where: "l.id = ?1 AND l.case_id = ?2", [.int(link), .text(id.description)]) }
    }

    /// The link whose token has this SHA-256, in whatever state; nil when there is none.
    public func uploadLink(tokenSHA256: String) throws -> UploadLink? {
        try reading { c in try fetchUploadLink(c, where: "l.token_sha256 = ?1", [.text(tokenSHA256)]) }
    }

    func fetchUploadLink(_ c: any StoreConnection, where condition: String, _ arguments: [SQLValue]) throws -> UploadLink? {
        try fetchUploadLinks(c, where: condition, arguments).first
    }

    func fetchUploadLinks(_ c: any StoreConnection, where condition: String, _ arguments: [SQLValue]) throws -> [UploadLink] {
        let sealer = sealer
        return try c.fetch(
            """
            SELECT l.*, p.name AS person_name, p.role AS person_role, p.related_to AS person_related_to
            FROM upload_links l JOIN people p ON p.id = l.person_id WHERE \(condition) ORDER BY l.id DESC
            """, arguments
        ).map { row in
            try UploadLinkRow(
                row: sealer.opened(row, columns: ["person_name", "person_related_to"], case: row["case_id"] ?? .null)
            ).value
        }
    }
}
