import BewaarModel

/// A custody event as JSON: the canonical text its hash covers and its `custody.jsonl` line.
extension CustodyEvent {
    /// The canonical encoding the hash is computed over: compact JSON, keys sorted, the time
    /// in UTC with milliseconds. Independent tools can recompute it from `custody.jsonl`.
    public var canonicalText: String {
        JSONValue.object(canonicalFields).serialized()
    }

    /// The event as one line of `custody.jsonl`: the canonical fields plus its hash.
    public var jsonLine: String {
        var fields = canonicalFields
        fields["hash"] = .string(hash)
        return JSONValue.object(fields).serialized()
    }

    /// The fields the hash covers.
    private var canonicalFields: [String: JSONValue] {
        [
            "chain": .string(chain),
            "sequence": .int(Int64(sequence)),
            "time": .string(time.utcMillisString),
            "actor": .string(actor),
            "action": .string(action.rawValue),
            "details": .object(details.mapValues(JSONValue.string)),
            "previousHash": .string(previousHash),
        ]
    }
}
