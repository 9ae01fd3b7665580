import Foundation
import BewaarModel
import BewaarJSON

/// Reads a Microsoft 365 / Entra ID sign-in log export: the portal's CSV (`Date (UTC)`,
/// `Username`, `IP address`, `Device ID`, `Application`, `Status`…) or the JSON of the Graph
/// API / portal (`createdDateTime`, `userPrincipalName`, `ipAddress`, `deviceDetail`,
/// `status.errorCode`). Only successful sign-ins become sightings.
enum SignInLogParser {
    static let time = ["dateutc", "date", "createddatetime", "createddatetimeutc", "timegenerated", "timestamp", "time"]
    static let user = ["username", "userprincipalname", "upn", "user", "signinname"]
    static let ip = ["ipaddress", "ip", "clientip", "ipaddressseenbyresource"]
    static let deviceName = ["devicename", "device", "devicedisplayname", "displayname", "computername"]
    static let deviceID = ["deviceid"]
    static let app = ["application", "appdisplayname", "app", "clientapp", "clientappused"]
    static let status = ["status", "result", "signinstatus"]
    static let errorCode = ["signinerrorcode", "errorcode"]

    static func recognises(_ t: CSVTable) -> Bool {
        t.column(time) != nil && t.column(user) != nil && t.column(ip) != nil
            && (t.column(app) != nil || t.column(deviceID) != nil || t.column(status) != nil)
    }

    static func parse(_ t: CSVTable, source: Int, zone: LocalTimeConverter, log: inout LogSource) -> [Sighting] {
        let cTime = t.column(time)!, cUser = t.column(user)!, cIP = t.column(ip)!
        let cName = t.column(deviceName), cID = t.column(deviceID), cApp = t.column(app), cStatus = t.column(status),
            cErr = t.column(errorCode)
        let utc = t.folded[cTime].contains("utc") || t.folded[cTime] == "createddatetime"
        var out: [Sighting] = []
        for (line, f) in t.rows {
            guard let tt = CSVTable.value(f, cTime), let r = FlexibleTime.parse(tt, utc: utc, zone: zone),
                  let u = CSVTable.value(f, cUser), let a = CSVTable.value(f, cIP).flatMap({ IPAddress($0) }) else {
                log.warnings.append("regel \(line): aanmelding zonder leesbare tijd, gebruiker of adres overgeslagen")
                continue
            }
            let st = CSVTable.value(f, cStatus)?.lowercased()
            let err = CSVTable.value(f, cErr)
            if let st, !(st.hasPrefix("success") || st.hasPrefix("geslaagd") || st == "0") { continue }
            if let err, err != "0" { continue }
            out.append(make(ip: a, at: r, user: u, deviceName: CSVTable.value(f, cName), deviceID: CSVTable.value(f, cID),
                            app: CSVTable.value(f, cApp), source: source, line: line))
            log.cover(r.earliest)
            log.records += 1
        }
        return out
    }

    static func make(ip: IPAddress, at r: LocalTimeConverter.Result, user: String, deviceName: String?, deviceID: String?,
                     app: String?, source: Int, line: Int) -> Sighting {
        var s = Sighting(kind: .signIn, ip: ip, from: r.earliest, until: r.latest, user: user.lowercased(),
                         device: deviceName ?? deviceID, detail: [app, deviceID.map { "device id \($0)" }].compactMap { $0 }.joined(separator: "; "),
                         source: source, line: line)
        s.host = deviceName
        s.ambiguousTime = r.ambiguous
        return s
    }

    /// JSON: an array of sign-ins, or `{"value": [...]}` as Graph returns it.
    static func parseJSON(_ text: String, source: Int, zone: LocalTimeConverter, log: inout LogSource) -> [Sighting]? {
        guard let root = try? JSONParser.parse(text) else { return nil }
        let list: [JSONValue]
        if let a = root.arrayValue { list = a } else if let a = root["value"]?.arrayValue { list = a } else { return nil }
        guard let first = list.first?.objectValue, first["ipAddress"] != nil || first["IPAddress"] != nil else { return nil }
        // Line numbers: the n-th `"createdDateTime"` occurrence.
        var lineOf: [Int] = []
        for (n, l) in LogText.lines(text).enumerated() where l.contains("\"createdDateTime\"") { lineOf.append(n + 1) }
        var out: [Sighting] = []
        for (i, v) in list.enumerated() {
            guard let o = v.objectValue else { continue }
            func s(_ k: String) -> String? { o[k]?.stringValue }
            guard let tt = s("createdDateTime"), let r = FlexibleTime.parse(tt, utc: true, zone: zone),
                  let u = s("userPrincipalName") ?? s("userDisplayName"), let a = (s("ipAddress") ?? s("IPAddress")).flatMap({ IPAddress($0) }) else {
                log.warnings.append("aanmelding \(i + 1) zonder leesbare tijd, gebruiker of adres overgeslagen")
                continue
            }
            if let code = o["status"]?["errorCode"]?.intValue, code != 0 { continue }
            let dd = o["deviceDetail"]
            let name = dd?["displayName"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            let id = dd?["deviceId"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            out.append(make(ip: a, at: r, user: u, deviceName: name, deviceID: id, app: s("appDisplayName") ?? s("clientAppUsed"),
                            source: source, line: i < lineOf.count ? lineOf[i] : 1))
            log.cover(r.earliest)
            log.records += 1
        }
        return out
    }
}
