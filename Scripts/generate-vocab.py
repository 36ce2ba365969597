#!/usr/bin/env python3
"""Generate the project's controlled-vocabulary tables in Mappings/vocab/.

Usage (from anywhere; paths default relative to the repository root):

    python3 Scripts/generate-vocab.py [--refdata DIR] [--out DIR] [--sources DIR]
    python3 Scripts/generate-vocab.py --refresh-iso639 /usr/share/iso-codes/json/iso_639-2.json

Inputs
  --refdata DIR   the shared source lists (default: ../shared/refdata/vocab next to the
                  repository): elm-cv-*.csv, europass-controlled-lists.edc-template.csv,
                  isced-f-2013.csv, country-nal-iso-crosswalk.csv, country-codes.datahub.csv,
                  qf-ehea-eqf.csv. See SOURCES.md in that folder for their provenance.
  --sources DIR   the project's own checked-in inputs (default: Mappings/vocab):
                  aliases-source/<table>.tsv   hand-written aliases (alias, code, lang)
                  supplements/iso-639-2.tsv    ISO 639-2/T, 639-2/B, 639-1 codes and English names
  --out DIR       where the tables are written (default: Mappings/vocab)

Outputs (UTF-8, LF line ends, tab-separated, one header row, rows sorted deterministically):
  isced-f.tsv eqf.tsv qf-ehea.tsv countries.tsv languages.tsv learning-modes.tsv
  learning-settings.tsv assessment-types.tsv supervision-verification.tsv credit-systems.tsv
  credential-types.tsv aliases.tsv README.md

Every table starts with the columns `code`, `iri`, `label_en`, `scheme_iri`; table-specific
columns follow. Running the script twice on the same inputs gives byte-identical files. The
script stops with a message naming the offending file and line when an input is inconsistent
(unknown alias code, an alias that means two concepts, duplicate codes or IRIs, a tab or line
break inside a value, a source list that disagrees with another).

--refresh-iso639 PATH rewrites supplements/iso-639-2.tsv from the Debian iso-codes JSON file
(package `iso-codes`) and exits; the generated tables do not read that JSON directly.

Only the Python 3 standard library is used.
"""

import argparse
import csv
import json
import sys
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

EU_COUNTRY_BASE = "http://publications.europa.eu/resource/authority/country/"
EU_LANGUAGE_BASE = "http://publications.europa.eu/resource/authority/language/"
ISCED_BASE = "http://data.europa.eu/snb/isced-f/"

COMMON_COLUMNS = ["code", "iri", "label_en", "scheme_iri"]

# Columns (besides `code`) that the Swift loader treats as alternative codes of a concept.
CODE_COLUMNS = {
    "countries": ["alpha3", "nal_code", "eu_alpha2"],
    "languages": ["iso639_1", "iso639_2t", "iso639_2b"],
}


class GenerationError(Exception):
    """An inconsistency in the inputs; the message names the file and, where known, the line."""


# ---------------------------------------------------------------------------------------------
# Text keys (kept identical to VocabularyKey in Sources/MicrocredModel/Vocabulary)
# ---------------------------------------------------------------------------------------------

_TRANSLITERATIONS = {
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ς": "σ",
}
_SEPARATORS = set("-_\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"}


def text_key(value):
    """Case-, diacritic-, hyphen- and whitespace-insensitive key for labels and aliases."""
    out = []
    for ch in unicodedata.normalize("NFD", value.lower()):
        if unicodedata.category(ch) == "Mn":
            continue
        ch = _APOSTROPHES.get(ch, ch)
        ch = _TRANSLITERATIONS.get(ch, ch)
        if ch in _SEPARATORS or ch.isspace():
            ch = " "
        out.append(ch)
    return " ".join("".join(out).split())


def code_key(value):
    """Case-insensitive key for codes."""
    return value.strip().lower()


def iri_key(value):
    """Key for IRIs: trimmed, no trailing slash, http and https alike, case-insensitive."""
    v = value.strip().rstrip("/")
    if v.lower().startswith("https://"):
        v = "http://" + v[len("https://"):]
    return v.lower()


# ---------------------------------------------------------------------------------------------
# Reading inputs
# ---------------------------------------------------------------------------------------------

def read_csv(path):
    """Rows of a CSV file as dicts, each with its 1-based line number under '_line'."""
    if not path.is_file():
        raise GenerationError(f"{path}: missing source file")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = []
        for row in reader:
            row = {k: (v or "").strip() for k, v in row.items()}
            row["_line"] = reader.line_num
            rows.append(row)
        return rows


def read_tsv(path):
    """Rows of a TSV file (header row, no quoting) as dicts with '_line'."""
    if not path.is_file():
        raise GenerationError(f"{path}: missing source file")
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise GenerationError(f"{path}:1: empty file")
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "" or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise GenerationError(
                f"{path}:{number}: expected {len(header)} fields, found {len(fields)}")
        row = {k: v.strip() for k, v in zip(header, fields)}
        row["_line"] = number
        rows.append(row)
    return rows


def last_segment(iri):
    return iri.rstrip("/").rsplit("/", 1)[-1]


def edc_block(edc_rows, list_name):
    rows = [r for r in edc_rows if r["list_name"] == list_name]
    if not rows:
        raise GenerationError(f"europass-controlled-lists.edc-template.csv: no '{list_name}' rows")
    return rows


def clean_label(text):
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

class Table:
    """One output table: its name, extra columns and rows (dicts keyed by column name)."""

    def __init__(self, name, extra_columns, rows, sort_key=None, description="", source=""):
        self.name = name
        self.columns = COMMON_COLUMNS + extra_columns
        self.rows = sorted(rows, key=sort_key or (lambda r: r["code"]))
        self.description = description
        self.source = source

    def check(self):
        codes, iris = {}, {}
        for row in self.rows:
            for column in self.columns:
                value = row.get(column, "")
                if "\t" in value or "\n" in value or "\r" in value:
                    raise GenerationError(f"{self.name}.tsv: tab or line break in {column} of {row['code']}")
            if not row["code"] or not row["label_en"]:
                raise GenerationError(f"{self.name}.tsv: row without code or label: {row}")
            for column in ["code"] + CODE_COLUMNS.get(self.name, []):
                value = row.get(column, "")
                if not value:
                    continue
                key = code_key(value)
                other = codes.get(key)
                if other is not None and other != row["code"]:
                    raise GenerationError(
                        f"{self.name}.tsv: code '{value}' means both {other} and {row['code']}")
                codes[key] = row["code"]
            if row["iri"]:
                key = iri_key(row["iri"])
                if key in iris:
                    raise GenerationError(f"{self.name}.tsv: IRI {row['iri']} appears twice")
                iris[key] = row["code"]

    def concept_keys(self):
        """text keys of codes and labels -> concept code (first row wins for shared labels)."""
        keys = {}
        for row in self.rows:
            for column in ["code"] + CODE_COLUMNS.get(self.name, []):
                if row.get(column):
                    keys.setdefault(text_key(row[column]), row["code"])
        for row in self.rows:
            keys.setdefault(text_key(row["label_en"]), row["code"])
        return keys

    def own_keys(self, code):
        row = next(r for r in self.rows if r["code"] == code)
        keys = {text_key(row["label_en"])}
        for column in ["code"] + CODE_COLUMNS.get(self.name, []):
            if row.get(column):
                keys.add(text_key(row[column]))
        return keys

    def render(self):
        lines = ["\t".join(self.columns)]
        for row in self.rows:
            lines.append("\t".join(row.get(c, "") for c in self.columns))
        return "\n".join(lines) + "\n"


def build_isced(refdata):
    rows = read_csv(refdata / "isced-f-2013.csv")
    elm = {r["code"]: r for r in read_csv(refdata / "elm-cv-isced-f.csv")}
    out = []
    for r in rows:
        code = r["code"]
        if not code.isdigit() or len(code) not in (2, 3, 4):
            raise GenerationError(f"isced-f-2013.csv:{r['_line']}: bad code '{code}'")
        expected_level = {2: "broad", 3: "narrow", 4: "detailed"}[len(code)]
        if r["level"] != expected_level:
            raise GenerationError(f"isced-f-2013.csv:{r['_line']}: level {r['level']} for code {code}")
        iri = ISCED_BASE + code
        if r["uri"] != iri:
            raise GenerationError(f"isced-f-2013.csv:{r['_line']}: IRI {r['uri']} is not {iri}")
        if code not in elm or elm[code]["concept_uri"] != iri:
            raise GenerationError(f"isced-f-2013.csv:{r['_line']}: {code} not in elm-cv-isced-f.csv")
        out.append({
            "code": code, "iri": iri, "label_en": clean_label(r["label_en"]),
            "scheme_iri": elm[code]["scheme_uri"], "level": r["level"],
            "broad": r["broad"], "narrow": r["narrow"],
        })
    if set(elm) != {r["code"] for r in out}:
        raise GenerationError("isced-f-2013.csv and elm-cv-isced-f.csv have different code sets")
    return Table("isced-f", ["level", "broad", "narrow"], out,
                 description="ISCED-F 2013 fields of education and training: broad (2 digits), "
                             "narrow (3) and detailed (4) fields, leading zeros kept.",
                 source="isced-f-2013.csv (codes, levels, clean English labels), checked against "
                        "elm-cv-isced-f.csv (IRIs, scheme)")


def build_eqf(refdata, edc_rows):
    rows = read_csv(refdata / "elm-cv-eqf.csv")
    edc = {r["concept_uri"]: r for r in edc_block(edc_rows, "European Qualifications Framework for lifelong learning")}
    out = []
    for r in rows:
        if r["concept_uri"] not in edc:
            raise GenerationError(f"elm-cv-eqf.csv:{r['_line']}: {r['concept_uri']} not in the EDC template")
        out.append({"code": r["code"], "iri": r["concept_uri"], "label_en": clean_label(r["label_en"]),
                    "scheme_iri": r["scheme_uri"]})
    if sorted(int(r["code"]) for r in out) != list(range(1, 9)):
        raise GenerationError("elm-cv-eqf.csv: expected EQF levels 1 to 8")
    return Table("eqf", [], out, sort_key=lambda r: int(r["code"]),
                 description="European Qualifications Framework levels 1-8.",
                 source="elm-cv-eqf.csv, checked against the EQF block of "
                        "europass-controlled-lists.edc-template.csv")


def build_qf_ehea(refdata, eqf):
    cycle_codes = {"short cycle": "short", "first cycle": "1", "second cycle": "2", "third cycle": "3"}
    eqf_iris = {r["code"]: r["iri"] for r in eqf.rows}
    out = []
    for r in read_csv(refdata / "qf-ehea-eqf.csv"):
        cycle = r["qf_ehea_cycle"]
        if cycle not in cycle_codes:
            raise GenerationError(f"qf-ehea-eqf.csv:{r['_line']}: unknown cycle '{cycle}'")
        if eqf_iris.get(r["eqf_level"]) != r["eqf_uri"]:
            raise GenerationError(f"qf-ehea-eqf.csv:{r['_line']}: EQF IRI {r['eqf_uri']} does not match eqf.tsv")
        out.append({"code": cycle_codes[cycle], "iri": "", "label_en": cycle, "scheme_iri": "",
                    "eqf_level": r["eqf_level"], "eqf_iri": r["eqf_uri"],
                    "typical_ects": r["typical_ects"], "note": r["note"]})
    return Table("qf-ehea", ["eqf_level", "eqf_iri", "typical_ects", "note"], out,
                 sort_key=lambda r: int(r["eqf_level"]),
                 description="QF-EHEA cycles (short, 1, 2, 3) with their EQF level and typical ECTS "
                             "range. The cycles have no EU concept IRI, so `iri` and `scheme_iri` are empty.",
                 source="qf-ehea-eqf.csv")


def build_countries(refdata):
    crosswalk = read_csv(refdata / "country-nal-iso-crosswalk.csv")
    elm = {r["code"]: r for r in read_csv(refdata / "elm-cv-country.csv")}
    datahub = {r["ISO3166-1-Alpha-2"]: r for r in read_csv(refdata / "country-codes.datahub.csv")
               if r["ISO3166-1-Alpha-2"]}
    scheme = EU_COUNTRY_BASE.rstrip("/")

    def nal(code, line):
        row = elm.get(code)
        if row is None:
            raise GenerationError(f"country-nal-iso-crosswalk.csv:{line}: NAL code {code} not in elm-cv-country.csv")
        if row["concept_uri"] != EU_COUNTRY_BASE + code:
            raise GenerationError(f"elm-cv-country.csv:{row['_line']}: unexpected IRI {row['concept_uri']}")
        return row

    out = []
    by_nal = {r["nal_code"]: r for r in crosswalk}
    for r in crosswalk:
        if not r["iso_alpha2"]:
            continue
        if r["in_elm3_xsd"] != "yes":
            raise GenerationError(f"country-nal-iso-crosswalk.csv:{r['_line']}: ISO row not in the ELM list")
        nal(r["nal_code"], r["_line"])
        dh = datahub.get(r["iso_alpha2"])
        if dh is None or dh["ISO3166-1-Alpha-3"] != r["iso_alpha3"]:
            raise GenerationError(f"country-nal-iso-crosswalk.csv:{r['_line']}: {r['iso_alpha2']} disagrees with country-codes.datahub.csv")
        eu_alpha2 = r["eu_protocol_alpha2"] if r["eu_protocol_alpha2"] != r["iso_alpha2"] else ""
        out.append({"code": r["iso_alpha2"], "iri": r["nal_uri"], "label_en": clean_label(r["nal_label_en"]),
                    "scheme_iri": scheme, "alpha3": r["iso_alpha3"], "numeric": r["iso_numeric"].zfill(3),
                    "nal_code": r["nal_code"], "eu_alpha2": eu_alpha2})

    # French Southern Territories: the NAL uses FQ0 where ISO 3166-1 has TF/ATF (crosswalk note).
    fq0 = by_nal.get("FQ0")
    if fq0 is None or "TF/ATF" not in fq0["note"]:
        raise GenerationError("country-nal-iso-crosswalk.csv: expected the FQ0 row to note ISO TF/ATF")
    nal("FQ0", fq0["_line"])
    atf = datahub.get("TF")
    if atf is None or atf["ISO3166-1-Alpha-3"] != "ATF":
        raise GenerationError("country-codes.datahub.csv: expected TF/ATF")
    out.append({"code": "TF", "iri": fq0["nal_uri"], "label_en": clean_label(fq0["nal_label_en"]),
                "scheme_iri": scheme, "alpha3": "ATF", "numeric": atf["ISO3166-1-numeric"].zfill(3),
                "nal_code": "FQ0", "eu_alpha2": ""})

    # Kosovo: NAL 1A0; the user-assigned XK/XKX named in the crosswalk note.
    kosovo = by_nal.get("1A0")
    if kosovo is None or "XK/XKX" not in kosovo["note"]:
        raise GenerationError("country-nal-iso-crosswalk.csv: expected the 1A0 row to note XK/XKX")
    nal("1A0", kosovo["_line"])
    out.append({"code": "XK", "iri": kosovo["nal_uri"], "label_en": clean_label(kosovo["nal_label_en"]),
                "scheme_iri": scheme, "alpha3": "XKX", "numeric": "", "nal_code": "1A0", "eu_alpha2": ""})

    missing = set(datahub) - {r["code"] for r in out}
    if missing:
        raise GenerationError(f"country-codes.datahub.csv: ISO codes without a NAL concept: {sorted(missing)}")
    return Table("countries", ["alpha3", "numeric", "nal_code", "eu_alpha2"], out,
                 description="ISO 3166-1 countries and territories with their EU country authority concept; "
                             "`code` is the ISO alpha-2 code, `eu_alpha2` the EU inter-institutional code "
                             "where it differs (EL, UK). Kosovo is XK/XKX (user-assigned) with NAL 1A0; "
                             "French Southern Territories is TF/ATF with NAL FQ0.",
                 source="country-nal-iso-crosswalk.csv (NAL code, IRI, English label, ISO codes, EU "
                        "protocol code), checked against elm-cv-country.csv and country-codes.datahub.csv")


def build_languages(refdata, sources, edc_rows):
    elm = read_csv(refdata / "elm-cv-language.csv")
    iso = {r["iso639_2t"]: r for r in read_tsv(sources / "supplements" / "iso-639-2.tsv")}
    eu_block = edc_block(edc_rows, "EU Languages Named Authority List")
    eu_iso1 = {last_segment(r["concept_uri"]): r["code"] for r in eu_block}
    out = []
    for r in elm:
        code = r["code"]
        if r["concept_uri"] != EU_LANGUAGE_BASE + code:
            raise GenerationError(f"elm-cv-language.csv:{r['_line']}: unexpected IRI {r['concept_uri']}")
        if code.startswith("OP_"):
            continue  # Publications Office technical entries, not languages
        supplement = iso.get(code.lower())
        label = clean_label(r["label_en"])
        iso1 = supplement["iso639_1"] if supplement else ""
        if not label:
            if not iso1:
                continue
            label = clean_label(supplement["name_en"].split(";")[0])
        if code in eu_iso1 and eu_iso1[code] != iso1:
            raise GenerationError(
                f"europass-controlled-lists.edc-template.csv: {code} has ISO 639-1 '{eu_iso1[code]}', "
                f"supplements/iso-639-2.tsv says '{iso1}'")
        out.append({"code": code, "iri": r["concept_uri"], "label_en": label, "scheme_iri": r["scheme_uri"],
                    "iso639_1": iso1,
                    "iso639_2t": supplement["iso639_2t"] if supplement else "",
                    "iso639_2b": (supplement["iso639_2b"] or supplement["iso639_2t"]) if supplement else ""})
    missing = set(eu_iso1) - {r["code"] for r in out}
    if missing:
        raise GenerationError(f"elm-cv-language.csv: EU-list languages missing: {sorted(missing)}")
    return Table("languages", ["iso639_1", "iso639_2t", "iso639_2b"], out,
                 description="Languages of the EU language authority; `code` is the NAL code. Rows: every "
                             "language with an English label in the ELM list, plus NAL languages that "
                             "have an ISO 639-1 code but no English label there (label from ISO 639-2).",
                 source="elm-cv-language.csv (codes, IRIs, English labels); ISO 639-1/639-2 codes from "
                        "supplements/iso-639-2.tsv, checked against the EU Languages block of "
                        "europass-controlled-lists.edc-template.csv")


def build_elm_list(refdata, name, filename, description, edc_rows=None, edc_list=None):
    rows = read_csv(refdata / filename)
    out = []
    for r in rows:
        if r["concept_uri"] != r["scheme_uri"].rsplit("/", 1)[0] + "/" + r["code"]:
            raise GenerationError(f"{filename}:{r['_line']}: IRI {r['concept_uri']} does not end in {r['code']}")
        out.append({"code": r["code"], "iri": r["concept_uri"], "label_en": clean_label(r["label_en"]),
                    "scheme_iri": r["scheme_uri"]})
    source = filename
    if edc_list:
        edc = {r["concept_uri"] for r in edc_block(edc_rows, edc_list)}
        if edc != {r["iri"] for r in out}:
            raise GenerationError(f"{filename}: concepts differ from the EDC template list '{edc_list}'")
        source += f", checked against the '{edc_list}' block of europass-controlled-lists.edc-template.csv"
    return Table(name, [], out, description=description, source=source)


def build_supervision(edc_rows):
    block = edc_block(edc_rows, "Europass Standard List of Methods Of Supervision And Verification")
    out = []
    for r in block:
        out.append({"code": last_segment(r["concept_uri"]), "iri": r["concept_uri"],
                    "label_en": clean_label(r["name"]), "scheme_iri": r["list_uri"]})
    return Table("supervision-verification", [], out,
                 description="Europass methods of supervision and identity verification (4 concepts). "
                             "Labels are the template's `name` column, which matches the official prefLabel.",
                 source="the 'Methods Of Supervision And Verification' block of "
                        "europass-controlled-lists.edc-template.csv (not in the ELM XSD folder)")


# ---------------------------------------------------------------------------------------------
# Aliases
# ---------------------------------------------------------------------------------------------

def refdata_aliases(tables, refdata, edc_rows):
    """Aliases that come straight from the shared source lists: (table, alias, code, lang, source)."""
    out = []
    edc = "europass-controlled-lists.edc-template.csv"
    # EDC template keys for credential types, learning settings and supervision methods.
    for r in edc_block(edc_rows, "Europass Standard List of Credential Types"):
        out.append(("credential-types", r["label"], last_segment(r["concept_uri"]), "", f"{edc} (label)"))
    for r in edc_block(edc_rows, "Europass Standard List of Learning Setting Types"):
        out.append(("learning-settings", r["code"], last_segment(r["concept_uri"]), "", f"{edc} (code)"))
    for r in edc_block(edc_rows, "Europass Standard List of Methods Of Supervision And Verification"):
        out.append(("supervision-verification", r["code"], last_segment(r["concept_uri"]), "", f"{edc} (code)"))
    # Endonyms of the EU-list languages. The Latvian row's label ('lietuviešu valoda') means
    # "Lithuanian" in Latvian, so it is left out; the hand-written aliases carry 'latviešu valoda'.
    for r in edc_block(edc_rows, "EU Languages Named Authority List"):
        code = last_segment(r["concept_uri"])
        if code == "LAV":
            continue
        out.append(("languages", r["name"], code, r["code"], f"{edc} (name)"))
    # Other English country names from the datahub list.
    known = {r["code"] for r in tables["countries"].rows}
    for r in read_csv(refdata / "country-codes.datahub.csv"):
        a2 = r["ISO3166-1-Alpha-2"]
        if a2 not in known:
            continue
        for column in ("CLDR display name", "official_name_en"):
            if r[column]:
                out.append(("countries", r[column], a2, "en", f"country-codes.datahub.csv ({column})"))
    return out


def hand_aliases(sources, table_names):
    out = []
    folder = sources / "aliases-source"
    if not folder.is_dir():
        raise GenerationError(f"{folder}: missing alias source folder")
    for path in sorted(folder.glob("*.tsv")):
        table = path.stem
        if table not in table_names:
            raise GenerationError(f"{path}: no table named '{table}'")
        for r in read_tsv(path):
            out.append((table, r["alias"], r["code"], r["lang"], f"aliases-source/{path.name}", path, r["_line"]))
    return out


def build_aliases(tables, refdata, sources, edc_rows):
    entries = [e + (None, None) for e in refdata_aliases(tables, refdata, edc_rows)]
    entries += hand_aliases(sources, set(tables))
    concept_keys = {name: t.concept_keys() for name, t in tables.items()}
    codes = {name: {r["code"] for r in t.rows} for name, t in tables.items()}
    merged = {}  # (table, key) -> dict
    for table, alias, code, lang, source, path, line in entries:
        where = f"{path}:{line}" if path else source
        alias = clean_label(alias)
        if not alias or "\t" in alias:
            raise GenerationError(f"{where}: empty alias or tab in alias")
        if code not in codes[table]:
            raise GenerationError(f"{where}: '{code}' is not a code of {table}.tsv")
        key = text_key(alias)
        if key in tables[table].own_keys(code):
            continue  # the label or a code of the concept already matches
        taken = concept_keys[table].get(key)
        if taken is not None and taken != code:
            raise GenerationError(f"{where}: alias '{alias}' is already the code or label of {taken} in {table}.tsv")
        existing = merged.get((table, key))
        if existing is None:
            merged[(table, key)] = {"table": table, "alias": alias, "code": code,
                                    "langs": [x for x in lang.split(",") if x], "sources": [source]}
            continue
        if existing["code"] != code:
            raise GenerationError(f"{where}: alias '{alias}' means both {existing['code']} and {code} in {table}.tsv")
        for x in lang.split(","):
            if x and x not in existing["langs"]:
                existing["langs"].append(x)
        if source not in existing["sources"]:
            existing["sources"].append(source)
    rows = sorted(merged.values(), key=lambda e: (e["table"], text_key(e["alias"]), e["alias"]))
    lines = ["table\talias\tcode\tlang\tsource"]
    for e in rows:
        lines.append("\t".join([e["table"], e["alias"], e["code"], ",".join(sorted(e["langs"])),
                                "; ".join(sorted(e["sources"]))]))
    return "\n".join(lines) + "\n", rows


# ---------------------------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------------------------

def render_readme(tables, alias_rows):
    extra_docs = {
        "level": "`broad`, `narrow` or `detailed`",
        "broad": "the 2-digit broad field the code belongs to",
        "narrow": "the 3-digit narrow field (empty for broad fields)",
        "eqf_level": "the EQF level of the cycle",
        "eqf_iri": "the EQF concept IRI of that level",
        "typical_ects": "typical ECTS credit range (free text)",
        "note": "remark from the source table",
        "alpha3": "ISO 3166-1 alpha-3 (XKX for Kosovo, user-assigned)",
        "numeric": "ISO 3166-1 numeric, 3 digits (empty for Kosovo)",
        "nal_code": "the EU country authority code (last IRI segment; differs from alpha3 for Kosovo 1A0 and TF FQ0)",
        "eu_alpha2": "EU inter-institutional alpha-2 where it differs from ISO (EL, UK)",
        "iso639_1": "ISO 639-1 two-letter code, where one exists",
        "iso639_2t": "ISO 639-2/T code, where the NAL code is an ISO 639-2 code",
        "iso639_2b": "ISO 639-2/B code (equal to /T unless ISO defines a separate bibliographic code)",
    }
    out = []
    out.append("# Controlled vocabularies\n")
    out.append("Generated by `Scripts/generate-vocab.py` from the shared source lists in "
               "`../shared/refdata/vocab/` (see `SOURCES.md` there) and the project's own inputs in "
               "`aliases-source/` and `supplements/`. The `.tsv` files directly in this folder and this "
               "README are generated: do not edit them by hand; change the script or its inputs "
               "(the files in `aliases-source/` and `supplements/` are edited by hand) and "
               "regenerate. `Vocabularies.load(from:)` in `Sources/MicrocredModel/Vocabulary/` "
               "reads them.\n")
    out.append("## Regenerating\n")
    out.append("```\npython3 Scripts/generate-vocab.py            # from the repository root\n"
               "python3 Scripts/generate-vocab.py --refdata PATH/TO/refdata/vocab --out DIR\n```\n")
    out.append("The output is deterministic. A test in `Tests/MicrocredModelTests/Vocabulary/` regenerates "
               "the tables into a temporary folder and fails if they differ from the committed ones "
               "(it is skipped when `../shared/refdata/vocab` is absent, unless "
               "`MICROCRED_REQUIRE_REFDATA=1`).\n")
    out.append("## Format\n")
    out.append("UTF-8, LF line ends, tab-separated, no quoting, one header row. Every table begins with:\n")
    out.append("| column | meaning |\n|---|---|\n"
               "| `code` | the concept's code (last IRI segment; ISO alpha-2 for countries) |\n"
               "| `iri` | the EU concept IRI |\n"
               "| `label_en` | English label |\n"
               "| `scheme_iri` | the concept scheme IRI (ELM `targetFrameworkUrl`) |\n")
    out.append("Lookups (in `Sources/MicrocredModel/Vocabulary/`) match codes case-insensitively "
               "(ISCED-F codes missing their leading zeros are reported as padded), IRIs tolerating "
               "surrounding whitespace, a trailing slash, `https` and letter case, and labels and "
               "aliases ignoring case, diacritics, hyphens and repeated spaces. When several concepts "
               "share a label, the first row wins.\n")
    out.append("## Tables\n")
    for t in tables.values():
        out.append(f"### `{t.name}.tsv` ({len(t.rows)} rows)\n")
        out.append(t.description + "\n")
        extras = t.columns[len(COMMON_COLUMNS):]
        if extras:
            out.append("Extra columns: " + "; ".join(f"`{c}` {extra_docs[c]}" for c in extras) + ".\n")
        alt = CODE_COLUMNS.get(t.name)
        if alt:
            out.append("Also matched as codes: " + ", ".join(f"`{c}`" for c in alt) + ".\n")
        out.append(f"Source: {t.source}.\n")
    out.append(f"### `aliases.tsv` ({len(alias_rows)} rows)\n")
    out.append("Other names for concepts: national-language and colloquial names, EDC template keys "
               "and alternative English names. Columns: `table` (the table name without `.tsv`), "
               "`alias`, `code` (the concept code in that table), `lang` (languages the alias is used "
               "in, when known), `source` (where the alias comes from). An alias never names two "
               "concepts, never equals another concept's code or label, and is dropped when it "
               "already matches its own concept's label or code.\n")
    out.append("Source: `aliases-source/<table>.tsv` (hand-written: alias, code, lang) merged with names "
               "taken from the shared lists (EDC template keys and EU-language endonyms, "
               "datahub country names).\n")
    out.append("## Project inputs\n")
    out.append("- `aliases-source/*.tsv`: hand-written aliases, one file per table.\n"
               "- `supplements/iso-639-2.tsv`: ISO 639-2/T, 639-2/B and 639-1 codes with English names, "
               "extracted from the Debian `iso-codes` package (`iso_639-2.json`, LGPL-2.1+) with "
               "`--refresh-iso639`; the shared lists have ISO 639-1 codes only for the 29 EU-list "
               "languages.\n")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

def refresh_iso639(json_path, sources):
    data = json.loads(Path(json_path).read_text(encoding="utf-8"))["639-2"]
    rows = sorted((x["alpha_3"], x.get("bibliographic", ""), x.get("alpha_2", ""), x["name"])
                  for x in data if len(x["alpha_3"]) == 3)
    target = sources / "supplements" / "iso-639-2.tsv"
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = ["iso639_2t\tiso639_2b\tiso639_1\tname_en"] + ["\t".join(r) for r in rows]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def generate(refdata, sources, out_dir):
    edc_rows = read_csv(refdata / "europass-controlled-lists.edc-template.csv")
    eqf = build_eqf(refdata, edc_rows)
    tables = {}
    tables["isced-f"] = build_isced(refdata)
    tables["eqf"] = eqf
    tables["qf-ehea"] = build_qf_ehea(refdata, eqf)
    tables["countries"] = build_countries(refdata)
    tables["languages"] = build_languages(refdata, sources, edc_rows)
    tables["learning-modes"] = build_elm_list(
        refdata, "learning-modes", "elm-cv-europass-modes.csv",
        "Europass modes of learning and assessment (form of participation): online, presential "
        "(on site), blended, work-based, project-based, research-lab based.",
        edc_rows, "Europass Standard List of Modes of Learning and Assessment")
    tables["learning-settings"] = build_elm_list(
        refdata, "learning-settings", "elm-cv-europass-learning-setting-types.csv",
        "Europass learning setting types: formal and non-formal learning.",
        edc_rows, "Europass Standard List of Learning Setting Types")
    tables["assessment-types"] = build_elm_list(
        refdata, "assessment-types", "elm-cv-europass-learning-assessment-types.csv",
        "Europass assessment types (written examination, oral examination, portfolio, ...).",
        edc_rows, "Europass Standard List Of Assessment Types")
    tables["supervision-verification"] = build_supervision(edc_rows)
    tables["credit-systems"] = build_elm_list(
        refdata, "credit-systems", "elm-cv-credit-points.csv",
        "Credit systems: ECTS and ECVET.")
    tables["credential-types"] = build_elm_list(
        refdata, "credential-types", "elm-cv-europass-credential-types.csv",
        "Europass credential types (Generic, Qualification Award, Diploma Supplement, ...).",
        edc_rows, "Europass Standard List of Credential Types")
    for t in tables.values():
        t.check()
    aliases_text, alias_rows = build_aliases(tables, refdata, sources, edc_rows)

    out_dir.mkdir(parents=True, exist_ok=True)
    files = {f"{name}.tsv": t.render() for name, t in tables.items()}
    files["aliases.tsv"] = aliases_text
    files["README.md"] = render_readme(tables, alias_rows)
    for name, text in files.items():
        (out_dir / name).write_text(text, encoding="utf-8", newline="\n")


def main(argv):
    parser = argparse.ArgumentParser(description="Generate Mappings/vocab/ tables from the shared source lists.")
    parser.add_argument("--refdata", type=Path, default=REPO_ROOT.parent / "shared" / "refdata" / "vocab",
                        help="folder with the shared source lists (default: ../shared/refdata/vocab)")
    parser.add_argument("--sources", type=Path, default=REPO_ROOT / "Mappings" / "vocab",
                        help="folder with aliases-source/ and supplements/ (default: Mappings/vocab)")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "Mappings" / "vocab",
                        help="output folder (default: Mappings/vocab)")
    parser.add_argument("--refresh-iso639", metavar="JSON",
                        help="rewrite supplements/iso-639-2.tsv from iso-codes' iso_639-2.json and exit")
    args = parser.parse_args(argv)
    try:
        if args.refresh_iso639:
            refresh_iso639(args.refresh_iso639, args.sources)
            return 0
        if not args.refdata.is_dir():
            raise GenerationError(f"{args.refdata}: refdata folder not found")
        generate(args.refdata, args.sources, args.out)
    except GenerationError as error:
        print(f"generate-vocab: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
