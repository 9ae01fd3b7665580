import CBewaarPangoCairo

/// A ``ReportPicture`` handed to cairo: as an image surface (for the PDF) or as PNG bytes (for
/// the HTML report's `data:` image). The pixels are copied into memory cairo owns, so a PDF that
/// holds on to the surface until its page ends never reads Swift memory.
enum CairoPicture {
    /// An image surface holding the picture; the caller destroys it. Nil when cairo refuses.
    static func surface(_ p: ReportPicture) -> OpaquePointer? {
        guard p.width > 0, p.height > 0, p.width <= 32_767, p.height <= 32_767, p.pixels.count >= p.width * p.height * 4,
            let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(p.width), Int32(p.height))
        else { return nil }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            cairo_surface_destroy(surface)
            return nil
        }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface)), row = p.width * 4
        p.pixels.withUnsafeBufferPointer { src in
            guard let base = src.baseAddress else { return }
            for y in 0..<p.height { (data + y * stride).update(from: base + y * row, count: row) }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    /// Collects what cairo writes.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    /// The picture as a PNG file's bytes; nil when cairo cannot write it.
    static func png(_ p: ReportPicture) -> [UInt8]? {
        guard let surface = surface(p) else { return nil }
        defer { cairo_surface_destroy(surface) }
        let sink = Sink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(
                surface,
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                    Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().bytes.append(
                        contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                    return CAIRO_STATUS_SUCCESS
                }, Unmanaged.passUnretained(sink).toOpaque())
        }
        return status == CAIRO_STATUS_SUCCESS ? sink.bytes : nil
    }
}
