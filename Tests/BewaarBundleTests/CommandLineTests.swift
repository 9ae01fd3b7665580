import Foundation
import Testing
@testable import BewaarBundle
import BewaarTestSupport

/// End to end through the built `bewaar` executable: the demo ends with a bundle that
/// `bewaar verify` accepts; a changed zip is refused with the file named; a time-stamp
/// token from a local test TSA is checked offline.
@Suite(.serialized) struct CommandLineTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static var bewaar: String {
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("bewaar").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return packageRoot + "/.build/debug/bewaar"
    }

    @discardableResult
    static func run(_ exe: String, _ args: [String], in dir: String? = nil) -> (code: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        if let dir { p.currentDirectoryURL = URL(fileURLWithPath: dir) }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        do { try p.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs the demo into `dir` and returns the bundle it wrote.
    static func demoBundle(_ dir: TempDir) throws -> String {
        let r = run(bewaar, ["demo", "--samples", packageRoot + "/samples", "--store", dir.file("store")])
        #expect(r.code == 0, "\(r.out)")
        #expect(r.out.contains("Intact:"))
        let folder = dir.file("store-bundel")
        let zip = try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".zip") }
        return folder + "/" + (zip ?? "missing.zip")
    }

    @Test func theDemoEndsWithABundleThatVerifiesAndAChangedOneThatDoesNot() throws {
        let dir = TempDir()
        let zip = try Self.demoBundle(dir)
        let ok = Self.run(Self.bewaar, ["verify", zip])
        #expect(ok.code == 0, "\(ok.out)")
        #expect(ok.out.contains("niets gewijzigd"))
        // One byte changed in a stored original inside the zip.
        let reader = try ZipReader(path: zip)
        let png = reader.entries.first { $0.name.hasSuffix(".png") }!
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: zip)))
        bytes[Int(png.dataOffset + png.compressed / 2)] ^= 0x01
        let changed = dir.file("gewijzigd.zip")
        try Data(bytes).write(to: URL(fileURLWithPath: changed))
        let bad = Self.run(Self.bewaar, ["verify", changed])
        #expect(bad.code == 1)
        #expect(bad.out.contains(String(png.name.split(separator: "/", maxSplits: 1)[1])), "\(bad.out)")
        #expect(bad.out.contains("NIET intact"))
        // English on request.
        #expect(Self.run(Self.bewaar, ["verify", changed, "--lang", "en"]).out.contains("NOT intact"))
    }

    @Test func aPseudonymisedBundleFromTheCommandLineVerifies() throws {
        let dir = TempDir()
        let caseID = ((try Self.demoBundle(dir) as NSString).lastPathComponent as NSString).deletingPathExtension
        let out = dir.file("gedeeld.zip")
        let r = Self.run(Self.bewaar, ["bundle", "--case", caseID, "--out", out,
                                       "--pseudonymise-bystanders", "--store", dir.file("store"), "--by", "A. Leider"])
        #expect(r.code == 0, "\(r.out)")
        let v = Self.run(Self.bewaar, ["verify", out])
        #expect(v.code == 0, "\(v.out)")
        #expect(v.out.contains("gepseudonimiseerd"))
        // An existing bundle is never overwritten.
        #expect(Self.run(Self.bewaar, ["bundle", "--case", caseID, "--out", out,
                                       "--store", dir.file("store")]).code == 1)
    }

    @Test func aTimeStampTokenIsCheckedOffline() throws {
        guard let openssl = TimeStampCheck.openssl() else { return }
        let dir = TempDir()
        let zip = try Self.demoBundle(dir)
        let tsq = BundleBuilder.timeStampRequestPath(for: zip)
        let tsa = dir.file("tsa")
        try FileManager.default.createDirectory(atPath: tsa, withIntermediateDirectories: true)
        try Data("extendedKeyUsage=critical,timeStamping\n".utf8).write(to: URL(fileURLWithPath: tsa + "/ext.cnf"))
        try Data("""
            [ tsa ]
            default_tsa = tsa_config1
            [ tsa_config1 ]
            serial = ./tsaserial
            crypto_device = builtin
            signer_cert = ./tsa.pem
            signer_key = ./tsa.key
            signer_digest = sha256
            default_policy = 1.2.3.4.1
            digests = sha256
            accuracy = secs:1
            ordering = no
            tsa_name = no
            ess_cert_id_chain = no
            ess_cert_id_alg = sha256

            """.utf8).write(to: URL(fileURLWithPath: tsa + "/tsa.cnf"))
        try Data("01\n".utf8).write(to: URL(fileURLWithPath: tsa + "/tsaserial"))
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        #expect(Self.run(openssl, ["req", "-x509"] + ec + ["-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=Bewaar Test CA", "-days", "2",
                                   "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"], in: tsa).code == 0)
        #expect(Self.run(openssl, ["req"] + ec + ["-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/CN=Bewaar Test TSA"], in: tsa).code == 0)
        #expect(Self.run(openssl, ["x509", "-req", "-in", "tsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "tsa.pem",
                                   "-days", "2", "-extfile", "ext.cnf"], in: tsa).code == 0)
        #expect(Self.run(openssl, ["ts", "-reply", "-config", "tsa.cnf", "-queryfile", tsq, "-out", "token.tsr"], in: tsa).code == 0)
        let ok = Self.run(Self.bewaar, ["verify", zip, "--tsr", tsa + "/token.tsr", "--ca", tsa + "/ca.pem"])
        #expect(ok.code == 0, "\(ok.out)")
        #expect(ok.out.contains("tijdstempel klopt"))
        // The same token does not stamp another bundle.
        let other = TempDir()
        let otherZip = try Self.demoBundle(other)
        let bad = Self.run(Self.bewaar, ["verify", otherZip, "--tsr", tsa + "/token.tsr", "--ca", tsa + "/ca.pem"])
        #expect(bad.code == 1)
        #expect(bad.out.contains("token.tsr"))
    }
}
