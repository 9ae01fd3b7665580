import BewaarModel
import BewaarKit
import BewaarAccounts

/// The pages in English (chosen per account on /instellingen). Dutch terms of the protocol
/// that have no English equivalent (aangifte, Slachtofferhulp) are explained, not dropped.
struct EnglishText: PageText {
    var access: any AccessText { EnglishAccessText() }
    var signOn: any SignOnText { EnglishSignOnText() }
    var evidence: any EvidenceText { EnglishEvidenceText() }
    var work: any CaseWorkText { EnglishCaseWorkText() }
    var lifecycle: any LifecycleText { EnglishLifecycleText() }
    var uploadLink: any UploadLinkText { EnglishUploadLinkText() }
    var dateOrder: any DateOrderText { EnglishDateOrderText() }
    var screenshot: any ScreenshotText { EnglishScreenshotText() }
    var privacy: any PrivacyText { EnglishPrivacyText() }
    var board: any BoardText { EnglishBoardText() }
    let language = Language.en

    // MARK: Frame
    let skipToContent = "Skip to content"
    let mainMenu = "Main menu"
    let navCases = "My cases"
    let navTrace = "E-mail origin"
    let navAccounts = "Accounts"
    let navSettings = "Settings"
    func caseMenu(_ id: String) -> String { "Case \(id)" }
    let navCase = "Case"
    let navTimeline = "Timeline"
    let navPacket = "Packet"
    let navLog = "Log"
    func signedInAs(_ name: String, _ role: String) -> HTML { "Signed in as <strong>\(name)</strong> (\(role))" }
    let logout = "Sign out"
    let footer = "Bewaar – keeping evidence of (cyber)bullying according to the anti-bullying protocol. Everything stays on this school computer."
    let back = "Back"
    let toStart = "To the start"
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let decimalSeparator = "."
    let noTime = "no time"

    // MARK: Words of the model
    func role(_ r: AccountRole) -> String {
        switch r {
        case .mentor: return "mentor"
        case .afdelingsleider: return "department head"
        case .systeembeheerder: return "system administrator"
        case .ondersteuningscoordinator: return "support coordinator"
        case .beheerder: return "administrator"
        case .functionaris: return "data protection officer"
        }
    }
    func personRole(_ r: Role) -> String {
        switch r {
        case .slachtoffer: return "victim"
        case .vermoedelijkeDader: return "suspected perpetrator"
        case .melder: return "reporter"
        case .mentor: return "mentor"
        case .afdelingsleider: return "department head"
        case .ouder: return "parent"
        case .ondersteuningscoordinator: return "support coordinator"
        case .systeembeheerder: return "system administrator"
        case .getuige: return "witness"
        case .omstander: return "bystander"
        }
    }
    func handleKind(_ k: HandleKind) -> String {
        switch k {
        case .naam: return "name"
        case .telefoon: return "phone"
        case .anders: return "other"
        default: return k.rawValue
        }
    }
    func caseStatus(_ s: CaseStatus) -> String {
        switch s {
        case .open: return "open"
        case .escalated: return "escalated"
        case .closed: return "closed"
        }
    }
    func stepStatus(_ s: StepStatus) -> String {
        switch s {
        case .open: return "open"
        case .gedaan: return "done"
        case .nietVanToepassing: return "not applicable"
        }
    }
    func stepTitle(_ s: CyberpestenStep) -> String { s.titleEN }
    func stepGuidance(_ s: CyberpestenStep) -> String { s.guidanceEN }
    func fieldLabel(nl: String, en: String) -> String { en }
    func markReason(_ r: MarkReason) -> String {
        switch r {
        case .bedreiging: return "threat"
        case .belediging: return "insult"
        case .uitsluiting: return "exclusion"
        case .seksueel: return "sexual"
        case .priveFotos: return "private photos spread"
        case .doxing: return "personal data spread (doxing)"
        case .discriminatie: return "discrimination"
        case .aanzetten: return "inciting others to bully"
        case .anders: return "other"
        }
    }
    func escalationReason(_ r: EscalationReason) -> String {
        switch r {
        case .herhaling: return "the bullying repeats"
        case .buitenDeKlas: return "the bullying goes beyond the class"
        case .ernstig: return "serious incident"
        case .anders: return "other reason"
        }
    }

    // MARK: Errors and refusals
    let notFoundTitle = "Not found"
    let noSuchStep = "This step does not exist."
    let noSuchCaseNumber = "This case number does not exist."
    func noSuchCase(_ id: String) -> String { "Case \(id) does not exist." }
    let itemNotInCase = "This evidence item does not belong to this case."
    let messageNotInCase = "This message does not belong to this case."
    let notAMail = "This is not an e-mail in the store."
    let packetFileMissing = "This file does not exist (yet). Make the packet first."
    let refusedTitle = "No access"
    func refused(role: String) -> String {
        "As \(role) you have no access to this page. This has been recorded in the log. "
            + "If you think you need access, ask the department head."
    }
    let formExpiredTitle = "Form expired"
    let formExpired = "This form has expired or did not come from this site. Reload the page and try again."
    let formTooLargeTitle = "Too much text"
    let formTooLarge = "This form is too large to store."
    let failedTitle = "Did not work"
    func somethingWentWrong(_ detail: String) -> String { "Something went wrong: \(detail)" }
    func errorTitle(_ code: Int) -> String { "Error \(code)" }
    let httpNotFound = "This page does not exist."
    let httpNotAllowed = "This action is not possible here."
    let httpTooLarge = "The request is too large."
    func httpOther(_ code: Int) -> String { "Something went wrong (\(code))." }
    let notAvailableTitle = "Not available yet"
    let bundleMakeUnavailable = "Making a bundle is not possible in the web interface of this version yet."
    let bundleVerifyUnavailable = "Checking a bundle is not possible in the web interface of this version yet."
    let tooLargeTitle = "File too large"
    func tooLarge(limit: String) -> String {
        "The files together are larger than \(limit), this server's limit. Nothing was stored. "
            + "Upload the files one by one, or ask the system administrator to raise the limit (bewaar serve --max-upload-mb)."
    }
    let diskProblem = "The store's disk is full or not writable. Nothing was stored; ask the system administrator."
    let uploadBrokenTitle = "Upload broken off"
    let uploadBroken = "The upload broke off. Nothing was half stored; what was stored before stays stored. Try again."
    let chooseFilesOnCasePage = "Choose the files with the form on the case page."

    // MARK: Login
    let loginTitle = "Sign in"
    let name = "Name"
    let password = "Password"
    let loginButton = "Sign in"
    let loginHelp: HTML = "The administrator gives you an account. After five failed attempts an account is locked for a quarter of an hour."
    let wrongCredentials = "Name or password is not right."
    func locked(until: String) -> String {
        "Too many failed attempts. This account is locked until \(until). The administrator can set a new password."
    }
    let sessionExpired = "Your session had expired. Sign in again."

    // MARK: Cases
    let myCasesTitle = "My cases"
    func caseTitle(_ id: String, _ title: String) -> String { "Case \(id): \(title)" }
    let noCases = "You are on no case. A case appears here as soon as you are added to it or it is escalated to you."
    let casesCaption = "Cases you are on or that were escalated to you"
    let colCase = "Case"
    let colTitle = "Title"
    let colStatus = "Status"
    let colSteps = "Steps"
    let colLastAction = "Last action"
    func stepsDone(_ n: Int) -> String { "\(n) of 6" }
    let formatUnknown = "unknown format (stored all the same)"

    // MARK: Case page
    let peopleHeading = "People involved"
    let colName = "Name"
    let colRole = "Role"
    let colRelatedTo = "Related to"
    let colGroup = "Group"
    let colHandles = "Accounts and numbers"
    let planHeading = "Six-step plan after a report of cyberbullying"
    func stepHeading(_ n: Int, _ title: String) -> String { "Step \(n). \(title)" }
    func lastUpdated(by: String, at: String) -> String { "Last updated by \(by) on \(at)." }
    func statusOfStep(_ n: Int) -> String { "Status of step \(n)" }
    let note = "Note"
    func saveStep(_ n: Int) -> String { "Save step \(n)" }
    let evidenceHeading = "Evidence"
    let colFileDownload = "File (download)"
    let colKind = "Kind"
    let colContent = "Content"
    let colSize = "Size"
    let colStoredBy = "Stored by"
    func itemContent(messages: Int, warnings: Int) -> String { work.messagesAndWarnings(messages: messages, warnings: warnings) }
    let uploadStored = "Stored."
    let uploadAlreadyThere = "This file was already in the case; the receipt was added."
    let uploadNoFile = "No file was chosen."
    func notStored(_ detail: String) -> String { "Not stored: \(detail)" }
    func uploadLabel(limit: String) -> String {
        "Add files (WhatsApp export, e-mail, saved page, screenshot; several at once is fine; at most \(limit) together)"
    }
    let dropHint = "You can also drag files here."
    let whereFrom = "Where does it come from?"
    let whereFromExample = "for example: Sanne's phone, via AirDrop"
    let storeButton = "Store"
    let uploadProgress = "Upload progress"
    let jsSent = "% sent"
    let jsFailed = "Upload failed ({status}). The file was not stored; try again or choose a smaller file."
    let jsBroken = "The connection was lost; nothing was half stored. Try again."
    func reading(file: Int, of files: Int, name: String, messages: Int, percent: Int?) -> String {
        "Reading file \(file) of \(files) (\(name)): \(Plural.count(messages, "message", "messages"))" + (percent.map { ", \($0) %" } ?? "") + "."
    }
    func readingDone(files: Int) -> String { "\(Plural.count(files, "file", "files")) read; opening the case." }
    let imageHeading = "Sexual image: record only, never upload"
    let imageWarning =
        "You must not keep, forward or upload a sexual image of a minor, not even as evidence: "
        + "possessing and spreading it is an offence, for a mentor too. Record here only that the image exists, "
        + "who sent it and where, and involve the police. Describe it neutrally, without its content."
    let imageRecorded = "Sexual image (not stored)"
    let notStoredObservation = "Not stored"
    let senderWord = "sender"
    let unknown = "unknown"
    func recordedBy(_ by: String, at: String) -> String { "(recorded by \(by), \(at))" }
    let sender = "Sender"
    let recipients = "Recipients"
    let when = "When"
    let place = "Where (group, platform)"
    let neutralDescription = "Neutral description"
    let recordWithoutImage = "Record (without the image)"
    let talksHeading = "Talks and agreements"
    let withWord = "with"
    let dateLabel = "Date (yyyy-mm-dd)"
    let withWhom = "With whom (separated by commas)"
    let present = "Present (separated by commas)"
    let summary = "Summary"
    let agreements = "Agreements (one per line)"
    let followUp = "Follow-up"
    let recordTalk = "Record the talk"
    let escalationHeading = "Escalation to the department head"
    func escalationLine(to: String, reason: String, by: String, at: String, note: String) -> HTML {
        "To <strong>\(to)</strong> (\(reason)) by \(by), \(at). \(note)"
    }
    let headName = "Name of the department head"
    let reason = "Reason"
    let explanation = "Explanation"
    let escalateButton = "Escalate"
    let fillEscalation = "Fill in the name of the department head and choose a reason."

    // MARK: Timeline
    func timelineTitle(_ id: String, _ title: String) -> String { "Timeline of case \(id): \(title)" }
    func sourceTitle(_ n: Int64) -> String { "Source of message \(n)" }
    let chooseMarkReason = "Choose a reason to mark."
    let markedWord = "Marked"
    let attachments = "Attachments"
    func previousPage(_ n: Int) -> String { "Previous \(n)" }
    func nextPage(_ n: Int) -> String { "Next \(n)" }
    let everyone = "everyone"
    let searchLabel = "Search the messages"
    let fromWhom = "From whom"
    let fromDate = "From (date)"
    let toDate = "Up to and including (date)"
    let onlyMarked = "Only marked messages"
    let show = "Show"
    func shown(_ count: Int, page: Int, total: Int) -> String {
        "\(Plural.count(count, "message", "messages")) shown (page \(page)); the case has \(Plural.count(total, "message", "messages")) in all. Times in Dutch time (Europe/Amsterdam)."
    }
    let colTime = "Time"
    let colFrom = "From"
    let colMessage = "Message"
    let colSource = "Source"
    let colMark = "Mark"
    let pages = "Pages"
    let unreadable = "(cannot be read)"
    func inPart(_ part: String) -> String {
        "(the bytes are in part \(part) of the original; download the original to see them)"
    }
    func sourceIntro(name: String, sha256: String, from: Int64, to: Int64, line: Int?) -> HTML {
        let lineText = line.map { ", line \($0)" } ?? ""
        return
            "The normalised message beside the original bytes from <strong>\(name)</strong> (SHA-256 <code>\(sha256)</code>), bytes \(from) to \(to)\(lineText)."
    }
    let normalised = "Normalised"
    let originalBytes = "Original bytes (as text)"
    let downloadWhole = "Download the whole original"
    let backToTimeline = "Back to the timeline"

    // MARK: Packet and bundle
    func packetTitle(_ id: String) -> String { "Packet for the police – case \(id)" }
    func packetIntro(marked: Int) -> String {
        "The packet is what you give the police or the parents with a police report (aangifte): a report (PDF and HTML) with the \(marked) "
            + "marked messages and their context, the timeline per day, the steps, talks, the sender trace and the log, "
            + "plus a checklist for the report."
    }
    let noMarks = "No messages are marked yet. Mark what matters in the timeline."
    let makePacket = "Make the packet"
    let filesHeading = "Files"
    let noPacketYet = "No packet has been made yet."
    func lastMade(at: String, by: String) -> String { "Last made: \(at) by \(by)." }
    let bundleHeading = "Bundle"
    let bundleExplain =
        "The evidence bundle is one zip with every original byte for byte, what was read from them, the log and "
        + "checksums (BagIt). Anyone can check it, with or without Bewaar. Making it is recorded in the log."
    let bundleNotInBuild =
        "The sealed bundle (with every original and the log) and checking a bundle are not in this version of the web interface; use the command line (bewaar bundle, bewaar verify)."
    let makeBundle = "Make the bundle"
    let verifyBundleLabel = "Check a bundle"
    let verifyButton = "Check"
    let bundleVerifiedTitle = "Bundle checked"
    let chooseBundle = "Choose the bundle with the form."
    func bundleResult(_ name: String, intact: Bool) -> String {
        intact ? "\(name): the bundle is intact." : "\(name): the bundle is NOT intact."
    }
    let backToPacket = "Back to the packet"

    // MARK: Custody log
    func logTitle(_ id: String) -> String { "Log of case \(id)" }
    func chainIntact(events: Int, head: String) -> HTML {
        "The chain is intact: \(Plural.count(events, "event", "events")), each pointing to the one before. Last hash <code>\(head)</code>."
    }
    func chainBroken(_ problems: String) -> String { "The chain is NOT intact: \(problems)" }
    let logExplain = "Every action on this case, every view and download included, is here: who, what and when. The log cannot be changed unnoticed."
    func newest500(of total: Int) -> HTML { "The newest 500 of \(Plural.count(total, "event", "events")); <code>bewaar log</code> shows them all." }
    let colNumber = "No."
    let colWho = "Who"
    let colAction = "Action"
    let colDetails = "Details"
    let colHash = "Hash"

    // MARK: Trace (herkomst)
    let traceTitle = "Origin of an e-mail"
    func traceOf(_ name: String) -> String { "Origin: \(name)" }
    let sysadminNote =
        "As system administrator you see only the header lines of e-mails, not their text or attachments, and no other data of the case."
    let traceUploadHeading = "Trace an e-mail with the school's logs"
    let mailToTrace = "E-mail (.eml) to trace (only read, not stored)"
    let logsLabel = "The school's logs (several is fine)"
    let logsHelp =
        "Bewaar tells the kind from the content: ISC dhcpd.leases, dnsmasq, Windows DhcpSrvLog, Squid access.log, "
        + "a firewall NAT export (CSV), a Microsoft 365/Entra ID sign-in log (CSV/JSON) and an inventory "
        + "(CSV with mac and workstation). The logs are removed after the trace; only their name and SHA-256 stay in the result."
    let traceButton = "Trace the origin"
    let pickIntro =
        "Or choose a stored e-mail to see its route: through which servers it came and from which IP address. That helps with step 3 of the plan (trace the perpetrator)."
    let noMails = "No e-mails have been stored yet."
    let colMail = "E-mail"
    let colStored = "Stored"
    func mailReadNotStored(name: String, sha256: String) -> HTML {
        "E-mail <strong>\(name)</strong>, SHA-256 <code>\(sha256)</code>. Only read, not stored: store the e-mail with the case (the case page) if it is evidence. Only the header lines are shown."
    }
    func mailStoredIntro(name: String, sha256: String) -> HTML {
        "E-mail <strong>\(name)</strong>, SHA-256 <code>\(sha256)</code>. Only the header lines are shown."
    }
    func step3Line(case id: String, status: String, trace: String, result: String) -> String {
        "Step 3 (trace the perpetrator) of case \(id): \(status). Sender trace: \(trace). Result: \(result)."
    }
    let conclusionHeading = "Conclusion"
    let noConclusion: HTML =
        "<p class=\"uitleg\">The sender trace is not in this version of the web interface; use <code>bewaar trace</code> on the command line and fill in the result at step 3 of the case.</p>"
    let certainty = "Certainty"
    func certaintyWord(_ raw: String) -> String {
        switch raw {
        case "hoog": return "high"
        case "redelijk": return "reasonable"
        case "laag": return "low"
        case "onbekend": return "unknown"
        default: return raw
        }
    }
    let why = "Why"
    let notProven = "What this does NOT prove"
    let findings = "Findings"
    let routeHeading = "Route (newest line first; ‘claimed’ = below the trust boundary, not verified)"
    let colHop = "Line"
    let colBy = "By"
    let colIP = "IP address"
    let colTrusted = "Trusted?"
    func hopStatus(_ raw: String) -> String {
        switch raw {
        case "vertrouwd": return "trusted"
        case "grens": return "boundary"
        case "beweerd": return "claimed"
        default: return raw
        }
    }
    let inputsHeading = "Inputs"
    let networkDefaults =
        "Network file: none (defaults). Put the school's network file into the store folder as network.toml (bewaar trace --init) so the school's networks and mail servers are known."
    func networkFile(_ name: String, sha256: String) -> String { "Network file \(name), SHA-256 \(sha256)" }
    func logInput(name: String, kind: String, records: Int, warnings: Int, sha256: String) -> String {
        "\(name) (\(kind)): \(Plural.count(records, "record", "records")) read"
            + (warnings > 0 ? ", \(Plural.count(warnings, "warning", "warnings"))" : "") + ", SHA-256 \(sha256)"
    }
    let headersHeading = "Header lines"
    let itemLogsHeading = "Trace with the school's logs"
    let itemLogsLabel = "The school's logs for this e-mail (several is fine)"
    func traceAndRecord(_ id: String) -> String { "Trace and record on case \(id)" }
    func recorded(case id: String, trace: Int64) -> String {
        "Recorded on case \(id) as sender trace \(trace); step 3 of the plan points to it and the packet for the police shows it."
    }
    let traceFailedTitle = "Sender trace did not work"
    let nothingRecorded = "Nothing was recorded."
    let needMail = "Choose an e-mail (.eml) to trace."
    func traceUploadBroken(limit: String) -> String {
        "The files did not arrive (completely), or are larger than \(limit) together. Nothing was stored."
    }

    // MARK: Accounts
    let accountsTitle = "Accounts"
    let adminExplain =
        "As administrator you manage accounts and who has access to which case number; you cannot see cases or evidence, and you never set someone else's password: you force a reset, and the owner chooses a new one with the code. Everything you do goes into the store log under your name."
    let colCreated = "Created"
    let colLock = "Lock"
    func lockedUntil(_ when: String) -> String { "locked until \(when)" }
    let addAccountHeading = "Add an account or set a new password"
    func passwordMinimum(_ n: Int) -> String { "Password (at least \(n) characters)" }
    let save = "Save"
    let fillNameRolePassword = "Fill in name, role and password."

    // MARK: Settings
    let settingsTitle = "Settings"
    let languageLegend = "Language of the pages"
    let languageHelp = "The addresses of the pages stay Dutch, and evidence (messages, names, file names) is never translated."
    let saved = "Saved."
    let chooseLanguage = "Choose Nederlands or English and save the setting again."
}
