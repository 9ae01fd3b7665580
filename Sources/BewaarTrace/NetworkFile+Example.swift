extension NetworkFile {
    /// The commented example `bewaar trace --init` writes. It parses as it stands.
    public static let example = """
        # Netwerkbestand voor `bewaar trace` (herkomstonderzoek van e-mail).
        # De systeembeheerder vult dit één keer in. Regels met # zijn uitleg.

        # Naam van de school (komt in het rapport).
        school = "Voorbeeldcollege"

        # Logboeken zonder tijdzone (Windows DHCP, syslog, proxy) worden in deze zone gelezen.
        timezone = "Europe/Amsterdam"

        # Hoeveel seconden de klokken van mailserver en logboeken mogen verschillen.
        clock_tolerance_seconds = 120

        # De openbare (NAT-)adressen waarmee het schoolnetwerk op internet komt.
        egress = ["198.51.100.200/32"]

        # Mailservers waarvan de Received-regels worden geloofd: de eigen relay(s) van de school
        # (liefst op adres) en die van de mailprovider (op hostnaam; een punt vooraan = achtervoegsel).
        trusted_relays = [
            "198.51.100.5/32",
            "mx1.voorbeeldcollege.example",
            ".prod.outlook.com",
            ".protection.outlook.com",
        ]

        # Een ingelogde verzending (ESMTPA/ESMTPSA) beëindigt de zoektocht bij de client.
        trust_authenticated = true

        # Hoe lang vóór de verzendtijd een aanmelding (Entra ID / Microsoft 365) nog meetelt.
        signin_window_seconds = 3600

        # Leasetijd van dnsmasq (dhcp-range=…,12h) en van de Windows DHCP-scope (standaard 8 dagen);
        # die logboeken schrijven hem niet op.
        dnsmasq_lease_seconds = 43200
        windows_lease_seconds = 691200

        # De interne netwerken van de school, elk met een naam.
        [[internal]]
        range = "10.20.0.0/16"
        label = "leerlingennetwerk"

        [[internal]]
        range = "10.30.0.0/16"
        label = "personeelsnetwerk"

        [[internal]]
        range = "10.40.0.0/16"
        label = "gastenwifi"

        [[internal]]
        range = "2001:db8:4::/48"
        label = "leerlingennetwerk (IPv6)"

        """
}
