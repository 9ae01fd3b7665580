import Foundation
import BewaarModel
import BewaarJSON
import BewaarDigest

/// `data/provenance/case.jsonld`: a CASE/UCO graph with one acquisition action per original
/// (who collected it, when, with which tool, its SHA-256), so forensic tools can read the
/// provenance. Node ids are derived from the case and item, so the graph is deterministic.
enum Provenance {
    static let context: JSONValue = .object([
        "kb": .string("urn:example:bewaar:"),
        "case-investigation": .string("https://ontology.caseontology.org/case/investigation/"),
        "uco-action": .string("https://ontology.unifiedcyberontology.org/uco/action/"),
        "uco-core": .string("https://ontology.unifiedcyberontology.org/uco/core/"),
        "uco-identity": .string("https://ontology.unifiedcyberontology.org/uco/identity/"),
        "uco-observable": .string("https://ontology.unifiedcyberontology.org/uco/observable/"),
        "uco-tool": .string("https://ontology.unifiedcyberontology.org/uco/tool/"),
        "uco-types": .string("https://ontology.unifiedcyberontology.org/uco/types/"),
        "xsd": .string("http://www.w3.org/2001/XMLSchema#"),
    ])

    /// A stable UUID-shaped id for a node.
    static func id(_ kind: String, _ seed: String) -> String {
        let h = StreamingSHA256.digest(utf8: seed).hex
        var u = Array(h.prefix(32))
        // Shaped as a version-4 UUID (version nibble 4, variant 8-b), as UCO suggests.
        u[12] = "4"
        u[16] = ["8", "9", "a", "b"][Int(String(u[16]), radix: 16)! % 4]
        return "kb:\(kind)-" + String(u[0..<8]) + "-" + String(u[8..<12]) + "-" + String(u[12..<16]) + "-"
            + String(u[16..<20]) + "-" + String(u[20..<32])
    }

    static func ref(_ id: String) -> JSONValue { .object(["@id": .string(id)]) }

    static func dateTime(_ d: Date, zone: TimeZone) -> JSONValue {
        .object(["@type": .string("xsd:dateTime"), "@value": .string(Timestamp(date: d, in: zone).rfc3339)])
    }

    static func graph(caseID: CaseID, items: [EvidenceItem], names: (EvidenceItem) -> String, version: String,
                      zone: TimeZone) -> [UInt8] {
        let c = caseID.description
        let toolID = id("tool", "bewaar-\(version)")
        var nodes: [JSONValue] = [
            .object(["@id": .string(toolID), "@type": .string("uco-tool:Tool"), "uco-core:name": .string("Bewaar"),
                     "uco-tool:version": .string(version)])
        ]
        var performers: [String: String] = [:]
        for who in Set(items.map(\.collectedBy)).sorted() {
            let pid = id("person", "\(c)/\(who)")
            performers[who] = pid
            nodes.append(.object(["@id": .string(pid), "@type": .string("uco-identity:Person"), "uco-core:name": .string(who)]))
        }
        var investigationObjects: [JSONValue] = []
        for item in items {
            let seed = "\(c)/item-\(item.id)"
            let fileID = id("file", seed)
            let recordID = id("provenance-record", seed)
            let actionID = id("action", seed)
            nodes.append(.object([
                "@id": .string(fileID),
                "@type": .string("uco-observable:File"),
                "uco-core:hasFacet": .array([
                    .object([
                        "@id": .string(id("file-facet", seed)),
                        "@type": .string("uco-observable:FileFacet"),
                        "uco-observable:fileName": .string(names(item)),
                        "uco-observable:sizeInBytes": .object(["@type": .string("xsd:integer"), "@value": .string(String(item.size))]),
                    ]),
                    .object([
                        "@id": .string(id("content-facet", seed)),
                        "@type": .string("uco-observable:ContentDataFacet"),
                        "uco-observable:hash": .array([
                            .object([
                                "@id": .string(id("hash", seed)),
                                "@type": .string("uco-types:Hash"),
                                "uco-types:hashMethod": .string("SHA256"),
                                "uco-types:hashValue": .object(["@type": .string("xsd:hexBinary"), "@value": .string(item.sha256.hex)]),
                            ])
                        ]),
                    ]),
                ]),
            ]))
            nodes.append(.object([
                "@id": .string(recordID),
                "@type": .string("case-investigation:ProvenanceRecord"),
                "case-investigation:exhibitNumber": .string("\(c)/item-\(item.id)"),
                "uco-core:object": .array([ref(fileID)]),
            ]))
            nodes.append(.object([
                "@id": .string(actionID),
                "@type": .string("case-investigation:InvestigativeAction"),
                "uco-core:name": .string(item.parentID == nil ? "acquisition" : "extraction"),
                "uco-action:performer": ref(performers[item.collectedBy]!),
                "uco-action:instrument": ref(toolID),
                "uco-action:startTime": dateTime(item.collectedAt, zone: zone),
                "uco-action:endTime": dateTime(item.collectedAt, zone: zone),
                "uco-action:result": .array([ref(fileID), ref(recordID)]),
            ]))
            investigationObjects += [ref(actionID), ref(recordID)]
        }
        nodes.append(.object([
            "@id": .string(id("investigation", c)),
            "@type": .string("case-investigation:Investigation"),
            "uco-core:name": .string(c),
            "uco-core:object": .array(investigationObjects),
        ]))
        let doc: JSONValue = .object(["@context": context, "@graph": .array(nodes)])
        return Array((doc.serialized(pretty: true) + "\n").utf8)
    }
}
