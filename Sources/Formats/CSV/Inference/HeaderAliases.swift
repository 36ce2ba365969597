import Foundation

/// Common column names of registrar and LMS exports in English, German, French, Italian, Spanish,
/// Dutch and Polish, by the model field they hold.
enum HeaderAliases {
    /// Field path -> names (compared after ``normalise(_:)``).
    static let table: [(field: String, names: [String])] = [
        (
            "learner.givenNames",
            [
                "first name", "firstname", "given name", "given names", "forename", "first names", "vorname", "vornamen", "prenom",
                "prenoms", "nome", "nombre", "nombres", "voornaam", "voornamen", "imie", "imiona", "recipient first name",
            ]
        ),
        (
            "learner.familyName",
            [
                "last name", "lastname", "surname", "family name", "nachname", "familienname", "nom de famille", "nom", "cognome",
                "apellido", "apellidos", "achternaam", "familienaam", "nazwisko", "recipient last name",
            ]
        ),
        (
            "learner.fullName",
            [
                "name", "full name", "fullname", "student name", "learner name", "participant", "participant name", "recipient name",
                "earner name", "student", "learner", "vollstandiger name", "name des teilnehmers", "teilnehmer", "teilnehmerin",
                "teilnehmende", "nom complet", "nom et prenom", "participant e", "nome completo", "nome e cognome", "partecipante",
                "nombre completo", "nombre y apellidos", "participante", "volledige naam", "naam", "deelnemer", "imie i nazwisko",
                "uczestnik", "student nazwisko i imie",
            ]
        ),
        (
            "learner.email",
            [
                "email", "e mail", "email address", "e mail address", "mail", "recipient email", "emailaddress", "identifier",
                "e mail adresse", "emailadresse", "adresse e mail", "adresse electronique", "courriel", "indirizzo email",
                "indirizzo e mail", "posta elettronica", "correo", "correo electronico", "e mailadres", "emailadres", "adres e mail",
                "adres email", "poczta", "sis login id", "login id",
            ]
        ),
        (
            "learner.dateOfBirth",
            [
                "date of birth", "birth date", "birthdate", "dob", "born", "geburtsdatum", "geboren am", "date de naissance",
                "data di nascita", "fecha de nacimiento", "geboortedatum", "data urodzenia",
            ]
        ),
        (
            "learner.studentIds[0].value",
            [
                "student id", "student number", "studentid", "id number", "matriculation number", "registration number",
                "sis user id", "user id", "userid", "learner id", "matrikelnummer", "matrikel nr", "matrikel", "matr nr",
                "studierendennummer", "numero etudiant", "numero d etudiant", "matricule", "matricola", "numero di matricola",
                "numero de estudiante", "numero de matricula", "studentnummer", "studentennummer", "numer albumu", "nr albumu",
                "numer indeksu", "id",
            ]
        ),
        (
            "learner.nationalId.value",
            [
                "national id", "national identification number", "personal id", "personal identity number", "id card",
                "personalausweisnummer", "numero national", "codice fiscale", "dni", "nie", "bsn", "burgerservicenummer", "pesel",
            ]
        ),
        (
            "learner.citizenship[]",
            [
                "citizenship", "nationality", "country of citizenship", "staatsangehorigkeit", "nationalitat", "nationalite",
                "cittadinanza", "nazionalita", "nacionalidad", "nationaliteit", "obywatelstwo",
            ]
        ),
        (
            "achievement.title",
            [
                "course", "course name", "course title", "course full name", "module", "module name", "module title", "title",
                "credential", "credential title", "badge", "badge name", "certificate", "certificate title", "microcredential",
                "micro credential", "program", "programme", "kurs", "kursname", "kurstitel", "titel", "lehrveranstaltung",
                "veranstaltung", "modul", "modulname", "zertifikat", "cours", "intitule", "intitule du cours", "titre", "formation",
                "corso", "titolo", "nome del corso", "insegnamento", "curso", "titulo", "nombre del curso", "asignatura", "cursus",
                "cursusnaam", "opleiding", "naam cursus", "kurs nazwa", "nazwa kursu", "przedmiot", "tytul", "nazwa",
            ]
        ),
        (
            "achievement.id",
            [
                "course code", "course id", "course short name", "module code", "kursnummer", "modulnummer", "kurs id",
                "code du cours", "codice corso", "codigo del curso", "cursuscode", "kod kursu", "kod przedmiotu",
            ]
        ),
        (
            "achievement.description",
            ["description", "course description", "beschreibung", "kursbeschreibung", "descrizione", "descripcion", "beschrijving", "opis"]
        ),
        (
            "issued",
            [
                "issue date", "issued", "issued on", "issued at", "date issued", "date of issue", "issuance date", "award date",
                "date awarded", "completion date", "date completed", "completed", "completed on", "course complete",
                "course completed", "timecompleted", "date", "ausstellungsdatum", "ausgestellt am", "abschlussdatum",
                "datum des abschlusses", "abgeschlossen am", "datum", "date d emission", "date de delivrance", "date d obtention",
                "date d achevement", "data di rilascio", "data emissione", "data di completamento", "data conseguimento",
                "fecha de emision", "fecha de expedicion", "fecha de finalizacion", "uitgiftedatum", "datum van uitgifte",
                "datum afgerond", "afgerond op", "data wydania", "data ukonczenia", "data wystawienia",
            ]
        ),
        (
            "validUntil",
            [
                "expiry date", "expiration date", "expires", "expires on", "valid until", "valid to", "gultig bis", "ablaufdatum",
                "date d expiration", "valable jusqu au", "valido fino al", "data di scadenza", "fecha de caducidad",
                "valido hasta", "geldig tot", "vervaldatum", "wazny do", "data waznosci",
            ]
        ),
        ("validFrom", ["valid from", "gultig ab", "valable a partir du", "valido dal", "valido desde", "geldig vanaf", "wazny od"]),
        (
            "achievement.workload.credits.ECTS",
            [
                "ects", "ects credits", "ects points", "credits", "credit points", "cp", "ects punkte", "ects punkte lp",
                "leistungspunkte", "lp", "kp", "credits ects", "credits ects", "credit", "crediti", "cfu", "crediti formativi",
                "creditos", "creditos ects", "studiepunten", "ec", "punkty ects", "punkty", "ects points earned",
            ]
        ),
        (
            "achievement.workload.hours",
            [
                "hours", "workload", "workload hours", "notional hours", "learning hours", "stunden", "arbeitsaufwand",
                "workload stunden", "zeitaufwand", "heures", "charge de travail", "volume horaire", "ore", "carico di lavoro",
                "horas", "carga de trabajo", "uren", "studielast", "godziny", "nakład pracy", "naklad pracy",
            ]
        ),
        (
            "achievement.level.eqf",
            [
                "eqf", "eqf level", "level", "eqf niveau", "eqr", "eqr niveau", "dqr niveau", "niveau", "niveau cec",
                "livello eqf", "livello", "nivel eqf", "nivel mec", "nivel", "niveau eqf", "poziom eqf", "poziom pkr", "poziom",
            ]
        ),
        (
            "achievement.iscedFields[]",
            [
                "isced", "isced f", "isced code", "isced f code", "isced field", "field of education", "subject area",
                "bildungsbereich", "fachgebiet", "domaine d etudes", "domaine", "campo di studio", "area disciplinare",
                "campo de estudio", "area de estudio", "studiegebied", "dziedzina", "obszar ksztalcenia",
            ]
        ),
        (
            "achievement.participation.mode",
            [
                "mode", "delivery mode", "learning mode", "mode of delivery", "mode of learning", "format", "delivery",
                "lernform", "modus", "studienform", "durchfuhrungsform", "veranstaltungsform", "mode d apprentissage",
                "modalite", "modalite d enseignement", "modalita", "modalita di erogazione", "modalidad", "modalidad de imparticion",
                "leervorm", "onderwijsvorm", "tryb", "forma zajec", "tryb studiow", "form of participation",
            ]
        ),
        (
            "achievement.participation.setting",
            ["learning setting", "setting", "lernsetting", "contexte d apprentissage", "contesto di apprendimento", "leeromgeving"]
        ),
        (
            "achievement.assessment.type",
            [
                "assessment", "assessment type", "type of assessment", "assessment method", "exam type", "prufungsform",
                "prufungsart", "prufung", "leistungsnachweis", "type d evaluation", "mode d evaluation", "evaluation",
                "tipo di valutazione", "modalita di verifica", "valutazione", "tipo de evaluacion", "evaluacion", "toetsvorm",
                "toetsing", "forma zaliczenia", "forma oceny", "sposob weryfikacji",
            ]
        ),
        (
            "achievement.assessment.supervision",
            ["supervision", "identity verification", "supervision and identity verification", "aufsicht", "surveillance"]
        ),
        (
            "achievement.learningOutcomes[].text",
            [
                "learning outcomes", "learning outcome", "outcomes", "competences", "competencies", "skills", "lernergebnisse",
                "lernziele", "kompetenzen", "learning outcomes text", "acquis d apprentissage", "resultats d apprentissage",
                "competences visees", "risultati di apprendimento", "risultati attesi", "competenze", "resultados de aprendizaje",
                "competencias", "leerresultaten", "leeruitkomsten", "leerdoelen", "competenties", "efekty uczenia sie",
                "efekty ksztalcenia", "kompetencje",
            ]
        ),
        (
            "achievement.languages[]",
            [
                "language", "languages", "language of instruction", "teaching language", "sprache", "unterrichtssprache",
                "langue", "langue d enseignement", "lingua", "lingua di insegnamento", "idioma", "lengua", "taal", "instructietaal",
                "jezyk", "jezyk wykladowy",
            ]
        ),
        (
            "achievement.prerequisites",
            ["prerequisites", "entry requirements", "voraussetzungen", "prerequis", "prerequisiti", "requisitos previos", "voorkennis", "wymagania wstepne"]
        ),
        (
            "result.grade",
            [
                "grade", "final grade", "course total", "course total real", "mark", "final mark", "result grade",
                "note", "endnote", "gesamtnote", "abschlussnote", "bewertung", "note finale", "voto", "voto finale", "valutazione finale",
                "calificacion", "nota", "nota final", "cijfer", "eindcijfer", "ocena", "ocena koncowa",
            ]
        ),
        (
            "result.status",
            [
                "status", "result", "completion status", "outcome", "passed", "ergebnis", "bestanden", "status abschluss",
                "statut", "resultat", "esito", "stato", "estado", "resultado", "uitslag", "resultaat", "wynik", "status zaliczenia",
            ]
        ),
        (
            "awardingBodies[0].name",
            [
                "institution", "university", "awarding body", "issuer", "issuer name", "organisation", "organization", "provider",
                "school", "hochschule", "universitat", "einrichtung", "anbieter", "aussteller", "etablissement", "universite",
                "organisme", "emetteur", "istituto", "universita", "ente", "ente erogatore", "institucion", "universidad",
                "entidad emisora", "instelling", "universiteit", "aanbieder", "uczelnia", "instytucja", "wystawca",
            ]
        ),
        ("awardingBodies[0].country", ["country", "issuer country", "land", "pays", "paese", "pais", "kraj", "staat"]),
        (
            "id",
            [
                "credential id", "certificate id", "certificate number", "certificate no", "badge id", "assertion id",
                "zertifikatsnummer", "zertifikat nr", "numero de certificat", "numero certificato", "numero de certificado",
                "certificaatnummer", "numer certyfikatu", "numer zaswiadczenia",
            ]
        ),
        (
            "achievement.qualityAssurance[0].type",
            ["quality assurance", "qa", "accreditation", "akkreditierung", "qualitatssicherung", "assurance qualite", "accreditamento", "acreditacion", "accreditatie", "akredytacja"]
        ),
    ]

    /// Names the EDC issuer template uses (`Person.fullName.Property.content.en`) and its labels.
    static let edcTemplateFields: [(prefix: String, field: String)] = [
        ("person fullname", "learner.fullName"),
        ("person givennames", "learner.givenNames"),
        ("person familyname", "learner.familyName"),
        ("person dateofbirth", "learner.dateOfBirth"),
        ("person nationalid content", "learner.nationalId.value"),
        ("person contactpoint 1 email", "learner.email"),
        ("e mail address", "learner.email"),
        ("given name", "learner.givenNames"),
        ("family name", "learner.familyName"),
        ("full name", "learner.fullName"),
    ]

    private static let index: [String: String] = {
        var index: [String: String] = [:]
        for (field, names) in table {
            for name in names where index[normalise(name)] == nil { index[normalise(name)] = field }
        }
        return index
    }()

    /// The field a column named `header` usually holds.
    static func field(for header: String) -> String? {
        let key = normalise(header)
        if let field = index[key] { return field }
        for (prefix, field) in edcTemplateFields where key.hasPrefix(prefix + " ") || key == prefix { return field }
        // `Course total (Real)`, `ECTS-Punkte (LP)`: try without a trailing parenthesis.
        if let open = header.lastIndex(of: "("), open > header.startIndex {
            let trimmed = normalise(String(header[..<open]))
            if let field = index[trimmed] { return field }
        }
        // Moodle's `<activity> - Completion date`: try the part after the last " - ".
        if let dash = header.range(of: " - ", options: .backwards) {
            let tail = normalise(String(header[dash.upperBound...]))
            if let field = index[tail], field == "issued" { return field }
        }
        return nil
    }

    /// `text` lower-cased, without diacritics, with every run of other characters than letters
    /// and digits made one space.
    static func normalise(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "ł", with: "l")
        var result = ""
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace, !result.isEmpty { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return result.lowercased()
    }
}
