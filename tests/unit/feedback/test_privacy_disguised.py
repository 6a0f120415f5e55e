"""The privacy gate on identifiers written lightly disguised, and in Spanish, both ways.

Each kind has positives (the disguise is caught, and the span quotes the learner's own text)
and near misses that look alike but are not identifiers (doses, times, ages, years, counts,
room numbers, first names of the scenario). The gate reads every draft with every language's
patterns: a Spanish draft is checked on an English page too.
"""
import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def findings(text, scenario="anxiety-withdrawal", language="en"):
    result = evaluate(text, RUBRIC, load_scenario(scenario) if scenario else None, language=language)
    for finding in result.privacy_findings:
        assert text[finding.start:finding.end] == finding.text  # spans point into the original
    return [(f.kind, f.text) for f in result.privacy_findings]


@pytest.mark.parametrize("text, kind, found", [
    # numbers read out, spaced, or typed with letters for digits
    ("Call me at five five five, two oh one, eight eight nine zero.", "phone",
     "five five five, two oh one, eight eight nine zero"),
    ("My number is 5 5 5 2 0 1 8 8 9 0 if you need it.", "phone", "5 5 5 2 0 1 8 8 9 0"),
    ("Text 555 20 18 890 any time.", "phone", "555 20 18 890"),
    ("Call 555-2O1-889O any time.", "phone", "555-2O1-889O"),
    ("My chart number is four four eight two nine one seven.", "record_number",
     "four four eight two nine one seven"),
    ("Mi número: seis uno dos, treinta y cuatro, cincuenta y seis, setenta y ocho.", "phone",
     "seis uno dos, treinta y cuatro, cincuenta y seis, setenta y ocho"),
    # email and web addresses with words or brackets for "@" and "."
    ("Write to maria dot lopez at gmail dot com please.", "email", "maria dot lopez at gmail dot com"),
    ("Email jo(at)clinic[.]org today.", "email", "jo(at)clinic[.]org"),
    ("Email jo [at] clinic [dot] org today.", "email", "jo [at] clinic [dot] org"),
    ("Escríbeme a ana arroba correo punto mx.", "email", "ana arroba correo punto mx"),
    ("Escríbeme a ana (arroba) correo (punto) com.", "email", "ana (arroba) correo (punto) com"),
    ("See www dot calmcoach dot com for the group.", "url", "www dot calmcoach dot com"),
    ("The group is at calmcoach[.]org now.", "url", "calmcoach[.]org"),
    ("Mirá grupocalma punto com punto ar.", "url", "grupocalma punto com punto ar"),
    ("Mirá grupocalma punto es, está bueno.", "url", "grupocalma punto es"),
    # dates in words, a day and a month, or a month and a year
    ("I was born on the third of March, 1990.", "date", "the third of March, 1990"),
    ("It was March third when it happened.", "date", "March third"),
    ("It started in March 1990 for me.", "date", "March 1990"),
    ("It started in june of nineteen ninety-five.", "date", "june of nineteen ninety-five"),
    ("Nací el 3 de marzo de 1990 en el norte.", "date", "3 de marzo de 1990"),
    ("Me dieron el alta el tres de marzo.", "date", "tres de marzo"),
    ("Me operaron en marzo del 98.", "date", "marzo del 98"),
    ("On Christmas Eve 2019 I ended up in the ER.", "date", "Christmas Eve 2019"),
    ("Thanksgiving of 2018 was the worst.", "date", "Thanksgiving of 2018"),
    ("En Navidad de 2019 lloré mucho.", "date", "Navidad de 2019"),
    # full names in lower case, and after a title
    ("I talked to maria lopez about it.", "name", "maria lopez"),
    ("A guy named kevin o'brien helped me.", "name", "kevin o'brien"),
    ("I hid at lucas moreno's house.", "name", "lucas moreno's"),
    ("Then I met dr. alan whitfield there.", "name", "alan whitfield"),
    ("Hablé con josé hernández del grupo.", "name", "josé hernández"),
    ("It was at Dr. O'Neill's office.", "name", "O'Neill's"),
    # streets without capitals, and Spanish addresses
    ("I lived at 42 maple street then.", "address", "42 maple street"),
    ("The clinic was at 300 n. main st, suite 210, back then.", "address", "300 n. main st, suite 210"),
    ("Vivía en Calle Mayor 12, 3º 2ª, con mi tía.", "address", "Calle Mayor 12, 3º 2ª"),
    ("Antes en c/ alcalá 45, piso 2, puerta b.", "address", "c/ alcalá 45, piso 2, puerta b"),
    ("Trabajaba en Av. Insurgentes Sur 1602.", "address", "Av. Insurgentes Sur 1602"),
    # Spanish-speaking phone styles
    ("Mi celular es +52 55 1234 5678.", "phone", "+52 55 1234 5678"),
    ("Llámame al +34 612 34 56 78.", "phone", "+34 612 34 56 78"),
    ("Mi cel: +54 9 11 1234-5678.", "phone", "+54 9 11 1234-5678"),
    ("Llámame al +1 787 555 1234.", "phone", "+1 787 555 1234"),
    ("Llámame al 612 345 678 cuando quieras.", "phone", "612 345 678"),
    ("O al (55) 1234-5678 de noche.", "phone", "(55) 1234-5678"),
    # identity documents and clinical records
    ("Me pidieron el DNI, 48392017K, en la entrada.", "national_id", "48392017K"),
    ("Mi NIE es X1234567L.", "national_id", "X1234567L"),
    ("Mi CURP es PEGJ900215HJCRRN07.", "national_id", "PEGJ900215HJCRRN07"),
    ("Mi RFC es PELJ900215AB3.", "national_id", "PELJ900215AB3"),
    ("Mi DNI 32.456.781 quedó en la ficha.", "national_id", "32.456.781"),
    ("Mi RUT es 12.345.678-5.", "national_id", "12.345.678-5"),
    ("Mi expediente 2023-00451 seguía abierto.", "record_number", "expediente 2023-00451"),
    ("Mi expediente es el 45821 del IMSS.", "record_number", "expediente es el 45821"),
    ("La historia clínica n.º 558812 lo decía.", "record_number", "historia clínica n.º 558812"),
    # places: one finding, not two names
    ("I was at St. Mary's for a week.", "place", "St. Mary's"),
    ("St. Mary's Hospital helped me.", "place", "St. Mary's Hospital"),
    ("Then Mercy General Hospital took me in.", "place", "Mercy General Hospital"),
    ("Estuve en el Hospital de Clínicas un mes.", "place", "Hospital de Clínicas"),
])
def test_disguised_identifiers_are_found(text, kind, found):
    assert (kind, found) in findings(text)


@pytest.mark.parametrize("text", [
    "I took 50 mg at 8 am and 25 mg at 9 pm for 2 weeks.",          # doses, times
    "At 3:30 I breathed in for 4, held for 7, out for 8.",            # counts in a technique
    "I counted down 5-4-3-2-1 and it helped.",                         # a short digit sequence
    "I was 24 in 2019, and it was hard from 2010-2015.",               # age, bare years, a span
    "I was in room 402 for a week, bed 7.",                            # room numbers alone
    "Jamie, I felt that way too. What helps you?",                     # the scenario's name
    "jamie, i felt that way too.",                                     # ... in lower case
    "I may first try breathing. In March I felt worse.",               # "may" the verb, a month
    "I connected the dots slowly, one at a time.",                     # "dot" in prose
    "I looked at it . Me, I just waited.",                             # a spaced period
    "They were gems.It was fine, though.it helped. yeah . do it.",     # typed sentence ends
    "The 2 of us walked 3 blocks down the road.",                      # a count, not an address
    "At 5 each morning I'd drive 20 minutes.",
    "I slept four or five hours, two or three nights a week.",         # numbers in words
    "It took one, two, three tries.",
    "My doctor helped and the nurse listened.",                        # roles, no name
    "I will mark the day in my calendar.",                             # names that are words
    "Tomé 50 mg a las 8 y otra vez a las 20 h durante 3 semanas.",    # Spanish dose, times
    "Estuve en la calle 3 años y 2 meses, a 20 minutos del centro.",  # calle with durations
    "Vivía en un 4º piso sin ascensor.",                               # floor, no street
    "En 1990 tenía 20 años; en marzo me sentí peor.",                  # year, age, month alone
    "Gasté 1.500.000 pesos en terapia.",                               # an amount with dots
    "Estuve en el salón 204 solo.",                                    # a room alone
    "Le di a maria las gracias.",                                      # a first name alone
    "At Christmas I was fine, and by Easter I felt better.",           # holidays without a year
    "En Navidad lloré; el expediente de 2019 ya no importa.",          # a bare year after "de"
    "I'm fine. Don't worry, It's ok. My Mom's house.",                 # contractions, possessives
])
def test_look_alikes_pass(text):
    assert findings(text) == []


def test_spanish_draft_on_an_english_page_is_checked():
    # The gate does not depend on the page's language: the same findings either way.
    text = "Mi DNI es 48392017K y mi correo ana arroba correo punto mx."
    assert findings(text, language="en") == findings(text, language="es")
    assert [kind for kind, _t in findings(text, language="en")] == ["national_id", "email"]


def test_new_kinds_have_spanish_messages():
    result = evaluate("I was at St. Mary's. Mi DNI es 48392017K.", RUBRIC, language="es")
    messages = {f.kind: f.message for f in result.privacy_findings}
    assert set(messages) == {"place", "national_id"}
    assert all("This looks" not in message for message in messages.values())


def test_place_is_not_reported_as_two_names():
    kinds = findings("I was at St. Mary's for a week.")
    assert kinds == [("place", "St. Mary's")]
    assert not any(kind == "name" for kind, _t in kinds)
