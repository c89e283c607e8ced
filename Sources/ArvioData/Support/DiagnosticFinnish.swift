import Foundation

/// Messages in Finnish, for a session whose language is Finnish: the translation table of the
/// errors the parser, the binder, the verbs and the loaders write in English, and of the
/// shell's confirmations ("loaded …", "saved …"). Kept in one
/// place so a new message is one line here; a message a place writes in both languages itself
/// (`Diagnostic.init(_:_: Localized, ...)`) does not come here.
///
/// A message is translated clause by clause (clauses are separated by "; "), each clause by the
/// first pattern that matches all of it; names, values and code in a message are kept as they
/// are, since they are what the user types. A clause no pattern knows stays English, so a
/// message is never lost, only untranslated.
public enum DiagnosticFinnish {
    /// `message` in `language`: translated in Finnish, as it is in English.
    public static func text(_ message: String, _ language: Language) -> String {
        language == .fi ? translate(message) : message
    }

    /// The Finnish of an English message.
    public static func translate(_ message: String) -> String {
        message.components(separatedBy: "; ").map { translateClause($0) ?? $0 }.joined(separator: "; ")
    }

    /// One clause through the table, or nil when no pattern matches it.
    private static func translateClause(_ clause: String) -> String? {
        for (pattern, finnish) in rules {
            if let parts = match(pattern, clause) {
                // A command's usage is code, but its placeholders are words the reader fills in.
                let kept = usagePatterns.contains(pattern) ? parts.map(usage) : parts.map(fragment)
                return fill(finnish, kept)
            }
        }
        return nil
    }

    /// The rules whose kept text is a command's usage line.
    private static let usagePatterns: Set<String> = ["usage: %", "Arvio's is %"]

    /// A command's usage line (`.save TABLE FILE [labels]`) with its placeholders in Finnish
    /// (`.save TAULU TIEDOSTO [labels]`); the command and its keywords stay as they are typed.
    public static func usage(_ line: String) -> String {
        var out = ""
        var word = ""
        func flush() {
            // A single capital (`N`, `T`, `A < B`) reads the same in both languages.
            out += word.count > 1 ? placeholders[word] ?? word : word
            word = ""
        }
        for ch in line {
            if ch.isASCII, ch.isUppercase { word.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }

    private static let placeholders: [String: String] = [
        "TABLE": "TAULU", "FILE": "TIEDOSTO", "NAME": "NIMI", "OPTIONS": "VALINNAT", "TOPIC": "AIHE",
        "OLD": "VANHA", "NEW": "UUSI", "PIPELINE": "PUTKI", "CODES": "KOODIT", "REASON": "SYY",
        "VALUE": "ARVO", "COL": "SARAKE", "COLUMN": "SARAKE", "COLS": "SARAKKEET", "TOKENS": "MERKIT",
        "VERB": "VERBI",
    ]

    /// The parts of a message that recur inside others ("expected X, but found Y").
    private static func fragment(_ text: String) -> String {
        if let known = fragments[text] { return known }
        for (pattern, finnish) in fragmentRules {
            if let parts = match(pattern, text) { return fill(finnish, parts) }
        }
        if text.hasPrefix("the text "), text.count > 9 { return "teksti " + text.dropFirst(9) }
        if text.hasPrefix("the number "), text.count > 11 { return "luku " + text.dropFirst(11) }
        return rowCounts(text)
    }

    /// `"x" (3 rows), "y" (1 row) and 2 more` (a list of values or tables with their rows) in Finnish.
    private static func rowCounts(_ text: String) -> String {
        guard text.contains(" row") || text.contains(" more") else { return text }
        var out = text
        for (english, finnish) in [(#"\((\d+) rows\)"#, "($1 riviä)"), (#"\(1 row\)"#, "(1 rivi)"),
                                   (#" and (\d+) more$"#, " ja $1 muuta")] {
            out = out.replacingOccurrences(of: english, with: finnish, options: .regularExpression)
        }
        return out
    }

    private static let fragments: [String: String] = [
        "the end of the line": "rivin loppu",
        "the end of the statement": "lauseen loppu",
        "a number": "luku",
        "text": "teksti",
        "true/false": "tosi/epätosi",
        "missing": "puuttuva",
        "categorical": "luokitteleva",
        "ordinal": "järjestysasteikollinen",
        "this value": "tämä arvo",
        "this column": "tämä sarake",
        "a value": "arvo",
        "a column name": "sarakkeen nimi",
        "a table name": "taulun nimi",
        "a name": "nimi",
        "a verb such as where, select or count": "verbi, kuten where, select tai count",
        "a value: a number, a \"string\", a column name or a function call":
            "arvo: luku, \"teksti\", sarakkeen nimi tai funktiokutsu",
        "a whole number of rows after \"take\", as in take 5": "rivien määrä kokonaislukuna \"take\"-sanan jälkeen, kuten take 5",
        "\"by\" and a column, or nothing, after \"count\"": "\"by\" ja sarake tai ei mitään \"count\"-sanan jälkeen",
        "a kind of chart after \"chart\"": "kuviotyyppi \"chart\"-sanan jälkeen",
        "\"ci\", \"rows\" or the end of the step": "\"ci\", \"rows\" tai vaiheen loppu",
        "a column": "sarake",
        "a condition": "ehto",
        "a column name after \"by\"": "sarakkeen nimi \"by\"-sanan jälkeen",
        "a column name after \"select\"": "sarakkeen nimi \"select\"-sanan jälkeen",
        "no such file or directory": "tiedostoa tai kansiota ei ole",
        "permission denied": "ei käyttöoikeutta",
        "is a directory": "on kansio",
        "the table to join after \"join\"": "yhdistettävä taulu \"join\"-sanan jälkeen",
        "a column of this table after \"on\"": "tämän taulun sarake \"on\"-sanan jälkeen",
        "a name for the new column after \"derive\"": "uuden sarakkeen nimi \"derive\"-sanan jälkeen",
        "a name for the new table after \"let\"": "uuden taulun nimi \"let\"-sanan jälkeen",
        "a whole number after \"seed\"": "kokonaisluku \"seed\"-sanan jälkeen",
        "the title in quotes after \"title\"": "otsikko lainausmerkeissä \"title\"-sanan jälkeen",
        "an option (title \"...\", width N, percent, sorted or binwidth N) or the end of the chart step":
            "valinta (title \"...\", width N, percent, sorted tai binwidth N) tai chart-vaiheen loppu",
        "6 or 7 after \"quartiles\" (Hyndman–Fan type 7 as R, or type 6 as SPSS)":
            "6 tai 7 \"quartiles\"-sanan jälkeen (Hyndman–Fan-tyyppi 7 kuten R:ssä tai tyyppi 6 kuten SPSS:ssä)",
        "the phase column after \"by\"": "vaihesarake \"by\"-sanan jälkeen",
        "a column that identifies a pair after \"on\"": "sarake, joka tunnistaa parin, \"on\"-sanan jälkeen",
        "\"pratt\" or \"wilcoxon\" (how zero changes are ranked) after \"with\"":
            "\"pratt\" tai \"wilcoxon\" (miten nollamuutokset asetetaan järjestykseen) \"with\"-sanan jälkeen",
        "the fewest answered items after \"min\", a whole number such as 2":
            "vastattujen osioiden vähimmäismäärä \"min\"-sanan jälkeen kokonaislukuna, kuten 2",
        "the columns that identify a respondent after \"on\"": "vastaajan tunnistavat sarakkeet \"on\"-sanan jälkeen",
        "holm, bh or none after \"adjust\" (how p-values of several tests are corrected)":
            "holm, bh tai none \"adjust\"-sanan jälkeen (miten usean testin p-arvot korjataan)",
        "the name of the column that says which table a row came from, after as":
            "\"as\"-sanan jälkeen sen sarakkeen nimi, joka kertoo, mistä taulusta rivi on",
        "the names of the new columns after into: the name parts, then the values":
            "uusien sarakkeiden nimet \"into\"-sanan jälkeen: ensin nimen osat, sitten arvot",
        "the column of values after from": "arvojen sarake \"from\"-sanan jälkeen",
        "\"missing\" after \"is not\"": "\"missing\" sanojen \"is not\" jälkeen",
        "\"missing\" or \"not missing\" after \"is\"": "\"missing\" tai \"not missing\" \"is\"-sanan jälkeen",
        "\"and\" between the two ends of \"between\"": "\"and\" \"between\"-välin päätepisteiden väliin",
        "\",\" or \"]\" to end the list": "\",\" tai \"]\" listan loppuun",
        "\"cells\" and what to show (such as cells count, row), \"weight\" and a count column, \"rows\", \"ci\", \"paired\", or the end of the step":
            "\"cells\" ja mitä näytetään (kuten cells count, row), \"weight\" ja lukumääräsarake, \"rows\", \"ci\", \"paired\" tai vaiheen loppu",
        "\"on\", \"per\", \"adjust\" or the end of the step after \"paired\"":
            "\"on\", \"per\", \"adjust\" tai vaiheen loppu \"paired\"-sanan jälkeen",
        "\"ci\", \"rows\", \"weight\" and a count column, or the end of the step":
            "\"ci\", \"rows\", \"weight\" ja lukumääräsarake tai vaiheen loppu",
        "an SPSS": "SPSS", "a Stata": "Stata", "a SAS": "SAS",
        "Finnish": "suomi",
        "English": "englanti",
    ]

    /// Patterns of the parts, as `rules` (their kept texts are not translated again).
    private static let fragmentRules: [(String, String)] = [
        ("a whole number for %, as the codebook declares", "kokonaisluku sarakkeelle %1, kuten koodikirja määrittelee"),
        ("a number for %, as the codebook declares", "luku sarakkeelle %1, kuten koodikirja määrittelee"),
        ("one of the values the codebook lists for %: %", "jokin koodikirjan sarakkeelle %1 luettelemista arvoista: %2"),
        ("a column after \"%\", as in %", "sarake \"%1\"-sanan jälkeen, kuten %2"),
        ("a column after \"%\"", "sarake \"%1\"-sanan jälkeen"),
        ("a value after %", "arvo merkin %1 jälkeen"),
        ("a column to sort by", "sarake, jonka mukaan järjestetään"),
        ("a column to count by after \"count by\"", "sarake, jonka mukaan lasketaan, \"count by\"-sanojen jälkeen"),
        ("\"by\" and a second column, as in %", "\"by\" ja toinen sarake, kuten %"),
        ("\",\" and another column, or \"aggregate\" and what to compute, as in %",
         "\",\" ja toinen sarake tai \"aggregate\" ja mitä lasketaan, kuten %"),
        ("the outcome column after \"associate\", as in %", "tulosmuuttuja \"associate\"-sanan jälkeen, kuten %"),
        ("\"|\" or the end of the line after the % step", "\"|\" tai rivin loppu %-vaiheen jälkeen"),
        ("a column name after \"%\"", "sarakkeen nimi \"%1\"-sanan jälkeen"),
        ("a column to group by after \"%\"", "sarake, jonka mukaan ryhmitellään, \"%1\"-sanan jälkeen"),
        ("a column to chart after \"%\"", "sarake, josta kuvio piirretään, \"%1\"-sanojen jälkeen"),
        ("a column of % after \"=\"", "taulun %1 sarake \"=\"-merkin jälkeen"),
        ("a count column after \"weight\", as in %", "lukumääräsarake \"weight\"-sanan jälkeen, kuten %1"),
        ("a cell kind after \"cells\" (%)", "solun sisältö \"cells\"-sanan jälkeen (%1)"),
        ("a kind of chart after \"chart\": %", "kuviotyyppi \"chart\"-sanan jälkeen: %1"),
        ("a width in terminal cells from % to % after \"width\", as in %",
         "leveys merkkipaikkoina (%1–%2) \"width\"-sanan jälkeen, kuten %3"),
        ("a bin width after \"binwidth\", as in %", "luokan leveys \"binwidth\"-sanan jälkeen, kuten %1"),
        ("a condition after \"where\", such as %", "ehto \"where\"-sanan jälkeen, kuten %1"),
        ("an expression for \"%\"", "lauseke sarakkeelle \"%1\""),
        ("\"=\" after the new column's name, as in %", "\"=\" uuden sarakkeen nimen jälkeen, kuten %1"),
        ("\"=\" after \"let %\"", "\"=\" sanojen \"let %1\" jälkeen"),
        ("the column to rename after \"% =\"", "uudelleen nimettävä sarake merkinnän \"%1 =\" jälkeen"),
        ("\"[\" to start the list after \"%\"", "\"[\" listan alkuun \"%1\"-sanan jälkeen"),
        ("what to compute after \"aggregate\", such as % or %", "mitä lasketaan \"aggregate\"-sanan jälkeen, kuten %1 tai %2"),
        ("the tables whose rows follow, as in %", "taulut, joiden rivit tulevat perään, kuten %1"),
        ("the columns to make into rows, or a pattern such as \"*_pre\", as in %",
         "riveiksi muutettavat sarakkeet tai kuvio, kuten \"*_pre\"; esimerkiksi %1"),
        ("into and the new columns' names after the columns, as in %",
         "sarakkeiden jälkeen \"into\" ja uusien sarakkeiden nimet, kuten %1"),
        ("the columns whose values name the new columns, as in %",
         "sarakkeet, joiden arvoista tulee uusien sarakkeiden nimet, kuten %1"),
        ("from and the column of values after the names, as in %", "nimien jälkeen \"from\" ja arvojen sarake, kuten %1"),
        ("the column to compare after \"%\", as in %", "verrattava sarake \"%1\"-sanan jälkeen, kuten %2"),
        ("the column after \"->\", as in %", "sarake \"->\"-merkin jälkeen, kuten %1"),
        ("\"by\" and the phase column, as in %, or \"->\" and a second column",
         "\"by\" ja vaihesarake, kuten %1, tai \"->\" ja toinen sarake"),
        ("\"->\" between the two phases, as in %", "\"->\" kahden vaiheen väliin, kuten %1"),
        ("the second phase in quotes, as in %", "toinen vaihe lainausmerkeissä, kuten %1"),
        ("the name of the score after \"into\", as in %", "summapistemäärän nimi \"into\"-sanan jälkeen, kuten %1"),
        ("the item columns after \"%\", as in %, or the value column of long data, as in %",
         "osiosarakkeet \"%1\"-sanan jälkeen, kuten %2, tai pitkän aineiston arvosarake, kuten %3"),
        ("the column that names the item after \"by\", as in %", "osion nimeävä sarake \"by\"-sanan jälkeen, kuten %1"),
        ("more item columns (%) or \"by\" and the item column of long data (%)",
         "lisää osiosarakkeita (%1) tai \"by\" ja pitkän aineiston osiosarake (%2)"),
        ("an item to reverse after \"reverse\", as in %", "käännettävä osio \"reverse\"-sanan jälkeen, kuten %1"),
        ("\"to\" between the scale points, as in %", "\"to\" asteikon päätepisteiden väliin, kuten %1"),
        // Last: a list of the words a step takes next.
        ("% or the end of the step", "%1 tai vaiheen loppu"),
    ]

    /// English pattern (`%` stands for any text, kept) and its Finnish (`%1`, `%2` … the kept
    /// texts in order).
    private static let rules: [(String, String)] = [
        // The Excel, SPSS/Stata and database readers' and writers' own errors. A library's own
        // text after a colon (ReadStat's, libpq's) stays as the library wrote it.
        ("% is not well-formed XML (line %: %)", "%1 ei ole kelvollista XML:ää (rivi %2: %3)"),
        ("% cannot be unpacked: the workbook is damaged (%)", "tiedostoa %1 ei voi purkaa: työkirja on vioittunut (%2)"),
        ("% unpacks to more than % MB", "%1 purkautuu yli %2 megatavuksi"),
        ("% is a date whose serial number % is out of Excel's calendar",
         "%1 on päivämäärä, jonka sarjanumero %2 on Excelin kalenterin ulkopuolella"),
        ("% refers to shared string %, which the workbook does not have", "%1 viittaa jaettuun merkkijonoon %2, jota työkirjassa ei ole"),
        ("% holds %, which is not a number", "solussa %1 on %2, joka ei ole luku"),
        ("the sheet % is missing from the workbook (%)", "taulukkosivu %1 puuttuu työkirjasta (%2)"),
        ("an Excel sheet holds at most 1,048,575 rows under its header", "Excel-taulukkosivulle mahtuu otsikkorivin alle enintään 1 048 575 riviä"),
        ("an Excel sheet holds at most 16,384 columns", "Excel-taulukkosivulle mahtuu enintään 16 384 saraketta"),
        ("the table has % rows", "taulukossa on %1 riviä"),
        ("the table has % columns", "taulukossa on %1 saraketta"),
        ("the workbook could not be made: %", "työkirjaa ei voitu tehdä: %1"),
        ("the workbook could not be made", "työkirjaa ei voitu tehdä"),
        ("this ZIP archive is not an Excel .xlsx workbook (it has no xl/workbook.xml)",
         "tämä ZIP-arkisto ei ole Excelin .xlsx-työkirja (siinä ei ole osaa xl/workbook.xml)"),
        ("Arvio writes SPSS .sav and Stata .dta files, not .%", "Arvio kirjoittaa SPSS:n .sav- ja Statan .dta-tiedostoja, ei .%1-tiedostoja"),
        ("% has % missing codes", "sarakkeella %1 on %2 puuttuvan tiedon koodia"),
        ("an SPSS text variable keeps at most 3", "SPSS:n tekstimuuttujalla voi olla enintään 3"),
        ("a Stata file keeps at most 26 (.a to .z)", "Stata-tiedostossa voi olla enintään 26 (.a–.z)"),
        ("the missing codes of %: %", "sarakkeen %1 puuttuvan tiedon koodit: %2"),
        ("% cannot hold this table: %", "%1 ei voi sisältää tätä taulukkoa: %2"),
        ("row % of %: %", "rivi %1, sarake %2: %3"),
        ("the Stata version: %", "Statan versio: %1"),
        ("compression: %", "pakkaus: %1"),
        ("column % could not be added", "saraketta %1 ei voitu lisätä"),
        ("the labels of % could not be added", "sarakkeen %1 nimikkeitä ei voitu lisätä"),
        ("out of memory starting to read the file", "muisti loppui tiedoston lukemisen alussa"),
        ("out of memory starting to write the file", "muisti loppui tiedoston kirjoittamisen alussa"),
        ("reading the file was interrupted", "tiedoston lukeminen keskeytyi"),
        ("the codebook declares % %, but the database holds it as %", "koodikirjan mukaan %1 on %2, mutta tietokannassa sen tyyppi on %3"),
        ("the codebook says % refers to %, which is not in the database", "koodikirjan mukaan %1 viittaa kohteeseen %2, jota ei ole tietokannassa"),
        ("the database returned fewer columns than expected (no %)", "tietokanta palautti odotettua vähemmän sarakkeita (ei saraketta %1)"),
        ("the database returned % in column %, which is not a whole number", "tietokanta palautti sarakkeessa %2 arvon %1, joka ei ole kokonaisluku"),
        ("the database returned % in column %, which is not a number", "tietokanta palautti sarakkeessa %2 arvon %1, joka ei ole luku"),
        ("the database returned % in column %, which is not one of its values known at .connect",
         "tietokanta palautti sarakkeessa %2 arvon %1, joka ei ole mikään .connect-hetkellä tunnetuista arvoista"),
        ("connect again if the table has changed", "yhdistä uudelleen, jos taulu on muuttunut"),
        ("% is a table in the database, which Arvio only reads", "%1 on tietokannan taulu, jota Arvio vain lukee"),
        // The codebook's, the loaders' and the shell's arguments' errors (specific, so ahead of all).
        ("the codebook is empty", "koodikirja on tyhjä"),
        ("it needs a header row starting table,column,type", "se tarvitsee otsikkorivin, joka alkaa table,column,type"),
        ("the codebook's header names an unknown field %", "koodikirjan otsikkorivillä on tuntematon kenttä %1"),
        ("the fields are %", "kentät ovat %1"),
        ("the codebook's header names % twice", "koodikirjan otsikkorivillä kenttä %1 on kahdesti"),
        ("the codebook's header has no % field", "koodikirjan otsikkorivillä ei ole kenttää %1"),
        ("every codebook row names a table (or * for the whole data set)",
         "koodikirjan jokainen rivi nimeää taulun (tai * koko aineistolle)"),
        ("unknown type %", "tuntematon tyyppi %1"),
        ("a reference is written table.column, as in %", "viittaus kirjoitetaan muodossa table.column, kuten %1"),
        ("the key field says yes or no (or is empty), not %", "key-kentässä on yes tai no (tai se on tyhjä), ei %1"),
        ("value % of % is empty", "arvo %1 listassa %2 on tyhjä"),
        ("list the values separated by single |", "luettele arvot yksittäisillä |-merkeillä erotettuina"),
        ("the value % is listed twice in %", "arvo %1 on listassa %2 kahdesti"),
        ("% labels for % values", "%1 selitettä %2 arvolle"),
        ("give one label per value, separated by |", "anna kullekin arvolle yksi selite |-merkeillä erotettuina"),
        ("an ordinal column lists its scale's values, low to high, separated by |",
         "järjestysasteikollisen sarakkeen asteikon arvot luetellaan alimmasta ylimpään |-merkeillä erotettuina"),
        ("missing code % of % is empty", "puuttuvan tiedon koodi %1 listassa %2 on tyhjä"),
        ("the missing code % is listed twice", "puuttuvan tiedon koodi %1 on lueteltu kahdesti"),
        ("% reasons for % missing codes", "%1 syytä %2 puuttuvan tiedon koodille"),
        ("give one per code, separated by |", "anna kullekin koodille yksi |-merkeillä erotettuina"),
        ("row % of % has no %, which is part of the key the codebook declares for % (%)",
         "tiedoston %2 riviltä %1 puuttuu %3, joka on osa koodikirjan taululle %4 määrittelemää avainta (%5)"),
        ("rows % and % of % have the same key % = %, but the codebook declares it identifies each row of %",
         "tiedoston %3 riveillä %1 ja %2 on sama avain %4 = %5, vaikka koodikirjan mukaan se yksilöi taulun %6 jokaisen rivin"),
        ("the value or label % of % holds a |, which separates values in a codebook",
         "sarakkeen %2 arvossa tai selitteessä %1 on |-merkki, joka erottaa arvot koodikirjassa"),
        ("the missing code or reason % of % holds a |, which separates codes in a codebook",
         "sarakkeen %2 puuttuvan tiedon koodissa tai syyssä %1 on |-merkki, joka erottaa koodit koodikirjassa"),
        ("% refers to %, which is not loaded", "%1 viittaa sarakkeeseen %2, jota ei ole ladattu"),
        ("the file is UTF-16 (its byte-order mark says so), but it has an odd number of bytes: it was cut short",
         "tiedosto on UTF-16-muotoinen (sen tavujärjestysmerkki kertoo sen), mutta siinä on pariton määrä tavuja: se on katkennut"),
        ("this field holds a NUL byte (0x00), which no text holds", "tässä kentässä on NUL-tavu (0x00), jota tekstissä ei ole"),
        ("is this a binary file, or UTF-16 without a byte-order mark?",
         "onko tämä binääritiedosto tai UTF-16-tiedosto ilman tavujärjestysmerkkiä?"),
        ("the file is empty", "tiedosto on tyhjä"),
        ("a CSV file starts with a header row naming its columns", "CSV-tiedosto alkaa otsikkorivillä, joka nimeää sen sarakkeet"),
        ("the load was cancelled", "lataus peruttiin"),
        ("nothing was loaded", "mitään ei ladattu"),
        ("the save was cancelled", "tallennus peruttiin"),
        ("nothing was saved", "mitään ei tallennettu"),
        ("% holds decimals", "sarakkeessa %1 on desimaalilukuja"),
        ("a scale is declared on answers written as text, categories or whole numbers",
         "asteikko määritellään vastauksille, jotka ovat tekstiä, luokkia tai kokonaislukuja"),
        ("an ordinal scale is read from a variable of whole-number codes",
         "järjestysasteikko luetaan muuttujasta, jonka koodit ovat kokonaislukuja"),
        ("a scale has at least two points, low to high, separated by <",
         "asteikolla on vähintään kaksi pistettä alimmasta ylimpään <-merkeillä erotettuina"),
        ("% is on the scale twice (point % and point %)", "%1 on asteikolla kahdesti (pisteet %2 ja %3)"),
        ("name the values that mean missing, as in %", "nimeä arvot, jotka tarkoittavat puuttuvaa, kuten %1"),
        ("% holds whole numbers, and % is not one", "sarakkeessa %1 on kokonaislukuja, eikä %2 ole kokonaisluku"),
        ("% holds numbers, and % is not one", "sarakkeessa %1 on lukuja, eikä %2 ole luku"),
        ("labels are given to categories, a scale or whole numbers", "selitteet annetaan luokille, asteikolle tai kokonaisluvuille"),
        ("% is decimal", "%1 on desimaaliluku"),
        ("% is integer", "%1 on kokonaisluku"),
        ("this folder is not a data set: a data set folder has a codebook.csv and one CSV file per table it describes",
         "tämä kansio ei ole aineisto: aineistokansiossa on codebook.csv ja yksi CSV-tiedosto kutakin sen kuvaamaa taulua kohden"),
        ("% is not for a data set folder, whose codebook.csv names its tables and says what they are",
         "%1 ei sovi aineistokansiolle, jonka codebook.csv nimeää sen taulut ja kertoo, mitä ne ovat"),
        ("% is not for Excel workbooks", "%1 ei sovi Excel-työkirjoille"),
        ("after loading, .missing declares missing codes and .scale a scale",
         "latauksen jälkeen .missing määrittelee puuttuvan tiedon koodit ja .scale asteikon"),
        ("one reason follows \"as\", in quotes when it has spaces: %",
         "\"as\"-sanan jälkeen tulee yksi syy, lainausmerkeissä, jos siinä on välilyöntejä: %1"),
        ("a comma starts the next codes", "pilkku aloittaa seuraavat koodit"),
        ("a comma starts the next value", "pilkku aloittaa seuraavan arvon"),
        ("name the values before \"as\", as in %", "nimeä arvot ennen \"as\"-sanaa, kuten %1"),
        ("each value is followed by its Finnish label and, if it differs, its English one, in quotes when they have spaces: %",
         "kunkin arvon jälkeen tulee sen suomenkielinen selite ja, jos se eroaa, englanninkielinen, lainausmerkeissä, jos niissä on välilyöntejä: %1"),
        ("% lists them", "%1 luettelee ne"),
        ("name the column as TABLE.COLUMN, as in %", "nimeä sarake muodossa TAULU.SARAKE, kuten %1"),
        ("a sheet's name follows \"sheet\", in quotes when it has spaces",
         "\"sheet\"-sanan jälkeen tulee taulukkosivun nimi, lainausmerkeissä, jos siinä on välilyöntejä"),
        ("a codebook file follows --codebook", "--codebook-valinnan jälkeen tulee koodikirjatiedosto"),
        ("the values to read as missing follow --na, separated by commas (\"\" for none)",
         "--na-valinnan jälkeen tulevat puuttuviksi luettavat arvot pilkuin erotettuina (\"\", jos niitä ei ole)"),
        ("an encoding follows --encoding, as in %", "--encoding-valinnan jälkeen tulee merkistö, kuten %1"),
        ("the columns to read as ordinal scales follow --ordinal, separated by commas",
         "--ordinal-valinnan jälkeen tulevat järjestysasteikoiksi luettavat sarakkeet pilkuin erotettuina"),
        ("this quoted argument has no closing quote (\")", "tästä lainausmerkeissä olevasta argumentista puuttuu loppulainausmerkki (\")"),
        ("% file carries its own value labels and types", "%1-tiedostossa ovat omat arvojen selitteet ja tyypit"),
        ("--codebook is for CSV files (.scale and .missing change a loaded column)",
         "--codebook on CSV-tiedostoille (.scale ja .missing muuttavat ladattua saraketta)"),
        // Ahead of the pattern below, which would take "a CSV" for a package's name.
        ("a CSV file has one table", "CSV-tiedostossa on yksi taulu"),
        ("% file has one table", "%1-tiedostossa on yksi taulu"),
        ("sheet is for Excel workbooks (.xlsx)", "sheet on Excel-työkirjoille (.xlsx)"),
        ("% file says which values are missing", "%1-tiedosto kertoo, mitkä arvot puuttuvat"),
        ("--na is for CSV files (.missing declares more codes)", "--na on CSV-tiedostoille (.missing määrittelee lisää koodeja)"),
        ("% is for SPSS, Stata and SAS files (%)", "%1 on SPSS-, Stata- ja SAS-tiedostoille (%2)"),
        ("a CSV file is read as UTF-8 (or Windows-1252), and its scales come from the codebook or .scale",
         "CSV-tiedosto luetaan UTF-8-muodossa (tai Windows-1252), ja sen asteikot tulevat koodikirjasta tai .scale-komennolla"),
        ("the workbook has no sheets", "työkirjassa ei ole taulukkosivuja"),
        ("the workbook has no sheet %", "työkirjassa ei ole taulukkosivua %1"),
        ("its sheets are %", "sen taulukkosivut ovat %1"),
        ("the sheet % is empty", "taulukkosivu %1 on tyhjä"),
        ("this is not an Excel .xlsx workbook (it is not a ZIP archive)", "tämä ei ole Excelin .xlsx-työkirja (se ei ole ZIP-arkisto)"),
        ("an old .xls file must be saved as .xlsx first", "vanha .xls-tiedosto on ensin tallennettava .xlsx-muotoon"),
        ("the file has two variables named %", "tiedostossa on kaksi muuttujaa nimeltä %1"),
        ("the file has no variable % to read as ordinal", "tiedostossa ei ole muuttujaa %1, jonka voisi lukea järjestysasteikollisena"),
        ("out of memory", "muisti loppui"),
        // The verbs' and the loaders' own errors, ahead of the shorter patterns below that
        // would take part of them.
        ("% has no value % (its values are %)", "sarakkeella %1 ei ole arvoa %2 (sen arvot ovat %3)"),
        ("% holds %, not on the scale %", "sarakkeessa %1 on %2, jotka eivät ole asteikolla %3"),
        ("name every answer on the scale, or declare it missing with .missing",
         "nimeä asteikolla jokainen vastaus tai määritä se puuttuvaksi komennolla .missing"),
        ("no relation is declared between % and %",
         "taulujen %1 ja %2 välille ei ole määritelty suhdetta"),
        ("per takes another column, such as % or %",
         "per ottaa toisen sarakkeen, kuten %1 tai %2"),
        ("% has no % and has %, which % has not (select or derive them first)",
         "taulusta %1 puuttuu %2, ja siinä on %3, joita taulussa %4 ei ole (tee sarakkeista samat select- tai derive-vaiheella)"),
        ("% has no % (select or derive them first)",
         "taulusta %1 puuttuu %2 (tee sarakkeista samat select- tai derive-vaiheella)"),
        ("% has %, which % has not (select or derive them first)",
         "taulussa %1 on %2, joita taulussa %3 ei ole (tee sarakkeista samat select- tai derive-vaiheella)"),
        ("two rows have %, so the value of % is not one",
         "kahdella rivillä on %1, joten sarakkeen %2 arvo ei ole yksikäsitteinen"),
        ("the other columns must identify a row (select the ones that do first)",
         "muiden sarakkeiden on yksilöitävä rivi (valitse ensin ne, jotka yksilöivät)"),
        ("% cannot be a column name: use letters, digits and _, starting with a letter, at most 32 characters",
         "% ei kelpaa sarakkeen nimeksi: käytä kirjaimia, numeroita ja merkkiä _, ensimmäisenä kirjain, enintään 32 merkkiä"),
        ("% cannot be a table name: use letters, digits and _, starting with a letter",
         "% ei kelpaa taulun nimeksi: käytä kirjaimia, numeroita ja merkkiä _, ensimmäisenä kirjain"),
        ("% cannot be both the answer and the phase", "% ei voi olla sekä vastaus että vaihe"),
        ("name the phase column after \"by\", as in %", "nimeä vaihesarake \"by\"-sanan jälkeen, kuten %1"),
        ("% holds numbers with % different values, too many for categories",
         "%1 sisältää lukuja, joilla on %2 eri arvoa, liian monta luokiksi"),
        ("% cannot both name the columns and fill them",
         "%1 ei voi sekä nimetä sarakkeita että täyttää niitä"),
        ("% cannot run on a table of counts", "%1 ei toimi lukumäärien taululla"),
        ("% has a column % already", "taulussa %1 on jo sarake %2"),
        ("name the new column otherwise", "anna uudelle sarakkeelle toinen nimi"),
        ("% has a column % that is kept", "taulussa %1 on säilyvä sarake %2"),
        ("% has no column %", "taulussa %1 ei ole saraketta %2"),
        ("% has no declared key, so % cannot tell which rows belong together",
         "taululla %1 ei ole määriteltyä avainta, joten %2 ei tiedä, mitkä rivit kuuluvat yhteen"),
        ("say which columns identify a pair, as in %",
         "kerro, mitkä sarakkeet tunnistavat parin, kuten %1"),
        ("% is a table in the database, which Arvio only reads",
         "%1 on tietokannan taulu, jota Arvio vain lukee"),
        ("keep the result under another name", "anna tulokselle toinen nimi"),
        ("% is an option of chart %, not of chart %", "%1 on kuvion chart %2 valinta, ei kuvion chart %3"),
        ("% is named twice after into", "%1 on nimetty kahdesti \"into\"-sanan jälkeen"),
        ("% needs categories, but % is % with % different values (at most % can be categories)",
         "%1 tarvitsee luokkia, mutta %2 on %3, jolla on %4 eri arvoa (luokkia voi olla enintään %5)"),
        ("% needs items that are numbers or an ordinal scale, but % is %",
         "%1 tarvitsee osioita, jotka ovat lukuja tai järjestysasteikollisia, mutta %2 on %3"),
        ("give it a scale in the codebook, or leave it out",
         "anna sille asteikko koodikirjassa tai jätä se pois"),
        ("% puts these columns' values in one column, so they must be alike: all numbers, or all categories, or all text",
         "%1 kokoaa näiden sarakkeiden arvot yhteen sarakkeeseen, joten niiden on oltava samanlaisia: kaikki lukuja, kaikki luokkia tai kaikki tekstiä"),
        ("these are %", "nämä ovat %1"),
        ("stack needs tables with the same columns", "stack tarvitsee tauluja, joilla on samat sarakkeet"),
        ("longer makes at least two columns: one for the old column's name (or one per part of it) and one for the values, as in %",
         "longer tekee vähintään kaksi saraketta: yhden vanhan sarakkeen nimelle (tai kullekin sen osalle) ja yhden arvoille, kuten %1"),
        ("no column of % matches % (* stands for any text)",
         "mikään taulun %1 sarake ei vastaa kuviota %2 (* tarkoittaa mitä tahansa tekstiä)"),
        ("no table with pre/post answers refers to %",
         "mikään alku- ja loppuvastausten taulu ei viittaa tauluun %1"),
        ("say what to compare, as in %, or %", "kerro, mitä verrataan, kuten %1 tai %2"),
        ("a pair spans both phases, so it cannot be split per %",
         "pari kattaa molemmat vaiheet, joten sitä ei voi jakaa per %1"),
        ("per takes another column, such as %", "per ottaa toisen sarakkeen, kuten %1"),
        ("say which columns match, as in %", "kerro, mitkä sarakkeet vastaavat toisiaan, kuten %1"),
        ("say which columns pair the rows with on <column>",
         "kerro, mitkä sarakkeet parittavat rivit: on <sarake>"),
        ("two rows have % in phase %, so they cannot be paired",
         "kahdella rivillä on %1 vaiheessa %2, joten niitä ei voi parittaa"),
        ("pair on more columns with on <column>, ...", "parita useammalla sarakkeella: on <sarake>, ..."),
        ("the key of % is only %", "taulun %1 avain on vain %2"),
        ("the result already has a column %", "tuloksessa on jo sarake %1"),
        ("give this one a name, as in %", "anna tälle nimi, kuten %1"),
        ("the new column % would have the name of a column that identifies the rows",
         "uusi sarake %1 saisi rivit tunnistavan sarakkeen nimen"),
        ("the relation between % and % uses the column %, which this result no longer has",
         "taulujen %1 ja %2 suhde käyttää saraketta %3, jota tässä tuloksessa ei enää ole"),
        ("keep it in select, or use join % on ...",
         "pidä se select-vaiheessa tai käytä muotoa join %1 on ..."),
        ("the relation between % and % uses the column %, which % does not have",
         "taulujen %1 ja %2 suhde käyttää saraketta %3, jota taulussa %4 ei ole"),
        ("the scales of % differ, so their answers cannot share one column",
         "sarakkeiden %1 asteikot eroavat, joten niiden vastaukset eivät voi olla samassa sarakkeessa"),
        ("give them the same scale first (.scale)", "anna niille ensin sama asteikko (.scale)"),
        ("there is no cell kind %", "solun sisältöä %1 ei ole"),
        ("there is no item % in %, so it cannot be reversed",
         "osiota %1 ei ole sarakkeessa %2, joten sitä ei voi kääntää"),
        ("scale needs a name for the score: add into <name>, as in %",
         "scale tarvitsee summapistemäärälle nimen: lisää into <nimi>, kuten %1"),
        ("min % is more than the % items", "min %1 on enemmän kuin osioiden määrä %2"),
        ("per has no meaning for a score of wide data, where each row is one respondent",
         "per ei sovi leveän aineiston summapistemäärälle, jossa kukin rivi on yksi vastaaja"),
        ("group afterwards", "ryhmittele vasta sen jälkeen"),
        ("the lowest scale point must be below the highest, as in %",
         "asteikon alimman pisteen on oltava ylintä pienempi, kuten %1"),
        ("chart dumbbell needs two phases, but % has % values here",
         "chart dumbbell tarvitsee kaksi vaihetta, mutta sarakkeella %1 on tässä %2 arvoa"),
        ("keep two with where", "jätä kaksi where-ehdolla"),
        ("chart dumbbell found no columns named pre and post",
         "chart dumbbell ei löytänyt sarakkeita nimeltä pre ja post"),
        ("name the two columns (%) or write %", "nimeä kaksi saraketta (%1) tai kirjoita %2"),
        ("chart heat needs a column of row categories",
         "chart heat tarvitsee rivien luokat sisältävän sarakkeen"),
        ("write chart heat A by B for a table of rows",
         "kirjoita chart heat A by B, kun taulun rivit lasketaan"),
        ("chart heat found no columns of counts in %",
         "chart heat ei löytänyt lukumääräsarakkeita taulusta %1"),
        ("write chart heat A by B to count its rows",
         "kirjoita chart heat A by B, niin sen rivit lasketaan"),
        ("make groups first, as in %", "muodosta ensin ryhmät, kuten %1"),
        ("make groups first, or filter with where", "muodosta ensin ryhmät tai rajaa rivit where-ehdolla"),
        ("match on more columns (on a = b, c = d) or narrow the tables first",
         "yhdistä useammalla sarakkeella (on a = b, c = d) tai rajaa taulut ensin"),
        ("narrow the rows with where, or name the columns that identify a respondent with on <column>, ...",
         "rajaa rivit where-ehdolla tai nimeä vastaajan tunnistavat sarakkeet: on <sarake>, ..."),
        ("\"ci\" gives intervals of percentages, and the cells asked for have none",
         "\"ci\" antaa prosenttiosuuksien välit, eikä pyydetyissä soluissa ole prosenttiosuuksia"),
        ("add row, column or total, as in %", "lisää row, column tai total, kuten %1"),
        ("adjust takes holm (family-wise error), bh (false discovery rate) or none",
         "adjust ottaa arvon holm (perhekohtainen virhetaso), bh (väärien löydösten osuus) tai none"),
        ("the counts for % are not whole numbers", "verbin %1 lukumäärät eivät ole kokonaislukuja"),
        ("% cannot be reversed: % holds numbers with no declared scale points, and reversing on the answers seen would depend on the sample",
         "%1 ei voi kääntää: %2 sisältää lukuja ilman määriteltyjä asteikon pisteitä, ja havaittujen vastausten mukaan kääntäminen riippuisi otoksesta"),
        ("give its points, as in %, or declare % an ordinal scale in the codebook",
         "anna sen pisteet, kuten %1, tai määritä %2 koodikirjassa järjestysasteikoksi"),
        // Before the general form, which would take ", which is too large" into the row number.
        ("the weight % is % in row %, which is too large", "paino %1 on %2 rivillä %3, mikä on liian suuri"),
        ("the weight % is % in row %", "paino %1 on %2 rivillä %3"),
        ("a frequency weight must be a whole number ≥ 0 (the exact tests count cases)",
         "frekvenssipainon on oltava kokonaisluku ≥ 0 (tarkat testit laskevat tapauksia)"),
        ("binwidth % gives more than 10000 bins for values from % to %",
         "binwidth %1 antaa yli 10000 luokkaa arvoille %2–%3"),
        ("name the file to load", "anna ladattavan tiedoston nimi"),
        ("a table name follows \"as\"", "\"as\"-sanan jälkeen tulee taulun nimi"),
        ("nothing was written", "mitään ei kirjoitettu"),
        ("it may now be partly written", "se voi nyt olla osittain kirjoitettu"),
        ("cannot write: %", "ei voi kirjoittaa: %1"),
        ("this join would make % rows (% rows here, % in %",
         "tämä join tekisi %1 riviä (tässä %2 riviä, taulussa %4 %3"),
        ("keys that repeat on both sides multiply), more than the limit of %",
         "molemmin puolin toistuvat avaimet kertautuvat), enemmän kuin raja %1"),
        ("two rows have % and % %, so % cannot tell which answer is the respondent's",
         "kahdella rivillä on %1 ja %2 %3, joten %4 ei tiedä, mikä vastaus on vastaajan"),
        ("derive the score before group", "laske summapistemäärä derive-vaiheessa ennen group-vaihetta"),
        ("the missing codes of %: %", "sarakkeen %1 puuttuvat koodit: %2"),
        ("the codebook describes column % of %, but % has no such column",
         "koodikirja kuvaa taulun %2 sarakkeen %1, mutta taulussa %3 ei ole sellaista saraketta"),
        ("the header names column % twice", "otsikkorivillä sarake %1 on kahdesti"),
        ("column % has no name in the header row", "sarakkeella %1 ei ole nimeä otsikkorivillä"),
        ("there is no table %", "taulua % ei ole"),
        ("there is no column % in %", "saraketta % ei ole taulussa %"),
        ("there is no verb %", "verbiä % ei ole"),
        ("there is no function %", "funktiota % ei ole"),
        ("no tables are loaded", "yhtään taulua ei ole ladattu"),
        ("there is no chart %", "kuviotyyppiä % ei ole"),
        ("the kinds are %", "tyypit ovat %"),
        ("% has % values (%)", "sarakkeella %1 on %2 arvoa (%3)"),
        ("delta compares two: say which, as in %", "delta vertaa kahta: kerro mitkä, kuten %"),
        ("a statement starts with a table name, then its verbs joined by \"|\": %",
         "lause alkaa taulun nimellä, ja sen verbit erotetaan merkillä \"|\": %"),
        ("Arvio reads a statement as a table, then its verbs joined by \"|\", not as SQL: %",
         "Arvio lukee lauseen tauluna ja sen verbeinä merkillä \"|\" erotettuina, ei SQL:nä: %"),
        ("Arvio's verb for that is %: % (.help % shows its form)", "Arviossa sen tekee verbi %1: %2 (.help %3 näyttää sen muodon)"),
        ("Arvio's verb for that is %", "Arviossa sen tekee verbi %"),
        ("to compute it over all rows, write: %", "laske se kaikista riveistä näin: %"),
        ("to compute it for each %, write: %", "laske se kullekin %1-arvolle näin: %2"),
        ("to leave Arvio, type .quit (or Ctrl-D)", "poistu Arviosta komennolla .quit (tai Ctrl-D)"),
        (".help lists the commands and the verbs", ".help luettelee komennot ja verbit"),
        ("there is no command %", "komentoa % ei ole"),
        ("Arvio's is %", "Arviossa vastaava on %"),
        ("chart % does not take these columns", "chart %1 ei sovi näille sarakkeille"),
        ("write it as %, or %", "kirjoita se muodossa %1 tai %2"),
        ("write it as %", "kirjoita se muodossa %1"),
        ("\"group\" takes its columns directly, without \"by\": %", "\"group\" saa sarakkeensa suoraan, ilman sanaa \"by\": %"),
        ("missing argument", "argumentti puuttuu"),
        ("the width is a number of terminal cells from 20 to 1000, or auto", "leveys on merkkipaikkojen määrä 20–1000 tai auto"),
        ("got %", "annettiin %"),
        ("try %", "kokeile: %"),
        ("% needs numbers or an ordinal scale, but % is %", "% tarvitsee lukuja tai järjestysasteikon, mutta %2 on %3"),
        ("give one of %", "anna jokin näistä: %"),
        ("% is not one of %", "% ei ole mikään näistä: %"),
        ("usage: %", "käyttö: %"),
        ("unexpected %", "ylimääräinen %"),
        (".help lists the commands", ".help luettelee komennot"),
        (".help VERB shows one", ".help VERBI näyttää yhden"),
        (".tables lists the tables", ".tables luettelee taulut"),
        ("expected %, but found %", "odotettiin: %1, mutta tuli %2"),
        ("expected %, but % is a reserved word", "odotettiin: %1, mutta %2 on varattu sana"),
        // After "expected %, but found %": "expected one of the values …, but found …" is that one.
        ("expected one of %", "odotettiin jotakin näistä: %1"),
        ("write it in backticks (%) if it is a name", "kirjoita se takahipsuihin (%), jos se on nimi"),
        ("% is not a value of % (its values are %)", "% ei ole sarakkeen %2 arvo (sen arvot ovat %3)"),
        ("% is not a value of %", "% ei ole sarakkeen %2 arvo"),
        ("cannot compare % (%) with % (%) using %", "ei voi verrata: %1 (%2) ja %3 (%4) operaattorilla %5"),
        ("cannot compare % (%) with true/false", "ei voi verrata: %1 (%2) ja tosi/epätosi"),
        ("cannot compare % with %", "ei voi verrata: % ja %"),
        ("% needs a condition that is true or false, but % is %", "% tarvitsee ehdon, joka on tosi tai epätosi, mutta %2 on %3"),
        ("% needs an ordered scale, but % is categorical (its values have no order)",
         "% tarvitsee järjestysasteikon, mutta %2 on luokitteleva (sen arvoilla ei ole järjestystä)"),
        ("% needs numbers, but % is %", "% tarvitsee lukuja, mutta %2 on %3"),
        ("% needs a number, but % is %", "% tarvitsee luvun, mutta %2 on %3"),
        ("% needs a condition, but % is %", "% tarvitsee ehdon, mutta %2 on %3"),
        ("% joins conditions, but % is %", "% yhdistää ehtoja, mutta %2 on %3"),
        ("% holds numbers, but this is %", "%1 sisältää lukuja, mutta tämä on %2"),
        ("% holds text, but this is %", "%1 sisältää tekstiä, mutta tämä on %2"),
        ("% is ordinal", "% on järjestysasteikollinen"),
        ("% is categorical", "% on luokitteleva"),
        ("compare it with one of its values in quotes, such as %", "vertaa sitä johonkin sen arvoista lainausmerkeissä, kuten %"),
        ("a comparison with missing is never true", "vertailu puuttuvaan ei ole koskaan tosi"),
        ("write \"is missing\" or \"is not missing\"", "kirjoita \"is missing\" tai \"is not missing\""),
        ("\"=\" names a new column", "\"=\" nimeää uuden sarakkeen"),
        ("to compare, write \"==\"", "vertailuun kirjoita \"==\""),
        ("the column % is selected twice", "sarake % on valittu kahdesti"),
        ("% is listed twice", "% on lueteltu kahdesti"),
        ("% is named twice", "% on nimetty kahdesti"),
        ("a statement starts with a table name, not \"|\"", "lause alkaa taulun nimellä, ei merkillä \"|\""),
        ("to continue the line before, end that line with \"|\"", "jatkaaksesi edellistä riviä päätä se merkkiin \"|\""),
        ("one statement per line: after \";\" start the next statement on a new line",
         "yksi lause riviä kohden: aloita \";\"-merkin jälkeen seuraava lause uudelta riviltä"),
        ("% cannot start a name, number or operator", "% ei voi aloittaa nimeä, lukua eikä operaattoria"),
        ("a name in backticks cannot be empty", "takahipsuissa oleva nimi ei voi olla tyhjä"),
        ("stopped: the statement was cancelled", "keskeytetty: lause peruttiin"),
        ("% is a verb", "% on verbi"),
        ("give the table another name", "anna taululle toinen nimi"),
        ("there is already a table % (built in or loaded)", "taulu % on jo olemassa (sisäänrakennettu tai ladattu)"),
        ("to replace it, write let replace % = ..., or give the new table another name",
         "korvataksesi sen kirjoita let replace % = ... tai anna uudelle taululle toinen nimi"),
        ("% has no value %", "sarakkeella % ei ole arvoa %"),
        ("its values are %", "sen arvot ovat %"),
        ("% is cross-tabulated with itself", "% ristiintaulukoidaan itsensä kanssa"),
        ("name two different columns", "nimeä kaksi eri saraketta"),
        ("the two phases to compare are the same value %", "verrattavat kaksi vaihetta ovat sama arvo %"),
        ("% is text", "% on tekstiä"),
        ("a change needs numbers or an ordinal scale", "muutos tarvitsee lukuja tai järjestysasteikon"),
        ("% is not a group key", "% ei ole ryhmittelyavain"),
        ("there is no adjustment %", "korjausta % ei ole"),
        ("the weight % is not a number column", "paino % ei ole lukusarake"),
        ("a frequency weight counts cases, as in weight n", "frekvenssipaino laskee tapauksia, kuten weight n"),
        ("the weight % is missing in row %", "paino %1 puuttuu riviltä %2"),
        ("a frequency weight counts cases, fewer than 10^15 for one row", "frekvenssipaino laskee tapauksia, alle 10^15 yhdelle riville"),
        ("every row needs a whole-number count ≥ 0", "jokainen rivi tarvitsee kokonaisluvun ≥ 0"),
        ("% is too large to be a number (the largest is about 1.8 × 10^308)",
         "% on liian suuri luvuksi (suurin on noin 1,8 × 10^308)"),
        ("arithmetic with missing is always missing", "laskutoimitus puuttuvalla on aina puuttuva"),
        ("leave it out", "jätä se pois"),
        ("the list after \"in\" must hold values such as \"pre\" or 3, not columns",
         "\"in\"-sanan jälkeisessä listassa on oltava arvoja, kuten \"pre\" tai 3, ei sarakkeita"),
        ("a list [...] can only follow \"in\"", "lista [...] voi tulla vain \"in\"-sanan jälkeen"),
        ("no relation is declared %", "suhdetta ei ole määritelty %"),
        ("% takes % arguments", "% ottaa %2 argumenttia"),
        // The shell's confirmations.
        ("loaded %: % rows, % columns with the codebook %", "ladattu %1: %2 riviä, %3 saraketta, koodikirja %4"),
        ("loaded %: % rows, % columns", "ladattu %1: %2 riviä, %3 saraketta"),
        ("loaded % from the sheet %: % rows, % columns", "ladattu %1 taulukkosivulta %2: %3 riviä, %4 saraketta"),
        ("loaded % from %: % rows, % columns", "ladattu %1 (%2): %3 riviä, %4 saraketta"),
        ("loaded 1 table from %: %", "ladattu 1 taulu kansiosta %1: %2"),
        ("loaded % tables from %: %", "ladattu %1 taulua kansiosta %2: %3"),
        ("saved %: % rows to % as an Excel workbook (categories as their labels in %)",
         "tallennettu %1: %2 riviä tiedostoon %3 Excel-työkirjana (luokat selitteinään, kielenä %4)"),
        ("saved %: % rows to % as % with its codebook in % and its statistics and notes in %",
         "tallennettu %1: %2 riviä tiedostoon %3 (%4), koodikirja tiedostoon %5, tunnusluvut ja huomautukset tiedostoon %6"),
        ("saved %: % rows to % as % with its statistics and notes in %",
         "tallennettu %1: %2 riviä tiedostoon %3 (%4), tunnusluvut ja huomautukset tiedostoon %5"),
        ("removed the earlier %, as this table has no statistics",
         "poistettu aiempi %1, koska tässä taulussa ei ole tunnuslukuja"),
        ("saved %: % rows to % as % with its codebook in %", "tallennettu %1: %2 riviä tiedostoon %3 (%4), koodikirja tiedostoon %5"),
        ("saved %: % rows to % as %", "tallennettu %1: %2 riviä tiedostoon %3 (%4)"),
        ("wrote the codebook of %: % columns to %", "kirjoitettu taulun %1 koodikirja: %2 saraketta tiedostoon %3"),
        ("% is now %", "% on nyt %"),
        ("% is ordinal: %", "% on järjestysasteikollinen: %"),
        ("% labels: %", "%1, selitteet: %2"),
        ("% missing: %", "%1, puuttuvat: %2"),
        // Data, file and codebook errors.
        ("cannot open the file: %", "tiedostoa ei voi avata: %"),
        ("cannot read the file: %", "tiedostoa ei voi lukea: %"),
        ("cannot write the file: %", "tiedostoa ei voi kirjoittaa: %"),
        ("it was left as it is", "se jätettiin ennalleen"),
        ("the old file was left as it is", "vanha tiedosto jätettiin ennalleen"),
        ("cannot open %", "ei voi avata: %"),
        ("cannot read %", "ei voi lukea: %"),
        ("no such file or directory", "tiedostoa tai kansiota ei ole"),
        ("there is no file %", "tiedostoa % ei ole"),
        ("permission denied", "ei käyttöoikeutta"),
        ("is a directory", "on kansio"),
    ]

    /// The texts `%` stood for when `pattern` matches all of `text`, else nil. Parts are
    /// matched shortest first, so "% in %" keeps the first " in " as the separator.
    private static func match(_ pattern: String, _ text: String) -> [String]? {
        let pieces = pattern.components(separatedBy: "%")
        guard pieces.count > 1 else { return pattern == text ? [] : nil }
        guard text.hasPrefix(pieces[0]) else { return nil }
        return match(pieces.dropFirst(), Substring(text.dropFirst(pieces[0].count)))
    }

    private static func match(_ pieces: ArraySlice<String>, _ rest: Substring) -> [String]? {
        guard let literal = pieces.first else { return rest.isEmpty ? [] : nil }
        if pieces.count == 1 {
            // The last wildcard takes all that is left before the pattern's last literal.
            guard rest.hasSuffix(literal), rest.count > literal.count || literal.isEmpty else { return nil }
            let part = rest.dropLast(literal.count)
            return part.isEmpty ? nil : [String(part)]
        }
        var search = rest.startIndex
        while search < rest.endIndex {
            guard let found = rest[search...].range(of: literal), !literal.isEmpty else { return nil }
            let part = rest[rest.startIndex..<found.lowerBound]
            if !part.isEmpty, let tail = match(pieces.dropFirst(), rest[found.upperBound...]) {
                return [String(part)] + tail
            }
            search = rest.index(after: found.lowerBound)
        }
        return nil
    }

    /// `template` with `%1`, `%2` … (or a bare `%`, the next part in order) filled in.
    private static func fill(_ template: String, _ parts: [String]) -> String {
        var out = ""
        var next = 0
        var chars = Array(template)[...]
        while let ch = chars.first {
            chars = chars.dropFirst()
            guard ch == "%" else { out.append(ch); continue }
            if let digit = chars.first, let n = digit.wholeNumberValue, n >= 1, n <= parts.count {
                chars = chars.dropFirst()
                out += parts[n - 1]
                next = n
            } else if next < parts.count {
                out += parts[next]
                next += 1
            }
        }
        return out
    }
}
