import BewaarModel
import BewaarKit
import BewaarAccounts

/// Every word the web pages say, in one language. ``DutchText`` and ``EnglishText`` are the two
/// tables; the compiler makes sure each has every entry. Evidence text (messages, names, file
/// names, subjects) never goes through here: it is shown as it is, escaped.
///
/// Values are plain text (escaped where they are used) unless they are ``HTML``: those hold a
/// little markup of their own and escape every argument.
protocol PageText: Sendable {
    var language: Language { get }
    /// The words of the access, account and security pages.
    var access: any AccessText { get }
    /// The words of the sign-in with the school's accounts.
    var signOn: any SignOnText { get }
    var evidence: any EvidenceText { get }
    /// The words of the mentor's work on a case (forms, sections, overview).
    var work: any CaseWorkText { get }
    var lifecycle: any LifecycleText { get }
    var uploadLink: any UploadLinkText { get }
    var dateOrder: any DateOrderText { get }
    /// The words of records read from a screenshot.
    var screenshot: any ScreenshotText { get }
    /// The words of the access-request and processing-register pages.
    var privacy: any PrivacyText { get }
    var board: any BoardText { get }
    /// Picks the text of this language from a bilingual message of another module (errors).
    func choose(nl: String, en: String) -> String

    // MARK: Frame
    var skipToContent: String { get }
    var mainMenu: String { get }
    var navCases: String { get }
    var navTrace: String { get }
    var navAccounts: String { get }
    var navSettings: String { get }
    func caseMenu(_ id: String) -> String
    var navCase: String { get }
    var navTimeline: String { get }
    var navPacket: String { get }
    var navLog: String { get }
    func signedInAs(_ name: String, _ role: String) -> HTML
    var logout: String { get }
    var footer: String { get }
    var back: String { get }
    var toStart: String { get }
    /// Short month names, January first.
    var months: [String] { get }
    var decimalSeparator: String { get }
    var noTime: String { get }

    // MARK: Words of the model
    func role(_ r: AccountRole) -> String
    func personRole(_ r: Role) -> String
    func handleKind(_ k: HandleKind) -> String
    func caseStatus(_ s: CaseStatus) -> String
    func stepStatus(_ s: StepStatus) -> String
    func stepTitle(_ s: CyberpestenStep) -> String
    func stepGuidance(_ s: CyberpestenStep) -> String
    func fieldLabel(nl: String, en: String) -> String
    func markReason(_ r: MarkReason) -> String
    func escalationReason(_ r: EscalationReason) -> String

    // MARK: Errors and refusals
    var notFoundTitle: String { get }
    var noSuchStep: String { get }
    var noSuchCaseNumber: String { get }
    func noSuchCase(_ id: String) -> String
    var itemNotInCase: String { get }
    var messageNotInCase: String { get }
    var notAMail: String { get }
    var packetFileMissing: String { get }
    var refusedTitle: String { get }
    func refused(role: String) -> String
    var formExpiredTitle: String { get }
    var formExpired: String { get }
    var formTooLargeTitle: String { get }
    var formTooLarge: String { get }
    var failedTitle: String { get }
    func somethingWentWrong(_ detail: String) -> String
    func errorTitle(_ code: Int) -> String
    var httpNotFound: String { get }
    var httpNotAllowed: String { get }
    var httpTooLarge: String { get }
    func httpOther(_ code: Int) -> String
    var notAvailableTitle: String { get }
    var bundleMakeUnavailable: String { get }
    var bundleVerifyUnavailable: String { get }
    var tooLargeTitle: String { get }
    func tooLarge(limit: String) -> String
    var diskProblem: String { get }
    var uploadBrokenTitle: String { get }
    var uploadBroken: String { get }
    var chooseFilesOnCasePage: String { get }

    // MARK: Login
    var loginTitle: String { get }
    var name: String { get }
    var password: String { get }
    var loginButton: String { get }
    var loginHelp: HTML { get }
    var wrongCredentials: String { get }
    func locked(until: String) -> String
    var sessionExpired: String { get }

    // MARK: Cases
    var myCasesTitle: String { get }
    func caseTitle(_ id: String, _ title: String) -> String
    var noCases: String { get }
    var casesCaption: String { get }
    var colCase: String { get }
    var colTitle: String { get }
    var colStatus: String { get }
    var colSteps: String { get }
    var colLastAction: String { get }
    func stepsDone(_ n: Int) -> String
    var formatUnknown: String { get }

    // MARK: Case page
    var peopleHeading: String { get }
    var colName: String { get }
    var colRole: String { get }
    var colRelatedTo: String { get }
    var colGroup: String { get }
    var colHandles: String { get }
    var planHeading: String { get }
    func stepHeading(_ n: Int, _ title: String) -> String
    func lastUpdated(by: String, at: String) -> String
    func statusOfStep(_ n: Int) -> String
    var note: String { get }
    func saveStep(_ n: Int) -> String
    var evidenceHeading: String { get }
    var colFileDownload: String { get }
    var colKind: String { get }
    var colContent: String { get }
    var colSize: String { get }
    var colStoredBy: String { get }
    func itemContent(messages: Int, warnings: Int) -> String
    var uploadStored: String { get }
    var uploadAlreadyThere: String { get }
    var uploadNoFile: String { get }
    func notStored(_ detail: String) -> String
    func uploadLabel(limit: String) -> String
    var dropHint: String { get }
    var whereFrom: String { get }
    var whereFromExample: String { get }
    var storeButton: String { get }
    var uploadProgress: String { get }
    var jsSent: String { get }
    /// `{status}` is replaced by the HTTP status in the browser.
    var jsFailed: String { get }
    var jsBroken: String { get }
    /// The progress line while the server reads the uploaded files (after the bytes are sent).
    func reading(file: Int, of files: Int, name: String, messages: Int, percent: Int?) -> String
    /// The progress line once every file is read (the page then shows what was stored).
    func readingDone(files: Int) -> String
    var imageHeading: String { get }
    var imageWarning: String { get }
    var imageRecorded: String { get }
    var notStoredObservation: String { get }
    var senderWord: String { get }
    var unknown: String { get }
    func recordedBy(_ by: String, at: String) -> String
    var sender: String { get }
    var recipients: String { get }
    var when: String { get }
    var place: String { get }
    var neutralDescription: String { get }
    var recordWithoutImage: String { get }
    var talksHeading: String { get }
    var withWord: String { get }
    var dateLabel: String { get }
    var withWhom: String { get }
    var present: String { get }
    var summary: String { get }
    var agreements: String { get }
    var followUp: String { get }
    var recordTalk: String { get }
    var escalationHeading: String { get }
    func escalationLine(to: String, reason: String, by: String, at: String, note: String) -> HTML
    var headName: String { get }
    var reason: String { get }
    var explanation: String { get }
    var escalateButton: String { get }
    var fillEscalation: String { get }

    // MARK: Timeline
    func timelineTitle(_ id: String, _ title: String) -> String
    func sourceTitle(_ n: Int64) -> String
    var chooseMarkReason: String { get }
    var markedWord: String { get }
    var attachments: String { get }
    func previousPage(_ n: Int) -> String
    func nextPage(_ n: Int) -> String
    var everyone: String { get }
    var searchLabel: String { get }
    var fromWhom: String { get }
    var fromDate: String { get }
    var toDate: String { get }
    var onlyMarked: String { get }
    var show: String { get }
    func shown(_ count: Int, page: Int, total: Int) -> String
    var colTime: String { get }
    var colFrom: String { get }
    var colMessage: String { get }
    var colSource: String { get }
    var colMark: String { get }
    var pages: String { get }
    var unreadable: String { get }
    func inPart(_ part: String) -> String
    func sourceIntro(name: String, sha256: String, from: Int64, to: Int64, line: Int?) -> HTML
    var normalised: String { get }
    var originalBytes: String { get }
    var downloadWhole: String { get }
    var backToTimeline: String { get }

    // MARK: Packet and bundle
    func packetTitle(_ id: String) -> String
    func packetIntro(marked: Int) -> String
    var noMarks: String { get }
    var makePacket: String { get }
    var filesHeading: String { get }
    var noPacketYet: String { get }
    func lastMade(at: String, by: String) -> String
    var bundleHeading: String { get }
    var bundleExplain: String { get }
    var bundleNotInBuild: String { get }
    var makeBundle: String { get }
    var verifyBundleLabel: String { get }
    var verifyButton: String { get }
    var bundleVerifiedTitle: String { get }
    var chooseBundle: String { get }
    func bundleResult(_ name: String, intact: Bool) -> String
    var backToPacket: String { get }

    // MARK: Custody log
    func logTitle(_ id: String) -> String
    func chainIntact(events: Int, head: String) -> HTML
    func chainBroken(_ problems: String) -> String
    var logExplain: String { get }
    func newest500(of total: Int) -> HTML
    var colNumber: String { get }
    var colWho: String { get }
    var colAction: String { get }
    var colDetails: String { get }
    var colHash: String { get }

    // MARK: Trace (herkomst)
    var traceTitle: String { get }
    func traceOf(_ name: String) -> String
    var sysadminNote: String { get }
    var traceUploadHeading: String { get }
    var mailToTrace: String { get }
    var logsLabel: String { get }
    var logsHelp: String { get }
    var traceButton: String { get }
    var pickIntro: String { get }
    var noMails: String { get }
    var colMail: String { get }
    var colStored: String { get }
    func mailReadNotStored(name: String, sha256: String) -> HTML
    func mailStoredIntro(name: String, sha256: String) -> HTML
    func step3Line(case id: String, status: String, trace: String, result: String) -> String
    var conclusionHeading: String { get }
    var noConclusion: HTML { get }
    var certainty: String { get }
    func certaintyWord(_ raw: String) -> String
    var why: String { get }
    var notProven: String { get }
    var findings: String { get }
    var routeHeading: String { get }
    var colHop: String { get }
    var colBy: String { get }
    var colIP: String { get }
    var colTrusted: String { get }
    func hopStatus(_ raw: String) -> String
    var inputsHeading: String { get }
    var networkDefaults: String { get }
    func networkFile(_ name: String, sha256: String) -> String
    func logInput(name: String, kind: String, records: Int, warnings: Int, sha256: String) -> String
    var headersHeading: String { get }
    var itemLogsHeading: String { get }
    var itemLogsLabel: String { get }
    func traceAndRecord(_ id: String) -> String
    func recorded(case id: String, trace: Int64) -> String
    var traceFailedTitle: String { get }
    var nothingRecorded: String { get }
    var needMail: String { get }
    func traceUploadBroken(limit: String) -> String

    // MARK: Accounts
    var accountsTitle: String { get }
    var adminExplain: String { get }
    var colCreated: String { get }
    var colLock: String { get }
    func lockedUntil(_ when: String) -> String
    var addAccountHeading: String { get }
    func passwordMinimum(_ n: Int) -> String
    var save: String { get }
    var fillNameRolePassword: String { get }

    // MARK: Settings
    var settingsTitle: String { get }
    var languageLegend: String { get }
    var languageHelp: String { get }
    var saved: String { get }
    var chooseLanguage: String { get }
}

extension PageText {
    func choose(nl: String, en: String) -> String { language == .en ? en : nl }
}

/// The table of a language.
enum PageTexts {
    static func of(_ language: Language) -> any PageText {
        language == .en ? EnglishText() : DutchText()
    }
}
