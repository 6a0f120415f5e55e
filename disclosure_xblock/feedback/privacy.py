"""
The privacy gate: identifiers a learner must not type (HIPAA Safe Harbor's pattern-shaped ones).

Patterns: phone, email, SSN, record-like digit runs, dates with a day and month, ZIP codes,
street addresses, URLs, IP addresses, ages over 89, social handles, and capitalised person
names other than the scenario's own. Doses ("50 mg"), times ("3 pm", "10:30") and years are
not identifiers. All patterns are fixed, precompiled and linear (see patterns.py: every
unbounded run is possessive, and a pattern that could restart inside a long run refuses to
begin there with a look-behind); designers cannot change them.
"""
from __future__ import annotations

import bisect
import functools

from .. import patterns
from .i18n import _
from .lexicons import grammar, vocabulary, words
from .phrases import fold

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# Months before a day written as a word ("March third"): "may" only as "May", since "you may
# first try" is a verb.
_MONTH_WORD = (r"(?:january|february|march|april|(?-i:May)|june|july|august|september|october|"
               r"november|december)")
_ORDINAL = (r"(?:(?:twenty|thirty)[\s-]?+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
            r"ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
            r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
            r"nineteenth|twentieth|thirtieth)")
_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# A year in digits ("1990", "'90") or words ("nineteen ninety", "two thousand and five").
_YEAR = (r"(?:(?:1[89]|20)\d{2}\b|'\d{2}\b|(?:nineteen|twenty)[\s-]++(?:oh[\s-]++" + _UNIT + r"|"
         + _TENS + r"(?:[\s-]++" + _UNIT + r")?+)\b|two\s++thousand(?:\s++and)?+(?:\s++(?:" + _TENS
         + r"|" + _UNIT + r"))?+\b)")
_MES = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|"
        r"diciembre)")
_DIA = (r"(?:\d{1,2}|primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|"
        r"trece|catorce|quince|dieci(?:s[eé]is|siete|ocho|nueve)|veinte|veinti(?:uno|d[oó]s|"
        r"tr[eé]s|cuatro|cinco|s[eé]is|siete|ocho|nueve)|treinta(?:\s++y\s++uno)?+)")
_ANIO = (r"(?:\d{4}\b|'?\d{2}\b|(?:mil|dos\s++mil)(?:\s++(?:novecientos|ochocientos|y|uno|dos|"
         r"tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|"
         r"dieci\w++|veinte|veinti\w++|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|"
         r"noventa)\b){0,4})")
_STREET = (r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|"
           r"pl|terrace|circle|highway|hwy|parkway|pkwy)")
# Street types that are not also everyday words: enough for an address written in lower case.
_STREET_LOWER = r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|highway|hwy|parkway|pkwy)"
# Words that never sit between a house number and a street name: "2 blocks down the road",
# "at 5 each morning I'd drive" and "3 laps on the road" are not addresses.
_NOT_STREET_NAME = (r"(?:the|a|an|my|your|our|his|her|their|this|that|these|those|down|up|along|"
                    r"around|across|by|to|from|on|in|at|of|over|near|past|off|into|onto|through|"
                    r"and|or|but|so|then|each|every|i|i'd|i'm|you|we|he|she|they|it|was|were|is|"
                    r"are|had|have|would|could|more|less|miles?+|blocks?+|minutes?+|hours?+|days?+|"
                    r"weeks?+|months?+|years?+|steps?+|laps?+|km|kilometers?+|meters?+|feet|yards?+|"
                    r"times?+|mg|ml|kids?+|people|cars?+|houses?+|doors?+)\b")
# "…, suite 210", "apt 4B", "#12" after a street address.
_SUITE = r"(?:,?+\s*+(?i:suite|ste|apt|apartment|unit|#)\.?+\s*+[A-Za-z0-9-]{1,6}+\b)?+"
# Words before a plain " at " that make it a preposition, not an email's "@": "the group is at
# calmcoach[.]org", "I looked at it".
_NOT_LOCAL = (r"(?:is|was|are|were|be|been|am|me|us|him|her|them|it|you|we|they|i|he|she|here|"
              r"there|online|meet|met|look|looked|looking|find|found|stay|stayed|work|worked|"
              r"home|this|that|what|where|who|group|class|school|church|arrive|arrived|one|"
              r"site|page|website|web|info|details|more|email|e-mail|mail|write|me)\b")
# A disguised dot: "[.]", "(dot)", " dot ", " punto ", " . " or a plain ".".
_DOT = (r"(?:\s*+[\[({<]\s*+(?:\.|dot|punto)\s*+[\])}>]\s*+|\s++(?:dot|punto)\s++"
        r"|\s++\.\s++(?=(?-i:[a-z]))|\.(?=[a-z0-9]))")
_AT = r"(?:\s*+[\[({<]\s*+(?:at|arroba|@)\s*+[\])}>]\s*+|\s++(?:at|arroba)\s++|\s*+@\s*+)"
_TLD = (r"(?:com|org|net|edu|gov|io|co|us|uk|me|info|ly|es|mx|ar|cl|pe|ve|ec|uy|py|bo|cr|pr|do|"
        r"gt|hn|sv|ni|pa|ca|de|fr|it|br|in)")
_HOST = r"[a-z0-9](?:[a-z0-9_-]*+)"
# Where an address written with dot words may start: not inside a run of them ("a dot a dot …"
# would otherwise be re-read from every word).
_DOT_START = r"(?<![\w.+-])(?<!dot )(?<!punto )(?<!\] )(?<!\) )(?<!\])(?<!\))"
# Top-level domains that are also words ("gems.It", "though.it", "yeah . do", "bien.es" are
# typed sentence ends): after a plain or spaced dot they are not a web address; after "dot",
# "punto" or a bracket they are.
_TLD_WORDS = r"(?:it|do|in|me|us|co|es|de|ca|pa|ni|pe|ve|bo|ar)"
_DOMAIN = (_HOST + _DOT + r"(?:" + _HOST + _DOT + r")*+(?:(?<!\.)(?<!\. )" + _TLD_WORDS + r"|(?!"
           + _TLD_WORDS + r"\b)" + _TLD + r")\b")
# Words before a number that is a record, an identity document or a clinical history.
_RECORD_WORDS = (r"(?:mrn|medical\s++record|record|chart|account|acct|member|policy|licen[cs]e|"
                 r"plate|id|expediente|exp\.|historia\s++cl[ií]nica|historial(?:\s++m[eé]dico)?+|"
                 r"h\.\s?+c\.|hc|nhc|afiliaci[oó]n|nss|seguro\s++social|c[eé]dula|pasaporte|"
                 r"passport|dni|d\.n\.i\.|nie|rfc|cuit|cuil|rut|documento|social\s++security)")
_RECORD_NUMBER = r"(?!(?:1[89]|20)\d{2}\b(?![/-]\d))[A-Z]{0,3}-?\d{4,}+(?:[/-]\d++)*+\b"

_MONTH_DATE_RE = patterns.compile(
        r"\b" + _MONTH + r"\.?\s++\d{1,2}(?:st|nd|rd|th)?\b(?!\s*+(?:mg|ml|am|pm|a\.m|p\.m|:))"
        r"(?:,?\s++(?:(?:1[89]|20)\d{2}\b))?+"
        r"|\b\d{1,2}(?:st|nd|rd|th)?\s++(?:of\s++)?" + _MONTH + r"\b(?:,?\s++(?:(?:1[89]|20)\d{2}\b))?+"
        r"|\b" + _MONTH_WORD + r"\s++(?:the\s++)?" + _ORDINAL + r"\b(?:,?\s++" + _YEAR + r")?+"
        r"|\b(?:the\s++)?" + _ORDINAL + r"\s++of\s++" + _MONTH_WORD + r"\b(?:,?\s++" + _YEAR + r")?+"
        r"|\b" + _MONTH + r"\.?,?\s++(?:of\s++)?" + _YEAR +
        r"|\b" + _DIA + r"\s++de\s++" + _MES + r"\b(?:\s++(?:de|del)\s++" + _ANIO + r")?+"
        r"|\b" + _MES + r"\s++(?:de|del)\s++" + _ANIO +
        r"|\b" + _MES + r"\s++\d{1,2}\b(?!\s*+(?:mg|ml|:|a[nñ]os|d[ií]as|veces))"
        , patterns.IGNORECASE)
_HOLIDAY = (r"(?:christmas(?:\s++(?:eve|day))?+|thanksgiving(?:\s++day)?+|new\s++year['\u2019]?+s(?:\s++(?:eve|day))?+|"
            r"easter(?:\s++sunday)?+|halloween|hanukkah|ramadan|diwali|passover|"
            r"(?:valentine|mother|father)['\u2019]?+s\s++day|independence\s++day|labou?+r\s++day|"
            r"memorial\s++day|navidad|nochebuena|nochevieja|a[nñ]o\s++nuevo|semana\s++santa|"
            r"d[ií]a\s++de\s++(?:muertos|reyes|la\s++madre|del\s++padre|san\s++valent[ií]n))")
_ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
    "thirtieth".split())
_MONTH_ANCHORED = "month-anchored"  # a marker: this pattern is tried at month names only
# Month names (folded): a date in words starts at most three words before one.
_MONTH_NAMES = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december enero febrero marzo abril mayo junio julio "
    "agosto septiembre setiembre octubre noviembre diciembre".split())

# Order matters: earlier kinds claim their characters first (an email is not also a URL).
PATTERNS = (
    ("email", patterns.compile(r"(?<![\w.+-])[\w.+-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)++")),
    # "maria dot lopez at gmail dot com", "jo(at)clinic[.]org", "ana arroba correo punto mx".
    ("email", patterns.compile(_DOT_START + r"(?!" + _NOT_LOCAL + r"\s++at\b)[\w+-]++(?:" + _DOT + r"[\w+-]++)*+" + _AT + _DOMAIN,
                               patterns.IGNORECASE)),
    ("url", patterns.compile(r"\b(?:https?://|www\.)[^\s<>\"]++|(?<![A-Za-z0-9-])[A-Za-z0-9-]++\.(?:com|org|net|edu|gov|io|co|us|uk|me|info|ly)\b(?:/[^\s<>\"]*+)?", patterns.IGNORECASE)),
    # "www dot calmcoach dot com", "calmcoach[.]org", "hxxp://site(.)net".
    ("url", patterns.compile(_DOT_START + r"(?:h(?:tt|xx)ps?+\s*+(?::|\[:\])\s*+//\s*+)?+" + _DOMAIN
                             + r"(?:/[^\s<>\"]*+)?+", patterns.IGNORECASE)),
    ("ip_address", patterns.compile(r"\b(?:\d{1,3}+\.){3}\d{1,3}+\b")),
    ("ssn", patterns.compile(r"\b\d{3}-\d{2}-\d{4}\b|\b\d{3} \d{2} \d{4}\b")),
    ("phone", patterns.compile(r"(?<![\w-])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|(?<![\w-])\+\d[\d\s.()-]{7,22}\d\b|\b\d{10}\b")),
    # Identity documents: Spanish DNI (8 digits and a letter) and NIE, Mexican CURP and RFC, Argentine
    # DNI and Chilean RUT written with dots ("32.456.781", unless an amount: "1.500.000 pesos").
    ("national_id", patterns.compile(
        r"\b\d{8}(?:-?[A-Z]|\s(?-i:[A-Z]))\b|\b[XYZ][\s-]?\d{7}[\s-]?[A-Z]\b"
        r"|\b[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z0-9]\d\b|\b[A-Z]{4}\d{6}[A-Z0-9]{3}\b"
        r"|\b\d{1,2}\.\d{3}\.\d{3}(?:-[\dK])?\b(?!\s*+(?:de\s++)?(?:pesos|euros|d[oó]lares|"
        r"dollars|usd|eur|mxn|ars|personas|habitantes|people|km|kil[oó]metros|metros|\$|€))",
        patterns.IGNORECASE)),
    # Dates that hold a month's name, in English and Spanish; matched only where a month's name
    # is (see _month_dates), so most drafts never run them.
    ("date", _MONTH_ANCHORED),
    ("date", patterns.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b")),
    # A holiday with a year is a day: "Christmas Eve 2019", "Thanksgiving of 2018", "Navidad de 2019".
    ("date", patterns.compile(r"\b" + _HOLIDAY + r",?+\s++(?:(?:of|in|de|del)\s++)?+(?:(?:1[89]|20)\d{2}|'\d{2})\b",
                              patterns.IGNORECASE)),
    ("age", patterns.compile(r"\b(?:9\d|1[0-4]\d)[\s-]*+(?:years?|yrs?)[\s-]*+old\b|\b(?:aged?|age of)\s++(?:9\d|1[0-4]\d)\b"
                             r"|(?<!hace )\b(?:9\d|1[0-4]\d)\s++a[nñ]os\b(?!\s++(?:atr[aá]s|despu[eé]s|antes))", patterns.IGNORECASE)),
    # Street names are capitalised ("12 Elm Street"); "2 blocks down the road" is not an address.
    ("address", patterns.compile(r"\b\d{1,5}\s++(?:[A-Z][A-Za-z]++\s++){1,3}(?i:" + _STREET + r")\b\.?+" + _SUITE)),
    # The same in lower case ("42 maple street", "15 north 5th ave"), with fewer street types and
    # no grammar words between the number and the street type.
    ("address", patterns.compile(r"\b\d{1,5}\s++(?:(?!" + _NOT_STREET_NAME + r")(?:[a-z][a-z'-]*+\.?+|\d{1,3}+(?:st|nd|rd|th))\s++){1,3}"
                                 + _STREET_LOWER + r"\b\.?+" + _SUITE, patterns.IGNORECASE)),
    # Spanish addresses: "Calle Mayor 12, 3º 2ª", "c/ alcalá 45, piso 2, puerta b",
    # "Av. Insurgentes Sur 1602", "carrera 7 # 45-10".
    ("address", patterns.compile(
        r"(?<![\w/])(?:(?:calle|avenida|avda|paseo|carrera|cra|calzada|camino|plaza|pasaje|"
        r"ronda|bulevar|jir[oó]n|carretera|callej[oó]n|privada|diagonal|transversal)\b\.?+"
        r"|c/|av\.|jr\.)\s*+(?:[\w\u00c0-\u024f.'-]++\s++){0,5}(?:n[º°o]\.?\s*+|#\s*+|n[uú]mero\s++)?+"
        r"\d{1,5}[a-z]?\b(?:-\d{1,4}+\b)?+(?!\s*+(?:a[nñ]os|meses|d[ií]as|semanas|horas|minutos|"
        r"veces|cuadras|metros|km|kil[oó]metros|personas|mg))"
        r"(?:,?\s*+(?:\d{1,2}\s*+[º°ªo]\b|piso\s++\w{1,3}+\b|puerta\s++\w{1,3}+\b|dpto\.?+\s*+\w{1,4}+\b|"
        r"depto\.?+\s*+\w{1,4}+\b|apto\.?+\s*+\w{1,4}+\b|int(?:erior)?+\.?+\s*+\w{1,4}+\b|"
        r"[a-z]\b|\d{1,2}[º°ª]?+[a-z]?\b)){0,3}+", patterns.IGNORECASE)),
    ("record_number", patterns.compile(
        r"\b" + _RECORD_WORDS + r"\s*+(?:(?:number|no\.?|#|n\.?[º°o]\.?|n[uú]m\.?|n[uú]mero)\s*+)?+"
        r"(?:de\s++)?+(?:[:#]\s*+)?+(?:(?:is|was|es|era)\s++)?+(?:(?:el|la)\s++)?+" + _RECORD_NUMBER
        + r"|\b[A-Z]{0,3}\d{6,}+\b", patterns.IGNORECASE)),
    # A 5-digit number that is not followed by a lower-case word ("10000 steps") reads as a ZIP
    # code; after "zip", "near" or "código postal" it is one in any case.
    ("zip", patterns.compile(r"\b\d{5}(?:-\d{4})?\b(?!\s*+[a-z%\u00e0-\u00ff])"
                             r"|(?<=zip )\d{5}\b|(?<=code )\d{5}\b|(?<=near )\d{5}\b|(?<=postal )\d{5}\b|(?<=c\.p\. )\d{5}\b|(?<=cp )\d{5}\b")),
    ("handle", patterns.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,30}\b")),
)

MESSAGES = {
    "email": _("This looks like an email address."),
    "url": _("This looks like a web address."),
    "ip_address": _("This looks like an IP address."),
    "ssn": _("This looks like a social security number."),
    "phone": _("This looks like a phone number."),
    "national_id": _("This looks like an identity document number (such as a DNI, NIE or CURP)."),
    "date": _("This looks like a date with a day and month."),
    "age": _("An age over 89 can identify someone."),
    "address": _("This looks like a street address."),
    "record_number": _("This looks like a record or account number."),
    "zip": _("This looks like a ZIP code."),
    "handle": _("This looks like a social media handle."),
    "name": _("This looks like a real person's or place's name; use the scenario's names only."),
    "place": _("This looks like the name of a real place, such as a hospital or a town; leave it out."),
}
CONTACT_KINDS = frozenset(("email", "url", "phone", "handle"))


# Cheap tests that decide whether a pattern can match at all: most drafts hold no digit, no
# "@" and no web address, so most patterns never run. One test per pattern, by position.
_DIGIT_RE = patterns.compile(r"\d")
_WEB_RE = patterns.compile(r"://|www\.|\.(?:com|org|net|edu|gov|io|co|us|uk|me|info|ly)\b", patterns.IGNORECASE)
# A dot as _DOT writes it, then a top-level domain: closed by a bracket ("[.]com"), spaced
# before a lower-case letter (" . com"), or plain (".com"). A sentence end (". Me acuerdo",
# ". Es") is none of these, so Spanish prose does not run the disguised patterns.
_DOT_TLD_RE = patterns.compile(r"\.(?:\s*+[\])}>]\s*+|\s++(?=(?-i:[a-z]))|)" + _TLD + r"\b", patterns.IGNORECASE)


def _may_be_disguised_address(text, lower):
    """The disguised email and URL need a dot word or a dot before a top-level domain."""
    return "dot" in lower or "punto" in lower or _DOT_TLD_RE.search(text) is not None


_NEEDS_BY_KIND = {"email": _may_be_disguised_address, "url": _may_be_disguised_address,
                  "date": _MONTH_ANCHORED, "handle": "@"}
_NEEDS = tuple(_NEEDS_BY_KIND.get(kind, _DIGIT_RE) for kind, _p in PATTERNS)
_NEEDS = ("@", _may_be_disguised_address, _WEB_RE, _may_be_disguised_address) + _NEEDS[4:]
_NEEDS = tuple(_DIGIT_RE if pattern is not _MONTH_ANCHORED and kind == "date" else need
               for (kind, pattern), need in zip(PATTERNS, _NEEDS))
assert len(_NEEDS) == len(PATTERNS)


class _Taken:
    """Disjoint character spans already claimed, kept sorted: overlap tests cost log n, so a
    draft with hundreds of findings is not compared pair by pair."""

    __slots__ = ("starts", "ends")

    def __init__(self):
        self.starts, self.ends = [], []

    def overlaps(self, start, end):
        k = bisect.bisect_right(self.starts, start)
        return (k > 0 and self.ends[k - 1] > start) or (k < len(self.starts) and self.starts[k] < end)

    def add(self, start, end):
        k = bisect.bisect_right(self.starts, start)
        self.starts.insert(k, start)
        self.ends.insert(k, end)


def _pattern_findings(analysis):
    text = analysis.text
    taken = _Taken()
    found = []
    has_digit = _DIGIT_RE.search(text) is not None
    has_at = "@" in text
    disguised = None  # computed on first need
    web = None
    for (kind, pattern), need in zip(PATTERNS, _NEEDS):
        if pattern is _MONTH_ANCHORED:
            matches = _month_dates(analysis)
        else:
            if need is _DIGIT_RE:
                ok = has_digit
            elif need == "@":
                ok = has_at
            elif need is _WEB_RE:
                if web is None:
                    web = _WEB_RE.search(text) is not None
                ok = web
            else:
                if disguised is None:
                    disguised = _may_be_disguised_address(text, text.lower())
                ok = disguised
            if not ok:
                continue
            matches = (match.span() for match in pattern.finditer(text))
        for start, end in matches:
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            found.append((kind, start, end))
    return found, taken


def _month_dates(analysis):
    """Spans of _MONTH_DATE_RE, tried only at the three words before each month's name and at
    the name itself ("the third of March", "3 de marzo de 1990", "March 1990")."""
    text, starts, norms = analysis.text, analysis.starts, analysis.folded
    spans = []
    if _MONTH_NAMES.isdisjoint(norms):
        return spans
    done = 0
    n = len(norms)
    for m, word in enumerate(norms):
        if word not in _MONTH_NAMES or starts[m] < done:
            continue
        if word == "may" and text[starts[m]] == "m":
            # "it may be": the verb, unless a day, a year or "of" is next to it.
            nxt = norms[m + 1] if m + 1 < n else ""
            prev = norms[m - 1] if m else ""
            if not (nxt[:1].isdigit() or nxt in _SPELLED or nxt in _ORDINAL_WORDS
                    or prev in ("of", "the") or prev[:1].isdigit() or prev in _ORDINAL_WORDS):
                continue
        for first in range(max(0, m - 3), m + 1):
            if starts[first] < done:
                continue
            match = _MONTH_DATE_RE.match(text, starts[first])
            if match is not None and match.end() > starts[m]:
                spans.append(match.span())
                done = match.end()
                break
    return spans


# --- numbers written out or spaced ----------------------------------------------------------

# How many digits a word stands for when a number is read out ("five five five", "cero dos",
# "veintitrés", "double seven"). Folded forms: accents do not matter.
_SPELLED = dict.fromkeys(
    "zero oh one two three four five six seven eight nine cero uno una dos tres cuatro cinco "
    "seis siete ocho nueve double triple doble".split(), 1)
_SPELLED.update(dict.fromkeys(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty "
    "thirty forty fifty sixty seventy eighty ninety diez once doce trece catorce quince "
    "dieciseis diecisiete dieciocho diecinueve veinte veintiuno veintidos veintitres "
    "veinticuatro veinticinco veintiseis veintisiete veintiocho veintinueve treinta cuarenta "
    "cincuenta sesenta setenta ochenta noventa".split(), 2))
_ES_TENS = frozenset("treinta cuarenta cincuenta sesenta setenta ochenta noventa".split())
# Gaps allowed inside a number read out: spaces, dashes, dots, slashes, brackets, a plus.
_RUN_GAP_RE = patterns.compile(r"[ \t.\-\u2013/()+]{1,4}+")
_RUN_COMMA_GAP_RE = patterns.compile(r"[ \t.\-\u2013/()+,]{1,4}+")
# A digit group, possibly with letters typed for digits ("2O1", "88l0"): O for 0, l or I for 1.
_DIGITISH_RE = patterns.compile(r"[0-9oOlI]{1,6}+")
_YEAR_RE = patterns.compile(r"(?:1[89]|20)\d\d")
# Words just before a number that make it a record or a document, not a phone number.
_RECORD_CUES = frozenset(
    "record records chart mrn account acct member policy license licence id ssn security "
    "passport card expediente historia clinica historial nhc hc afiliacion seguro cedula "
    "pasaporte licencia tarjeta poliza".split())
_DOCUMENT_CUES = frozenset("dni nie curp documento identidad cedula pasaporte passport rut cuit cuil".split())
_DIGITISH_FIRST = frozenset("0123456789olOI")
MIN_RUN_DIGITS = 7  # the shortest phone number; ages, times, doses and years are shorter


def _unit_value(raw, folded):
    """(digits, spelled) for one word of a number read out, or (0, False)."""
    if raw.isdigit():
        return len(raw), False
    value = _SPELLED.get(folded)
    if value is not None:
        return value, True
    if (len(raw) >= 2 and _DIGITISH_RE.fullmatch(raw) is not None
            and any(ch.isdigit() for ch in raw)):
        return len(raw), True  # letters typed for digits
    return 0, False


def _number_runs(analysis, taken):
    """Phone and record numbers written in words or spaced out: "five five five, two oh one …",
    "6 1 2 3 4 5 6 7 8", "55 1234 5678", "tres cuatro cinco …", "2O1-88l0"."""
    text, starts, ends = analysis.text, analysis.starts, analysis.ends
    norms = analysis.folded
    found = []
    n = len(norms)
    # Most drafts hold too few number words for any run: count them in one cheap pass first.
    has_digit = _DIGIT_RE.search(text) is not None
    if not has_digit and _SPELLED.keys().isdisjoint(norms):
        return found
    candidates = [i for i, word in enumerate(norms)
                  if word in _SPELLED or (has_digit and word[0] in _DIGITISH_FIRST)]
    if len(candidates) < 2 or (not has_digit and sum(_SPELLED[norms[i]] for i in candidates) < MIN_RUN_DIGITS):
        return found
    k = candidates[0]
    while k < n:
        digits, spelled = _unit_value(text[starts[k]:ends[k]], norms[k])
        if not digits or taken.overlaps(starts[k], ends[k]):
            k += 1
            continue
        first = last = k
        total, any_spelled, units = digits, spelled, 1
        j = k + 1
        while j < n:
            gap = text[ends[j - 1]:starts[j]]
            word = norms[j]
            # "treinta y cinco": the "y" joins tens and a unit inside a number read in pairs.
            if (word == "y" and norms[j - 1] in _ES_TENS and j + 1 < n
                    and _SPELLED.get(norms[j + 1]) == 1 and gap == " "):
                j += 1
                continue
            value, is_spelled = _unit_value(text[starts[j]:ends[j]], word)
            gap_re = _RUN_COMMA_GAP_RE if (is_spelled or any_spelled) else _RUN_GAP_RE
            if not value or gap_re.fullmatch(gap) is None or taken.overlaps(starts[j], ends[j]):
                break
            total += value
            any_spelled = any_spelled or is_spelled
            units += 1
            last = j
            j += 1
        if (units >= 2 and total >= MIN_RUN_DIGITS
                and (any_spelled or not _not_a_phone(text, starts, ends, first, last, units))):
            start = starts[first]
            while start > 0 and text[start - 1] in "(+" and start > starts[first] - 2:
                start -= 1
            found.append((_run_kind(norms, first), start, ends[last]))
        k = last + 1
    return found


def _not_a_phone(text, starts, ends, first, last, units):
    """Digit groups that are a span of years ("1990-1995") or one amount written with thousands
    separators ("1.500.000", "2,000,000"), not a number to call."""
    if units == 2 and all(_YEAR_RE.fullmatch(text[starts[i]:ends[i]]) for i in (first, last)):
        return True
    groups = [text[starts[i]:ends[i]] for i in range(first, last + 1)]
    gaps = {text[ends[i]:starts[i + 1]] for i in range(first, last)}
    return (gaps <= {".", ","} and len(gaps) == 1 and len(groups[0]) <= 3
            and all(len(group) == 3 for group in groups[1:]))


def _run_kind(norms, first):
    before = norms[max(0, first - 4):first]
    if any(word in _DOCUMENT_CUES for word in before):
        return "national_id"
    if "social" in before or "ssn" in before:
        return "ssn"
    if any(word in _RECORD_CUES for word in before):
        return "record_number"
    return "phone"


def _is_capitalised(word):
    return word[:1].isupper() and not word.isupper() and word[:1].isalpha()


@functools.lru_cache(maxsize=None)
def _lists():
    """The name lists of every language the gate knows, merged and accent-folded: the gate
    reads all of them whatever the page's language."""
    def merged(section):
        return frozenset(fold(word) for name in _PRIVACY_FILES for word in words(name, section))
    return {section: merged(section) for section in
            ("not_names", "place_prefixes", "facility_words", "given_names", "surnames")}


_PRIVACY_FILES = ("privacy", "es/privacy")
_PLACE_LINKS = frozenset(("de", "del", "la", "los", "las", "of", "the"))


# Titles written short, after which even a lower-case word is a name ("dr. alan whitfield").
_SHORT_TITLES = frozenset("dr mr mrs ms mx prof dra sr sra srta lic".split())


def _surname(norm, surnames):
    return fold(norm) in surnames or _base(norm) in surnames


def _base(norm):
    """A word without a possessive ending ("Mary's" -> "mary"), apostrophes inside kept
    ("O'Neill" stays whole, so it is still read as a name)."""
    if norm.endswith("'s"):
        norm = norm[:-2]
    return fold(norm.rstrip("'"))


def _name_findings(analysis, allowed):
    """Capitalised words that look like a person's (or a place's) name, and full names in
    lower case ("maria lopez")."""
    text, starts, ends, norms = analysis.text, analysis.starts, analysis.ends, analysis.norms
    lists = _lists()
    common, prefixes, facilities = lists["not_names"], lists["place_prefixes"], lists["facility_words"]
    given, surnames = lists["given_names"], lists["surnames"]
    known = vocabulary()
    titles = grammar()["titles"]
    sentence_starts = {first for first, _l, _s, _e in analysis.sentences}
    found = []
    k = 0
    n = len(norms)
    # Each word's folded base, without a possessive ("Mary's" -> "mary"), computed once.
    # (Words never end in an apostrophe, see phrases.WORD_RE, and ``folded`` is folded already.)
    bases = [word[:-2] if word.endswith("'s") else word for word in analysis.folded]

    def capital(i):
        return _is_capitalised(text[starts[i]:ends[i]])

    def joined(i):
        # Words i and i+1 belong to one name: one space between, or "St. Mary's" (a period
        # after a place prefix).
        gap = text[ends[i]:starts[i + 1]]
        return gap == " " or (gap in (". ", ".") and bases[i] in prefixes)

    def place_end(last):
        # A place's name runs on over capitalised words and "de", "del", "of the" between
        # them: "Hospital de Clínicas", "Centro de Salud San Juan", "Hospital of St. Jude".
        while last + 1 < n:
            nxt = last + 1
            while nxt < n and norms[nxt] in _PLACE_LINKS and text[ends[nxt - 1]:starts[nxt]] == " ":
                nxt += 1
            if nxt < n and joined(nxt - 1) and capital(nxt) and bases[nxt] not in allowed:
                last = nxt
            else:
                break
        return last

    while k < n:
        base = bases[k]
        if not text[starts[k]].isupper():
            # A full name in lower case: a listed first name and a listed surname
            # ("kevin o'brien", "lucas moreno's"), or a name after "dr." / "mr." / "sra.".
            if (base not in given and (k == 0 or norms[k - 1] not in _SHORT_TITLES)) or base in allowed:
                k += 1
                continue
            if (base in given and k + 1 < n and text[ends[k]:starts[k + 1]] == " "
                    and _surname(norms[k + 1], surnames) and bases[k + 1] not in allowed):
                found.append(("name", starts[k], ends[k + 1]))
                k += 2
                continue
            if (k > 0 and norms[k - 1] in _SHORT_TITLES and text[ends[k - 1]:starts[k]] in (". ", " ")
                    and base not in common and base not in known and len(base) > 1
                    and norms[k].isalpha()):
                last = k
                if (base in given and k + 1 < n and text[ends[k]:starts[k + 1]] == " "
                        and norms[k + 1].isalpha() and bases[k + 1] not in common
                        and bases[k + 1] not in known):
                    last = k + 1
                found.append(("name", starts[k], ends[last]))
                k = last + 1
                continue
            k += 1
            continue
        raw = text[starts[k]:ends[k]]
        if not _is_capitalised(raw):
            k += 1
            continue
        # "St. Mary's", "Mount Sinai", "San Diego", "Hospital Ángeles": a place, whatever
        # its position in the sentence.
        last = place_end(k) if base in prefixes or base in facilities else k
        if last > k:
            # A run of only common words ("Hospital de Hospital") is no place; skip all of it,
            # so a long run is read once, not once per word.
            if any(bases[i] not in common for i in range(k + 1, last + 1)):
                found.append(("place", starts[k], ends[last]))
            k = last + 1
            continue
        if (len(base) < 2 or base in allowed or base in common
                or base in known or any(ch.isdigit() for ch in raw)):
            k += 1
            continue
        gap_before = text[ends[k - 1]:starts[k]] if k else ""
        after_title = k > 0 and norms[k - 1] in titles
        at_start = k in sentence_starts or any(ch in gap_before for ch in ":\"\u201c(")
        # The next word, if it is also a capitalised non-common word: "Maria Lopez".
        last = k
        while (last + 1 < n and text[ends[last]:starts[last + 1]] == " " and capital(last + 1)
               and bases[last + 1] not in common
               and bases[last + 1] not in allowed):
            last += 1
        # A facility word after the name makes it a place: "Mercy General Hospital".
        facility_end = last
        while (facility_end + 1 < n and text[ends[facility_end]:starts[facility_end + 1]] == " "
               and capital(facility_end + 1) and bases[facility_end + 1] in facilities):
            facility_end += 1
        if facility_end > last or any(bases[i] in facilities for i in range(k + 1, last + 1)):
            facility_end = place_end(facility_end)
            found.append(("place", starts[k], ends[facility_end]))
            k = facility_end + 1
            continue
        if at_start and not after_title and last == k:
            # A capital at a sentence start is usually grammar; only "Maria and I" or a listed
            # first name called out ("Jamie, when I…") reads as a name.
            vocative = base in given and k + 1 < n and text[ends[k]:starts[k + 1]].startswith(",")
            if not vocative and not (k + 2 < n and norms[k + 1] == "and" and norms[k + 2] in ("i", "me")):
                k += 1
                continue
        found.append(("name", starts[k], ends[last]))
        k = last + 1
    return found


def scan(analysis, scenario=None):
    """Every identifier in the draft: a list of (kind, start, end), in text order."""
    allowed = frozenset()
    if scenario is not None:
        allowed = frozenset(fold(part.lower()) for name in scenario.names for part in name.split())
    found, taken = _pattern_findings(analysis)
    for kind, start, end in _number_runs(analysis, taken):
        taken.add(start, end)
        found.append((kind, start, end))
    for kind, start, end in _name_findings(analysis, allowed):
        if not taken.overlaps(start, end):
            found.append((kind, start, end))
    found.sort(key=lambda item: item[1])
    return found
