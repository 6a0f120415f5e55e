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
# first try" is a verb, or after "of" ("the first of may").
_MONTH_WORD = (r"(?:january|february|march|april|(?-i:May)|(?<=of )may|june|july|august|september|october|"
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
# A day: "3", "1°", "1ro", "1er" (the first of a month is written with its ordinal mark), or a word.
_DIA = (r"(?:\d{1,2}(?:[°º]|ro\b|er\b)?+|primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|"
        r"trece|catorce|quince|dieci(?:s[eé]is|siete|ocho|nueve)|veinte|veinti(?:uno|d[oó]s|"
        r"tr[eé]s|cuatro|cinco|s[eé]is|siete|ocho|nueve)|treinta(?:\s++y\s++uno)?+)")
_ANIO = (r"(?:\d{4}\b|'?\d{2}\b|(?:mil|dos\s++mil)(?:\s++(?:novecientos|ochocientos|y|uno|dos|"
         r"tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|"
         r"dieci\w++|veinte|veinti\w++|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|"
         r"noventa)\b){0,4}"
         # "abril del noventa", "marzo del ochenta y dos": a decade said for the year.
         r"|(?:noventa|ochenta|setenta|sesenta|cincuenta)(?:\s++y\s++(?:uno|dos|tres|cuatro|cinco|seis|siete|"
         r"ocho|nueve))?+\b)")
_STREET = (r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|"
           r"pl|terrace|circle|highway|hwy|parkway|pkwy)")
# Street types that are not also everyday words: enough for an address written in lower case.
_STREET_LOWER = (r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|highway|hwy|parkway|pkwy|"
                 r"drive|dr|court|ct|circle|cir|terrace|crescent|trail|trl|pike)")
# Words that never sit between a house number and a street name: "2 blocks down the road",
# "at 5 each morning I'd drive", "3 laps on the road", "a 30 min drive" and "a 3 hour long
# drive" are not addresses.
_NOT_STREET_NAME = (r"(?:the|a|an|my|your|our|his|her|their|this|that|these|those|down|up|along|"
                    r"around|across|by|to|from|on|in|at|of|over|near|past|off|into|onto|through|"
                    r"and|or|but|so|then|each|every|i|i'd|i'm|you|we|he|she|they|it|was|were|is|"
                    r"are|had|have|would|could|more|less|miles?+|blocks?+|minutes?+|hours?+|days?+|"
                    r"weeks?+|months?+|years?+|steps?+|laps?+|km|kilometers?+|meters?+|feet|yards?+|"
                    r"times?+|mg|ml|kids?+|people|cars?+|houses?+|doors?+|min|mins|hr|hrs|secs?+|seconds?+|"
                    r"long|short|hard|good|bad|nice|test|quick|fast|slow|big|great)\b")
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
        r"|\s++\.\s++(?=(?-i:[a-z]))|\.(?=[a-z0-9])"
        # "calmcoach .org": a space typed before the dot, only before a domain that is no word.
        r"|\s++\.(?=(?:com|org|net|edu|gov)\b))")
_AT = r"(?:\s*+[\[({<]\s*+(?:at|arroba|@)\s*+[\])}>]\s*+|\s++(?:at|arroba)\s++|\s*+@\s*+)"
# Newer top-level domains, in lower case only: "tired.App" is a typed sentence end.
_NEW_TLD = r"(?-i:app|ai|health|blog|xyz|online|site|dev|tv|au|nz|ie|eu|care|life|help)"
_TLD = (r"(?:" + _NEW_TLD + r"|c0m|0rg|n3t|com|org|net|edu|gov|io|co|us|uk|me|info|ly|es|mx|ar|cl|pe|ve|ec|uy|py|bo|cr|pr|do|"
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
_RECORD_WORDS = (r"(?:ssn|mrn|medical\s++record|record|chart|account|acct|member|policy|licen[cs]e|"
                 r"plate|id|expediente|exp\.|historia\s++cl[ií]nica|historial(?:\s++m[eé]dico)?+|"
                 r"h\.\s?+c\.|hc|nhc|afiliaci[oó]n|nss|seguro\s++social|c[eé]dula|pasaporte|"
                 r"passport|dni|d\.n\.i\.|nie|rfc|cuit|cuil|rut|documento|social\s++security|"
                 # Health-plan, vehicle and device numbers (Safe Harbor lists them all).
                 r"patient|insurance|medicare|medicaid|subscriber|claim|vin|serial|p[oó]liza|"
                 r"afiliado|matr[ií]cula|placa|patente|tarjeta\s++sanitaria|tarjeta\s++de\s++salud|"
                 r"badge|employee|empleado)")
_RECORD_NUMBER = (r"(?:(?!(?:1[89]|20)\d{2}\b(?![/-]\d))[A-Z]{0,3}-?\d{4,}+(?:[/-]\d++)*+\b"
                  # A plate or a member number that mixes capitals and digits: "7ABC123",
                  # "ABC 1234" (capitals only, so "in 2019" after "id is" is not one).
                  r"|(?-i:[A-Z]{1,4})[\s-]?+\d{3,}+\b|\d{1,3}(?-i:[A-Z]{2,4})[\s-]?+\d{2,}+\b"
                  # One code of letters and at least three digits: "1EG4TE5MK73", a VIN.
                  r"|(?=(?:[A-Z]*+\d){3})[A-Z0-9]{7,20}+\b)")

_MONTH_DATE_RE = patterns.compile(
        r"\b" + _MONTH + r"\.?\s++\d{1,2}(?:st|nd|rd|th)?\b(?!\s*+(?:mg|ml|am|pm|a\.m|p\.m|:))"
        r"(?:,?\s++(?:(?:1[89]|20)\d{2}\b))?+"
        # "March the 14th": "the" only before a day with its ordinal ending.
        r"|\b" + _MONTH + r"\.?\s++the\s++\d{1,2}(?:st|nd|rd|th)\b"
        r"(?:,?\s++(?:(?:1[89]|20)\d{2}\b))?+"
        r"|\b\d{1,2}(?:st|nd|rd|th)?\s++(?:of\s++)?" + _MONTH + r"\b(?:,?\s++(?:(?:1[89]|20)\d{2}\b))?+"
        r"|\b" + _MONTH_WORD + r"\s++(?:the\s++)?" + _ORDINAL + r"\b(?:,?\s++" + _YEAR + r")?+"
        r"|\b(?:the\s++)?" + _ORDINAL + r"\s++of\s++" + _MONTH_WORD + r"\b(?:,?\s++" + _YEAR + r")?+"
        # "fifth September", without "of" ("my first march" is a walk: March and May capitalised).
        r"|\b(?:the\s++)?" + _ORDINAL + r"\s++(?:january|february|(?-i:March)|april|(?-i:May)|june|july|august|"
        r"september|october|november|december)\b(?:,?\s++" + _YEAR + r")?+"
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

# An age over 89 in words: "ninety-three years old", "aged a hundred and one", "noventa y
# tres años" ("ninety years ago" and "hace noventa años" are not ages).
_OLD_AGE_WORDS = (r"(?:ninety(?:[\s-]++" + _UNIT + r")?+|(?:a|one)[\s-]++hundred(?:[\s-]++(?:and[\s-]++)?+"
                  r"(?:" + _TENS + r"|" + _UNIT + r"))?+)")
_OLD_AGE_RE = patterns.compile(
    r"\b" + _OLD_AGE_WORDS + r"[\s-]*+(?:years?+|yrs?+)[\s-]*+old\b"
    r"|\b(?:aged?+|age\s++of|turned|turns|turning)\s++" + _OLD_AGE_WORDS + r"\b(?![\s-]*+(?:years?+\s++ago|percent|%))"
    r"|(?<!hace )\b(?:noventa(?:\s++y\s++(?:uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?+|cien|ciento\s++\w++)"
    r"\s++a[nñ]os\b(?!\s++(?:atr[aá]s|despu[eé]s|antes|de\s))", patterns.IGNORECASE)
# A house number in words: "forty two maple street", "twenty-one oak ave". Only a number of
# tens or of two number words ("one long road" is not an address).
_SPELLED_HOUSE = (r"(?:" + _TENS + r"(?:[\s-]++" + _UNIT + r")?+|" + _UNIT + r"[\s-]++(?:hundred|" + _UNIT + r"|"
                  + _TENS + r")(?:[\s-]++(?:and[\s-]++)?+(?:" + _TENS + r"|" + _UNIT + r"))?+)")
_STREET_WORD_RE = patterns.compile(r"\b" + _STREET_LOWER + r"\b", patterns.IGNORECASE)
_SPELLED_ADDRESS_RE = patterns.compile(
    r"\b" + _SPELLED_HOUSE + r"\s++(?:(?!" + _NOT_STREET_NAME + r"|" + _UNIT + r"\b|" + _TENS + r"\b)[a-z][a-z'-]*+\.?+\s++){1,3}"
    + _STREET_LOWER + r"\b\.?+" + _SUITE, patterns.IGNORECASE)
# A handle without its "@": a word joined by underscores ("jane_doe_88": prose has none), a
# Reddit user ("u/calmkim22"), or the word after a platform's name ("my tiktok is calmwithkim",
# "insta: calm.kim") when it holds a digit, an underscore or a dot, or is one long lower-case
# word that is not an ordinary description ("my instagram is private").
_PLATFORM = (r"(?:instagram|insta|ig|twitter|tiktok|tik\s++tok|snapchat|snap|reddit|discord|telegram|"
             r"twitch|youtube|facebook|fb|bluesky|threads|mastodon|handle|username|user\s?+name|usuario|"
             r"gamertag)")
_NOT_HANDLE = (r"(?:private|public|closed|deleted|blocked|banned|hacked|inactive|suspended|locked|"
               r"empty|boring|toxic|different|mostly|really|pretty|honestly|basically|actually|"
               r"probably|definitely|terrible|amazing|awesome|because|privado|privada|cerrado|"
               r"cerrada|borrado|borrada|bloqueado|bloqueada|abierto|abierta|nuevo|nueva)\b")
_HANDLE_WORD_RE = patterns.compile(
    r"(?<![\w@/.-])[A-Za-z0-9]++(?:_++[A-Za-z0-9]++)++\b"
    r"|(?<![\w/])u/[A-Za-z0-9_-]{3,20}+\b"
    r"|\b" + _PLATFORM + r"(?:\s*+:\s*+|\s++(?:(?:handle|account|name|username|cuenta)\s++)?+(?:is|es|was|era)\s++(?::\s*+)?+"
    r"|\s++(?:as|como)\s++)(?P<id>(?=[A-Za-z.]*+[\d_]|[a-z0-9_]++\.[a-z0-9_])[A-Za-z0-9_]++(?:\.[A-Za-z0-9_]++)*+"
    r"|(?!" + _NOT_HANDLE + r")(?-i:[a-z]{6,30}+)\b(?![-']))"
    # "add me: calmkim22", "I'm calm.kim on tiktok": a word with a digit, "_" or "." only.
    r"|\b(?:add|follow|dm|message|find)\s++me\s*+:\s*+(?P<id2>(?=[A-Za-z.]*+[\d_]|[a-z0-9_]++\.[a-z0-9_])[A-Za-z0-9_]++(?:\.[A-Za-z0-9_]++)*+)"
    r"|(?<![\w@/.-])(?P<id3>(?=[A-Za-z.]*+\d|[a-z0-9]++\.[a-z0-9])[A-Za-z0-9]++(?:\.[A-Za-z0-9]++)*+)(?=\s++on\s++" + _PLATFORM + r"\b)",
    patterns.IGNORECASE)
# A day and month in digits without a year ("born on 03/14", "birthday is 14/3") reads as a
# date only after a word about a birth, a death or a stay: "8/10" and "24/7" alone are not.
_DATE_CUE = (r"(?:born|birthday|bday|b-day|dob|d\.o\.b\.?+|birth|died|passed\s++away|anniversary|admitted|"
             r"discharged|cumplea[nñ]os|cumple|nac[ií]|naci[oó]|nacimiento|falleci[oó]|muri[oó]|ingres[eéoó])")
_SHORT_DATE_RE = patterns.compile(
    r"\b" + _DATE_CUE + r"\b(?:[\s:,]++(?:is|was|on|the|of|es|fue|el|en|date|day|d[ií]a))*+[\s:,]++"
    r"(?P<id>(?:[12]\d|3[01]|0?[1-9])[/.-](?:[12]\d|3[01]|0?[1-9]))\b(?![/.-]?+\d)", patterns.IGNORECASE)
# A post-office box: "PO Box 1234", "P.O. Box 442", "apartado postal 123", "casilla de correo 45".
_PO_BOX_RE = patterns.compile(
    r"\b(?:p\.?\s?+o\.?|post\s++office)\s*+box\s*+#?\s*+\d{1,6}+\b"
    r"|\b(?:apartado\s++(?:postal|de\s++correos)|casilla\s++de\s++correos?+)\s*+(?:n[º°o]\.?\s*+)?+\d{1,6}+\b",
    patterns.IGNORECASE)
# A number, a street name and a flat without a street type: "123 main, apt 4".
_FLAT_ADDRESS_RE = patterns.compile(
    r"\b\d{1,5}\s++(?:(?!" + _NOT_STREET_NAME + r")[A-Za-z][A-Za-z'-]*+\.?+\s++){0,2}(?!" + _NOT_STREET_NAME
    + r")[A-Za-z][A-Za-z'-]*+,?+\s*+(?:suite|ste|apt|apartment|unit|flat)\.?+\s*+#?+[A-Za-z0-9-]{1,6}+\b",
    patterns.IGNORECASE)
# An age over 89 after "turned" or an elder's "is": "turned 92", "my grandpa is 95", "she
# is ninety-one" (not "95 percent", "100 pounds").
_OLDER_CUES = frozenset("turned turns turning cumplio grandma grandpa granny gran nan nana "
                        "grandmother grandfather abuela abuelo abuelita abuelito bisabuela bisabuelo "
                        "he she".split())
_AGE_RE = patterns.compile(
    r"\b(?:(?:turned|turns|turning|cumpli[oó])|(?:grandma|grandpa|granny|gran|nan|nana|"
    r"grandmother|grandfather|abuela|abuelo|abuelita|abuelito|bisabuela|bisabuelo|he|she)"
    r"(?:['\u2019]s)?+\s++(?:is|was|es|era))\s++(?P<id>9\d|1[0-4]\d|" + _OLD_AGE_WORDS
    + r"|noventa(?:\s++y\s++(?:uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?+|cien)\b"
    r"(?![\s-]*+(?:%|percent|por\s++ciento|pounds|lbs?+|kg|kilos|mg|degrees|grados|"
    r"miles|km|minutes|minutos|times|veces|years?+\s++ago))", patterns.IGNORECASE)
# A street and its number after it: "elm street, number 12", "5th ave, no. 12".
_NUMBER_AFTER_STREET_RE = patterns.compile(
    r"\b(?:(?!" + _NOT_STREET_NAME + r")(?:[a-z][a-z'-]*+|\d{1,3}+(?:st|nd|rd|th))\s++){1,3}" + _STREET_LOWER
    + r"\b\.?+,?+\s++(?:number|no\.?+|#)\s*+\d{1,5}+[a-z]?+\b", patterns.IGNORECASE)
# A street corner: "the corner of 5th and main", "la esquina de Juárez y Madero".
_CORNER_RE = patterns.compile(
    r"\b(?:corner|intersection)\s++of\s++[\w.'-]++(?:\s++" + _STREET + r"\b\.?+)?+\s++(?:and|&)\s++[\w'-]++"
    r"(?:\s++" + _STREET + r"\b\.?+)?+"
    # In Spanish the streets' names must be capitalised or numbers: "la esquina de la sala y ..." is a room.
    r"|\besquina\s++(?:de\s++)?+(?:(?:calle|avenida|av\.)\s++)?+(?-i:[A-Z\u00c1\u00c9\u00cd\u00d3\u00da\u00d10-9])[\w.'-]*+\s++(?:y|con)\s++"
    r"(?:(?:calle|avenida|av\.)\s++)?+(?-i:[A-Z\u00c1\u00c9\u00cd\u00d3\u00da\u00d10-9])[\w'-]*+",
    patterns.IGNORECASE)
# "el número 45 de la calle Mayor": the number told before the street.
_NUMBER_OF_STREET_RE = patterns.compile(
    r"\bn[uú]mero\s++\d{1,5}+[a-z]?+\s++de\s++(?:la\s++|el\s++)?+(?:calle|avenida|av\.|carrera|paseo|pasaje|"
    r"calzada|camino|plaza|ronda)\s++[\w\u00c0-\u024f'-]++", patterns.IGNORECASE)
# A neighbourhood: "colonia del Valle", "fraccionamiento Las Flores", "urbanización Los Pinos"
# ("me puse colonia de mi papá" is a perfume: not before "mi", "tu", "un" ...).
_NEIGHBOURHOOD_RE = patterns.compile(
    r"\b(?:colonia|col\.|fraccionamiento|fracc\.|urbanizaci[oó]n|urb\.|reparto)\s++"
    r"(?:(?:del|de\s++la|de\s++los|de\s++las|la|el|las|los|san|santa)\s++)?+"
    r"(?!(?:de|mi|tu|su|un|una|y|o|que|para|con|en|a|muy|m[aá]s|nueva|nuevo|barata|cara|rica|fuerte)\b)"
    r"[\w\u00c0-\u024f'-]{3,}+", patterns.IGNORECASE)
_CORNER_TOKENS = frozenset(("corner", "intersection", "esquina"))
# A town with its state after "in", "from", "near" ...: "grew up in dayton, ohio" (a capitalised
# town is already read as a name; a state alone is allowed).
_STATES = (r"(?:alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|"
           r"georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|"
           r"massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|"
           r"new\s++hampshire|new\s++jersey|new\s++mexico|new\s++york|north\s++carolina|"
           r"north\s++dakota|ohio|oklahoma|oregon|pennsylvania|rhode\s++island|south\s++carolina|"
           r"south\s++dakota|tennessee|texas|utah|vermont|virginia|washington|west\s++virginia|"
           r"wisconsin|wyoming)")
_STATE_TOKENS = frozenset(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii "
    "idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan "
    "minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico york carolina "
    "dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont virginia "
    "washington wisconsin wyoming".split())
_TOWN_STATE_RE = patterns.compile(
    r"\b(?:in|from|near|outside|to|of)\s++(?P<id>(?!" + _STATES + r"\b|" + _NOT_STREET_NAME + r")[a-z][a-z'-]{2,}+"
    r"(?:\s++(?!" + _NOT_STREET_NAME + r")[a-z][a-z'-]{2,}+)?+,\s*+" + _STATES + r")\b"
    # ... and ends there: "in pain, texas heat made it worse" is no town.
    r"(?=\s*+(?:[.,;:!?)]|$)|\s++(?:and|where|when|as|for|until|before|after|with|in|but|so|then|i|we|my|is|was)\b)")
_WEBMAIL = r"(?:gmail|yahoo|hotmail|outlook|icloud|aol|protonmail|proton|msn|live|ymail)"

# Order matters: earlier kinds claim their characters first (an email is not also a URL).
PATTERNS = (
    ("email", patterns.compile(r"(?<![\w.+-])[\w.+-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)++")),
    # "janedoe@gmail": a webmail's name without its domain.
    ("email", patterns.compile(r"(?<![\w.+-])[\w.+-]++\s*+@\s*+" + _WEBMAIL + r"\b(?![.@])", patterns.IGNORECASE)),
    # "maria dot lopez at gmail dot com", "jo(at)clinic[.]org", "ana arroba correo punto mx".
    ("email", patterns.compile(_DOT_START + r"(?!" + _NOT_LOCAL + r"\s++at\b)[\w+-]++(?:" + _DOT + r"[\w+-]++)*+" + _AT + _DOMAIN,
                               patterns.IGNORECASE)),
    # "jane.doe at gmail": the same with "at", once the full address above had its chance.
    ("email", patterns.compile(_DOT_START + r"(?!" + _NOT_LOCAL + r"\s++at\b)[\w+-]++(?:" + _DOT + r"[\w+-]++)*+" + _AT
                               + _WEBMAIL + r"\b", patterns.IGNORECASE)),
    ("url", patterns.compile(r"\b(?:https?://|www\.)[^\s<>\"]++|(?<![A-Za-z0-9-])[A-Za-z0-9-]++\.(?:com|org|net|edu|gov|io|co|us|uk|me|info|ly|" + _NEW_TLD + r")\b(?:/[^\s<>\"]*+)?", patterns.IGNORECASE)),
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
    ("date", patterns.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b"
                              # "14-mar-1990", "14mar1990", "14.MAR.90": a month's short name between digits.
                              r"|\b\d{1,2}[/.-]?+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|ene|abr|ago|dic)"
                              r"[/.-]?+(?:\d{4}|\d{2})\b", patterns.IGNORECASE)),
    # A holiday with a year is a day: "Christmas Eve 2019", "Thanksgiving of 2018", "Navidad de 2019".
    ("date", patterns.compile(r"\b" + _HOLIDAY + r",?+\s++(?:(?:of|in|de|del)\s++)?+(?:(?:1[89]|20)\d{2}|'\d{2})\b",
                              patterns.IGNORECASE)),
    ("age", _OLD_AGE_RE),
    ("date", _SHORT_DATE_RE),
    ("age", patterns.compile(r"\b(?:9\d|1[0-4]\d)[\s-]*+(?:years?|yrs?)[\s-]*+old\b|\b(?:aged?|age of)\s++(?:9\d|1[0-4]\d)\b"
                             r"|(?<!hace )\b(?:9\d|1[0-4]\d)\s++a[nñ]os\b(?!\s++(?:atr[aá]s|despu[eé]s|antes))", patterns.IGNORECASE)),
    ("age", _AGE_RE),
    # Street names are capitalised ("12 Elm Street"); "2 blocks down the road" is not an address.
    ("address", patterns.compile(r"\b\d{1,5}\s++(?:[A-Z][A-Za-z]++\s++){1,3}(?i:" + _STREET + r")\b\.?+" + _SUITE)),
    # The same in lower case ("42 maple street", "15 north 5th ave"), with fewer street types and
    # no grammar words between the number and the street type.
    ("address", patterns.compile(r"\b\d{1,5}[a-z]?+\s++(?:(?!" + _NOT_STREET_NAME + r")(?:[a-z][a-z'-]*+\.?+|\d{1,3}+(?:st|nd|rd|th))\s++){1,3}"
                                 + _STREET_LOWER + r"\b\.?+" + _SUITE, patterns.IGNORECASE)),
    ("address", _SPELLED_ADDRESS_RE),
    ("address", _PO_BOX_RE),
    ("address", _FLAT_ADDRESS_RE),
    ("address", _NUMBER_AFTER_STREET_RE),
    ("address", _CORNER_RE),
    ("address", _NUMBER_OF_STREET_RE),
    ("place", _NEIGHBOURHOOD_RE),
    ("place", _TOWN_STATE_RE),
    # After "my address is" a number and a word are an address: "my address is 42 maple".
    ("address", patterns.compile(r"\b(?:address|addy|direcci[oó]n|domicilio)(?:\s++(?:is|was|es|era))?+\s*+:?+\s*+"
                                 r"(?P<id>\b\d{1,5}[a-z]?+(?:\s++[A-Za-z][A-Za-z'-]*+){1,3})", patterns.IGNORECASE)),
    # Spanish addresses: "Calle Mayor 12, 3º 2ª", "c/ alcalá 45, piso 2, puerta b",
    # "Av. Insurgentes Sur 1602", "carrera 7 # 45-10".
    ("address", patterns.compile(
        r"(?<![\w/])(?:(?:calle|avenida|avda|paseo|carrera|cra|calzada|camino|plaza|pasaje|"
        r"ronda|bulevar|jir[oó]n|carretera|callej[oó]n|privada|diagonal|transversal)\b\.?+"
        r"|c/|av\.|av\b|jr\.)\s*+(?:[\w\u00c0-\u024f.'-]++\s++){0,5}(?:n[º°o]\.?\s*+|#\s*+|n[uú]mero\s++)?+"
        r"\d{1,5}[a-z]?\b(?:-\d{1,4}+\b)?+(?!\s*+(?:a[nñ]os|meses|d[ií]as|semanas|horas|minutos|"
        r"veces|cuadras|metros|km|kil[oó]metros|personas|mg))"
        r"(?:,?\s*+(?:\d{1,2}\s*+[º°ªo]\b|piso\s++\w{1,3}+\b|puerta\s++\w{1,3}+\b|dpto\.?+\s*+\w{1,4}+\b|"
        r"depto\.?+\s*+\w{1,4}+\b|apto\.?+\s*+\w{1,4}+\b|int(?:erior)?+\.?+\s*+\w{1,4}+\b|"
        r"[a-z]\b|\d{1,2}[º°ª]?+[a-z]?\b)){0,3}+", patterns.IGNORECASE)),
    ("record_number", patterns.compile(
        r"\b" + _RECORD_WORDS + r"\s*+(?:(?:number|no\.?|#|n\.?[º°o]\.?|n[uú]m\.?|n[uú]mero)\s*+)?+"
        r"(?:de\s++)?+(?:[:#]\s*+)?+(?:(?:is|was|es|era|ends\s++in|ending\s++in|termina\s++en)\s++)?+(?:(?:el|la)\s++)?+" + _RECORD_NUMBER
        + r"|\b[A-Z]{0,3}\d{6,}+\b", patterns.IGNORECASE)),
    # A 5-digit number that is not followed by a lower-case word ("10000 steps") reads as a ZIP
    # code; after "zip", "near" or "código postal" it is one in any case.
    ("zip", patterns.compile(r"\b\d{5}(?:-\d{4})?\b(?!\s*+[a-z%\u00e0-\u00ff])"
                             r"|(?<=zip )\d{5}\b|(?<=code )\d{5}\b|(?<=near )\d{5}\b|(?<=postal )\d{5}\b|(?<=c\.p\. )\d{5}\b|(?<=cp )\d{5}\b")),
    # UK and Canadian postcodes: "SW1A 1AA", "NW1 6XE", "K1A 0B1" (capitals only).
    ("zip", patterns.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?+\s?+\d[A-Z]{2}|[A-Z]\d[A-Z]\s?+\d[A-Z]\d)\b")),
    ("handle", patterns.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,30}\b")),
    ("handle", _HANDLE_WORD_RE),
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
_WEB_RE = patterns.compile(r"://|www\.|\.(?:com|org|net|edu|gov|io|co|us|uk|me|info|ly|" + _NEW_TLD + r")\b", patterns.IGNORECASE)
_WEBMAIL_RE = patterns.compile(_WEBMAIL, patterns.IGNORECASE)
# A dot as _DOT writes it, then a top-level domain: closed by a bracket ("[.]com"), spaced
# before a lower-case letter (" . com"), or plain (".com"). A sentence end (". Me acuerdo",
# ". Es") is none of these, so Spanish prose does not run the disguised patterns.
_DOT_TLD_RE = patterns.compile(r"\.(?:\s*+[\])}>]\s*+|\s++(?=(?-i:[a-z]))|)" + _TLD + r"\b", patterns.IGNORECASE)


def _may_be_disguised_address(text, lower, words):
    """The disguised email and URL need a dot word or a dot before a top-level domain."""
    return "dot" in lower or "punto" in lower or _DOT_TLD_RE.search(text) is not None


# The cheaper tests read the draft's set of (folded) words: one lookup per listed word.
_OLD_AGE_TOKENS = frozenset("ninety hundred noventa cien ciento".split())
_WEBMAIL_TOKENS = frozenset("gmail yahoo hotmail outlook icloud aol protonmail proton msn live ymail".split())
_STREET_TOKENS = frozenset("street st avenue ave road rd boulevard blvd lane ln highway hwy parkway pkwy "
                           "drive dr court ct circle cir terrace crescent trail trl pike".split())
_PLATFORM_TOKENS = frozenset("instagram insta ig twitter tiktok tik snapchat snap reddit discord telegram "
                             "twitch youtube facebook fb bluesky threads mastodon handle username user usuario "
                             "gamertag".split())


def _may_be_old_age(text, lower, words):
    return not _OLD_AGE_TOKENS.isdisjoint(words)


def _may_be_webmail(text, lower, words):
    return not _WEBMAIL_TOKENS.isdisjoint(words)


def _may_be_older(text, lower, words):
    return (not _OLDER_CUES.isdisjoint(words)
            and (_DIGIT_RE.search(text) is not None or _may_be_old_age(text, lower, words)))


def _may_be_spelled_address(text, lower, words):
    return not _STREET_TOKENS.isdisjoint(words) and not _SPELLED.keys().isdisjoint(words)


def _may_be_corner(text, lower, words):
    return not _CORNER_TOKENS.isdisjoint(words)


def _may_be_neighbourhood(text, lower, words):
    return not _NEIGHBOURHOOD_TOKENS.isdisjoint(words)


_NEIGHBOURHOOD_TOKENS = frozenset("colonia col fraccionamiento fracc urbanizacion urb reparto".split())


def _may_be_town_state(text, lower, words):
    return "," in text and not _STATE_TOKENS.isdisjoint(words)


# "add me: …" needs one of these verbs before "me" (Spanish "me" and a ":" are common alone).
_ME_VERBS = ("add", "follow", "dm", "message", "find")


def _glued_parts(words):
    """The pieces of words joined by an apostrophe or a hyphen ("insta'user", "tik-tok"): the
    handle pattern reads a platform name inside such a word, the word set does not."""
    for word in words:
        if "'" in word or "-" in word or "\u2019" in word:
            yield from word.replace("\u2019", "'").replace("-", "'").split("'")


def _may_be_handle(text, lower, words):
    return ("_" in text or "u/" in lower or not _PLATFORM_TOKENS.isdisjoint(words)
            or not _PLATFORM_TOKENS.isdisjoint(_glued_parts(words))
            or ("me" in words and ":" in text
                and (any(verb in lower for verb in _ME_VERBS)
                     # the letters that match "s" or "i" only case-insensitively (ſ, İ, ı)
                     or "\u017f" in text or "\u0130" in text or "\u0131" in text)))


_NEEDS_BY_KIND = {"email": _may_be_disguised_address, "url": _may_be_disguised_address,
                  "date": _MONTH_ANCHORED, "handle": "@"}
# Patterns that need something else than their kind's usual test.
_NEEDS_BY_PATTERN = {id(_OLD_AGE_RE): _may_be_old_age, id(_SPELLED_ADDRESS_RE): _may_be_spelled_address,
                     id(_HANDLE_WORD_RE): _may_be_handle, id(_SHORT_DATE_RE): _DIGIT_RE, id(_AGE_RE): _may_be_older,
                     id(_CORNER_RE): _may_be_corner, id(_TOWN_STATE_RE): _may_be_town_state,
                     id(_NEIGHBOURHOOD_RE): _may_be_neighbourhood}
_NEEDS = tuple(_NEEDS_BY_KIND.get(kind, _DIGIT_RE) for kind, _p in PATTERNS)
_NEEDS = ("@", "@", _may_be_disguised_address, _may_be_webmail, _WEB_RE, _may_be_disguised_address) + _NEEDS[6:]
_NEEDS = tuple(_DIGIT_RE if pattern is not _MONTH_ANCHORED and kind == "date" else need
               for (kind, pattern), need in zip(PATTERNS, _NEEDS))
_NEEDS = tuple(_NEEDS_BY_PATTERN.get(id(pattern), need) for (_k, pattern), need in zip(PATTERNS, _NEEDS))
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
    lower = None
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
            elif need is _may_be_disguised_address:
                if disguised is None:
                    disguised = _may_be_disguised_address(text, text.lower(), None)
                ok = disguised
            else:
                if lower is None:
                    lower, words = text.lower(), frozenset(analysis.folded)
                ok = need(text, lower, words)
            if not ok:
                continue
            # A pattern with an "id" group reports that part only (the handle, not the
            # platform's name before it).
            matches = (_reported_span(match) if pattern.groupindex else match.span()
                       for match in pattern.finditer(text))
        for start, end in matches:
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            found.append((kind, start, end))
    return found, taken


def _reported_span(match):
    """The span of a match's first "id…" group that took part, else the whole match's."""
    for name in match.re.groupindex:
        if name.startswith("id") and match.group(name) is not None:
            return match.span(name)
    return match.span()


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
    "seis siete ocho nueve double doble".split(), 1)
# "triple five" is three digits: the word adds two to the digit after it.
_SPELLED["triple"] = 2
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
    if len(candidates) < 2 or (not has_digit and sum(_SPELLED[norms[i]] for i in candidates) < min(_MIN_DIGITS.values())):
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
        kind = _run_kind(norms, first)
        if (units >= 2 and total >= _MIN_DIGITS.get(kind, MIN_RUN_DIGITS)
                and (any_spelled or not _not_a_phone(text, starts, ends, first, last, units))):
            start = starts[first]
            while start > 0 and text[start - 1] in "(+" and start > starts[first] - 2:
                start -= 1
            found.append((kind, start, ends[last]))
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


# After a word that names it, a shorter number read out is one: a ZIP code has five digits
# ("zip code six two seven oh four"), a record number may have four.
_MIN_DIGITS = {"zip": 5, "record_number": 4, "national_id": 5}
_ZIP_CUES = frozenset("zip zipcode postal cp".split())


def _run_kind(norms, first):
    before = norms[max(0, first - 4):first]
    if any(word in _ZIP_CUES for word in before[-3:]):
        return "zip"
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
            if (base in _LOWER_PLACE_PREFIXES and k + 1 < n and text[ends[k]:starts[k + 1]] in (". ", " ")
                    and bases[k + 1].isalpha() and bases[k + 1] not in common and bases[k + 1] not in known
                    and bases[k + 1] not in allowed and len(bases[k + 1]) > 2):
                # "st. mary's hospital", "saint jude's": a saint's place in lower case.
                last = k + 1
                while (last + 1 < n and text[ends[last]:starts[last + 1]] == " "
                       and bases[last + 1] in facilities):
                    last += 1
                found.append(("place", starts[k], ends[last]))
                k = last + 1
                continue
            if (base not in given and (k == 0 or (norms[k - 1] not in _SHORT_TITLES
                                                  and bases[k - 1] not in _LONG_TITLES))) or base in allowed:
                k += 1
                continue
            if (k > 0 and bases[k - 1] in _LONG_TITLES and text[ends[k - 1]:starts[k]] == " "
                    and (base in surnames or base in given) and base not in common and base not in known):
                # "el doctor ramírez", "la señora garcía", "nurse kelly": a title spelt out and a
                # listed name (any word after "doctor" would catch "doctor said").
                last = k
                if (base in given and k + 1 < n and text[ends[k]:starts[k + 1]] == " "
                        and _surname(norms[k + 1], surnames) and bases[k + 1] not in allowed):
                    last = k + 1
                found.append(("name", starts[k], ends[last]))
                k = last + 1
                continue
            if (base in given and k + 1 < n and text[ends[k]:starts[k + 1]] == " "
                    and bases[k + 1] not in allowed
                    and (_surname(norms[k + 1], surnames) or _looks_like_surname(bases[k + 1], common, known)
                         # "my name is jane smythe": after a cue any word that is no ordinary one.
                         or (_after_name_cue(norms, k) and bases[k + 1].isalpha()
                             and bases[k + 1] not in common and bases[k + 1] not in known))):
                found.append(("name", starts[k], ends[k + 1]))
                k += 2
                continue
            if (base in given and k + 1 < n and text[ends[k]:starts[k + 1]] == " " and len(norms[k + 1]) == 1
                    and norms[k + 1] not in ("a", "i") and norms[k + 1].isalpha()
                    and text[ends[k + 1]:ends[k + 1] + 1] == "." and base not in allowed):
                # "my friend, sarah m.": a first name and an initial.
                found.append(("name", starts[k], ends[k + 1]))
                k += 2
                continue
            if base in given and _after_self_name_cue(norms, k):
                # "my name is jane", "me llamo ana": the writer's own first name.
                found.append(("name", starts[k], ends[k]))
                k += 1
                continue
            if (k > 0 and norms[k - 1] in _SHORT_TITLES and text[ends[k - 1]:starts[k]] in (". ", " ")
                    and base not in common and base not in known and len(base) > 1
                    and norms[k].isalpha()
                    # "my dr twice": without the title's period, only a listed name is one.
                    and (text[ends[k - 1]:starts[k]] == ". " or base in given or base in surnames)):
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
        if (len(raw) == 1 and raw.isalpha() and raw != "I" and k + 1 < n and text[ends[k]:starts[k + 1]] == ". "
                and capital(k + 1) and bases[k + 1] not in common and bases[k + 1] not in known
                and bases[k + 1] not in allowed and len(bases[k + 1]) > 1):
            # An initial and a surname: "J. Smith".
            found.append(("name", starts[k], ends[k + 1]))
            k += 2
            continue
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
        if (last == k and base in given and k + 1 < n and text[ends[k]:starts[k + 1]] == " "
                and len(norms[k + 1]) == 1 and text[starts[k + 1]].isupper() and text[starts[k + 1]] != "I"
                and text[ends[k + 1]:ends[k + 1] + 1] == "."):
            # A listed first name and an initial: "Jane D." (the period left out of the span).
            last = k + 1
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


# Words a name follows in lower case: "my name is jane doe", "me llamo ana ruiz".
_NAME_CUES = (("my", "name", "is"), ("name", "is"), ("i", "am"), ("i'm",), ("im",), ("me", "llamo"),
              ("mi", "nombre", "es"), ("soy",), ("called",), ("named",), ("llamado",), ("llamada",))
_LOWER_PLACE_PREFIXES = frozenset(("st", "saint", "san"))
# Titles spelt out (folded), before a listed name in lower case.
_LONG_TITLES = frozenset("doctor doctora senora senor don dona nurse enfermera enfermero profesor "
                         "profesora professor coach mister".split())
# Words that give the writer's own name: a first name alone after them is one.
_SELF_NAME_CUES = (("my", "name", "is"), ("me", "llamo"), ("mi", "nombre", "es"), ("call", "me"))


def _after_self_name_cue(norms, k):
    return any(tuple(norms[max(0, k - len(cue)):k]) == cue for cue in _SELF_NAME_CUES)


# Endings of surnames that ordinary words seldom have ("whitaker" aside): after a listed first
# name in lower case, "emily davidson", "anna kowalczyk", "mike johannsen", "ana benítez" are names.
_SURNAME_ENDINGS = ("son", "sen", "ez", "ski", "sky", "czyk", "wicz", "stein", "berg", "mann", "man",
                    "ton", "ley", "ford", "field", "wood", "worth", "well", "ham", "ington", "ian",
                    "yan", "enko", "ova", "poulos", "ucci", "elli", "etti", "ini", "ovich", "opoulos")
# Ordinary words with those endings.
_NOT_SURNAMES = frozenset(
    "person reason season lesson poison prison woman human german roman shaman caiman chosen "
    "valley alley barley trolley button cotton mutton skeleton carton wanton farewell stairwell "
    "driftwood battlefield minefield librarian guardian physician musician christian italian "
    "asian indian russian vez diez pez nuez whisky iceberg motley comedian veteran vegetarian "
    "median civilian technician pediatrician politician historian custodian canadian "
    "everyone madman postman spokesman chairman gentleman layman policeman fireman".split())


def _looks_like_surname(base, common, known):
    return (len(base) >= 5 and base.isalpha() and base.endswith(_SURNAME_ENDINGS)
            and base not in _NOT_SURNAMES and base not in common and base not in known)


def _after_name_cue(norms, k):
    """Whether the words before ``k`` say a name follows ("my name is", "named")."""
    return any(tuple(norms[max(0, k - len(cue)):k]) == cue for cue in _NAME_CUES)


# Digits typed for letters in a name: "j0hn sm1th", "m4ria l0pez", "k3vin o'br1en".
_LEET = str.maketrans("0134578", "oieastb")
_LEET_L = str.maketrans("0134578", "oleastb")


def _unleet(word):
    """The readings of ``word`` with digits read as the letters they look like."""
    return {word.translate(_LEET), word.translate(_LEET_L)}


def _leet_names(analysis, allowed):
    """Two words, one at least mixing letters and digits, that read as a listed first name and
    a listed surname once the digits are read as letters."""
    found = []
    text, starts, ends, folded = analysis.text, analysis.starts, analysis.ends, analysis.folded
    if _DIGIT_RE.search(text) is None:
        return found
    lists = _lists()
    given, surnames = lists["given_names"], lists["surnames"]

    # Words that mix letters and digits (C-speed tests first: most drafts have none).
    mixed = [i for i, word in enumerate(folded)
             if not word.isalpha() and not word.isdigit() and any(ch.isdigit() for ch in word)
             and any(ch.isalpha() for ch in word)]
    if not mixed:
        return found
    n = len(folded)
    done = -1
    for i in mixed:
        for k in (i - 1, i):
            if k <= done or k < 0 or k + 1 >= n or text[ends[k]:starts[k + 1]] != " ":
                continue
            if (any(w in given and w not in allowed for w in _unleet(folded[k]))
                    and any(w in surnames or _base(w) in surnames for w in _unleet(folded[k + 1]))):
                found.append(("name", starts[k], ends[k + 1]))
                done = k + 1
                break
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
    for kind, start, end in _name_findings(analysis, allowed) + _leet_names(analysis, allowed):
        if not taken.overlaps(start, end):
            taken.add(start, end)
            found.append((kind, start, end))
    found.sort(key=lambda item: item[1])
    return found
