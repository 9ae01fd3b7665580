import Foundation
import NIOSSL
import PostgresNIO

/// postgres-nio's TLS setting for a ``PostgresURL``: none for ``PostgresTLSMode/disable``, else
/// TLS that the server must offer (a server without it is refused, never fallen back from), with
/// the certificate and host name checked for ``PostgresTLSMode/verifyFull``.
enum PostgresTLS {
    /// The TLS setting for `url`; throws for `sslmode=disable` to a host on the network and for an
    /// `sslrootcert` file that cannot be read or holds no certificate. Made before connecting.
    static func configuration(for url: PostgresURL) throws -> PostgresConnection.Configuration.TLS {
        try url.checkTLSMode()
        var tls = TLSConfiguration.makeClientConfiguration()
        switch url.tlsMode {
        case .disable:
            return .disable
        case .require:
            tls.certificateVerification = .none
        case .verifyFull:
            // NIOSSL checks the chain and then the name: the host name (sent as SNI too), or for
            // an IP address the certificate's IP addresses.
            tls.certificateVerification = .fullVerification
            if let path = url.rootCertificatePath {
                tls.trustRoots = .certificates(try rootCertificates(path, url: url))
            }
        }
        do {
            return .require(try NIOSSLContext(configuration: tls))
        } catch {
            throw PostgresStoreError(
                .tlsFailed,
                nl:
                    "TLS voor PostgreSQL op \(url.server) kon niet worden ingesteld (\(error)). Controleer sslrootcert en de certificaten van dit systeem.",
                en: "TLS for PostgreSQL at \(url.server) could not be set up (\(error)). Check sslrootcert and this system's certificates.")
        }
    }

    /// The certificates in the PEM file at `path`, or the error naming the file and what is wrong.
    static func rootCertificates(_ path: String, url: PostgresURL) throws -> [NIOSSLCertificate] {
        let (nl, en): (String, String)
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            (nl, en) = ("het bestand bestaat niet", "the file does not exist")
        } else if isFolder.boolValue {
            (nl, en) = ("het is een map, geen bestand", "it is a folder, not a file")
        } else if let data = FileManager.default.contents(atPath: path) {
            return try certificates(in: data, path: path)
        } else {
            (nl, en) = ("Bewaar mag het niet lezen (rechten)", "Bewaar may not read it (permissions)")
        }
        throw PostgresStoreError(
            .tlsRootCertificateUnreadable,
            nl:
                "Het CA-certificaat \(path) (sslrootcert) kan niet worden gelezen: \(nl). Controleer het pad en de rechten, of vraag het certificaat opnieuw aan de beheerder van de database.",
            en:
                "The CA certificate \(path) (sslrootcert) cannot be read: \(en). Check the path and the permissions, or ask the database's administrator for the certificate again."
        )
    }

    private static func certificates(in bytes: Data, path: String) throws -> [NIOSSLCertificate] {
        let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(bytes))
        guard let certificates, !certificates.isEmpty else {
            throw PostgresStoreError(
                .tlsRootCertificateUnreadable,
                nl:
                    "Het bestand \(path) (sslrootcert) bevat geen certificaat in PEM-vorm (-----BEGIN CERTIFICATE-----). Geef het CA-certificaat van de server.",
                en: "The file \(path) (sslrootcert) holds no PEM certificate (-----BEGIN CERTIFICATE-----). Give the server's CA certificate.")
        }
        return certificates
    }
}
