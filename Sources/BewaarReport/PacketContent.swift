import Foundation
import BewaarModel

/// Everything the police packet shows, gathered from a case as plain values. The report
/// module reads only this, never the store.
public struct PacketContent: Sendable {
    public var caseInfo: Case
    public var school: String?
    public var people: [Person]
    public var handles: [Handle]
    public var checklist: [ChecklistStep]
    public var talks: [Talk]
    public var escalations: [Escalation]
    public var statements: [Testimony]
    public var observations: [Observation]
    /// Every original, top-level and contained, with its warning count.
    public var items: [EvidenceItem]
    public var marked: [MarkedEntry]
    /// Messages per day from the suspected perpetrators, every day of the period included.
    public var perDay: [DayCount]
    /// Names of the suspected perpetrators whose handles the chart counts.
    public var chartAuthors: [String]
    public var recordCount: Int
    public var datedRecordCount: Int
    public var custody: CustodySummary
    /// Plain-language conclusions of sender traces (step 3), if any.
    public var traces: [String]
    public var bundle: BundleSummary?
    public var timeZone: TimeZone
    public var generatedAt: Date
    public var generatedBy: String
    /// Every image with what was read from it, as the report shows it.
    public var screenshots: [ScreenshotContent] = []

    public init(caseInfo: Case, school: String?, people: [Person], handles: [Handle], checklist: [ChecklistStep], talks: [Talk],
                escalations: [Escalation], statements: [Testimony], observations: [Observation], items: [EvidenceItem],
                marked: [MarkedEntry], perDay: [DayCount], chartAuthors: [String], recordCount: Int, datedRecordCount: Int,
                custody: CustodySummary, traces: [String], bundle: BundleSummary?, timeZone: TimeZone, generatedAt: Date,
                generatedBy: String) {
        self.caseInfo = caseInfo
        self.school = school
        self.people = people
        self.handles = handles
        self.checklist = checklist
        self.talks = talks
        self.escalations = escalations
        self.statements = statements
        self.observations = observations
        self.items = items
        self.marked = marked
        self.perDay = perDay
        self.chartAuthors = chartAuthors
        self.recordCount = recordCount
        self.datedRecordCount = datedRecordCount
        self.custody = custody
        self.traces = traces
        self.bundle = bundle
        self.timeZone = timeZone
        self.generatedAt = generatedAt
        self.generatedBy = generatedBy
    }

    /// People with a role.
    public func people(_ role: Role) -> [Person] { people.filter { $0.role == role } }

    /// The handles of one person.
    public func handles(of p: Person) -> [Handle] { handles.filter { $0.personID == p.id } }
}

/// A count for one day.
public struct DayCount: Sendable, Hashable {
    public var day: String
    public var count: Int
    public init(day: String, count: Int) {
        self.day = day
        self.count = count
    }
}

/// A marked entry and the entries around it in the same original.
public struct MarkedEntry: Sendable, Hashable {
    public var entry: TimelineEntry
    public var context: [TimelineEntry]
    /// For a message read from a screenshot: its bubble cut out of the picture.
    public var crop: ReportPicture?
    public init(entry: TimelineEntry, context: [TimelineEntry], crop: ReportPicture? = nil) {
        self.entry = entry
        self.context = context
        self.crop = crop
    }
}

/// An image of the case with the records read from it and its picture, decoded and shrunk by
/// the caller (the report never reads the store or decodes a file).
public struct ScreenshotContent: Sendable, Hashable {
    public var item: EvidenceItem
    /// The original's size in pixels (the records' boxes are in these pixels); 0 when unknown.
    public var width: Int
    public var height: Int
    /// The whole picture, shrunk; nil when it could not be decoded.
    public var picture: ReportPicture?
    /// The records read from it, in the order of the image (at most ``PacketDocument/screenshotRecordLimit``).
    public var records: [TimelineEntry]
    /// Why there is no picture (a sentence in Dutch), when there is none.
    public var problem: String?
    /// What the comparison with the case's other evidence found per record (by record id), in
    /// Dutch: "komt overeen met bericht #13 in …", "niet gevonden in de export …".
    public var compared: [Int64: String] = [:]
    /// How many of its records were found in an export, and how many an export covering their
    /// time lacks (the findings).
    public var foundInExport = 0
    public var missingFromExport = 0
    /// The case's other images that look like this one, in Dutch.
    public var lookalikes: [String] = []

    public init(item: EvidenceItem, width: Int, height: Int, picture: ReportPicture?, records: [TimelineEntry], problem: String? = nil) {
        self.item = item
        self.width = width
        self.height = height
        self.picture = picture
        self.records = records
        self.problem = problem
    }
}

/// The state of the custody log when the packet was made.
public struct CustodySummary: Sendable, Hashable {
    public var events: Int
    public var headHash: String
    public var intact: Bool
    public var first: Date?
    public var last: Date?
    public init(events: Int, headHash: String, intact: Bool, first: Date?, last: Date?) {
        self.events = events
        self.headHash = headHash
        self.intact = intact
        self.first = first
        self.last = last
    }
}

/// The evidence bundle that goes with the packet.
public struct BundleSummary: Sendable, Hashable {
    public var fileName: String
    public var sha256: String
    /// SHA-256 of the bag's tagmanifest-sha256.txt, quoted in the export-sealed event.
    public var tagManifestSHA256: String?
    public init(fileName: String, sha256: String, tagManifestSHA256: String?) {
        self.fileName = fileName
        self.sha256 = sha256
        self.tagManifestSHA256 = tagManifestSHA256
    }
}

/// Dutch display of times in the school's zone.
enum DutchTime {
    static func full(_ date: Date, _ zone: TimeZone) -> String {
        let t = Timestamp(date: date, in: zone).rfc3339
        let c = Array(t)
        return String(c[8..<10]) + "-" + String(c[5..<7]) + "-" + String(c[0..<4]) + " " + String(c[11..<16])
    }

    static func message(_ ts: Timestamp?, _ zone: TimeZone) -> String {
        guard let ts else { return "(geen tijd)" }
        return full(ts.date, zone)
    }

    static func day(_ date: Date, _ zone: TimeZone) -> String { String(full(date, zone).prefix(10)) }
}
