import Foundation
import BewaarModel
import BewaarDigest
import BewaarImport
import BewaarImportMail

/// The parts of an e-mail the trace reads, taken from the e-mail importer's record (so the
/// header and Received parsing is the importer's, shared, not a second copy).
public struct TraceMail: Sendable {
    /// The file name as given (or the evidence item's name).
    public var name: String
    public var sha256: String
    public var size: Int64
    /// Received hops, topmost (newest) first, parsed by ``ReceivedParser``.
    public var hops: [ReceivedHop]
    /// Client-address headers (`X-Originating-IP`, `X-MS-Exchange-Organization-OriginalClientIPAddress`,
    /// `X-Sender-IP`, `X-Forefront-Antispam-Report` CIP) with how many Received lines sit above them.
    public var clientHeaders: [ClientHeader]
    /// The sender addresses of `From` (lower case).
    public var from: [String]
    /// The `Date` header (written by the sender: a claim).
    public var date: Timestamp?
    public var messageID: String?
    public var subject: String?
    /// More than one message in the file (mbox): only the first is traced.
    public var messageCount: Int

    public struct ClientHeader: Sendable, Hashable {
        public var name: String
        public var value: String
        public var ips: [IPAddress]
        /// Received lines above this header in the raw order.
        public var receivedAbove: Int
    }

    public init(name: String, sha256: String, size: Int64, hops: [ReceivedHop], clientHeaders: [ClientHeader] = [],
                from: [String] = [], date: Timestamp? = nil, messageID: String? = nil, subject: String? = nil, messageCount: Int = 1) {
        self.name = name
        self.sha256 = sha256
        self.size = size
        self.hops = hops
        self.clientHeaders = clientHeaders
        self.from = from
        self.date = date
        self.messageID = messageID
        self.subject = subject
        self.messageCount = messageCount
    }

    /// Reads an .eml/.msg/.mbox file through the e-mail importer.
    public static func read(path: String, name: String? = nil) throws -> TraceMail {
        let (digest, size): (BewaarModel.SHA256Digest, Int64)
        do {
            (digest, size) = try FileReader.sha256(path: path)
        } catch {
            throw TraceError(nl: "\(path) kan niet worden gelezen. Controleer het pad en de rechten.",
                             en: "\(path) cannot be read. Check the path and permissions.")
        }
        let shown = name ?? (path as NSString).lastPathComponent
        let source = ImportSource(path: path, name: shown, size: size, sha256: digest)
        let result: ImportResult
        do {
            result = try EmailImporter().importFile(source, context: ImportContext())
        } catch {
            throw TraceError(nl: "\(shown) is niet als e-mail te lezen (\(error)). Geef een .eml-, .msg- of .mbox-bestand.",
                             en: "\(shown) cannot be read as e-mail (\(error)). Give an .eml, .msg or .mbox file.")
        }
        guard let first = result.messages.first, let email = first.extra["email"] else {
            throw TraceError(nl: "\(shown) bevat geen e-mailbericht.", en: "\(shown) holds no e-mail message.")
        }
        let received = (email["headers"]?.arrayValue ?? []).compactMap { h -> String? in
            guard h["name"]?.stringValue?.lowercased() == "received" else { return nil }
            return h["value"]?.stringValue
        }
        var clients: [ClientHeader] = []
        for c in email["clientIps"]?.arrayValue ?? [] {
            clients.append(ClientHeader(name: c["header"]?.stringValue ?? "", value: c["value"]?.stringValue ?? "",
                                        ips: (c["ips"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap { IPAddress($0) } },
                                        receivedAbove: Int(c["receivedAbove"]?.intValue ?? 0)))
        }
        let from = (email["from"]?.arrayValue ?? []).compactMap { $0["address"]?.stringValue?.lowercased() }
        return TraceMail(name: shown, sha256: digest.hex, size: size, hops: ReceivedParser.parseAll(received),
                         clientHeaders: clients, from: from, date: email["date"]?.stringValue.flatMap { Timestamp(rfc3339: $0) },
                         messageID: email["messageId"]?.stringValue, subject: email["subject"]?.stringValue,
                         messageCount: result.messages.count)
    }
}
