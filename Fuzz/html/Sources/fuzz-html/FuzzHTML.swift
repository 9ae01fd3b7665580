import BewaarImportWeb

/// libFuzzer entry: every input goes through the page, MHTML, Meta-thread and Snapchat/TikTok chat readers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = WebReading.page(bytes: bytes)
    _ = WebReading.mhtml(bytes: bytes)
    _ = WebReading.metaThreadHTML(bytes: bytes)
    _ = WebReading.chatHTML(bytes: bytes, platform: "snapchat")
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links executables with `main` renamed to `<module>_main`; hand over to libFuzzer's driver.
@_cdecl("fuzz_html_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv, fuzzHTML)
}
