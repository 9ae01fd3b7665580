import ArgumentParser
import Foundation
import BewaarKit
import BewaarSignOn
import BewaarWeb

/// `bewaar serve`'s settings of sign-in with the school's accounts (OpenID Connect).
struct SignOnOptions: ParsableArguments {
    @Option(
        name: .customLong("public-url"),
        help: CommandLineLanguage.help(
            "Het adres waarop mensen Bewaar openen (bijvoorbeeld https://bewaar.school.example.org); nodig voor inloggen met het schoolaccount.",
            "The address at which people open Bewaar (for example https://bewaar.school.example.org); needed for signing in with the school account."
        ))
    var publicURL: String?
    @Option(
        name: .customLong("oidc-issuer"),
        help: CommandLineLanguage.help(
            "Inloggen met het schoolaccount: de issuer van de inlogdienst (OpenID Connect), bijvoorbeeld "
                + "https://login.microsoftonline.com/TENANT/v2.0; ook BEWAAR_OIDC_ISSUER.",
            "Sign-in with the school account: the sign-in service's issuer (OpenID Connect), for example "
                + "https://login.microsoftonline.com/TENANT/v2.0; also BEWAAR_OIDC_ISSUER."))
    var oidcIssuer: String?
    @Option(
        name: .customLong("oidc-client-id"),
        help: CommandLineLanguage.help(
            "De client-id van Bewaar bij die inlogdienst; ook BEWAAR_OIDC_CLIENT_ID.",
            "Bewaar's client id at that sign-in service; also BEWAAR_OIDC_CLIENT_ID."))
    var oidcClientID: String?
    @Option(
        name: .customLong("oidc-client-secret-file"),
        help: CommandLineLanguage.help(
            "Bestand met het client secret (alleen leesbaar voor deze gebruiker); of zet BEWAAR_OIDC_CLIENT_SECRET. Nooit als waarde op de opdrachtregel.",
            "File holding the client secret (readable by this user only); or set BEWAAR_OIDC_CLIENT_SECRET. Never as a value on the command line."))
    var oidcClientSecretFile: String?
}

extension SignOnOptions {
    /// `config` with the school's provider when one is set.
    func configured(_ config: WebConfiguration, global: GlobalOptions) async throws -> WebConfiguration {
        var c = config
        c.signOn = try await signOnProvider(host: config.host, port: config.port, global: global)
        return c
    }

    /// The school's identity provider when `--oidc-issuer` (or BEWAAR_OIDC_ISSUER) is given:
    /// checked and discovered before the server starts, so a wrong setting stops the start with
    /// a message that says what to fix. Nil: passwords only.
    func signOnProvider(
        host: String, port: Int, global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        async throws -> SignOnProvider?
    {
        guard let issuerText = oidcIssuer ?? environment["BEWAAR_OIDC_ISSUER"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        let issuer = try ProviderAddress.checked(issuerText, what: "--oidc-issuer")
        guard let clientID = (oidcClientID ?? environment["BEWAAR_OIDC_CLIENT_ID"]).flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw KitError(
                nl: "Inloggen met het schoolaccount heeft ook --oidc-client-id nodig (de client-id van Bewaar bij de inlogdienst).",
                en: "Signing in with the school account also needs --oidc-client-id (Bewaar's client id at the sign-in service).")
        }
        let secret = try clientSecret(environment)
        let base: String
        if let publicURL {
            base = publicURL
        } else if WebConfiguration.isLoopback(host), port != 0 {
            base = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        } else {
            throw KitError(
                nl:
                    "Inloggen met het schoolaccount heeft --public-url nodig: het adres waarop mensen Bewaar openen, bijvoorbeeld https://bewaar.school.example.org.",
                en:
                    "Signing in with the school account needs --public-url: the address at which people open Bewaar, for example https://bewaar.school.example.org."
            )
        }
        var trimmed = try ProviderAddress.checked(base, what: "--public-url").absoluteString
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let redirect = URL(string: trimmed + WebConfiguration.signOnReturnPath) else {
            throw KitError(nl: "Uit --public-url is geen terugkeeradres te maken.", en: "No return address can be made from --public-url.")
        }
        let settings = SignOnSettings(
            issuer: issuer, clientID: clientID, clientSecret: secret, redirectURL: redirect, postLogoutRedirectURL: URL(string: trimmed + "/"))
        let provider = try await SignOnProvider.discover(settings)
        let signOut =
            provider.metadata.endSessionEndpoint == nil
            ? global.t(
                "de inlogdienst heeft geen afmeldpagina: uitloggen beëindigt alleen de sessie in Bewaar",
                "the sign-in service has no sign-out page: signing out ends the Bewaar session only")
            : global.t(
                "afmeldadres (post_logout_redirect_uri) bij de inlogdienst: \(settings.postLogoutRedirectURL.absoluteString)",
                "sign-out return address (post_logout_redirect_uri) at the sign-in service: \(settings.postLogoutRedirectURL.absoluteString)")
        FileHandle.standardError.write(
            Data(
                global.t(
                    "Inloggen met het schoolaccount: \(provider.metadata.issuer); terugkeeradres bij de inlogdienst: \(redirect.absoluteString); \(signOut)\n",
                    "Sign-in with the school account: \(provider.metadata.issuer); return address at the sign-in service: \(redirect.absoluteString); \(signOut)\n"
                ).utf8))
        return provider
    }

    /// The client secret from BEWAAR_OIDC_CLIENT_SECRET or from `--oidc-client-secret-file`
    /// (first line; a file that others may read is refused).
    private func clientSecret(_ environment: [String: String]) throws -> String {
        if let path = oidcClientSecretFile {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            guard let data = FileManager.default.contents(atPath: path), data.count <= 4_096 else {
                throw KitError(
                    nl: "Het bestand met het client secret (\(path)) is niet te lezen. Controleer --oidc-client-secret-file.",
                    en: "The client secret file (\(path)) cannot be read. Check --oidc-client-secret-file.")
            }
            if let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 {
                throw KitError(
                    nl:
                        "Het bestand met het client secret (\(path)) is leesbaar voor anderen. Maak het alleen voor deze gebruiker leesbaar: chmod 600 \(path)",
                    en: "The client secret file (\(path)) is readable by others. Make it readable by this user only: chmod 600 \(path)")
            }
            let line =
                String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            guard !line.isEmpty else {
                throw KitError(nl: "Het bestand met het client secret (\(path)) is leeg.", en: "The client secret file (\(path)) is empty.")
            }
            return line
        }
        if let secret = environment["BEWAAR_OIDC_CLIENT_SECRET"], !secret.isEmpty { return secret }
        throw KitError(
            nl:
                "Inloggen met het schoolaccount heeft het client secret nodig: zet BEWAAR_OIDC_CLIENT_SECRET of geef --oidc-client-secret-file BESTAND.",
            en: "Signing in with the school account needs the client secret: set BEWAAR_OIDC_CLIENT_SECRET or give --oidc-client-secret-file FILE.")
    }
}
