import Foundation
import BewaarModel
import BewaarMIME

/// An Outlook `.msg` ([MS-OXMSG]) read from its compound file: the MAPI properties of the
/// message, its recipients and attachments (an attached message is a storage of its own).
public struct OutlookMessage {
    /// A property value as stored.
    public enum Value: Sendable, Hashable {
        case string(String)
        case binary([UInt8])
        case int(Int64)
        case time(Date)
        case bool(Bool)
    }

    public struct Attachment {
        public var name: String?
        public var mimeTag: String?
        /// The entry id of the data stream (`PR_ATTACH_DATA_BIN`).
        public var dataStream: Int?
        /// The entry id of an embedded message's storage (`PR_ATTACH_DATA_OBJ`).
        public var embeddedStorage: Int?
        public var index: Int
    }

    public struct Recipient: Sendable, Hashable {
        public var name: String
        public var address: String
        /// 1 To, 2 Cc, 3 Bcc.
        public var type: Int
    }

    public var properties: [UInt16: Value] = [:]
    public var recipients: [Recipient] = []
    public var attachments: [Attachment] = []
    public var problems: [String] = []

    // Property ids.
    public static let subject: UInt16 = 0x0037
    public static let clientSubmitTime: UInt16 = 0x0039
    public static let sentRepresentingName: UInt16 = 0x0042
    public static let sentRepresentingEmail: UInt16 = 0x0065
    public static let transportHeaders: UInt16 = 0x007D
    public static let senderName: UInt16 = 0x0C1A
    public static let senderEmail: UInt16 = 0x0C1F
    public static let senderSMTP: UInt16 = 0x5D01
    public static let sentRepresentingSMTP: UInt16 = 0x5D02
    public static let deliveryTime: UInt16 = 0x0E06
    public static let body: UInt16 = 0x1000
    public static let rtfCompressed: UInt16 = 0x1009
    public static let html: UInt16 = 0x1013
    public static let internetMessageID: UInt16 = 0x1035
    public static let inReplyTo: UInt16 = 0x1042
    public static let creationTime: UInt16 = 0x3007
    public static let displayName: UInt16 = 0x3001
    public static let emailAddress: UInt16 = 0x3003
    public static let smtpAddress: UInt16 = 0x39FE
    public static let recipientType: UInt16 = 0x0C15
    public static let attachDataBin: UInt16 = 0x3701
    public static let attachFilename: UInt16 = 0x3704
    public static let attachMethod: UInt16 = 0x3705
    public static let attachLongFilename: UInt16 = 0x3707
    public static let attachMimeTag: UInt16 = 0x370E

    /// Reads the message whose properties sit in `storage` (0 for the file's root).
    public init(_ cf: CompoundFile, storage: Int = 0, depth: Int = 0) {
        let top = storage == 0
        properties = OutlookMessage.readProperties(cf, storage: storage, headerSize: top ? 32 : 24, problems: &problems)
        for id in cf.children(of: storage) {
            let e = cf.entries[id]
            let name = e.name.uppercased()
            if e.isStorage && name.hasPrefix("__RECIP_VERSION1.0_") {
                var p: [String] = []
                let props = OutlookMessage.readProperties(cf, storage: id, headerSize: 8, problems: &p)
                let address = props[OutlookMessage.smtpAddress]?.text ?? props[OutlookMessage.emailAddress]?.text ?? ""
                var type = 1
                if case .int(let t)? = props[OutlookMessage.recipientType] { type = Int(t) }
                recipients.append(Recipient(name: props[OutlookMessage.displayName]?.text ?? "", address: address, type: type))
            } else if e.isStorage && name.hasPrefix("__ATTACH_VERSION1.0_") {
                var p: [String] = []
                let props = OutlookMessage.readProperties(cf, storage: id, headerSize: 8, problems: &p)
                let index = Int(name.split(separator: "#").last.flatMap { Int($0, radix: 16) } ?? attachments.count)
                var a = Attachment(index: index)
                a.name = props[OutlookMessage.attachLongFilename]?.text ?? props[OutlookMessage.attachFilename]?.text
                    ?? props[OutlookMessage.displayName]?.text
                a.mimeTag = props[OutlookMessage.attachMimeTag]?.text
                a.dataStream = cf.child(id, named: "__substg1.0_37010102")
                if let obj = cf.child(id, named: "__substg1.0_3701000D"), cf.entries[obj].isStorage { a.embeddedStorage = obj }
                attachments.append(a)
            }
        }
        attachments.sort { $0.index < $1.index }
    }

    /// Reads `__properties_version1.0` (fixed values) and the `__substg1.0_` streams.
    static func readProperties(_ cf: CompoundFile, storage: Int, headerSize: Int, problems: inout [String]) -> [UInt16: Value] {
        var props: [UInt16: Value] = [:]
        let kids = cf.children(of: storage)
        for id in kids {
            let e = cf.entries[id]
            guard e.isStream else { continue }
            let name = e.name.uppercased()
            if name == "__PROPERTIES_VERSION1.0" {
                let bytes = cf.read(id)
                var o = headerSize
                while o + 16 <= bytes.count {
                    let tag = UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24
                    let type = UInt16(tag & 0xFFFF)
                    let pid = UInt16(tag >> 16)
                    var v: UInt64 = 0
                    for k in 0..<8 { v |= UInt64(bytes[o + 8 + k]) << (8 * UInt64(k)) }
                    switch type {
                    case 0x0002: props[pid] = props[pid] ?? .int(Int64(Int16(truncatingIfNeeded: v)))
                    case 0x0003: props[pid] = props[pid] ?? .int(Int64(Int32(truncatingIfNeeded: v)))
                    case 0x0014: props[pid] = props[pid] ?? .int(Int64(bitPattern: v))
                    case 0x000B: props[pid] = props[pid] ?? .bool(v & 0xFF != 0)
                    case 0x0040:
                        // FILETIME: 100 ns since 1601-01-01 UTC.
                        let seconds = Double(v) / 10_000_000 - 11_644_473_600
                        if v != 0 { props[pid] = props[pid] ?? .time(Date(timeIntervalSince1970: seconds)) }
                    default: break
                    }
                    o += 16
                }
            } else if name.hasPrefix("__SUBSTG1.0_"), name.count == 20 {
                let hex = name.dropFirst(12)
                guard let pid = UInt16(hex.prefix(4), radix: 16), let type = UInt16(hex.suffix(4), radix: 16) else { continue }
                switch type {
                case 0x001F:
                    let bytes = cf.read(id)
                    var units: [UInt16] = []
                    units.reserveCapacity(bytes.count / 2)
                    var k = 0
                    while k + 1 < bytes.count { units.append(UInt16(bytes[k]) | UInt16(bytes[k + 1]) << 8); k += 2 }
                    while units.last == 0 { units.removeLast() }
                    props[pid] = .string(String(decoding: units, as: UTF16.self))
                case 0x001E:
                    var bytes = cf.read(id)
                    while bytes.last == 0 { bytes.removeLast() }
                    props[pid] = .string(Charset.utf8OrWindows1252(bytes).text)
                case 0x0102:
                    // Large binaries (attachment data) are streamed later; keep small ones.
                    if pid != attachDataBin { props[pid] = .binary(cf.read(id)) }
                default: break
                }
            }
        }
        return props
    }

    public func text(_ id: UInt16) -> String? { properties[id]?.text }

    public func time(_ id: UInt16) -> Date? {
        if case .time(let d)? = properties[id] { return d }
        return nil
    }
}

extension OutlookMessage.Value {
    var text: String? {
        switch self {
        case .string(let s): return s
        case .binary(let b): return Charset.utf8OrWindows1252(b).text
        default: return nil
        }
    }
}
