import Foundation
import BewaarModel
import BewaarJSON
import BewaarStore

/// The JSON and text files of a bag's payload, built from a case as the store holds it.
/// Everything here is deterministic: sorted keys (``JSONValue``), items in store order.
struct BundleContent: Sendable {
    let store: CaseStore
    let theCase: Case
    let people: [Person]
    let items: [EvidenceItem]
    let pseudonyms: Pseudonymiser
    /// sha256 hex → the original's path in the bag (empty when originals are left out).
    let originalPaths: [String: String]

    static func iso(_ d: Date) -> JSONValue { .string(d.utcMillisString) }

    func itemJSON(_ item: EvidenceItem) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .int(item.id),
            "name": .string(pseudonyms.apply(item.name)),
            "sha256": .string(item.sha256.hex),
            "size": .int(item.size),
            "mediaType": .string(item.mediaType),
            "format": .string(item.format),
            "collectedBy": .string(item.collectedBy),
            "collectedFrom": .string(item.collectedFrom.map(pseudonyms.apply)),
            "collectedAt": Self.iso(item.collectedAt),
            "note": .string(item.note.map(pseudonyms.apply)),
            "parentId": item.parentID.map { .int($0) } ?? .null,
            "pathInParent": .string(item.pathInParent.map(pseudonyms.apply)),
            "messageCount": .int(Int64(item.messageCount)),
            "warningCount": .int(Int64(item.warningCount)),
            "records": .string(BagNames.records(itemID: item.id, sha256: item.sha256)),
        ]
        o["original"] = .string(originalPaths[item.sha256.hex])
        return .object(o)
    }

    /// `data/records/…json` for one item: the item, its records (with their origin ranges),
    /// warnings, receipts and the importer's format fields. Pretty JSON with sorted keys, except
    /// that each record is one compact line (as the store holds it), so a chat of 40,000
    /// messages is copied out record by record, never parsed and never held whole.
    func writeRecordsFile(_ item: EvidenceItem, into w: StagedWriter) throws {
        let warnings = try store.warnings(item: item.id)
        let extra = try store.itemExtra(item.id)
        let receipts = try store.receipts(item: item.id)
        let doc: JSONValue = .object([
            "item": itemJSON(item),
            "records": .array([]),
            "warnings": .array(warnings.map { pseudonyms.apply($0.json) }),
            "formatFields": pseudonyms.apply(.object(extra)),
            "receipts": .array(receipts.map { r in
                pseudonyms.apply(.object([
                    "name": .string(r.name), "collectedBy": .string(r.by), "collectedFrom": .string(r.from),
                    "at": Self.iso(r.at), "note": .string(r.note),
                ]))
            }),
            "pseudonymised": .bool(pseudonyms.isActive),
        ])
        // The records go where the pretty form has the empty array: a string value cannot hold
        // a raw line break, so this line is the top-level key.
        let text = doc.serialized(pretty: true) + "\n"
        guard let slot = text.range(of: Self.recordsSlot) else { preconditionFailure("no records key in the records file") }
        try w.append(String(text[..<slot.lowerBound]) + "\n  \"records\": [")
        var first = true
        try store.forEachRecordJSON(item: item.id) { (record: UnsafeBufferPointer<UInt8>) in
            try w.append(first ? Self.firstRecord : Self.nextRecord)
            first = false
            if pseudonyms.isActive, let value = try? JSONParser.parse(bytes: Array(record)) {
                try w.append(pseudonyms.apply(value).serializedBytes())
            } else {
                try w.append(record)
            }
        }
        try w.append(first ? "]" : "\n  ]")
        try w.append(String(text[slot.upperBound...]))
    }

    private static let recordsSlot = "\n  \"records\": []"
    private static let firstRecord = Array("\n    ".utf8)
    private static let nextRecord = Array(",\n    ".utf8)

    /// `data/case.json`: the case, its people, the checklist, the item index.
    func caseFile(checklist: [ChecklistStep], software: String, timeZone: String) -> [UInt8] {
        let peopleJSON: [JSONValue] = people.map { p in
            let keeps = Pseudonymiser.keepsName(p.role)
            return .object([
                "id": p.id.map { .int($0) } ?? .null,
                "name": .string(keeps ? p.name : pseudonyms.apply(p.name)),
                "role": .string(p.role.rawValue),
                "relatedTo": .string(p.relatedTo.map(pseudonyms.apply)),
                "group": .string(p.group),
                "pseudonymised": .bool(pseudonyms.isActive && !keeps),
            ])
        }
        let steps: [JSONValue] = checklist.map { s in
            .object([
                "step": .int(Int64(s.step.rawValue)),
                "title": .string(s.step.titleNL),
                "status": .string(s.status.rawValue),
                "by": .string(s.by),
                "at": s.at.map(Self.iso) ?? .null,
                "note": .string(s.note.map(pseudonyms.apply)),
                "fields": .object(s.fields.mapValues { .string(pseudonyms.apply($0)) }),
            ])
        }
        let doc: JSONValue = .object([
            "case": .object([
                "id": .string(theCase.id.description),
                "title": .string(pseudonyms.apply(theCase.title)),
                "opened": Self.iso(theCase.opened),
                "status": .string(theCase.status.rawValue),
                "retentionUntil": theCase.retentionUntil.map(Self.iso) ?? .null,
                "summary": .string(pseudonyms.apply(theCase.summary)),
            ]),
            "people": .array(peopleJSON),
            "checklist": .array(steps),
            "items": .array(items.map(itemJSON)),
            "trace": .array([]),
            "software": .string(software),
            "timeZoneAssumed": .string(timeZone),
            "pseudonymised": .bool(pseudonyms.isActive),
            "originalsIncluded": .bool(!pseudonyms.isActive),
        ])
        return Array((doc.serialized(pretty: true) + "\n").utf8)
    }

    /// `data/LEESMIJ.txt`: what is inside and how to check it without Bewaar.
    static func readme(caseID: String, originals: Int, items: Int, pseudonymised: Bool, software: String) -> [UInt8] {
        var t = """
        BEWIJSBUNDEL ZAAK \(caseID)
        ===========================

        Deze map is een BagIt-bundel (BagIt 1.0, RFC 8493), gemaakt met \(software).
        Hij bevat het bewijs van een zaak van (cyber)pesten zoals de school het heeft bewaard.

        Wat zit erin
        ------------
        data/originals/       de originele bestanden, byte voor byte zoals ze zijn ontvangen
                              (\(Plural.count(originals, "bestand", "bestanden"))). De naam begint met de SHA-256 van de inhoud;
                              de oorspronkelijke bestandsnaam staat in data/case.json.
        data/records/         per bewijsstuk de gelezen berichten als JSON (\(Plural.count(items, "bestand", "bestanden"))). Elk
                              bericht wijst met "origin" (regel, byte-offset, lengte) naar de plek
                              in het origineel waar het vandaan komt.
        data/case.json        de zaak, de betrokkenen en hun rol, het stappenplan cyberpesten en
                              de lijst van bewijsstukken.
        data/custody.jsonl    het logboek (chain of custody): elke handeling op de zaak, een regel
                              per gebeurtenis. Elke regel bevat de SHA-256 van de regel ervoor, zodat
                              een gewijzigde of verwijderde gebeurtenis opvalt. De laatste regel is
                              deze export zelf.
        data/provenance/case.jsonld
                              dezelfde herkomst in CASE/UCO (voor forensische software).
        bag-info.txt          wie de bundel maakte, wanneer, en de kop van het logboek
                              (Bewaar-Custody-Head, Bewaar-Custody-Events).
        manifest-sha256.txt, manifest-sha512.txt
                              de SHA-256 en SHA-512 van elk bestand onder data/.
        tagmanifest-sha256.txt, tagmanifest-sha512.txt
                              de hashes van de vier bestanden hierboven.

        Controleren zonder Bewaar
        -------------------------
        1. Met een BagIt-programma, bijvoorbeeld bagit-python:
               python3 -m pip install bagit
               bagit.py --validate MAP-VAN-DEZE-BUNDEL
           "is valid" betekent: niets ontbreekt, niets is toegevoegd, geen byte is gewijzigd.
        2. Met standaard Linux-gereedschap, in deze map:
               sha256sum -c manifest-sha256.txt
               sha256sum -c tagmanifest-sha256.txt
           (macOS: shasum -a 256 -c manifest-sha256.txt). Elke regel moet "OK" zijn. Dit
           ziet geen toegevoegde bestanden; vergelijk daarvoor de lijst met `find data -type f`.
        3. Met Bewaar: bewaar verify BUNDEL.zip (of de uitgepakte map). Dat controleert ook het
           logboek van begin tot eind en of elk bericht naar een bestaand stuk van zijn
           origineel wijst.

        Het tijdstempelverzoek (.tsq naast de zip) hoort bij tagmanifest-sha256.txt. Wie
        internettoegang heeft, kan het laten ondertekenen door een tijdstempeldienst (RFC 3161);
        daarmee staat vast dat deze bundel op dat moment al bestond.

        Wat dit bewijst, en wat niet
        ----------------------------
        Dat er sinds het bewaren niets aan het bewijs is veranderd. Niet dat een platform of een
        afzender de inhoud echt zo heeft gemaakt of verstuurd.

        Persoonsgegevens
        ----------------
        Deze bundel bevat gegevens over minderjarigen en mogelijk over strafbare feiten.
        Deel hem alleen met wie hem nodig heeft (politie, advocaat, ouders van de betrokkenen).

        """
        if pseudonymised {
            t += """
            Deze bundel is GEPSEUDONIMISEERD: namen van omstanders, getuigen, ouders en melders
            zijn vervangen door vaste schuilnamen (bijvoorbeeld Getuige-1). De originele bestanden
            zitten er daarom NIET in; alleen hun SHA-256 en grootte staan in data/case.json.
            Logboekregels die zo'n naam noemden zijn onleesbaar gemaakt ("redacted"); hun eigen
            hash is daardoor niet na te rekenen, de keten van verwijzingen wel.

            """
        }
        return Array(t.utf8)
    }
}
