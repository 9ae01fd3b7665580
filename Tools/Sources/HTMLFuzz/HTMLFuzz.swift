import BewaarImportWeb
import FuzzDriver

/// libFuzzer entry: every input goes through the page, MHTML, Meta-thread and Snapchat/TikTok chat readers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = WebReading.page(bytes: bytes)
    _ = WebReading.mhtml(bytes: bytes)
    _ = WebReading.metaThreadHTML(bytes: bytes)
    _ = WebReading.chatHTML(bytes: bytes, platform: "snapchat")
    return 0
}

/// SwiftPM links executables with `main` renamed to `<module>_main`; hand over to libFuzzer's driver.
@_cdecl("HTMLFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzHTML)
}
