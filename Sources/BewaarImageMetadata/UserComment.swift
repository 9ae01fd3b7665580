/// EXIF UserComment: an 8-byte character code ("ASCII\0\0\0", "UNICODE\0", "JIS\0\0\0\0\0" or
/// eight NULs for undefined) followed by the text.
enum UserComment {
    /// The comment's text; UNICODE is UCS-2 in the block's byte order (a byte-order mark wins).
    static func decode(_ raw: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        let bytes = Array(raw)
        guard bytes.count >= 8 else { return EXIFReader.text(raw) }
        let code = bytes[0..<8]
        let body = Array(bytes[8...])
        if code.elementsEqual(Array(ascii: "UNICODE\0")) {
            var little = littleEndian
            var start = 0
            if body.count >= 2 && body[0] == 0xFF && body[1] == 0xFE { little = true; start = 2 }
            if body.count >= 2 && body[0] == 0xFE && body[1] == 0xFF { little = false; start = 2 }
            var units: [UInt16] = []
            var i = start
            while i + 1 < body.count {
                let unit = little ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1])
                if unit == 0 { break }
                units.append(unit)
                i += 2
            }
            return String(decoding: units, as: UTF16.self).trimmingSpaces()
        }
        if code.elementsEqual(Array(ascii: "ASCII\0\0\0")) || code.allSatisfy({ $0 == 0 }) || code.elementsEqual(Array(ascii: "JIS\0\0\0\0\0")) {
            return EXIFReader.text(body[...])
        }
        // No known code: some writers put plain text there.
        return EXIFReader.text(raw)
    }
}
