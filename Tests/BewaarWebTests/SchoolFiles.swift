import Foundation

/// A fictional school for the herkomst tests: its network file, an anonymous mail sent from a
/// computer in room 12 (Received lines as the school's Postfix and the receiving server wrote
/// them), the DHCP leases of that morning and the inventory. Addresses are documentation
/// ranges (192.0.2.0/24) and the school network 10.20.0.0/16; domains are example.org.
enum SchoolFiles {
    static let network = """
        school = "Voorbeeldcollege"
        timezone = "Europe/Amsterdam"
        clock_tolerance_seconds = 120
        egress = ["192.0.2.200/32"]
        trusted_relays = ["192.0.2.25/32", "mx.example.org"]
        trust_authenticated = true

        [[internal]]
        range = "10.20.0.0/16"
        label = "leerlingennetwerk"

        """

    /// The mail's text (never shown to the systeembeheerder) carries the marker GEHEIM.
    static let mail = [
        "Received: from mail.example.org (mail.example.org [192.0.2.25])",
        "\tby mx.example.org (Postfix) with ESMTPS id 4ZbX1k2Qz9sT",
        "\tfor <sanne.devries@example.org>; Wed, 04 Mar 2026 10:17:41 +0100",
        "Received: from ws-lok12-07.leerlingen.example.org (ws-lok12-07.leerlingen.example.org [10.20.12.7])",
        "\tby mail.example.org (Postfix) with ESMTP id 7C1F2A0051",
        "\tfor <sanne.devries@example.org>; Wed, 04 Mar 2026 10:17:39 +0100",
        "From: \"Een vriend\" <anoniem2b@example.org>",
        "To: Sanne de Vries <sanne.devries@example.org>",
        "Subject: Iedereen weet het al",
        "Date: Wed, 04 Mar 2026 10:17:37 +0100",
        "Message-ID: <20260304091737.4711@example.org>",
        "",
        "GEHEIM: blijf morgen maar thuis. Groeten van Daan Jansen, +31 6 12345001.",
        "",
    ].joined(separator: "\r\n")

    /// ISC dhcpd leases (UTC): WS-LOK12-07 held 10.20.12.7 when the mail left (09:17:39 UTC).
    static let leases = """
        authoring-byte-order little-endian;

        lease 10.20.12.7 {
          starts 3 2026/03/04 07:55:02;
          ends 3 2026/03/04 14:31:40;
          binding state free;
          hardware ethernet 00:1a:2b:3c:4d:07;
          client-hostname "WS-LOK12-07";
        }
        lease 10.20.12.8 {
          starts 3 2026/03/04 07:58:13;
          ends 3 2026/03/04 15:02:00;
          binding state active;
          hardware ethernet 00:1a:2b:3c:4d:08;
          client-hostname "WS-LOK12-08";
        }

        """

    static let inventory = "mac,werkplek,lokaal\n00:1a:2b:3c:4d:07,WS-LOK12-07,lokaal 12\n00:1a:2b:3c:4d:08,WS-LOK12-08,lokaal 12\n"

    /// Puts the network file into the store folder, where `bewaar serve` looks for it.
    static func install(in storePath: String) throws {
        try Data(network.utf8).write(to: URL(fileURLWithPath: storePath + "/network.toml"))
    }
}
