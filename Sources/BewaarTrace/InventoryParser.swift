/// Reads the school's inventory CSV: which workstation (and room) has which MAC address.
enum InventoryParser {
    static let mac = ["mac", "macadres", "macaddress", "macadresse", "hardwareaddress", "ethernet"]
    static let name = ["werkplek", "workstation", "computer", "computernaam", "hostname", "host", "naam", "name", "device", "apparaat"]
    static let room = ["lokaal", "room", "ruimte", "locatie", "location"]

    static func recognises(_ t: CSVTable) -> Bool { t.column(mac) != nil && t.column(name) != nil }

    static func parse(_ t: CSVTable, source: Int, log: inout LogSource) -> [InventoryEntry] {
        let cMAC = t.column(mac)!, cName = t.column(name)!, cRoom = t.column(room)
        var out: [InventoryEntry] = []
        for (line, f) in t.rows {
            guard let w = CSVTable.value(f, cName) else { continue }
            let m = CSVTable.value(f, cMAC).flatMap(MAC.normalise)
            if m == nil && CSVTable.value(f, cMAC) != nil {
                log.warnings.append("regel \(line): onleesbaar MAC-adres")
            }
            out.append(InventoryEntry(mac: m, workstation: w, room: CSVTable.value(f, cRoom), source: source, line: line))
            log.records += 1
        }
        return out
    }
}
