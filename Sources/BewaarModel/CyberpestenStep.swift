/// The six steps of the school's plan after a report of cyberbullying ("Het stappenplan na een
/// melding van cyberpesten" in the anti-pestprotocol), with the protocol's own guidance.
public enum CyberpestenStep: Int, Sendable, CaseIterable, Comparable, Codable {
    case bewaren = 1
    case blokkeren = 2
    case daderOpsporen = 3
    case oudersContact = 4
    case doorverwijzenAangifte = 5
    case ondersteuning = 6

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Short Dutch title.
    public var titleNL: String {
        switch self {
        case .bewaren: return "Berichten bewaren"
        case .blokkeren: return "Afzender blokkeren"
        case .daderOpsporen: return "Dader opsporen"
        case .oudersContact: return "Contact met de ouders"
        case .doorverwijzenAangifte: return "Ouders doorverwijzen, aangifte adviseren"
        case .ondersteuning: return "Doorverwijzen naar de ondersteuningscoördinator"
        }
    }

    /// Short English title.
    public var titleEN: String {
        switch self {
        case .bewaren: return "Save the messages"
        case .blokkeren: return "Block the sender"
        case .daderOpsporen: return "Trace the perpetrator"
        case .oudersContact: return "Contact the parents"
        case .doorverwijzenAangifte: return "Refer the parents, advise a police report"
        case .ondersteuning: return "Refer to the support coordinator"
        }
    }

    /// The protocol's guidance for this step (Dutch, from the anti-pestprotocol).
    public var guidanceNL: String {
        switch self {
        case .bewaren:
            return "Probeer de berichten waarin het pestgedrag voorkomt te bewaren. Vertel leerlingen hoe ze dat "
                + "kunnen doen (afdrukken, selecteren en kopiëren, WhatsApp-gesprekken exporteren, sociale media "
                + "opslaan). Let op: een seksuele afbeelding van een minderjarige wordt nooit bewaard of "
                + "doorgestuurd, ook niet als bewijs; leg alleen vast dát die bestaat en schakel de politie in."
        case .blokkeren:
            return "Blokkeer de afzender. Leg de leerling zo nodig uit hoe hij/zij de pestmail of het pestbericht "
                + "kan blokkeren. Leg vast welk account op welk platform is geblokkeerd."
        case .daderOpsporen:
            return "Probeer de dader op te sporen. Soms is te achterhalen van welke computer op school het bericht "
                + "is verzonden: neem contact op met de systeembeheerder. Uit het IP-adres van de e-mail is af te "
                + "leiden van welke computer het bericht is verzonden."
        case .oudersContact:
            return "Neem contact op met de ouders van de gepeste en de pestende leerling. Geef de ouders "
                + "voorlichting over welke maatregelen zij thuis kunnen nemen."
        case .doorverwijzenAangifte:
            return "Verwijs de ouders zo nodig door en adviseer aangifte. Wordt een leerling stelselmatig belaagd, "
                + "dan is er sprake van stalking en kunnen de ouders aangifte doen. Ook bij lichamelijk letsel of "
                + "materiële schade kan de politie worden ingeschakeld. Verwijs zo nodig naar Slachtofferhulp."
        case .ondersteuning:
            return "Verwijs de pestende en/of de gepeste leerling door naar de ondersteuningscoördinator wanneer "
                + "verdere begeleiding op school nodig is."
        }
    }

    /// The guidance in English.
    public var guidanceEN: String {
        switch self {
        case .bewaren:
            return "Try to save the messages that show the bullying. Tell pupils how (print, select and copy, "
                + "export WhatsApp chats, save social media). Note: a sexual image of a minor is never saved or "
                + "forwarded, not even as evidence; record only that it exists and involve the police."
        case .blokkeren:
            return "Block the sender. Where needed, explain to the pupil how to block the mail or message. Record "
                + "which account on which platform was blocked."
        case .daderOpsporen:
            return "Try to trace the perpetrator. Sometimes the school computer that sent the message can be "
                + "found: contact the system administrator. The IP address of an e-mail can show which computer "
                + "sent it."
        case .oudersContact:
            return "Contact the parents of the victim and of the bully. Inform them of measures they can take at home."
        case .doorverwijzenAangifte:
            return "Refer the parents where needed and advise a police report. Systematic harassment is stalking "
                + "and the parents can report it. Physical injury or material damage is also a matter for the "
                + "police. Refer to Slachtofferhulp (victim support) where needed."
        case .ondersteuning:
            return "Refer the bully and/or the victim to the support coordinator when further guidance at school "
                + "is needed."
        }
    }

    /// The fields this step records, with a Dutch label each.
    public var fieldKeys: [(key: String, labelNL: String, labelEN: String)] {
        switch self {
        case .bewaren: return []
        case .blokkeren:
            return [("platform", "Platform", "Platform"), ("account", "Geblokkeerd account", "Account blocked")]
        case .daderOpsporen:
            return [("trace", "Herkomstonderzoek (trace)", "Sender trace"), ("result", "Uitkomst", "Result")]
        case .oudersContact:
            return [("ouders", "Welke ouders", "Which parents"), ("wanneer", "Wanneer", "When"),
                    ("advies", "Gegeven advies", "Advice given")]
        case .doorverwijzenAangifte:
            return [("doorverwijzing", "Doorverwezen naar", "Referred to"),
                    ("aangifte-geadviseerd", "Aangifte geadviseerd (ja/nee)", "Police report advised (yes/no)"),
                    ("slachtofferhulp", "Slachtofferhulp genoemd (ja/nee)", "Victim support mentioned (yes/no)"),
                    ("klacht-gewenst", "Slachtoffer/ouders willen klacht indienen (ja/nee)", "Victim/parents wish to file a complaint (yes/no)")]
        case .ondersteuning:
            return [("verwezen-naar", "Verwezen naar", "Referred to"), ("leerling", "Welke leerling", "Which pupil")]
        }
    }

    /// Keys whose value must be `ja` or `nee`.
    public var yesNoKeys: Set<String> {
        self == .doorverwijzenAangifte ? ["aangifte-geadviseerd", "slachtofferhulp", "klacht-gewenst"] : []
    }
}
