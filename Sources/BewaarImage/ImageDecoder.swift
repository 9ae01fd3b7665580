import BewaarImageFormat
import CBewaarHeif
import CBewaarWebP
import CBewaarJPEG
import CBewaarLeptonica
import CBewaarPNG

/// Turns the bytes of an image file into Swift-owned pixels: PNG through libpng's simplified API
/// and JPEG through libjpeg with a quiet error manager (CBewaarJPEG) — leptonica's readers of
/// both let the library print every complaint on stderr —, WebP and GIF (its first frame)
/// through leptonica (libwebp, giflib), HEIC through libheif (the primary image, with the
/// rotation, mirroring and crop libheif applies by default).
///
/// The header is probed first (`ImageInfo`) and the pixel-count limit checked before anything
/// is decoded; only the formats named reach leptonica (never its TIFF, BMP, PNM or JPEG 2000
/// readers). Every C object is owned by one Swift scope and freed once (`defer`); no C type
/// leaves this file. A decoder is a plain value: use it from any thread.
///
/// The pixels come as stored: the EXIF orientation of a JPEG, PNG or WebP photo is applied by
/// the caller (`PixelImage.oriented(_:)`, with the orientation BewaarImageMetadata reads);
/// HEIC photos are turned by libheif (irot/imir).
public struct ImageDecoder: Sendable {
    public var limit: PixelLimit
    /// Whether a JPEG that libjpeg could only partly read (truncated, damaged entropy data) is
    /// returned as far as it got (grey below the damage) rather than refused.
    public var acceptsDamagedJPEG: Bool

    public init(limit: PixelLimit = .standard, acceptsDamagedJPEG: Bool = false) {
        self.limit = limit
        self.acceptsDamagedJPEG = acceptsDamagedJPEG
    }

    /// The pixels of the image in `bytes` (the whole file).
    public func decode(_ bytes: [UInt8]) throws(ImageError) -> PixelImage {
        let result: Result<PixelImage, ImageError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ImageError) in try decode(buffer) }
        }
        return try result.get()
    }

    /// The pixels of the image in `buffer` (the whole file); the buffer is only read during the call.
    public func decode(_ buffer: UnsafeBufferPointer<UInt8>) throws(ImageError) -> PixelImage {
        guard let info = ImageInfo.read(buffer), let format = info.format else { throw ImageError.notAnImage }
        try limit.check(info)
        if format == .gif {
            // giflib reads every frame, each as large as its own descriptor says: all count.
            let frames = ImageInfo.gifFrames(buffer)
            if frames.pixels > limit.maxPixels {
                throw ImageError.tooManyPixels(width: info.width ?? 0, height: info.height ?? 0, limit: limit.maxPixels)
            }
        }
        let pixels: PixelImage
        switch format {
        case .png:
            pixels = try PNG.decode(buffer, limit: limit)
        case .jpeg:
            pixels = try JPEG.decode(buffer, limit: limit, acceptsDamaged: acceptsDamagedJPEG)
        case .webp where ImageInfo.isAnimatedWebP(buffer):
            pixels = try AnimatedWebP.firstFrame(buffer)
        case .gif, .webp:
            pixels = try Leptonica.decode(buffer, format: format)
        case .heic:
            pixels = try Heif.decode(buffer, limit: limit)
        case .avif:
            throw ImageError.unsupported(format: format.rawValue)
        }
        // The decoder must have seen the size the header promised (what the limit was checked on).
        // HEIC may come out smaller (a clean-aperture crop), never larger.
        let fits =
            format == .heic
            ? pixels.width * pixels.height <= (info.width ?? 0) * (info.height ?? 0)
            : pixels.width == info.width && pixels.height == info.height
        guard fits else {
            throw ImageError.corrupt(
                format: format.rawValue,
                detail: "decoded \(pixels.width)×\(pixels.height), header says \(info.width ?? 0)×\(info.height ?? 0)")
        }
        return pixels
    }
}

// MARK: - leptonica

private enum Leptonica {
    /// leptonica reports errors on stderr unless told otherwise; a decoder's refusal is a thrown
    /// error here, so its messages are silenced once for the process (Tesseract, which shares
    /// leptonica, is quiet on its own settings).
    static let quiet: Void = { _ = setMsgSeverity(Int32(L_SEVERITY_NONE)) }()

    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, format: ImageFormat) throws(ImageError) -> PixelImage {
        _ = quiet
        guard let base = buffer.baseAddress, buffer.count > 0 else { throw ImageError.notAnImage }
        let read: UnsafeMutablePointer<PIX>?
        switch format {
        case .gif: read = pixReadMemGif(base, buffer.count)
        case .webp: read = pixReadMemWebP(base, buffer.count)
        case .png, .jpeg, .heic, .avif: read = nil
        }
        guard let pix = read else { throw ImageError.corrupt(format: format.rawValue, detail: "the decoder refused the data") }
        defer { bewaar_pix_destroy(pix) }
        return try pixels(of: pix, format: format)
    }

    /// Copies a PIX into a PixelImage: 32 bpp as RGB (RGBA when it has alpha), 8 bpp gray as
    /// gray; colour maps are removed and other depths (1, 2, 4, 16) turned into 8-bit gray.
    static func pixels(of pix: UnsafeMutablePointer<PIX>, format: ImageFormat) throws(ImageError) -> PixelImage {
        let width = Int(pixGetWidth(pix)), height = Int(pixGetHeight(pix))
        guard width > 0, height > 0 else { throw ImageError.corrupt(format: format.rawValue, detail: "empty image") }
        var converted: UnsafeMutablePointer<PIX>?
        defer { if let converted { bewaar_pix_destroy(converted) } }
        var source = pix
        if pixGetColormap(pix) != nil {
            converted = pixRemoveColormap(pix, Int32(REMOVE_CMAP_BASED_ON_SRC))
        } else if pixGetDepth(pix) != 8 && pixGetDepth(pix) != 32 {
            converted = pixConvertTo8(pix, 0)
        }
        if let c = converted {
            source = c
            // A colour map may leave 1, 2 or 4 bpp gray behind.
            if pixGetDepth(c) != 8 && pixGetDepth(c) != 32 {
                guard let gray = pixConvertTo8(c, 0) else { throw ImageError.corrupt(format: format.rawValue, detail: "unusual pixel depth") }
                bewaar_pix_destroy(c)
                converted = gray
                source = gray
            }
        } else if pixGetColormap(pix) != nil || (pixGetDepth(pix) != 8 && pixGetDepth(pix) != 32) {
            throw ImageError.corrupt(format: format.rawValue, detail: "unusual pixel depth")
        }
        guard Int(pixGetWidth(source)) == width, Int(pixGetHeight(source)) == height,
            let data = pixGetData(source)
        else {
            throw ImageError.corrupt(format: format.rawValue, detail: "no pixel data")
        }
        let wpl = Int(pixGetWpl(source))
        if pixGetDepth(source) == 8 {
            // 8 bpp: four pixels a 32-bit word, the first in the most significant byte.
            var out = [UInt8](repeating: 0, count: width * height)
            out.withUnsafeMutableBufferPointer { o in
                for y in 0..<height {
                    let line = data + y * wpl
                    for x in 0..<width {
                        o[y * width + x] = UInt8(truncatingIfNeeded: line[x >> 2] >> UInt32(24 - 8 * (x & 3)))
                    }
                }
            }
            return PixelImage(packed: width, height: height, layout: .gray, bytes: out)
        }
        // 32 bpp: one word a pixel, 0xRRGGBBAA.
        let alpha = pixGetSpp(source) == 4
        let bpp = alpha ? 4 : 3
        var out = [UInt8](repeating: 0, count: width * height * bpp)
        out.withUnsafeMutableBufferPointer { o in
            for y in 0..<height {
                let line = data + y * wpl
                var i = y * width * bpp
                for x in 0..<width {
                    let v = line[x]
                    o[i] = UInt8(truncatingIfNeeded: v >> 24)
                    o[i + 1] = UInt8(truncatingIfNeeded: v >> 16)
                    o[i + 2] = UInt8(truncatingIfNeeded: v >> 8)
                    if alpha { o[i + 3] = UInt8(truncatingIfNeeded: v) }
                    i += bpp
                }
            }
        }
        return PixelImage(packed: width, height: height, layout: alpha ? .rgba : .rgb, bytes: out)
    }
}

// MARK: - libwebpdemux

private enum AnimatedWebP {
    /// The first frame of an animated WebP, as libwebp's animation decoder composes it on the
    /// canvas (RGBA). The canvas size is what the limit was checked on.
    static func firstFrame(_ buffer: UnsafeBufferPointer<UInt8>) throws(ImageError) -> PixelImage {
        guard let base = buffer.baseAddress, buffer.count > 0 else { throw ImageError.notAnImage }
        var options = WebPAnimDecoderOptions()
        guard WebPAnimDecoderOptionsInit(&options) != 0 else { throw ImageError.corrupt(format: "webp", detail: "decoder options") }
        options.color_mode = MODE_RGBA
        options.use_threads = 0
        var data = WebPData(bytes: base, size: buffer.count)
        guard let decoder = WebPAnimDecoderNew(&data, &options) else {
            throw ImageError.corrupt(format: "webp", detail: "the animation decoder refused the data")
        }
        defer { WebPAnimDecoderDelete(decoder) }
        var info = WebPAnimInfo()
        var frame: UnsafeMutablePointer<UInt8>?
        var timestamp: Int32 = 0
        guard WebPAnimDecoderGetInfo(decoder, &info) != 0, WebPAnimDecoderGetNext(decoder, &frame, &timestamp) != 0, let frame else {
            throw ImageError.corrupt(format: "webp", detail: "no first frame")
        }
        let width = Int(info.canvas_width), height = Int(info.canvas_height)
        guard width > 0, height > 0 else { throw ImageError.corrupt(format: "webp", detail: "empty canvas") }
        let bytes = [UInt8](UnsafeBufferPointer(start: frame, count: width * height * 4))
        return PixelImage(packed: width, height: height, layout: .rgba, bytes: bytes)
    }
}

// MARK: - libjpeg

private enum JPEG {
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, limit: PixelLimit, acceptsDamaged: Bool) throws(ImageError) -> PixelImage {
        guard let base = buffer.baseAddress, buffer.count > 0 else { throw ImageError.notAnImage }
        var image = bewaar_jpeg_image()
        guard bewaar_jpeg_header(base, buffer.count, &image) == 0 else { throw failed(&image) }
        let width = Int(image.width), height = Int(image.height)
        try limit.check(width: width, height: height)
        let layout: PixelImage.Layout = image.components == 1 ? .gray : .rgb
        let stride = width * layout.bytesPerPixel
        // Grey (128) where a damaged file gives no pixels.
        var out = [UInt8](repeating: 128, count: stride * height)
        let status = out.withUnsafeMutableBufferPointer { o in bewaar_jpeg_decode(base, buffer.count, o.baseAddress, stride, &image) }
        guard status == 0 else { throw failed(&image) }
        if image.warnings > 0 && !acceptsDamaged {
            throw ImageError.corrupt(format: "jpeg", detail: "libjpeg reported \(image.warnings) damaged or missing part(s)")
        }
        return PixelImage(packed: width, height: height, layout: layout, bytes: out)
    }

    static func failed(_ image: inout bewaar_jpeg_image) -> ImageError {
        let message = withUnsafeBytes(of: &image.message) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        return ImageError.corrupt(format: "jpeg", detail: message.isEmpty ? "libjpeg refused the data" : message)
    }
}

// MARK: - libpng

private enum PNG {
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, limit: PixelLimit) throws(ImageError) -> PixelImage {
        var image = png_image()
        image.version = bewaar_png_image_version()
        guard png_image_begin_read_from_memory(&image, buffer.baseAddress, buffer.count) != 0 else {
            throw failed(&image)  // begin_read frees what it allocated when it fails
        }
        // From here until finish_read the png_image owns libpng's state: free it on every way out.
        let width = Int(image.width), height = Int(image.height)
        do throws(ImageError) { try limit.check(width: width, height: height) } catch {
            png_image_free(&image)
            throw error
        }
        let alpha = image.format & bewaar_png_format_flag_alpha() != 0
        let color = image.format & bewaar_png_format_flag_color() != 0
        let layout: PixelImage.Layout = alpha ? .rgba : (color ? .rgb : .gray)
        image.format =
            switch layout {
            case .gray: bewaar_png_format_gray()
            case .rgb: bewaar_png_format_rgb()
            case .rgba: bewaar_png_format_rgba()
            }
        let stride = width * layout.bytesPerPixel
        var out = [UInt8](repeating: 0, count: stride * height)
        let ok = out.withUnsafeMutableBytes { o in
            png_image_finish_read(&image, nil, o.baseAddress, Int32(stride), nil) != 0  // frees the state either way
        }
        guard ok else { throw failed(&image) }
        return PixelImage(packed: width, height: height, layout: layout, bytes: out)
    }

    static func failed(_ image: inout png_image) -> ImageError {
        let message = withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        png_image_free(&image)
        return ImageError.corrupt(format: "png", detail: message.isEmpty ? "libpng refused the data" : message)
    }
}

// MARK: - libheif

private enum Heif {
    /// libheif's plugins are loaded once for the process and never unloaded.
    static let initialised: Void = { _ = heif_init(nil) }()

    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, limit: PixelLimit) throws(ImageError) -> PixelImage {
        _ = initialised
        func failed(_ error: heif_error) -> ImageError {
            let message = error.message.map { String(cString: $0) } ?? "libheif error \(error.code.rawValue)"
            return ImageError.corrupt(format: "heic", detail: message)
        }
        guard let context = heif_context_alloc() else { throw ImageError.corrupt(format: "heic", detail: "out of memory") }
        defer { heif_context_free(context) }
        // libheif's own guard against huge images, besides the header check already done.
        heif_context_set_maximum_image_size_limit(context, Int32(clamping: limit.maxSide))
        // Without copy: `buffer` outlives the context (both end with this call).
        var error = heif_context_read_from_memory_without_copy(context, buffer.baseAddress, buffer.count, nil)
        guard error.code == heif_error_Ok else { throw failed(error) }
        var handle: OpaquePointer?
        error = heif_context_get_primary_image_handle(context, &handle)
        guard error.code == heif_error_Ok, let handle else { throw failed(error) }
        defer { heif_image_handle_release(handle) }
        try limit.check(width: Int(heif_image_handle_get_width(handle)), height: Int(heif_image_handle_get_height(handle)))
        let alpha = heif_image_handle_has_alpha_channel(handle) != 0
        var image: OpaquePointer?
        // nil options: libheif's defaults, which apply the transformations (irot, imir, clap).
        error = heif_decode_image(
            handle, &image, heif_colorspace_RGB,
            alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, nil)
        guard error.code == heif_error_Ok, let image else { throw failed(error) }
        defer { heif_image_release(image) }
        let width = Int(heif_image_get_width(image, heif_channel_interleaved))
        let height = Int(heif_image_get_height(image, heif_channel_interleaved))
        var stride: Int32 = 0
        guard width > 0, height > 0, let plane = heif_image_get_plane_readonly(image, heif_channel_interleaved, &stride),
            Int(stride) >= width * (alpha ? 4 : 3)
        else {
            throw ImageError.corrupt(format: "heic", detail: "no interleaved RGB plane")
        }
        let bpp = alpha ? 4 : 3
        var out = [UInt8](repeating: 0, count: width * height * bpp)
        out.withUnsafeMutableBufferPointer { o in
            for y in 0..<height {
                let row = plane + y * Int(stride)
                for k in 0..<(width * bpp) { o[y * width * bpp + k] = row[k] }
            }
        }
        return PixelImage(packed: width, height: height, layout: alpha ? .rgba : .rgb, bytes: out)
    }
}
