import BewaarImportWeb

/// libFuzzer entry: every input goes through the page, MHTML and Meta-thread readers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = WebReading.page(bytes: bytes)
    _ = WebReading.mhtml(bytes: bytes)
    _ = WebReading.metaThreadHTML(bytes: bytes)
    return 0
}
