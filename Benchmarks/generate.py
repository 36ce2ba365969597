#!/usr/bin/env python3
"""Generate realistic synthetic batches of micro-credentials for the microcred benchmarks.

Writes the same stream of credentials in any of microcred's formats, directly (microcred itself is
not used, so a million records of XML take a minute, not hours):

    csv      a registrar's export, one row per credential, read with Benchmarks/registrar.yaml
             (dd.MM.yyyy dates, decimal commas, `|`-separated learning outcomes, quoted cells with
             commas, quotes and line breaks, ISCED-F codes that lost their leading zero)
    elm-xml  Europass Digital Credentials XML: one `europassCredentials` wrapper document holding
             every credential, each written as microcred's elm-xml writer writes it
    ob3      Open Badges 3.0 credentials as JSON Lines, as microcred's ob3 writer writes them
             (recipients hashed with the salt secret `benchmark`, see SALT_SECRET)
    ob2      Open Badges 2.0 assertions (BadgeClass and Issuer embedded) as JSON Lines, as
             microcred's ob2 writer writes them
    model    microcred's model records as JSON Lines

Every record carries every EU element (learner, title, awarding body with country and
registration number, date of issuing, one to five learning outcomes, some tied to ESCO skills,
workload in hours and ECTS, EQF level, ISCED-F field, assessment type, supervision, form of
participation, quality assurance, prerequisites, grade, stackability, further information, and for
a fifth of them a validity period). Learners' names come from many scripts (Latin with
diacritics, Greek, Cyrillic, Arabic, Hebrew, CJK, Hangul, Devanagari, Georgian, Armenian).
Credential ids are unique, except in the deliberately invalid records.

--invalid-share of the records (default 0.02) break exactly one rule that makes microcred reject
them: no learning outcomes, an awarding body without country, validity ending before the date of
issuing, an EQF level of 9, a date of birth after the date of issuing, zero ECTS credits, the id
of an earlier credential again, and in CSV also an unreadable date or number. OB 2.0 cannot carry
an issuer's country or a date of birth, so those two are not used there. `--meta FILE` writes the
counts (records, invalid records by kind) as JSON.

The output is a deterministic function of the arguments: the same arguments give the same bytes
(everything is drawn from one `random.Random(seed)`; nothing depends on PYTHONHASHSEED). The same
seed gives the same learners, courses and dates in every format.

    generate.py --format elm-xml --records 100000 --seed 1 -o batch.xml
    generate.py --format csv --records 1000000 -o batch.csv --meta batch.meta.json
    generate.py --format elm-xml --records 10000 --files credentials/   # one document per file
    generate.py --check                                                  # self-check with microcred

--check generates 2,000 records of each format (--records to change it), runs microcred
(`$MICROCRED`, else `microcred` on PATH) on each as the benchmark's paths do (benchlib.PATHS: csv
to ob3 and to elm-xml, elm-xml to ob3, the validation of elm-xml, ob2 to ob3, ob3 to csv, a folder
of elm-xml files to ob3; and model to ob3), and checks from each run report that read = written +
rejected and that exactly the invalid records were rejected, for the reasons they were made
invalid. It also checks that the ob3, ob2 and elm-xml written here are byte-identical to what
microcred writes from the model records of the same stream. Exit status 1 when anything differs.
"""
import argparse
import hashlib
import hmac
import json
import os
import random
import sys
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VOCAB = os.path.join(ROOT, "Mappings", "vocab")

FORMATS = ("csv", "elm-xml", "ob3", "ob2", "model")
EXTENSIONS = {"csv": "csv", "elm-xml": "xml", "ob3": "json", "ob2": "json", "model": "jsonl"}

# The secret the ob3 and ob2 recipients are salted with; convert with `--salt-secret benchmark` to
# get the same salts back.
SALT_SECRET = "benchmark"

# ---------------------------------------------------------------------------------------------
# Pools: learners' names, institutions, topics and their learning outcomes.

# Naming traditions: given names x family names (every pair is used).
NAMES = [
    (["Jürgen", "Anna", "Lukas", "Sophie", "Maximilian", "Lea"], ["Müller", "Schröder", "Weiß", "Böhm", "Krüger"]),
    (["Élodie", "François", "Chloé", "Benoît", "Maëlle", "Jean-Luc"], ["Dubois", "Lefèvre", "Gauthier", "Mercier", "d'Arcy"]),
    (["Łukasz", "Małgorzata", "Zofia", "Grzegorz", "Agnieszka"], ["Kowalska", "Wiśniewski", "Wójcik", "Zieliński", "Dąbrowska"]),
    (["Αικατερίνη", "Ιωάννης", "Γεώργιος", "Ελένη", "Δημήτρης"], ["Παπαδοπούλου", "Οικονόμου", "Γεωργίου", "Νικολάου"]),
    (["Димитър", "Мария", "Иван", "Елена", "Георги"], ["Иванова", "Петров", "Георгиева", "Димитров"]),
    (["Олена", "Андрій", "Оксана", "Тарас"], ["Шевченко", "Коваленко", "Бондаренко", "Мельник"]),
    (["Јован", "Милица", "Никола"], ["Јовановић", "Петровић", "Николић"]),
    (["Jiří", "Tereza", "Kateřina", "Tomáš"], ["Nováková", "Dvořák", "Černá", "Procházka"]),
    (["Zsófia", "Bence", "Réka", "Ádám"], ["Horváth", "Kovács", "Szabó", "Tóth"]),
    (["Ștefan", "Ioana", "Andreea", "Mihai"], ["Popescu", "Ionescu", "Rădulescu", "Constantinescu"]),
    (["Siobhán", "Ciarán", "Aoife", "Pádraig"], ["Ó Súilleabháin", "Mac Cárthaigh", "Ní Bhriain", "O'Neill"]),
    (["Søren", "Åsa", "Björn", "Sigríður", "Jouko"], ["Nørgaard", "Virtanen", "Åberg", "Jónsdóttir", "Lindqvist"]),
    (["Inês", "José María", "João", "Lucía", "Begoña"], ["García López", "Gonçalves", "Fernández Núñez", "Conceição"]),
    (["Gintarė", "Jānis", "Ülle", "Mārtiņš"], ["Kazlauskienė", "Bērziņš", "Tamm", "Ozoliņa"]),
    (["Željko", "Ana", "Mojca", "Tena"], ["Horvat", "Kovačić", "Novak", "Babić"]),
    (["Ayşe", "Mehmet", "Çağla"], ["Yılmaz", "Öztürk", "Şahin"]),
    (["فاطمة", "أحمد", "يوسف", "مريم"], ["حداد", "الخطيب", "منصور"]),
    (["נועה", "דוד", "יעל"], ["כהן", "לוי", "מזרחי"]),
    (["明", "晓燕", "伟", "芳"], ["王", "李", "张", "陈"]),
    (["さくら", "翔太", "陽菜"], ["佐藤", "鈴木", "高橋"]),
    (["민준", "서연", "지우"], ["김", "이", "박"]),
    (["प्रिया", "राहुल", "अनन्या"], ["शर्मा", "पटेल", "सिंह"]),
    (["ნინო", "გიორგი"], ["ბერიძე", "კაპანაძე"]),
    (["Անի", "Արամ"], ["Հակոբյան", "Սարգսյան"]),
]

# Institutions: country, name, web slug, VAT number, grade scale.
INSTITUTIONS = [
    ("DE", "Technische Hochschule Musterstadt", "th-musterstadt", "DE811234567", ["1,0", "1,3", "1,7", "2,0", "2,3", "2,7", "3,0", "3,3"]),
    ("DE", "Universität Beispielburg", "uni-beispielburg", "DE129876543", ["1,0", "1,7", "2,3", "3,0", "bestanden"]),
    ("FR", "Université d'Exempleville", "univ-exempleville", "FR40123456789", ["12/20", "13,5/20", "14/20", "15/20", "16,5/20"]),
    ("IT", "Università degli Studi di Esempio", "uniesempio", "IT01234567890", ["24/30", "27/30", "28/30", "30/30", "30 e lode"]),
    ("ES", "Universidad de Ejemplo", "uejemplo", "ESQ2818014I", ["7,5", "8,0", "8,5", "9,2", "Sobresaliente"]),
    ("PT", "Universidade do Exemplo", "uexemplo", "PT501234567", ["14", "15", "16", "17", "18"]),
    ("NL", "Hogeschool Voorbeeld", "hsvoorbeeld", "NL001234567B01", ["6,5", "7,0", "7,5", "8,0", "voldoende"]),
    ("BE", "Université libre d'Illustration", "uli-illustration", "BE0123456789", ["12/20", "14/20", "16/20", "A", "B"]),
    ("PL", "Uniwersytet Przykładowy w Łodzi", "uniprzyklad", "PL5250001234", ["3,0", "3,5", "4,0", "4,5", "5,0"]),
    ("CZ", "Vysoká škola Ukázková", "vs-ukazkova", "CZ61234567", ["A", "B", "C", "výborně", "velmi dobře"]),
    ("SK", "Ukážková univerzita v Trnave", "ukazkova-uni", "SK2021234567", ["A", "B", "C", "D"]),
    ("HU", "Példa Egyetem", "pelda-egyetem", "HU12345678", ["jeles (5)", "jó (4)", "közepes (3)"]),
    ("RO", "Universitatea Exemplu din Iași", "uexemplu", "RO12345678", ["8", "9", "10", "admis"]),
    ("BG", "Примерен университет „Св. Климент“", "primeren-uni", "BG123456789", ["Отличен 6", "Много добър 5", "Добър 4"]),
    ("GR", "Πανεπιστήμιο Παραδείγματος", "upar", "EL123456789", ["7,5", "8", "8,5", "9", "10"]),
    ("CY", "Πανεπιστήμιο Κύπρου (Παράδειγμα)", "ucy-example", "CY10123456X", ["A", "B+", "B", "C+"]),
    ("AT", "Fachhochschule Alpenbeispiel", "fh-alpen", "ATU12345678", ["Sehr gut", "Gut", "Befriedigend"]),
    ("IE", "Example Institute of Technology", "eit", "IE1234567T", ["H1", "H2.1", "H2.2", "Pass"]),
    ("SE", "Exempelhögskolan i Umeå", "exempelhogskolan", "SE556123456701", ["VG", "G", "A", "B"]),
    ("FI", "Esimerkin ammattikorkeakoulu", "esimerkki-amk", "FI12345678", ["5", "4", "3", "hyväksytty"]),
    ("DK", "Eksempel Universitet", "eksempel-uni", "DK12345678", ["12", "10", "7", "02"]),
    ("EE", "Näidisülikool", "naidis", "EE101234567", ["A", "B", "C", "arvestatud"]),
    ("LT", "Pavyzdinis universitetas", "pavyzdys", "LT123456789", ["10", "9", "8", "įskaityta"]),
    ("LV", "Paraugu Universitāte", "paraugs", "LV40001234567", ["10", "9", "8", "ieskaitīts"]),
    ("HR", "Sveučilište u Primjeru", "unipri", "HR12345678901", ["izvrstan (5)", "vrlo dobar (4)", "dobar (3)"]),
    ("SI", "Univerza v Zgledu", "uni-zgled", "SI12345678", ["10", "9", "8", "opravil"]),
    ("MT", "University of Example, Malta", "um-example", "MT12345678", ["A", "B", "C", "Pass"]),
    ("LU", "Université du Luxembourg (exemple)", "uni-lu-example", "LU12345678", ["18/20", "15/20", "12/20"]),
]

# Topics: title, ISCED-F code, learning outcomes (text, ESCO skill or None).
TOPICS = [
    ("Data Analysis with Python", "0613", [
        ("Clean and explore a tabular data set, documenting every step", "http://data.europa.eu/esco/skill/ab9b2f8a-9fa0-4a8a-94a7-3d7e0a4a23b1"),
        ("Choose a suitable chart for a question and explain its limits", None),
        ("Apply version control to analysis code", "http://data.europa.eu/esco/skill/c5fb4f9d-1b4c-4fd3-b8c6-5c0f2a5e8e21"),
        ("Communicate results to a lay audience", None),
        ("Evaluate the quality of a data source", None)]),
    ("Sustainable Energy Systems", "0713", [
        ("Explain the energy transition, its drivers and limits", None),
        ("Size a rooftop photovoltaic system for a household", "http://data.europa.eu/esco/skill/0b3e1d1c-4c3f-4d7e-9d1b-6f3a1a6b2c44"),
        ("Compare storage technologies by cost and efficiency", None),
        ("Assess a building's energy performance certificate", None)]),
    ("Project Management, Applied", "0413", [
        ("Plan a project with milestones, a budget and a risk register", "http://data.europa.eu/esco/skill/7d1c2c1e-5a8b-4a4d-8d21-3b6e0c3f9d10"),
        ("Lead a kick-off meeting with stakeholders", None),
        ("Evaluate risks; write a mitigation plan", None),
        ("Report progress with earned-value figures", None)]),
    ("Digital Didactics", "0111", [
        ("Design an online lesson with activating methods", None),
        ("Select accessible digital tools for a learning group", None),
        ("Give feedback on learners' work in a virtual classroom", None)]),
    ("Circular Economy & Life-Cycle Assessment", "0521", [
        ("Carry out a simplified life-cycle assessment", "http://data.europa.eu/esco/skill/5f1e3a4b-7d2c-4e8f-9a0b-1c2d3e4f5a6b"),
        ("Explain the \"reduce, reuse, recycle\" hierarchy with examples", None),
        ("Identify circular business models in a sector", None)]),
    ("Cyber Security Awareness", "0612", [
        ("Recognise phishing and social-engineering attempts", "http://data.europa.eu/esco/skill/2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d"),
        ("Apply password and multi-factor authentication policies", None),
        ("Respond to a security incident according to a plan", None),
        ("Explain the GDPR's security obligations", None)]),
    ("Machine Learning Basics", "0613", [
        ("Train and evaluate a classifier on a given data set", "http://data.europa.eu/esco/skill/9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"),
        ("Recognise overfitting and choose a validation strategy", None),
        ("Discuss bias and fairness of a model's decisions", None)]),
    ("Public Procurement in the EU", "0421", [
        ("Explain the EU procurement directives and thresholds", None),
        ("Draft award criteria for a tender", None),
        ("Assess tenders against the criteria, documenting the decision", None)]),
    ("Academic Writing in English", "0231", [
        ("Structure a research paper (IMRaD)", None),
        ("Cite sources correctly in APA style", "http://data.europa.eu/esco/skill/3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"),
        ("Revise a draft after peer review", None)]),
    ("Inclusive Teaching", "0113", [
        ("Adapt teaching materials for learners with special needs", None),
        ("Apply universal design for learning principles", None),
        ("Reflect on one's own bias in the classroom", None)]),
    ("Urban Mobility Planning", "0731", [
        ("Analyse travel-demand data for a district", None),
        ("Design a cycling network concept", None),
        ("Evaluate a sustainable urban mobility plan (SUMP)", "http://data.europa.eu/esco/skill/6d7e8f9a-0b1c-4d2e-9f3a-4b5c6d7e8f9a")]),
    ("Food Safety and HACCP", "0721", [
        ("Set up a HACCP plan for a small kitchen", "http://data.europa.eu/esco/skill/8f9a0b1c-2d3e-4f4a-8b5c-6d7e8f9a0b1c"),
        ("Identify critical control points", None),
        ("Keep hygiene records as the law requires", None)]),
    ("Nursing: Basic Life Support", "0913", [
        ("Perform basic life support on adults, following ERC guidelines", "http://data.europa.eu/esco/skill/1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"),
        ("Use an automated external defibrillator", None),
        ("Hand over a patient using the SBAR scheme", None)]),
    ("Accounting for Non-Accountants", "0411", [
        ("Read a balance sheet and an income statement", None),
        ("Calculate key ratios: liquidity, profitability", None),
        ("Prepare a simple cash-flow forecast", None)]),
    ("Marketing in Social Media", "0414", [
        ("Plan a social-media campaign with measurable goals", None),
        ("Create content for three platforms", None),
        ("Measure reach and engagement, and adjust the campaign", "http://data.europa.eu/esco/skill/4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b")]),
    ("Introduction to Statistics", "0542", [
        ("Describe a data set with suitable measures", None),
        ("Test a hypothesis and interpret the p-value", None),
        ("Fit and interpret a linear regression", None)]),
    ("Robotics for Manufacturing", "0714", [
        ("Program an industrial robot for a pick-and-place task", "http://data.europa.eu/esco/skill/7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"),
        ("Apply the machinery safety standards", None),
        ("Integrate a vision sensor into a robot cell", None)]),
    ("Intercultural Communication", "0314", [
        ("Explain cultural dimensions and their limits", None),
        ("Mediate a misunderstanding in an international team", None),
        ("Reflect on one's own communication style", None)]),
    ("Renewable Heating Technologies", "0713", [
        ("Compare heat pumps, biomass and solar thermal systems", None),
        ("Size a heat pump for a renovated house", "http://data.europa.eu/esco/skill/9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f"),
        ("Advise clients on subsidies, costs and pay-back time", None)]),
    ("Entrepreneurship and Start-ups", "0413", [
        ("Develop a business model canvas", None),
        ("Pitch a business idea to investors", None),
        ("Plan the first year's finances", None)]),
    ("Digital Preservation", "0322", [
        ("Select file formats for long-term preservation", None),
        ("Write a preservation plan following OAIS", "http://data.europa.eu/esco/skill/0d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f3a"),
        ("Check the integrity of archived files with checksums", None)]),
    ("Green Chemistry", "0531", [
        ("Apply the twelve principles of green chemistry", None),
        ("Assess a synthesis route by atom economy", None),
        ("Replace hazardous solvents in a laboratory procedure", None)]),
    ("Film Editing", "0211", [
        ("Edit a short documentary from raw footage", None),
        ("Apply colour correction and sound mixing", None),
        ("Export deliverables for broadcast and web", None)]),
    ("European Union Law, Introduction", "0421", [
        ("Explain the EU institutions and legislative procedures", None),
        ("Find and read case law of the Court of Justice", None),
        ("Apply the principle of proportionality to a case", None)]),
]

MODES = [  # as the registrar's export writes them, and the concept they name
    ("Online", "http://data.europa.eu/snb/learning-assessment/920fbb3cbe", "Online"),
    ("On campus", "http://data.europa.eu/snb/learning-assessment/9191af2ed9", "Presential"),
    ("Blended", "http://data.europa.eu/snb/learning-assessment/e92d221e4d", "Blended"),
    ("Work-based", "http://data.europa.eu/snb/learning-assessment/729f3bed4b", "Workbased"),
]
SETTINGS = [
    ("formal", "http://data.europa.eu/snb/learning-setting/6fd4685715", "formal learning"),
    ("non-formal", "http://data.europa.eu/snb/learning-setting/e207a81fc7", "non-formal learning"),
]
ASSESSMENTS = [
    ("written examination", "http://data.europa.eu/snb/assessment/6e6cb2cc78"),
    ("project work", "http://data.europa.eu/snb/assessment/795dac4096"),
    ("portfolio", "http://data.europa.eu/snb/assessment/4f03b91c0e"),
    ("oral examination", "http://data.europa.eu/snb/assessment/d30284d7df"),
    ("practical assessment", "http://data.europa.eu/snb/assessment/6a4db9f11d"),
    ("continuous evaluation", "http://data.europa.eu/snb/assessment/3484bd7e51"),
    ("marked assignment", "http://data.europa.eu/snb/assessment/2939dae15f"),
]
SUPERVISIONS = [
    ("Supervised with ID Verification", "http://data.europa.eu/snb/supervision-verification/70be69aaf9"),
    ("Supervised without ID Verification", "http://data.europa.eu/snb/supervision-verification/44314532f9"),
    ("Unsupervised with ID Verification", "http://data.europa.eu/snb/supervision-verification/df2880c5cb"),
    ("Unsupervised without ID Verification", "http://data.europa.eu/snb/supervision-verification/c598449d64"),
]
QUALITY_ASSURANCE = [
    "internal quality assurance",
    "external quality assurance by an EQAR-registered agency",
    "programme accreditation",
]
PREREQUISITES = [
    None,
    "None",
    "A bachelor's degree or equivalent work experience",
    "Completed secondary education;\nEnglish at level B2",
    "Basic programming skills (any language)",
]
ECTS_CHOICES = ["1", "2", "2.5", "3", "4", "5", "6", "7.5", "10"]
HOURS_PER_ECTS = [25, 27, 28, 30]

INVALID_KINDS = {
    "no-outcomes": "eu.missing-learning-outcomes",
    "no-country": "eu.missing-issuer-country",
    "valid-until-before-issue": "date.valid-until-before-valid-from",
    "eqf-out-of-range": "value.eqf-out-of-range",
    "born-after-issue": "date.birth-after-issue",
    "zero-credits": "value.credits-not-positive",
    "duplicate-id": "batch.duplicate-credential-id",
    "bad-date": "csv.invalid-date",
    "bad-number": "csv.invalid-number",
}
COMMON_KINDS = ["no-outcomes", "no-country", "valid-until-before-issue", "eqf-out-of-range", "born-after-issue",
                "zero-credits", "duplicate-id"]
KINDS_BY_FORMAT = {
    "csv": COMMON_KINDS + ["bad-date", "bad-number"],
    "elm-xml": COMMON_KINDS,
    "ob3": COMMON_KINDS,
    "ob2": ["no-outcomes", "valid-until-before-issue", "eqf-out-of-range", "zero-credits", "duplicate-id"],
    "model": COMMON_KINDS,
}

NATIONAL_LANGUAGE = {
    "DE": "de", "AT": "de", "FR": "fr", "BE": "fr", "LU": "fr", "IT": "it", "ES": "es", "PT": "pt", "NL": "nl",
    "PL": "pl", "CZ": "cs", "SK": "sk", "HU": "hu", "RO": "ro", "BG": "bg", "GR": "el", "CY": "el", "IE": "ga",
    "SE": "sv", "FI": "fi", "DK": "da", "EE": "et", "LT": "lt", "LV": "lv", "HR": "hr", "SI": "sl", "MT": "mt",
}


def load_vocabularies():
    """English labels (and ELM codes) of the concepts the generated records use, from Mappings/vocab."""
    def table(name):
        with open(os.path.join(VOCAB, name), encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in handle]
    return {
        "isced": {row["code"]: row["label_en"] for row in table("isced-f.tsv")},
        "country": {row["code"]: (row["iri"], row["label_en"]) for row in table("countries.tsv")},
        "language": {row["iso639_1"]: (row["iri"], row["label_en"]) for row in table("languages.tsv") if row.get("iso639_1")},
    }


class Course:
    """One course of one institution: everything a credential for it says about the achievement."""
    __slots__ = ("institution", "code", "title", "isced", "eqf", "ects", "hours", "mode", "setting", "assessment",
                 "supervision", "language", "outcomes", "prerequisites", "stacking", "quality", "id", "further", "image",
                 "cache")

    def __init__(self, institution, code, topic, rng):
        country, name, slug, _, _ = institution
        self.institution = institution
        self.code = code
        self.title, self.isced, outcomes = topic
        self.eqf = rng.randint(4, 7)
        self.ects = rng.choice(ECTS_CHOICES)
        self.hours = "%d" % round(float(self.ects) * rng.choice(HOURS_PER_ECTS))
        self.mode = rng.choice(MODES)
        self.setting = SETTINGS[0] if rng.random() < 0.3 else SETTINGS[1]
        self.assessment = rng.choice(ASSESSMENTS)
        self.supervision = rng.choice(SUPERVISIONS)
        self.language = NATIONAL_LANGUAGE[country] if rng.random() < 0.5 else "en"
        self.outcomes = rng.sample(outcomes, rng.randint(1, len(outcomes)))
        self.prerequisites = rng.choice(PREREQUISITES)
        self.stacking = f"Counts towards the Certificate in {self.title} (30 ECTS) at {name}"
        self.quality = rng.choice(QUALITY_ASSURANCE)
        self.id = f"https://www.{slug}.example.eu/courses/{code}"
        self.further = f"https://www.{slug}.example.eu/micro-credentials/{code}"
        self.image = f"https://www.{slug}.example.eu/badges/{code}.png"
        self.cache = {}  # rendered fragments, per format


class Record:
    """One credential of the stream. `kind` names the rule an invalid record breaks (else None)."""
    __slots__ = ("index", "id", "course", "given", "family", "email", "student", "born", "issued", "valid_until",
                 "grade", "kind", "email_upper", "isced_unpadded")


class Batch:
    """The deterministic stream of credentials for one seed, invalid share and format."""

    def __init__(self, seed, invalid_share, fmt):
        self.rng = random.Random(seed)
        self.invalid_share = invalid_share
        self.kinds = KINDS_BY_FORMAT[fmt]
        # Open Badges 2.0 requires a BadgeClass image; the other formats have no place for one.
        self.badge_images = fmt == "ob2"
        self.vocab = load_vocabularies()
        rng = self.rng
        self.courses = []
        for institution in INSTITUTIONS:
            prefix = institution[2].replace("-", "")[:3].upper()
            for number, topic in enumerate(rng.sample(TOPICS, 12)):
                self.courses.append(Course(institution, f"{prefix}-{101 + number}", topic, rng))
        self.names = [(given, family) for givens, families in NAMES for given in givens for family in families]
        # Dates as day numbers from 1960-01-01, rendered from tables.
        self.epoch = date(1960, 1, 1).toordinal()
        days = date(2036, 1, 1).toordinal() - self.epoch
        self.iso = [date.fromordinal(self.epoch + day).isoformat() for day in range(days)]
        self.born_first = date(1965, 1, 1).toordinal() - self.epoch
        self.born_span = date(2006, 1, 1).toordinal() - self.epoch - self.born_first
        self.issued_first = date(2019, 1, 1).toordinal() - self.epoch
        self.issued_span = date(2026, 1, 1).toordinal() - self.epoch - self.issued_first
        self.counts = {}

    def records(self, count):
        """Yields `count` records; `self.counts` holds the invalid ones by kind afterwards."""
        rng = self.rng
        random_ = rng.random
        getrandbits = rng.getrandbits
        courses, names, kinds = self.courses, self.names, self.kinds
        course_count, name_count, kind_count = len(courses), len(names), len(kinds)
        share = self.invalid_share
        last_valid_id = None
        counts = self.counts
        for index in range(1, count + 1):
            record = Record()
            course = courses[int(random_() * course_count)]
            given, family = names[int(random_() * name_count)]
            born = self.born_first + int(random_() * self.born_span)
            issued = self.issued_first + int(random_() * self.issued_span)
            grades = course.institution[4]
            record.grade = grades[int(random_() * len(grades))]
            valid_until = issued + 1826 if random_() < 0.2 else None
            record.email_upper = random_() < 0.03
            record.isced_unpadded = random_() < 0.25
            invalid = random_() < share
            kind = kinds[int(random_() * kind_count)]
            bits = getrandbits(88)
            record.id = "urn:uuid:%08x-%04x-4%03x-8%03x-%012x" % (
                index, bits >> 72, (bits >> 60) & 0xFFF, (bits >> 48) & 0xFFF, bits & 0xFFFFFFFFFFFF)
            record.index = index
            record.course = course
            record.given = given
            record.family = family
            slug = course.institution[2]
            record.student = "S%08d" % index
            record.email = "s%08d@students.%s.example.eu" % (index, slug)
            if not invalid:
                record.kind = None
                last_valid_id = record.id
            else:
                if kind == "duplicate-id" and last_valid_id is None:
                    kind = "no-outcomes"
                record.kind = kind
                counts[kind] = counts.get(kind, 0) + 1
                if kind == "duplicate-id":
                    record.id = last_valid_id
                elif kind == "valid-until-before-issue":
                    valid_until = issued - 365
                elif kind == "born-after-issue":
                    born = issued + 30
            record.born = born
            record.issued = issued
            record.valid_until = valid_until
            yield record

    def meta(self, count, fmt):
        """The counts of a generated batch, and the rejections microcred should report reading it."""
        invalid = sum(self.counts.values())
        expected = {}
        for kind, number in self.counts.items():
            code = INVALID_KINDS[kind]
            expected[code] = expected.get(code, 0) + number
        return {"format": fmt, "records": count, "invalid": invalid, "valid": count - invalid,
                "invalidByKind": dict(sorted(self.counts.items())), "expectedRejections": dict(sorted(expected.items()))}


# ---------------------------------------------------------------------------------------------
# model

def organisation(course, kind):
    country, name, slug, vat, _ = course.institution
    body = {"id": f"https://www.{slug}.example.eu", "name": name,
            "registrationIds": [{"value": vat, "scheme": "vatNumber"}]}
    if kind != "no-country":
        body["country"] = country
    body["homepage"] = f"https://www.{slug}.example.eu"
    body["email"] = f"registrar@{slug}.example.eu"
    return body


def model_record(batch, record):
    """The record as a model JSON object (values as microcred's normalisation leaves them)."""
    course, kind, iso = record.course, record.kind, batch.iso
    credential = {"modelVersion": 1, "id": record.id, "issued": iso[record.issued]}
    if record.valid_until is not None:
        credential["validUntil"] = iso[record.valid_until]
    credential["learner"] = {
        "givenNames": record.given, "familyName": record.family, "dateOfBirth": iso[record.born],
        "email": record.email, "studentIds": [{"value": record.student, "scheme": "studentId"}]}
    credential["awardingBodies"] = [organisation(course, kind)]
    outcomes = []
    if kind != "no-outcomes":
        for text, skill in course.outcomes:
            outcomes.append({"text": text, "escoSkill": skill} if skill else {"text": text})
    achievement = {"id": course.id, "title": course.title}
    if outcomes:
        achievement["learningOutcomes"] = outcomes
    achievement["iscedFields"] = [course.isced]
    achievement["level"] = {"eqf": 9 if kind == "eqf-out-of-range" else course.eqf}
    achievement["workload"] = {"hours": course.hours,
                               "credits": [{"framework": "ECTS", "points": "0" if kind == "zero-credits" else course.ects}]}
    achievement["participation"] = {"mode": course.mode[1], "setting": course.setting[1]}
    achievement["assessment"] = {"type": course.assessment[1], "supervision": course.supervision[1]}
    achievement["qualityAssurance"] = [{"type": course.quality}]
    if course.prerequisites:
        achievement["prerequisites"] = course.prerequisites
    achievement["languages"] = [course.language]
    if batch.badge_images:
        achievement["image"] = course.image
    achievement["stacking"] = {"note": course.stacking}
    credential["achievement"] = achievement
    credential["result"] = {"grade": record.grade}
    credential["furtherInformation"] = course.further
    return credential


def write_model(batch, records, out):
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for record in records:
        out.write(dumps(model_record(batch, record)))
        out.write("\n")


# ---------------------------------------------------------------------------------------------
# Shared by the JSON formats

js = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def number(text):
    """A decimal string as the JSON number microcred writes for it."""
    return js(float(text) if "." in text else int(text))


class ExtensionContext:
    """The inline microcred extension context, reduced to the terms a document uses (as
    microcred's writers do), serialised once per set of terms."""

    def __init__(self, leading):
        with open(os.path.join(ROOT, "docs", "contexts", "microcred-ob3-extension-v1.jsonld"), encoding="utf-8") as handle:
            self.full = json.load(handle)["@context"]
        self.leading = leading
        self.cache = {}

    def member(self, terms):
        key = frozenset(terms)
        text = self.cache.get(key)
        if text is None:
            reduced = {name: value for name, value in self.full.items() if not isinstance(value, dict) or name in key}
            text = self.cache[key] = '"@context":' + js(self.leading + [reduced])
        return text


def recipient_hash(record):
    """The salt and hash microcred writes for the learner's e-mail with --salt-secret SALT_SECRET."""
    salt = hmac.new(SALT_SECRET.encode(), ("microcred/recipient-salt\x1f" + record.id).encode(), hashlib.sha256).hexdigest()[:32]
    return salt, hashlib.sha256((record.email + salt).encode()).hexdigest()


def course_variant(record):
    """The part of an invalid record's kind that changes the achievement (None: the course as is)."""
    kind = record.kind
    return kind if kind in ("no-outcomes", "eqf-out-of-range", "zero-credits") else None


def achievement_values(course, variant):
    outcomes = [] if variant == "no-outcomes" else course.outcomes
    eqf = 9 if variant == "eqf-out-of-range" else course.eqf
    ects = "0" if variant == "zero-credits" else course.ects
    return outcomes, eqf, ects


def eu_alignments(course, outcomes, eqf, typed):
    """The OB alignments to the EQF level, the ISCED-F field and the outcomes' ESCO skills."""
    kind = {"type": ["Alignment"]} if typed else {}
    alignments = []
    if 1 <= eqf <= 8:
        alignments.append({**kind, "targetName": f"EQF level {eqf}", "targetUrl": f"http://data.europa.eu/snb/eqf/{eqf}",
                           "targetFramework": "European Qualifications Framework", "targetCode": str(eqf)})
    alignments.append({**kind, "targetName": f"ISCED-F {course.isced}",
                       "targetUrl": f"http://data.europa.eu/snb/isced-f/{course.isced}",
                       "targetFramework": "ISCED-F 2013", "targetCode": course.isced})
    for text, skill in outcomes:
        if skill:
            alignments.append({**kind, "targetName": text, "targetUrl": skill, "targetFramework": "ESCO"})
    return alignments


def eu_extension(course, outcomes, eqf, ects, achievement, terms):
    """The microcred extension members of an achievement (a BadgeClass in OB 2.0)."""
    if not 1 <= eqf <= 8:
        achievement["eqfLevel"] = eqf
        terms.add("eqfLevel")
    if any(skill is None for _, skill in outcomes):
        achievement["learningOutcome"] = [{"title": text, "relatedESCOSkill": skill} if skill else {"title": text}
                                          for text, skill in outcomes]
        terms.add("learningOutcome")
    achievement["creditPoint"] = [{"framework": "http://data.europa.eu/snb/education-credit/6fcec5c5af", "point": ects}]
    achievement["volumeOfLearning"] = f"PT{course.hours}H"
    achievement["mode"] = course.mode[1]
    achievement["learningSetting"] = course.setting[1]
    achievement["assessmentType"] = course.assessment[1]
    achievement["idVerification"] = course.supervision[1]
    achievement["accreditation"] = [{"dcType": course.quality}]
    terms.update(("creditPoint", "volumeOfLearning", "mode", "learningSetting", "assessmentType", "idVerification",
                  "accreditation"))
    if course.prerequisites:
        achievement["entryRequirement"] = course.prerequisites
        terms.add("entryRequirement")
    achievement["stackability"] = course.stacking
    terms.add("stackability")


def criteria_narrative(course, outcomes):
    return "\n".join("- " + text for text, _ in outcomes) if outcomes else course.title


# ---------------------------------------------------------------------------------------------
# ob3: what `microcred convert … --to ob3 --salt-secret benchmark` writes

OB3_RECORD_TERMS = ("additionalNote", "otherIdentifier", "dateOnly", "givenName", "familyName", "dateOfBirth")


class OB3Writer:
    def __init__(self, batch):
        self.batch = batch
        self.context = ExtensionContext(["https://www.w3.org/ns/credentials/v2",
                                         "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"])
        self.issuers = {}

    def achievement(self, course, variant):
        """(@context member, achievement JSON) of a course, cached."""
        cached = course.cache.get(("ob3", variant))
        if cached is None:
            outcomes, eqf, ects = achievement_values(course, variant)
            terms = set(OB3_RECORD_TERMS)
            achievement = {"id": course.id, "type": ["Achievement"], "achievementType": "MicroCredential",
                           "name": course.title, "description": course.title,
                           "criteria": {"narrative": criteria_narrative(course, outcomes)},
                           "inLanguage": course.language,
                           "alignment": eu_alignments(course, outcomes, eqf, typed=True),
                           "creditsAvailable": json.loads(number(ects)),
                           "fieldOfStudy": f"ISCED-F {course.isced}"}
            eu_extension(course, outcomes, eqf, ects, achievement, terms)
            cached = course.cache[("ob3", variant)] = (self.context.member(terms), js(achievement))
        return cached

    def issuer(self, course, kind):
        key = (course.institution[2], kind == "no-country")
        text = self.issuers.get(key)
        if text is None:
            country, name, slug, vat, _ = course.institution
            profile = {"id": f"https://www.{slug}.example.eu", "type": ["Profile"], "name": name,
                       "url": f"https://www.{slug}.example.eu", "email": f"registrar@{slug}.example.eu"}
            if kind != "no-country":
                profile["address"] = {"type": ["Address"], "addressCountryCode": country}
            profile["otherIdentifier"] = [{"type": "IdentifierEntry", "identifier": vat, "identifierType": "ext:vatNumber"}]
            text = self.issuers[key] = js(profile)
        return text

    def render(self, record):
        iso = self.batch.iso
        context, achievement = self.achievement(record.course, course_variant(record))
        salt, digest = recipient_hash(record)
        parts = [
            "{", context, ',"id":', js(record.id),
            ',"type":["VerifiableCredential","OpenBadgeCredential"],"credentialSubject":{"type":["AchievementSubject"],'
            '"identifier":[{"type":"IdentityObject","identityHash":"sha256$', digest,
            '","identityType":"emailAddress","hashed":true,"salt":"', salt,
            '"},{"type":"IdentityObject","identityHash":', js(record.student),
            ',"identityType":"ext:studentId","hashed":false}],"achievement":', achievement,
            ',"result":[{"type":["Result"],"value":', js(record.grade), '}],"givenName":', js(record.given),
            ',"familyName":', js(record.family), ',"dateOfBirth":"', iso[record.born], '"},"issuer":',
            self.issuer(record.course, record.kind), ',"validFrom":"', iso[record.issued], 'T00:00:00Z"']
        if record.valid_until is not None:
            parts += [',"validUntil":"', iso[record.valid_until], 'T00:00:00Z"']
        parts += [',"additionalNote":', js(record.course.further)]
        parts.append(',"dateOnly":["validFrom","validUntil"]}' if record.valid_until is not None else ',"dateOnly":["validFrom"]}')
        return "".join(parts)

    def write(self, records, out):
        render = self.render
        for record in records:
            out.write(render(record))
            out.write("\n")


# ---------------------------------------------------------------------------------------------
# ob2: what `microcred convert … --to ob2 --salt-secret benchmark` writes (OB 2.0 has no place for
# the learner's name, date of birth and student id, the issuer's country and registration, the
# result and further information; the BadgeClass image is required by OB 2.0)

class OB2Writer:
    def __init__(self, batch):
        self.batch = batch
        self.context = ExtensionContext(["https://w3id.org/openbadges/v2"])

    def badge(self, course, variant):
        """(@context member, BadgeClass JSON) of a course, cached."""
        cached = course.cache.get(("ob2", variant))
        if cached is None:
            country, name, slug, vat, _ = course.institution
            outcomes, eqf, ects = achievement_values(course, variant)
            terms = {"dateOnly", "language"}
            badge = {"type": "BadgeClass", "id": course.id, "name": course.title, "description": course.title,
                     "image": course.image,
                     "issuer": {"type": "Profile", "id": f"https://www.{slug}.example.eu", "name": name,
                                "url": f"https://www.{slug}.example.eu", "email": f"registrar@{slug}.example.eu"},
                     "alignment": eu_alignments(course, outcomes, eqf, typed=False)}
            extension = {}
            eu_extension(course, outcomes, eqf, ects, extension, terms)
            # OB 2.0 places the language list after the credits.
            for key, value in extension.items():
                badge[key] = value
                if key == "creditPoint":
                    badge["language"] = [course.language]
            cached = course.cache[("ob2", variant)] = (self.context.member(terms), js(badge))
        return cached

    def render(self, record):
        iso = self.batch.iso
        context, badge = self.badge(record.course, course_variant(record))
        salt, digest = recipient_hash(record)
        parts = ["{", context, ',"type":"Assertion","id":', js(record.id),
                 ',"recipient":{"type":"email","hashed":true,"salt":"', salt, '","identity":"sha256$', digest,
                 '"},"badge":', badge, ',"issuedOn":"', iso[record.issued], 'T00:00:00Z"']
        if record.valid_until is not None:
            parts += [',"expires":"', iso[record.valid_until], 'T00:00:00Z"',
                      ',"verification":{"type":"hosted"},"dateOnly":["issuedOn","expires"]}']
        else:
            parts.append(',"verification":{"type":"hosted"},"dateOnly":["issuedOn"]}')
        return "".join(parts)

    write = OB3Writer.write


# ---------------------------------------------------------------------------------------------
# elm-xml: what `microcred convert … --to elm-xml` writes, one `europassCredentials` wrapper
# document (or, with --files, one document per credential). An EQF level of 9, which microcred
# does not write, is written as the concept .../eqf/9 here.

def name_based_uuid(name, namespace):
    """A version 5 (SHA-1) UUID, as microcred's NameBasedUUID.make."""
    h = hashlib.sha1(namespace + name.encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:32]}"


def xml_text(text):
    if "&" not in text and "<" not in text and ">" not in text and '"' not in text and "\r" not in text:
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("\r", "&#13;")


def elm_text(indent, element, text):
    """`<element>` holding one English text, as the writer indents it."""
    pad = " " * indent
    return (f'{pad}<{element}>\n{pad}  <text lang="en" content-type="text/plain">{xml_text(text)}</text>\n'
            f'{pad}</{element}>\n')


def elm_concept(indent, element, iri, scheme, label):
    pad = " " * indent
    return (f'{pad}<{element} targetFrameworkUrl="{scheme}" uri="{iri}">\n{pad}  <targetName>\n'
            f'{pad}    <text lang="en" content-type="text/plain">{xml_text(label)}</text>\n{pad}  </targetName>\n'
            f'{pad}</{element}>\n')


ELM_CREDENTIAL_START = (
    '<europassCredential xmlns="http://data.europa.eu/snb" '
    'xmlns:cred="http://data.europa.eu/europass/model/credentials/w3c#" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://data.europa.eu/snb http://publications.europa.eu/resource/schema/credential/genericschema_1.2.xsd" '
    'xsdVersion="0.10.0" cred:id="')
ELM_TYPE = (
    '  <type targetFrameworkUrl="http://data.europa.eu/snb/credential/25831c2" uri="http://data.europa.eu/snb/credential/e34929035b">\n'
    '    <targetName>\n      <text lang="en" content-type="text/plain">Generic</text>\n    </targetName>\n  </type>\n'
    '  <primaryLanguage>en</primaryLanguage>\n  <availableLanguages>\n    <language>en</language>\n  </availableLanguages>\n')
ELM_WRAPPER_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n<europassCredentials xmlns="http://data.europa.eu/snbUpload">\n'
ELM_WRAPPER_FOOTER = "</europassCredentials>\n"
ELM_DOCUMENT_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'


class ELMWriter:
    def __init__(self, batch):
        self.batch = batch
        url_namespace = bytes.fromhex("6ba7b8119dad11d180b400c04fd430c8")
        self.namespace = bytes.fromhex(name_based_uuid("https://microcred.invalid/ids", url_namespace).replace("-", ""))
        self.organisations = {}
        self.texts = {}  # names and grades as elements

    def course_parts(self, course, variant):
        """The fragments of a credential that depend only on the course, cached."""
        cached = course.cache.get(("elm", variant))
        if cached is not None:
            return cached
        vocab = self.batch.vocab
        outcomes, eqf, ects = achievement_values(course, variant)
        country, name, slug, vat, _ = course.institution
        achievement_title = elm_text(8, "title", course.title)
        further = (f'        <additionalNote>\n          <text lang="en" content-type="text/plain">{xml_text(course.further)}</text>\n'
                   '          <subject>Further information</subject>\n        </additionalNote>\n')
        supervision = elm_concept(10, "idVerificationMethod", course.supervision[1],
                                  "http://data.europa.eu/snb/supervision-verification/25831c2", course.supervision[0])
        head = [f'  <learningSpecificationReferences>\n    <qualification id="{xml_text(course.id)}">\n',
                elm_text(6, "title", course.title),
                f'      <additionalNote>\n        <text lang="en" content-type="text/plain">{xml_text(course.stacking)}</text>\n'
                '        <subject uri="http://data.europa.eu/snb/qualification-topics#pathways">Integration and stackability</subject>\n'
                '      </additionalNote>\n',
                '      <additionalNote>\n        <text lang="en" content-type="text/plain"/>\n'
                f'        <subject uri="http://data.europa.eu/snb/qualification-topics#accreditation-and-quality-assurance">{xml_text(course.quality)}</subject>\n'
                '      </additionalNote>\n',
                elm_concept(6, "hasISCED-FCode", f"http://data.europa.eu/snb/isced-f/{course.isced}",
                            "http://data.europa.eu/snb/isced-f/25831c2", vocab["isced"][course.isced]),
                f"      <volumeOfLearning>PT{course.hours}H</volumeOfLearning>\n",
                f"      <hasECTSCreditPoints>{ects}</hasECTSCreditPoints>\n",
                elm_concept(6, "language", vocab["language"][course.language][0],
                            "http://publications.europa.eu/resource/authority/language", vocab["language"][course.language][1]),
                elm_concept(6, "mode", course.mode[1], "http://data.europa.eu/snb/learning-assessment/25831c2", course.mode[2]),
                elm_concept(6, "learningSettingType", course.setting[1], "http://data.europa.eu/snb/learning-setting/25831c2",
                            course.setting[2])]
        if course.prerequisites:
            head.append(elm_text(6, "entryRequirementsNote", course.prerequisites))
        tail = (elm_concept(6, "eqfLevel", f"http://data.europa.eu/snb/eqf/{eqf}", "http://data.europa.eu/snb/eqf/25831c2",
                            f"Level {eqf}")
                + "    </qualification>\n  </learningSpecificationReferences>\n")
        outcome_texts = []
        for text, skill in outcomes:
            body = (f'">\n      <prefLabel>\n        <text lang="en" content-type="text/plain">{xml_text(text)}</text>\n'
                    "      </prefLabel>\n")
            if skill:
                body += elm_concept(6, "relatedEscoSkill", skill, "http://data.europa.eu/esco/concept-scheme/skills", skill)
            outcome_texts.append(body + "    </learningOutcome>\n")
        assessment = ('">\n' + elm_concept(6, "type", course.assessment[1], "http://data.europa.eu/snb/assessment/25831c2",
                                            course.assessment[0])
                      + "    </assessmentSpecification>\n  </assessmentSpecificationReferences>\n")
        cached = course.cache[("elm", variant)] = (
            achievement_title + further, supervision, f'        <specifiedBy idref="{xml_text(course.id)}"/>\n',
            "".join(head), tail, outcome_texts, assessment)
        return cached

    def organisation(self, course, kind):
        key = (course.institution[2], kind == "no-country")
        text = self.organisations.get(key)
        if text is None:
            country, name, slug, vat, _ = course.institution
            text = (f'  <agentReferences>\n    <organization id="https://www.{slug}.example.eu">\n      <contactPoint>\n'
                    f'        <mailBox uri="mailto:registrar@{slug}.example.eu"/>\n      </contactPoint>\n'
                    f'      <registration schemeID="vatNumber">{xml_text(vat)}</registration>\n'
                    + elm_text(6, "prefLabel", name)
                    + f'      <homepage uri="https://www.{slug}.example.eu"/>\n')
            if kind == "no-country":
                text += "      <hasLocation/>\n"
            else:
                iri, label = self.batch.vocab["country"][country]
                text += ("      <hasLocation>\n        <hasAddress>\n"
                         + elm_concept(10, "country", iri, "http://publications.europa.eu/resource/authority/country", label)
                         + "        </hasAddress>\n      </hasLocation>\n")
            text += ("    </organization>\n  </agentReferences>\n  <awardingProcessReferences>\n"
                     '    <awardingProcess id="urn:epass:awardingProcess:')
            self.organisations[key] = text
        return text

    def render(self, record):
        iso = self.batch.iso
        course = record.course
        slug = course.institution[2]
        (achievement_head, supervision, specified_by, qualification_head, qualification_tail, outcome_texts,
         assessment) = self.course_parts(course, course_variant(record))
        namespace = self.namespace
        texts = self.texts
        names = texts.get((record.given, record.family))
        if names is None:
            names = texts[(record.given, record.family)] = (elm_text(4, "givenNames", record.given)
                                                            + elm_text(4, "familyName", record.family))
        grade = texts.get(record.grade)
        if grade is None:
            grade = texts[record.grade] = f"          <title/>\n          <grade>{xml_text(record.grade)}</grade>\n"
        credential_id = record.id
        prefix = credential_id + "#"

        def derived(kind, role):
            return name_based_uuid(f"{prefix}{kind}/{role}", namespace)

        assessment_specification = derived("assessmentSpecification", "assessment")
        awarding_process = derived("awardingProcess", "award")
        parts = [ELM_CREDENTIAL_START, credential_id, '">\n', ELM_TYPE,
                 "  <cred:issued>", iso[record.issued], "T00:00:00</cred:issued>\n"]
        if record.valid_until is not None:
            parts += ["  <cred:validUntil>", iso[record.valid_until], "T00:00:00</cred:validUntil>\n"]
        parts += [f'  <cred:issuer idref="https://www.{slug}.example.eu"/>\n', elm_text(2, "title", course.title),
                  '  <credentialSubject id="urn:epass:person:', derived("person", "learner"), '">\n',
                  '    <identifier schemeID="studentId">', record.student, "</identifier>\n",
                  '    <contactPoint>\n      <mailBox uri="mailto:', record.email, '"/>\n    </contactPoint>\n',
                  names,
                  "    <dateOfBirth>", iso[record.born], "</dateOfBirth>\n",
                  '    <achievements>\n      <learningAchievement id="urn:epass:learningAchievement:',
                  derived("learningAchievement", "claim"), '">\n', achievement_head,
                  '        <wasDerivedFrom id="urn:epass:assessment:', derived("assessment", "assessment"), '">\n',
                  grade, supervision,
                  '          <specifiedBy idref="urn:epass:assessmentSpecification:', assessment_specification, '"/>\n',
                  '        </wasDerivedFrom>\n        <wasAwardedBy idref="urn:epass:awardingProcess:', awarding_process,
                  '"/>\n', specified_by, "      </learningAchievement>\n    </achievements>\n  </credentialSubject>\n",
                  qualification_head]
        if outcome_texts:
            outcome_ids = [derived("learningOutcome", str(number)) for number in range(1, len(outcome_texts) + 1)]
            parts.append("      <learningOutcomes>\n")
            for outcome_id in outcome_ids:
                parts += ['        <learningOutcome idref="urn:epass:learningOutcome:', outcome_id, '"/>\n']
            parts.append("      </learningOutcomes>\n")
            parts.append(qualification_tail)
            parts.append("  <learningOutcomeReferences>\n")
            for outcome_id, text in zip(outcome_ids, outcome_texts):
                parts += ['    <learningOutcome id="urn:epass:learningOutcome:', outcome_id, text]
            parts.append("  </learningOutcomeReferences>\n")
        else:
            parts.append(qualification_tail)
        parts += ['  <assessmentSpecificationReferences>\n    <assessmentSpecification id="urn:epass:assessmentSpecification:',
                  assessment_specification, assessment, self.organisation(course, record.kind), awarding_process,
                  f'">\n      <awardingBody idref="https://www.{slug}.example.eu"/>\n    </awardingProcess>\n'
                  "  </awardingProcessReferences>\n</europassCredential>\n"]
        return "".join(parts)

    def write(self, records, out):
        render = self.render
        out.write(ELM_WRAPPER_HEADER)
        for record in records:
            out.write(render(record))
        out.write(ELM_WRAPPER_FOOTER)


# ---------------------------------------------------------------------------------------------
# csv: a registrar's export, read with Benchmarks/registrar.yaml

CSV_HEADER = [
    "Credential ID", "Student ID", "Family name", "Given name", "Email", "Date of birth", "Course URL", "Course title",
    "Completion date", "Valid until", "ECTS", "Workload (hours)", "EQF level", "ISCED-F", "Language", "Mode of study",
    "Learning setting", "Assessment", "Supervision", "Grade", "Learning outcomes", "ESCO skills", "Prerequisites",
    "Stackability", "Quality assurance", "Course page", "Institution", "Institution URL", "Institution country",
    "VAT number", "Institution e-mail"]


def csv_cell(text):
    """A cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break."""
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


class CSVWriter:
    def __init__(self, batch):
        self.batch = batch
        iso = batch.iso
        self.dates = [f"{text[8:10]}.{text[5:7]}.{text[0:4]}" for text in iso]  # dd.MM.yyyy
        self.names = {}

    def course_cells(self, course, variant, kind, unpadded):
        """The quoted cells of a course, before and after the grade, cached."""
        key = ("csv", variant, kind if kind in ("no-country", "bad-number") else None, unpadded)
        cached = course.cache.get(key)
        if cached is None:
            outcomes, eqf, ects = achievement_values(course, variant)
            country, name, slug, vat, _ = course.institution
            if kind == "bad-number":
                ects = "n/a"
            isced = course.isced.lstrip("0") if unpadded else course.isced
            first = ",".join(csv_cell(cell) for cell in (course.id, course.title))
            middle = ",".join(csv_cell(cell) for cell in (
                ects.replace(".", ","), course.hours, str(eqf), isced, course.language, course.mode[0], course.setting[0],
                course.assessment[0], course.supervision[0]))
            last = ",".join(csv_cell(cell) for cell in (
                "|".join(text for text, _ in outcomes),
                "|".join(skill or "" for _, skill in outcomes) if any(skill for _, skill in outcomes) else "",
                course.prerequisites or "", course.stacking, course.quality, course.further, name,
                f"https://www.{slug}.example.eu", "" if kind == "no-country" else country, vat,
                f"registrar@{slug}.example.eu"))
            cached = course.cache[key] = (first, middle, last)
        return cached

    def render(self, record):
        dates = self.dates
        course, kind = record.course, record.kind
        unpadded = record.isced_unpadded and course.isced.startswith("0")
        first, middle, last = self.course_cells(course, course_variant(record), kind, unpadded)
        names = self.names.get((record.given, record.family))
        if names is None:
            names = self.names[(record.given, record.family)] = csv_cell(record.family) + "," + csv_cell(record.given)
        email = record.email.capitalize() if record.email_upper else record.email
        issued = dates[record.issued] if kind != "bad-date" else "31.09." + self.batch.iso[record.issued][:4]
        valid_until = dates[record.valid_until] if record.valid_until is not None else ""
        return ",".join((record.id, record.student, names, email, dates[record.born], first, issued, valid_until,
                         middle, csv_cell(record.grade), last)) + "\r\n"

    def write(self, records, out):
        render = self.render
        out.write(",".join(CSV_HEADER) + "\r\n")
        for record in records:
            out.write(render(record))


# ---------------------------------------------------------------------------------------------
# Output

WRITERS = {"csv": CSVWriter, "elm-xml": ELMWriter, "ob3": OB3Writer, "ob2": OB2Writer}


def write_batch(fmt, batch, count, out):
    if fmt == "model":
        write_model(batch, batch.records(count), out)
    else:
        WRITERS[fmt](batch).write(batch.records(count), out)


def write_files(fmt, batch, count, folder):
    """One file per credential, as `microcred convert --split` would write it: an XML document with
    its declaration, a pretty-printed JSON document, a CSV file with its header row, a model line."""
    os.makedirs(folder, exist_ok=True)
    extension = EXTENSIONS[fmt]
    writer = WRITERS[fmt](batch) if fmt != "model" else None
    for record in batch.records(count):
        if fmt == "elm-xml":
            text = ELM_DOCUMENT_HEADER + writer.render(record)
        elif fmt in ("ob3", "ob2"):
            text = json.dumps(json.loads(writer.render(record)), ensure_ascii=False, indent=2) + "\n"
        elif fmt == "csv":
            text = ",".join(CSV_HEADER) + "\r\n" + writer.render(record)
        else:
            text = js(model_record(batch, record)) + "\n"
        with open(os.path.join(folder, "credential-%07d.%s" % (record.index, extension)), "w", encoding="utf-8",
                  newline="") as handle:
            handle.write(text)


# ---------------------------------------------------------------------------------------------
# Self-check

def check(count, seed, invalid_share):
    """Generates `count` records of each format, converts them with microcred as the benchmark
    does and checks the reports; then checks that the ob3, ob2 and elm-xml written here are the
    bytes microcred writes for the same model records. Returns the exit status (0: all passed)."""
    import shutil
    import subprocess
    import tempfile
    import benchlib

    microcred = os.environ.get("MICROCRED") or shutil.which("microcred")
    if not microcred:
        print("--check needs microcred: set MICROCRED to the binary", file=sys.stderr)
        return 1
    failures = 0

    def run_microcred(inputs, options, output, report, extra=(), path=None):
        subcommand, output_options = (path.command, path.output_options(output)) if path else ("convert", ["-o", output])
        command = [microcred, subcommand, *inputs, *options, *output_options, "--report", report, "--quiet", *extra]
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        return result.returncode, result.stderr

    with tempfile.TemporaryDirectory(prefix="microcred-check-") as work:
        inputs, metas = {}, {}
        for fmt in FORMATS:
            batch = Batch(seed, invalid_share, fmt)
            inputs[fmt] = os.path.join(work, f"input-{fmt}.{EXTENSIONS[fmt]}")
            with open(inputs[fmt], "w", encoding="utf-8", newline="") as out:
                write_batch(fmt, batch, count, out)
            metas[fmt] = batch.meta(count, fmt)
        files_count = min(count, 500)
        files_batch = Batch(seed, invalid_share, "elm-xml")
        write_files("elm-xml", files_batch, files_count, os.path.join(work, "files"))
        metas["files"] = files_batch.meta(files_count, "elm-xml")

        runs = [(path.name, [os.path.join(work, "files")] if path.name == "files-ob3" else [inputs[path.source]],
                 path.options, metas["files"] if path.name == "files-ob3" else metas[path.source], path)
                for path in benchlib.PATHS]
        runs.append(("model-ob3", [inputs["model"]], ["--from", "model", "--to", "ob3", "--salt-secret", SALT_SECRET],
                     metas["model"], None))
        print(f"microcred: {microcred}")
        print(f"{count:,} records per format (files: {files_count:,}), invalid share {invalid_share}, seed {seed}")
        for name, sources, options, meta, path in runs:
            output, report_path = os.path.join(work, name + ".out"), os.path.join(work, name + ".report.json")
            status, stderr = run_microcred(sources, options, output, report_path, path=path)
            problems = []
            if status not in (0, 2):
                problems.append(f"exit status {status}: {stderr.strip()[:500]}")
            else:
                report = benchlib.read_report(report_path)
                if report["read"] != meta["records"]:
                    problems.append(f"read {report['read']} records, generated {meta['records']}")
                if report["read"] != report["written"] + report["rejected"] or not report["balanced"]:
                    problems.append(f"read {report['read']} != written {report['written']} + rejected {report['rejected']}")
                if report["rejected"] != meta["invalid"]:
                    problems.append(f"rejected {report['rejected']}, generated {meta['invalid']} invalid")
                if report["rejections"] != meta["expectedRejections"]:
                    problems.append(f"rejections {report['rejections']} != expected {meta['expectedRejections']}")
            verdict = "ok  " if not problems else "FAIL"
            failures += bool(problems)
            print(f"{verdict} {name:10} read {meta['records']:>6,}  invalid {meta['invalid']:>4,} "
                  f"({meta['invalid'] / meta['records']:.1%})" + "".join("\n       " + p for p in problems))

        # The shape: what microcred writes for the model records of the same stream.
        disabled = []
        for code in ("batch.duplicate-credential-id", "date.birth-after-issue", "date.valid-until-before-valid-from",
                     "value.credits-not-positive", "value.eqf-out-of-range", "organisation.missing-country"):
            disabled += ["--disable-rule", code]
        for fmt in ("ob3", "ob2", "elm-xml"):
            batch = Batch(seed, invalid_share, fmt)
            model = os.path.join(work, f"shape-{fmt}.jsonl")
            kinds = []
            with open(model, "w", encoding="utf-8") as out:
                for record in batch.records(count):
                    out.write(js(model_record(batch, record)) + "\n")
                    kinds.append(record.kind)
            output = os.path.join(work, f"shape-{fmt}.out")
            status, stderr = run_microcred([model], ["--from", "model", "--to", fmt, "--salt-secret", SALT_SECRET,
                                                     "--profile", "none", *disabled], output, output + ".json")
            with open(inputs[fmt], encoding="utf-8", newline="") as handle:
                mine = handle.read()
            with open(output, encoding="utf-8", newline="") as handle:
                theirs = handle.read()
            if fmt == "elm-xml":
                split = lambda text: [part + "</europassCredential>\n" for part in text.split("</europassCredential>\n")[:-1]]
                mine_records, their_records = split(mine), split(theirs)
            else:
                mine_records, their_records = mine.splitlines(True), theirs.splitlines(True)
            # Every record is written (the rules that would reject some are off), but microcred writes
            # no EQF level outside 1-8 in XML.
            compared = mine_records
            skip = {i for i, kind in enumerate(kinds) if fmt == "elm-xml" and kind == "eqf-out-of-range"}
            same = sum(1 for i, (a, b) in enumerate(zip(compared, their_records)) if i in skip or a == b)
            ok = status in (0, 2) and len(compared) == len(their_records) and same == len(compared)
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} shape {fmt:7} {same:,} of {len(compared):,} records byte-identical to "
                  f"microcred's {fmt} writer" + ("" if status in (0, 2) else f" (exit status {status}: {stderr.strip()[:300]})"))
    print("self-check passed" if not failures else f"self-check FAILED ({failures})")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog="See the top of this file for the formats and the invalid records.")
    parser.add_argument("--format", choices=FORMATS, default="model", help="the output format (default: model)")
    parser.add_argument("--records", type=int, help="number of credentials (default: 1000; with --check 2000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--invalid-share", type=float, default=0.02, metavar="F",
                        help="share of records that break one rule (default: 0.02)")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    parser.add_argument("--files", metavar="DIR", help="write one file per credential into DIR instead")
    parser.add_argument("--meta", metavar="FILE", help="write the counts of records and invalid records as JSON")
    parser.add_argument("--check", action="store_true",
                        help="generate 2,000 records of each format, convert them with microcred and check the reports")
    args = parser.parse_args()
    if args.check:
        sys.exit(check(args.records or 2000, args.seed, args.invalid_share))
    if args.records is None:
        args.records = 1000
    batch = Batch(args.seed, args.invalid_share, args.format)
    if args.files:
        write_files(args.format, batch, args.records, args.files)
    elif args.output:
        temporary = args.output + ".partial"
        with open(temporary, "w", encoding="utf-8", newline="", buffering=1 << 22) as out:
            write_batch(args.format, batch, args.records, out)
        os.replace(temporary, args.output)
    else:
        write_batch(args.format, batch, args.records, sys.stdout)
    if args.meta:
        with open(args.meta, "w", encoding="utf-8") as handle:
            json.dump(batch.meta(args.records, args.format), handle, indent=2)
            handle.write("\n")


if __name__ == "__main__":
    main()
