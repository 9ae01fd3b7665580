import BewaarModel

extension ImageMetadata {
    /// The metadata as fields of the evidence item (`image.metadata` in the item's format
    /// fields, the bundle's `formatFields`): only what the file holds, under stable names.
    public var itemFields: JSONValue {
        var o: [String: JSONValue] = [:]
        let plain: [(String, String?)] = [
            ("container", container), ("dateTimeOriginal", dateTimeOriginal), ("modifyDate", modifyDate),
            ("dateTimeDigitized", dateTimeDigitized), ("offsetTime", offsetTime), ("offsetTimeOriginal", offsetTimeOriginal),
            ("offsetTimeDigitized", offsetTimeDigitized), ("make", make), ("model", model), ("software", software),
            ("userComment", userComment), ("imageDescription", imageDescription),
        ]
        for (key, value) in plain { if let value { o[key] = .string(value) } }
        if let orientation { o["orientation"] = .int(Int64(orientation)) }
        if let pixelWidth { o["pixelWidth"] = .int(Int64(pixelWidth)) }
        if let pixelHeight { o["pixelHeight"] = .int(Int64(pixelHeight)) }
        if hasGPS { o["gps"] = .bool(true) }
        if !pngText.isEmpty { o["pngText"] = .array(pngText.map { .object(["name": .string($0.name), "value": .string($0.value)]) }) }
        if let xmp {
            var x: [String: JSONValue] = [:]
            let fields: [(String, String?)] = [
                ("creatorTool", xmp.creatorTool), ("createDate", xmp.createDate), ("modifyDate", xmp.modifyDate),
                ("dateCreated", xmp.dateCreated), ("userComment", xmp.userComment),
            ]
            for (key, value) in fields { if let value { x[key] = .string(value) } }
            if !xmp.history.isEmpty {
                x["history"] = .array(
                    xmp.history.map { e in
                        .object(["action": .string(e.action), "softwareAgent": .string(e.softwareAgent), "when": .string(e.when)])
                    })
            }
            o["xmp"] = .object(x)
        }
        return .object(o)
    }

    /// The reader's warnings and the findings (edited, a screenshot) as an importer's warnings.
    public var importWarnings: [ImportWarning] { (warnings + findings).map(\.importWarning) }
}
