import ArvioData

/// The shell's own words in Finnish: the welcome, `.help`'s overview and the commands' one-line
/// summaries. The topic texts (the language reference) are English only, and the Finnish
/// overview says so.
enum HelpFinnish {
    /// Each command's summary in Finnish, by the command's name; a command missing here shows
    /// its English summary.
    static let summaries: [String: String] = [
        "help": "ohje komennoista, kielestä tai verbistä",
        "tables": "taulut rivi- ja sarakemäärineen",
        "schema": "sarakkeiden tyyppi, asteikko ja selitteet",
        "load": "lue .csv .xlsx .sav .dta .sas7bdat tai kansio",
        "save": "kirjoita .csv/.xlsx/.sav/.dta/.json/.md/.txt",
        "codebook": "koodikirja näytölle tai tiedostoon",
        "scale": "sarakkeen asteikko alimmasta ylimpään",
        "missing": "puuttuvaa tarkoittavat koodit",
        "values": "anna sarakkeen arvoille selitteet",
        "rename": "nimeä sarake uudelleen",
        "format": "missä muodossa tulokset kirjoitetaan",
        "lang": "selitteiden, otsikoiden ja viestien kieli",
        "width": "tulosteen leveys merkkipaikkoina",
        "charset": "taulukoiden ja kuvioiden merkistö",
        "timer": "näytä kunkin lauseen suoritusaika",
        "run": "suorita skriptitiedoston lauseet",
        "connect": "suorita putket PostgreSQL:n sisällä",
        "explain": "putken SQL ja mitä lasketaan muistissa",
        "quit": "poistu (myös .exit, \\q, Ctrl-D)",
        "show": "tulostusasetukset ja niiden arvot",
    ]

    /// The overview's sentences, in `language`.
    static func overviewIntro(_ language: Language) -> String {
        language == .fi ? "Lause on taulu ja sen verbit merkillä | erotettuina, esimerkiksi:"
            : "A statement is a table and verbs joined by |, for example:"
    }

    static func labels(_ language: Language) -> (verbs: String, topics: String, commands: String) {
        language == .fi ? ("Verbit:   ", "Aiheet:   ", "Komennot:") : ("Verbs:    ", "Topics:   ", "Commands:")
    }

    static func closing(_ language: Language) -> [String] {
        language == .fi
            ? [".help AIHE näyttää verbin, aiheen tai komennon ja esimerkin, jonka voi suorittaa.",
               "Aiheiden tekstit ovat englanniksi; tulokset, otsikot ja virheilmoitukset suomeksi."]
            : [".help TOPIC shows a verb, a topic or a command, with an example you can run."]
    }

    /// "Loaded: participants 16, …" or "No data loaded.", in `language`.
    static func loaded(_ tables: [(String, Int)], _ language: Language) -> String {
        if tables.isEmpty { return language == .fi ? "Ei ladattua aineistoa." : "No data loaded." }
        let list = tables.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        return (language == .fi ? "Ladattu: " : "Loaded: ") + list + "."
    }

    static func tryLine(_ example: String, _ language: Language) -> String {
        language == .fi ? "Kirjoita .help tai kokeile:  \(example)" : "Type .help, or try:  \(example)"
    }
}
