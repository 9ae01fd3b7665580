import CBewaarZlib

/// zlib-wrapped deflate (PNG zTXt and compressed iTXt), with a hard limit on output.
enum ZlibInflate {
    /// The inflated bytes, or nil when the data are corrupt or would inflate past `limit` bytes.
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        let chunk = 1 << 16
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunk)
        let input = Array(input)
        return input.withUnsafeBufferPointer { inPtr -> [UInt8]? in
            stream.next_in = UnsafeMutablePointer(mutating: inPtr.baseAddress)
            stream.avail_in = UInt32(clamping: inPtr.count)
            while true {
                let (rc, produced) = buffer.withUnsafeMutableBufferPointer { outPtr -> (Int32, Int) in
                    stream.next_out = outPtr.baseAddress
                    stream.avail_out = UInt32(chunk)
                    let rc = CBewaarZlib.inflate(&stream, Z_NO_FLUSH)
                    return (rc, chunk - Int(stream.avail_out))
                }
                out.append(contentsOf: buffer[0..<produced])
                if out.count > limit { return nil }
                if rc == Z_STREAM_END { return out }
                // Input ended before the stream did, or corrupt data.
                guard rc == Z_OK, produced > 0 || stream.avail_in > 0 else { return rc == Z_OK || rc == Z_BUF_ERROR ? out : nil }
            }
        }
    }
}
