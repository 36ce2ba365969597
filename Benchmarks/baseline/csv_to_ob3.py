#!/usr/bin/env python3
"""Baseline for the csv -> ob3 benchmark: the same conversion in straightforward Python.

    csv_to_ob3.py INPUT.csv -o OUTPUT.jsonl [--report REPORT.json] [--salt-secret SECRET] [--rejects FILE]

Reads the registrar export that Benchmarks/generate.py writes (the layout Benchmarks/registrar.yaml
describes), maps each row to a micro-credential, checks it, and writes the credentials that pass as
Open Badges 3.0 JSON Lines shaped as `microcred convert --to ob3` writes them (the same members in the
same order, the inline extension context, recipients hashed with the same salt); on the benchmark's
data the output is byte-identical to microcred's. It prints "read N, written N, rejected N" and, with
--report, writes the counts in the members of microcred's run report (recordsRead, recordsWritten,
recordsRejected, rejectionCounts, diagnosticCounts).

Only the standard library: csv, json, re, datetime, hashlib, hmac, unicodedata.

What it does, as microcred does for this layout:
  - reading: RFC 4180 through the csv module (quoted cells with commas, quotes, line breaks), UTF-8;
    the columns of registrar.yaml, by header name (every one must be present);
  - values: dates in dd.MM.yyyy (day and month of one or two digits, checked as calendar dates);
    decimals with a decimal comma, a trailing unit word dropped ("7,5 ECTS"); EQF level as a whole
    number; ISCED-F codes of digits padded to four; `|`-separated learning outcomes with the ESCO
    skills lined up by position; the two value maps of the mapping (mode of study, learning setting);
  - normalisation: names and titles trimmed, white space collapsed, Unicode NFC; e-mail addresses
    lower-cased; mode of study, learning setting, assessment type and supervision looked up in
    Mappings/vocab (codes, IRIs, English labels and aliases, ignoring case, hyphens and repeated
    spaces) and written as EU concept IRIs; country codes (alpha-2, alpha-3, EL/UK) to ISO alpha-2;
  - checks that reject a record (errors): required cells (Credential ID, Student ID, Completion date)
    present; dates and numbers readable; the eu-2022 elements (learner, title, issuer country,
    awarding body, date of issuing, learning outcomes, workload, level, assessment type, form of
    participation, quality assurance) present; EQF level 1-8; ECTS and hours above zero; validity
    ending after the date of issuing; date of birth before it; no credential id written twice;
  - checks that only warn (the record is written): e-mail shape, unknown country, unknown ISCED-F
    code, unknown vocabulary value, hours per ECTS credit outside 20-36, awarding body without
    country, date of issuing in the future.

What it does not do (so it does less work than microcred):
  - it reads only this layout: no mapping file (YAML needs a package), no other delimiter, encoding,
    header row or date format, no templates beyond the homepage copy, no Excel artefacts
    (`="0613"`, repeated headers, skipped rows), no byte-level error recovery (a malformed quote
    follows the csv module's rules, not microcred's line-based resynchronisation);
  - no unmapped-field bookkeeping (every column is mapped), no record-size limit, no progress,
    no HTML report; the rejects file holds the codes only, not messages, hints and locations;
  - vocabulary matching ignores case, hyphens and repeated spaces but not diacritics, and it does
    not distinguish silent replacements from noted ones;
  - OB 3.0 writing covers the members this layout fills; anything else microcred can write
    (multilingual texts, evidence, endorsements, awarding bodies beyond the issuer, extension
    members for other model fields) is not implemented;
  - one process, one thread: no --jobs.
"""
import argparse
import csv
import hashlib
import hmac
import json
import os
import re
import sys
import unicodedata
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VOCAB = os.path.join(ROOT, "Mappings", "vocab")
CONTEXT_FILE = os.path.join(ROOT, "docs", "contexts", "microcred-ob3-extension-v1.jsonld")

COLUMNS = [
    "Credential ID", "Student ID", "Family name", "Given name", "Email", "Date of birth", "Course URL", "Course title",
    "Completion date", "Valid until", "ECTS", "Workload (hours)", "EQF level", "ISCED-F", "Language", "Mode of study",
    "Learning setting", "Assessment", "Supervision", "Grade", "Learning outcomes", "ESCO skills", "Prerequisites",
    "Stackability", "Quality assurance", "Course page", "Institution", "Institution URL", "Institution country",
    "VAT number", "Institution e-mail"]
REQUIRED = ("Credential ID", "Student ID", "Completion date")
MODE_VALUES = {"on campus": "Presential", "work-based": "Workbased"}
SETTING_VALUES = {"formal": "formal learning", "non-formal": "non-formal learning"}
ECTS_FRAMEWORK = "http://data.europa.eu/snb/education-credit/6fcec5c5af"
DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
NUMBER_BODY = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")


class Rejected(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Vocabularies (Mappings/vocab)

def read_table(name):
    with open(os.path.join(VOCAB, name), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def vocabulary_key(text):
    return " ".join(text.lower().replace("-", "").split())


def concept_lookup(table, alias_table):
    """value (code, IRI, English label or alias) -> concept IRI."""
    lookup = {}
    rows = read_table(table)
    by_code = {row["code"]: row["iri"] for row in rows}
    for row in rows:
        for value in (row["code"], row["iri"], row["label_en"]):
            lookup.setdefault(vocabulary_key(value), row["iri"])
    for row in ALIASES:
        if row["table"] == alias_table and row["code"] in by_code:
            lookup.setdefault(vocabulary_key(row["alias"]), by_code[row["code"]])
    return lookup


ALIASES = read_table("aliases.tsv")
MODES = concept_lookup("learning-modes.tsv", "learning-modes")
SETTINGS = concept_lookup("learning-settings.tsv", "learning-settings")
ASSESSMENTS = concept_lookup("assessment-types.tsv", "assessment-types")
SUPERVISIONS = concept_lookup("supervision-verification.tsv", "supervision-verification")
COUNTRIES = {}
for _row in read_table("countries.tsv"):
    for _value in (_row["code"], _row["alpha3"], _row["nal_code"], _row["eu_alpha2"]):
        if _value:
            COUNTRIES.setdefault(_value.upper(), _row["code"])
LANGUAGES = {}
for _row in read_table("languages.tsv"):
    if _row["iso639_1"]:
        LANGUAGES[_row["iso639_1"]] = _row["iso639_1"]
        LANGUAGES[_row["code"].lower()] = _row["iso639_1"]
ISCED_CODES = {row["code"] for row in read_table("isced-f.tsv")}

with open(CONTEXT_FILE, encoding="utf-8") as _handle:
    EXTENSION_CONTEXT = json.load(_handle)["@context"]
CONTEXTS = {}


def context_for(terms, dumps):
    """`{"@context":[…],` with the inline extension context reduced to the terms a credential uses,
    as microcred writes it; serialised once per set of terms (it is most of a credential's bytes)."""
    key = frozenset(terms)
    if key not in CONTEXTS:
        reduced = {name: value for name, value in EXTENSION_CONTEXT.items() if not isinstance(value, dict) or name in key}
        CONTEXTS[key] = '{"@context":' + dumps(["https://www.w3.org/ns/credentials/v2",
                                                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", reduced]) + ","
    return CONTEXTS[key]


# ---------------------------------------------------------------------------------------------
# Values

def clean(text):
    """Trimmed, white space collapsed, NFC (microcred's `text` stage)."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def parse_date(text, findings, column):
    match = DATE.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            pass
    findings.append(("csv.invalid-date", "error", column))
    return None


def parse_decimal(text, findings, column):
    """A decimal with a decimal comma, a trailing unit word dropped; returned as microcred keeps it."""
    body = text
    for index, character in enumerate(body):
        if character.isalpha():
            body = body[:index]
            break
    body = body.replace(" ", "").replace("\u00a0", "").replace("'", "").replace(".", "").replace(",", ".").strip()
    if not NUMBER_BODY.match(body):
        findings.append(("csv.invalid-number", "error", column))
        return None
    whole, _, fraction = body.partition(".")
    whole, fraction = whole.lstrip("0") or "0", fraction.rstrip("0")
    return whole + "." + fraction if fraction else whole


def concept(value, lookup, code, findings):
    iri = lookup.get(vocabulary_key(value))
    if iri is None:
        findings.append((code, "warning", value))
        return value
    return iri


# ---------------------------------------------------------------------------------------------
# One row

def convert(row, secret, written_ids, findings, dumps):
    """The OB 3.0 credential of one row as JSON text, or raises Rejected; `findings` collects the
    codes of what was found."""
    for column in REQUIRED:
        if not row[column]:
            findings.append(("csv.missing-value", "error", column))
    credential_id = row["Credential ID"]
    issued = parse_date(row["Completion date"], findings, "Completion date") if row["Completion date"] else None
    valid_until = parse_date(row["Valid until"], findings, "Valid until") if row["Valid until"] else None
    born = parse_date(row["Date of birth"], findings, "Date of birth") if row["Date of birth"] else None
    ects = parse_decimal(row["ECTS"], findings, "ECTS") if row["ECTS"] else None
    hours = parse_decimal(row["Workload (hours)"], findings, "Workload (hours)") if row["Workload (hours)"] else None
    eqf = None
    if row["EQF level"]:
        digits = row["EQF level"].upper().removeprefix("EQF").strip()
        if digits.isdigit():
            eqf = int(digits)
        else:
            findings.append(("csv.invalid-number", "error", "EQF level"))
    isced = row["ISCED-F"]
    if isced.isdigit() and len(isced) < 4:
        isced = isced.zfill(4)
        findings.append(("csv.zero-padded", "note", "ISCED-F"))
    if any(severity == "error" for _, severity, _ in findings):
        raise Rejected()

    given, family = clean(row["Given name"]), clean(row["Family name"])
    email = row["Email"].strip()
    if email != email.lower():
        findings.append(("normalise.email-lowercased", "note", "Email"))
    email = email.lower() or None
    if email and (email.count("@") != 1 or email.startswith("@") or " " in email
                  or "." not in email.split("@")[1] or email.split("@")[1][:1] == "." or email.endswith(".")):
        findings.append(("value.invalid-email", "warning", "Email"))
    student = row["Student ID"]
    title = clean(row["Course title"])
    texts = [clean(part) for part in row["Learning outcomes"].split("|")] if row["Learning outcomes"] else []
    skills = [part.strip() for part in row["ESCO skills"].split("|")] if row["ESCO skills"] else []
    outcomes = []
    for index in range(max(len(texts), len(skills))):
        text = texts[index] if index < len(texts) else ""
        skill = skills[index] if index < len(skills) else ""
        if text or skill:
            outcomes.append((text, skill or None))
    if isced and isced not in ISCED_CODES:
        findings.append(("value.unknown-isced-f", "warning", isced))
    language = LANGUAGES.get(row["Language"].lower(), row["Language"]) if row["Language"] else None
    mode_text = MODE_VALUES.get(row["Mode of study"].strip().lower(), row["Mode of study"])
    setting_text = SETTING_VALUES.get(row["Learning setting"].strip().lower(), row["Learning setting"])
    mode = concept(mode_text, MODES, "value.unknown-learning-mode", findings) if mode_text else None
    setting = concept(setting_text, SETTINGS, "value.unknown-learning-setting", findings) if setting_text else None
    assessment = concept(row["Assessment"], ASSESSMENTS, "value.unknown-assessment-type", findings) if row["Assessment"] else None
    supervision = concept(row["Supervision"], SUPERVISIONS, "value.unknown-supervision", findings) if row["Supervision"] else None
    country = row["Institution country"].strip()
    if country:
        if country.upper() in COUNTRIES:
            country = COUNTRIES[country.upper()]
        else:
            findings.append(("value.unknown-country", "warning", country))
    institution = clean(row["Institution"])
    quality = row["Quality assurance"]

    # Validation: the eu-2022 elements, then the value and cross-field rules.
    required = {
        "eu.missing-learner-identification": bool(given or family or email or student),
        "eu.missing-title": bool(title),
        "eu.missing-issuer-country": bool(country),
        "eu.missing-awarding-body": bool(institution),
        "eu.missing-date-of-issuing": issued is not None,
        "eu.missing-learning-outcomes": any(text for text, _ in outcomes),
        "eu.missing-workload": hours is not None or ects is not None,
        "eu.missing-level": eqf is not None,
        "eu.missing-assessment-type": bool(assessment),
        "eu.missing-participation-form": bool(mode or setting),
        "eu.missing-quality-assurance": bool(quality),
    }
    findings.extend((code, "error", None) for code, present in required.items() if not present)
    if eqf is not None and not 1 <= eqf <= 8:
        findings.append(("value.eqf-out-of-range", "error", "EQF level"))
    if ects is not None and float(ects) <= 0:
        findings.append(("value.credits-not-positive", "error", "ECTS"))
    if hours is not None and float(hours) <= 0:
        findings.append(("value.credits-not-positive", "error", "Workload (hours)"))
    if ects is not None and hours is not None and float(ects) > 0 and float(hours) > 0 \
            and not 20 <= float(hours) / float(ects) <= 36:
        findings.append(("workload.hours-ects-mismatch", "warning", "Workload (hours)"))
    if institution and not country:
        findings.append(("organisation.missing-country", "warning", "Institution country"))
    if issued is not None and valid_until is not None and valid_until < issued:
        findings.append(("date.valid-until-before-valid-from", "error", "Valid until"))
    if issued is not None and born is not None and born >= issued:
        findings.append(("date.birth-after-issue", "error", "Date of birth"))
    if issued is not None and issued > date.today():
        findings.append(("date.issued-in-future", "warning", "Completion date"))
    # The OB 3.0 write rules.
    if not credential_id:
        findings.append(("ob3.write.missing-id", "error", None))
    if not institution and not row["Institution URL"]:
        findings.append(("ob3.write.missing-issuer", "error", None))
    if not (email or student):
        findings.append(("ob3.write.missing-recipient", "error", None))
    if any(severity == "error" for _, severity, _ in findings):
        raise Rejected()
    if credential_id in written_ids:
        findings.append(("batch.duplicate-credential-id", "error", "Credential ID"))
        raise Rejected()
    written_ids.add(credential_id)

    # The OB 3.0 credential, member by member as microcred writes it.
    terms = {"otherIdentifier", "dateOnly"}
    identifiers = []
    if email:
        salt = hmac.new(secret.encode(), ("microcred/recipient-salt\x1f" + credential_id).encode(), hashlib.sha256).hexdigest()[:32]
        identifiers.append({"type": "IdentityObject", "identityHash": "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest(),
                            "identityType": "emailAddress", "hashed": True, "salt": salt})
    if student:
        identifiers.append({"type": "IdentityObject", "identityHash": student, "identityType": "ext:studentId", "hashed": False})
    achievement = {"id": row["Course URL"], "type": ["Achievement"], "achievementType": "MicroCredential",
                   "name": title, "description": title,
                   "criteria": {"narrative": "\n".join("- " + text for text, _ in outcomes if text) or title}}
    if language:
        achievement["inLanguage"] = language
    alignments = []
    if eqf is not None:
        alignments.append({"type": ["Alignment"], "targetName": f"EQF level {eqf}", "targetUrl": f"http://data.europa.eu/snb/eqf/{eqf}",
                           "targetFramework": "European Qualifications Framework", "targetCode": str(eqf)})
    if isced:
        alignments.append({"type": ["Alignment"], "targetName": f"ISCED-F {isced}", "targetUrl": f"http://data.europa.eu/snb/isced-f/{isced}",
                           "targetFramework": "ISCED-F 2013", "targetCode": isced})
    for text, skill in outcomes:
        if skill:
            alignments.append({"type": ["Alignment"], "targetName": text, "targetUrl": skill, "targetFramework": "ESCO"})
    if alignments:
        achievement["alignment"] = alignments
    if ects is not None:
        achievement["creditsAvailable"] = float(ects) if "." in ects else int(ects)
    if isced:
        achievement["fieldOfStudy"] = f"ISCED-F {isced}"
    if any(skill is None for _, skill in outcomes):
        achievement["learningOutcome"] = [{"title": text, "relatedESCOSkill": skill} if skill else {"title": text}
                                          for text, skill in outcomes]
        terms.add("learningOutcome")
    if ects is not None:
        achievement["creditPoint"] = [{"framework": ECTS_FRAMEWORK, "point": ects}]
        terms.add("creditPoint")
    if hours is not None:
        whole, _, fraction = hours.partition(".")
        minutes = round(float("0." + fraction) * 60) if fraction else 0
        achievement["volumeOfLearning"] = f"PT{whole}H" + (f"{minutes}M" if minutes else "")
        terms.add("volumeOfLearning")
    for key, value in (("mode", mode), ("learningSetting", setting), ("assessmentType", assessment),
                       ("idVerification", supervision)):
        if value:
            achievement[key] = value
            terms.add(key)
    if quality:
        achievement["accreditation"] = [{"dcType": quality}]
        terms.add("accreditation")
    if row["Prerequisites"]:
        achievement["entryRequirement"] = row["Prerequisites"]
        terms.add("entryRequirement")
    if row["Stackability"]:
        achievement["stackability"] = row["Stackability"]
        terms.add("stackability")
    subject = {"type": ["AchievementSubject"], "identifier": identifiers, "achievement": achievement}
    if row["Grade"]:
        subject["result"] = [{"type": ["Result"], "value": row["Grade"]}]
    for key, value in (("givenName", given), ("familyName", family), ("dateOfBirth", born.isoformat() if born else None)):
        if value:
            subject[key] = value
            terms.add(key)
    issuer = {"id": row["Institution URL"], "type": ["Profile"], "name": institution}
    if row["Institution URL"]:
        issuer["url"] = row["Institution URL"]
    if row["Institution e-mail"]:
        issuer["email"] = row["Institution e-mail"].strip().lower()
    if country:
        issuer["address"] = {"type": ["Address"], "addressCountryCode": country}
    if row["VAT number"]:
        issuer["otherIdentifier"] = [{"type": "IdentifierEntry", "identifier": row["VAT number"], "identifierType": "ext:vatNumber"}]
    credential = {"id": credential_id, "type": ["VerifiableCredential", "OpenBadgeCredential"],
                  "credentialSubject": subject, "issuer": issuer, "validFrom": issued.isoformat() + "T00:00:00Z"}
    date_only = ["validFrom"]
    if valid_until is not None:
        credential["validUntil"] = valid_until.isoformat() + "T00:00:00Z"
        date_only.append("validUntil")
    if row["Course page"]:
        credential["additionalNote"] = row["Course page"]
        terms.add("additionalNote")
    credential["dateOnly"] = date_only
    return context_for(terms, dumps) + dumps(credential)[1:]


def main():
    parser = argparse.ArgumentParser(description="csv -> ob3 in plain Python (the benchmark's baseline)")
    parser.add_argument("input")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--report", help="write the counts as JSON, in the members of microcred's report")
    parser.add_argument("--rejects", help="write one JSON line per rejected record: its line and codes")
    parser.add_argument("--salt-secret", default=os.environ.get("MICROCRED_SALT_SECRET", ""))
    args = parser.parse_args()
    if not args.salt_secret:
        parser.error("give --salt-secret (the salts here are HMACs keyed with it)")
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    read = written = 0
    rejection_counts, diagnostic_counts = {}, {}
    written_ids = set()
    with open(args.input, encoding="utf-8-sig", newline="") as source, \
            open(args.output + ".partial", "w", encoding="utf-8", newline="") as output, \
            open(args.rejects if args.rejects else os.devnull, "w", encoding="utf-8") as rejects:
        reader = csv.reader(source)
        header = [name.strip() for name in next(reader)]
        missing = [name for name in COLUMNS if name not in header]
        if missing:
            sys.exit(f"{args.input}: the columns {', '.join(missing)} are missing")
        positions = [header.index(name) for name in COLUMNS]
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            read += 1
            findings = []
            if len(cells) < len(header):
                findings.append(("csv.ragged-row", "error", None))
                credential = None
            else:
                row = {name: cells[position].strip() for name, position in zip(COLUMNS, positions)}
                try:
                    credential = convert(row, args.salt_secret, written_ids, findings, dumps)
                except Rejected:
                    credential = None
            for code, _, _ in findings:
                diagnostic_counts[code] = diagnostic_counts.get(code, 0) + 1
            if credential is None:
                for code in sorted({code for code, severity, _ in findings if severity == "error"}):
                    rejection_counts[code] = rejection_counts.get(code, 0) + 1
                rejects.write(dumps({"line": reader.line_num, "record": read, "codes": [code for code, _, _ in findings]}) + "\n")
            else:
                written += 1
                output.write(credential)
                output.write("\n")
    os.replace(args.output + ".partial", args.output)
    rejected = read - written
    print(f"read {read}, written {written}, rejected {rejected}")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as handle:
            json.dump({"recordsRead": read, "recordsWritten": written, "recordsRejected": rejected,
                       "balanced": True, "rejectionCounts": dict(sorted(rejection_counts.items())),
                       "diagnosticCounts": dict(sorted(diagnostic_counts.items()))}, handle, indent=2)
    sys.exit(2 if rejected else 0)


if __name__ == "__main__":
    main()
