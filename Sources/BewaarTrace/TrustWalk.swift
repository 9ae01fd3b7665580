import Foundation
import BewaarModel
import BewaarImportMail

/// The walk down the Received chain, newest first. The top hop was written by the mailbox the
/// evidence came from, so its writer is trusted. While a hop's sending side is a relay the
/// school trusts, the next hop down is believed too; the walk stops at the first hop whose
/// sending side is an authenticated client, a machine on the school's network or a machine
/// nobody vouches for — that hop's client address is the originating IP. A trusted hop
/// without a client address ends the walk with "unknown": the lines below it are never used
/// to fill the gap.
public struct TrustWalk: Sendable {
    /// How the walk ended.
    public enum Stop: String, Sendable {
        /// `with ESMTPA/ESMTPSA/…`: the client logged in; its address is the origin.
        case authenticated
        /// The client is on the school's internal network.
        case internalClient = "internal"
        /// The sending side is not a trusted relay: it is the origin (first untrusted relay).
        case untrusted
        /// A trusted hop recorded no client address.
        case noClientAddress = "no-client-address"
        /// A provider (Microsoft 365, Gmail) took the message over HTTPS/MAPI or from its own
        /// servers: the client's address is not in the message.
        case providerHidden = "provider-hidden"
        /// A relay trusted only by name does not connect to the hop below it.
        case chainBreak = "chain-break"
        /// No Received lines at all.
        case noHops = "no-hops"
    }

    public var stop: Stop
    /// The hop whose client is the origin (or where the walk ended).
    public var stopIndex: Int?
    public var origin: IPAddress?
    public var originPort: Int?
    /// The provider whose servers the message went through, when the client is hidden or the
    /// first untrusted relay is a provider's server.
    public var provider: String?
    /// Per hop: whether its line is believed (its writer is trusted).
    public var trusted: [Bool]
    /// Per hop: the rule that made the *sending* side trusted, if any.
    public var trustedBy: [String?]
    public var findings: [Finding]

    /// Submission protocols of web and app clients.
    static func isWebSubmission(_ with: String?) -> Bool {
        guard let w = with?.split(separator: " ").first?.uppercased() else { return false }
        return w == "HTTP" || w == "HTTPS" || w == "MAPI"
    }

    public static func walk(_ hops: [ReceivedHop], network: SchoolNetwork) -> TrustWalk {
        var w = TrustWalk(stop: .noHops, stopIndex: nil, origin: nil, originPort: nil, provider: nil,
                          trusted: Array(repeating: false, count: hops.count), trustedBy: Array(repeating: nil, count: hops.count),
                          findings: [])
        guard !hops.isEmpty else { return w }
        let classifier = AddressClassifier(network: network)
        w.trusted[0] = true
        var i = 0
        walking: while i < hops.count {
            let hop = hops[i]
            let peer = hop.ip.flatMap { IPAddress($0) }
            let names = [hop.reverseName, hop.from, hop.helo].compactMap { $0 }
            let web = isWebSubmission(hop.with)
            w.stopIndex = i
            guard let peer else {
                // A local line (`by host (Postfix, from userid 33)`, qmail `invoked by uid`) or a
                // provider-internal line: the writer handed it on from inside itself.
                let local = hop.from == nil || hop.raw.contains("from userid") || hop.raw.contains("invoked by")
                if i + 1 < hops.count && local && !web {
                    if !continues(hops[i + 1], from: hop, network: network) {
                        w.findings.append(Finding("chain-break", weakens: true, hop: i + 1,
                                                  nl: "Regel \(i + 2) is geschreven door \(hops[i + 1].by ?? "?"), maar regel \(i + 1) is een lokale regel van \(hop.by ?? "?"): de keten sluit niet aan.",
                                                  en: "Line \(i + 2) was written by \(hops[i + 1].by ?? "?"), but line \(i + 1) is a local line of \(hop.by ?? "?"): the chain does not connect."))
                        w.stop = .noClientAddress
                        break walking
                    }
                    w.trusted[i + 1] = true
                    w.trustedBy[i] = "lokale regel"
                    i += 1
                    continue
                }
                if let p = KnownProvider.of([hop.by] + names.map(Optional.some)) ?? (web ? KnownProvider.of([hop.by]) : nil) {
                    w.provider = p
                    w.stop = .providerHidden
                } else {
                    w.stop = .noClientAddress
                }
                break walking
            }
            let cls = classifier.classify(peer)
            let rule = network.trustingRule(ip: peer, names: names)
            if web, rule != nil || cls == .linkLocal || cls == .loopback || KnownProvider.of(names) != nil {
                // MAPI/HTTPS submission between a provider's own servers.
                if rule != nil, i + 1 < hops.count {
                    w.trusted[i + 1] = true
                    w.trustedBy[i] = rule!.description
                    i += 1
                    continue
                }
                w.provider = KnownProvider.of([hop.by] + names.map(Optional.some)) ?? "de mailprovider"
                w.stop = .providerHidden
                break walking
            }
            if let rule {
                w.trustedBy[i] = rule.description
                guard i + 1 < hops.count else {
                    // A trusted relay passed it on and nothing is below: the client was not recorded.
                    if let p = KnownProvider.of(names.map(Optional.some) + [hop.by]) {
                        w.provider = p
                        w.stop = .providerHidden
                    } else {
                        w.stop = .noClientAddress
                    }
                    break walking
                }
                if !continues(hops[i + 1], from: hop, network: network) {
                    let byRange = { if case .range = rule { return true } else { return false } }()
                    w.findings.append(Finding("chain-break", weakens: true, hop: i + 1,
                                              nl: "Regel \(i + 2) is geschreven door \(hops[i + 1].by ?? "?"), maar de vertrouwde relay in regel \(i + 1) heet \(hop.reverseName ?? hop.from ?? "?") (\(peer)): de keten sluit niet aan." + (byRange ? " De relay is op adres vertrouwd; de zoektocht gaat door." : " De relay is alleen op naam vertrouwd; de zoektocht stopt hier."),
                                              en: "Line \(i + 2) was written by \(hops[i + 1].by ?? "?"), but the trusted relay in line \(i + 1) is called \(hop.reverseName ?? hop.from ?? "?") (\(peer)): the chain does not connect." + (byRange ? " The relay is trusted by address; the walk goes on." : " The relay is trusted by name only; the walk stops here.")))
                    if !byRange {
                        w.stop = .chainBreak
                        w.origin = peer
                        w.originPort = hop.port
                        break walking
                    }
                }
                w.trusted[i + 1] = true
                i += 1
                continue
            }
            w.origin = peer
            w.originPort = hop.port
            if hop.authenticated && network.trustAuthenticated {
                w.stop = .authenticated
            } else if case .schoolInternal = cls {
                w.stop = .internalClient
            } else {
                w.stop = .untrusted
                // A provider's outbound server is not where the message was written.
                if let p = KnownProvider.of(names.map(Optional.some)), !cls.isSchool {
                    w.provider = p
                }
            }
            break walking
        }
        w.findings += chainChecks(hops, walk: w, network: network)
        return w
    }

    /// Whether `lower` (the next hop down) was written by the machine `upper` received from.
    /// A lower hop written by a machine trusted in its own right, or by the same known provider
    /// (providers hand messages on internally without a Received line), also connects.
    static func continues(_ lower: ReceivedHop, from upper: ReceivedHop, network: SchoolNetwork) -> Bool {
        // A line without `by` (qmail's `invoked from network`) or below one names no writer
        // to compare: it cannot break the chain.
        guard let by = lower.by else { return true }
        if upper.by == nil && upper.ip == nil && upper.from == nil { return true }
        if network.trustingRule(ip: lower.byIP.flatMap { IPAddress($0) }, names: [by]) != nil { return true }
        let names = [upper.reverseName, upper.from, upper.helo, upper.by]
        if let p = KnownProvider.named(by), KnownProvider.of(names) == p { return true }
        if let ip = upper.ip, by == ip || lower.byIP == ip { return true }
        if upper.ip == nil, let upperBy = upper.by, HostName.sameHost(by, upperBy) { return true }
        for n in [upper.reverseName, upper.from, upper.helo].compactMap({ $0 }) where HostName.sameHost(by, n) { return true }
        return false
    }

    /// Clock order, private addresses on public hops, and the hops below the boundary.
    static func chainChecks(_ hops: [ReceivedHop], walk w: TrustWalk, network: SchoolNetwork) -> [Finding] {
        var out: [Finding] = []
        let tol = TimeInterval(network.clockToleranceSeconds)
        let classifier = AddressClassifier(network: network)
        for i in 0..<max(0, hops.count - 1) {
            guard let newer = hops[i].date?.date, let older = hops[i + 1].date?.date else { continue }
            if older.timeIntervalSince(newer) > tol {
                let secs = Int(older.timeIntervalSince(newer))
                out.append(Finding("clock-backwards", weakens: w.trusted[i + 1], hop: i + 1,
                                   nl: "De tijd gaat terug: regel \(i + 2) is \(secs) s later dan regel \(i + 1) erboven (meer dan de tolerantie van \(Int(tol)) s). Een klok liep verkeerd, of de regel is vervalst.",
                                   en: "Time goes backwards: line \(i + 2) is \(secs) s later than line \(i + 1) above it (more than the tolerance of \(Int(tol)) s). A clock was wrong, or the line is forged."))
            }
        }
        for i in 1..<max(1, hops.count) {
            guard let peer = hops[i].ip.flatMap({ IPAddress($0) }), let upperPeer = hops[i - 1].ip.flatMap({ IPAddress($0) }) else { continue }
            let c = classifier.classify(peer)
            let upper = classifier.classify(upperPeer)
            let privateNotSchool: Bool = {
                switch c { case .otherPrivate, .carrierGradeNAT: return true; default: return false }
            }()
            if privateNotSchool, upper == .publicAddress {
                out.append(Finding("private-on-public-hop", weakens: w.trusted[i], hop: i,
                                   nl: "Regel \(i + 1): de openbare server \(hops[i].by ?? "?") zou bericht hebben ontvangen van privé-adres \(peer). Dat kan een interne doorgifte zijn, maar ook een vervalste regel.",
                                   en: "Line \(i + 1): the public server \(hops[i].by ?? "?") claims to have received from private address \(peer). That can be an internal hand-over, or a forged line."))
            }
        }
        if let s = w.stopIndex, s + 1 < hops.count {
            let firstUntrusted = w.trusted.firstIndex(of: false) ?? hops.count
            if firstUntrusted < hops.count {
                let one = firstUntrusted + 1 == hops.count
                out.append(Finding("below-boundary", weakens: false, hop: firstUntrusted,
                                   nl: (one ? "Regel \(hops.count) staat" : "Regels \(firstUntrusted + 1) t/m \(hops.count) staan") + " onder de vertrouwensgrens: beweerd, niet gecontroleerd. De afzender kan die zelf hebben geschreven.",
                                   en: (one ? "Line \(hops.count) is" : "Lines \(firstUntrusted + 1) to \(hops.count) are") + " below the trust boundary: claimed, not verified. The sender may have written it."))
            }
        }
        return out
    }
}
