"""More disguised identifiers, both ways: each kind the gate learned in this round has a positive
(caught, and the span quotes the learner's own text) and a near miss that must pass (a dose, a
time, an age under 90, a duration, a score, a room number, an ordinary description).
"""
import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def findings(text, scenario="anxiety-withdrawal", language="en"):
    result = evaluate(text, RUBRIC, load_scenario(scenario) if scenario else None, language=language)
    for finding in result.privacy_findings:
        assert text[finding.start:finding.end] == finding.text
    return [(f.kind, f.text) for f in result.privacy_findings]


@pytest.mark.parametrize("text, kind, found", [
    # lower-case streets of every common type, house numbers in words, flats, boxes
    ("I lived at 42 oak drive back then.", "address", "42 oak drive"),
    ("She lived at 7 elm court with us.", "address", "7 elm court"),
    ("I live at 221b baker st.", "address", "221b baker st."),
    ("I lived at forty two maple street then.", "address", "forty two maple street"),
    ("I live at 123 main, apt 4 now.", "address", "123 main, apt 4"),
    ("Send it to P.O. Box 442 please.", "address", "P.O. Box 442"),
    ("Escribe al apartado postal 1234.", "address", "apartado postal 1234"),
    ("my address is 42 maple", "address", "42 maple"),
    ("vivo en av corrientes 1234", "address", "av corrientes 1234"),
    # ages over 89 in words or after "turned" / an elder's "is"
    ("My nana was ninety-three years old.", "age", "ninety-three years old"),
    ("He turned 92 last spring.", "age", "92"),
    ("My grandpa is 95.", "age", "95"),
    ("She is ninety-one and still walks.", "age", "ninety-one"),
    ("Mi abuelo tiene noventa y cinco años.", "age", "noventa y cinco años"),
    # dates: a day and month in digits after a birth or stay word, "March the 14th", month names
    # between digits, Spanish first days
    ("I was born on 03/14 in the spring.", "date", "03/14"),
    ("My birthday is 14/3.", "date", "14/3"),
    ("On March the 14th I was admitted.", "date", "March the 14th"),
    ("I was born 14-mar-1990.", "date", "14-mar-1990"),
    ("Me internaron el 1° de mayo.", "date", "1° de mayo"),
    ("Fue el 1ro de mayo.", "date", "1ro de mayo"),
    # plates, member numbers and codes that mix capitals and digits
    ("My license plate was 7ABC123.", "record_number", "plate was 7ABC123"),
    ("my plate is ABC 1234", "record_number", "plate is ABC 1234"),
    ("My medicare id 1EG4TE5MK73 was on the card.", "record_number", "id 1EG4TE5MK73"),
    ("My VIN is 1HGCM82633A004352.", "record_number", "VIN is 1HGCM82633A004352"),
    ("patient number 2231-44 was on my band", "record_number", "patient number 2231-44"),
    ("mi tarjeta sanitaria es BBBB123456789012", "record_number", "tarjeta sanitaria es BBBB123456789012"),
    ("badge number 4482 got me in", "record_number", "badge number 4482"),
    # numbers read out after the word that names them
    ("My zip code is six two seven oh four.", "zip", "six two seven oh four"),
    ("My chart number is four four eight two.", "record_number", "four four eight two"),
    # handles without "@"
    ("I'm jane_doe_88 on instagram.", "handle", "jane_doe_88"),
    ("Look for u/calmkim22 on reddit.", "handle", "u/calmkim22"),
    ("my tiktok is calmwithkim", "handle", "calmwithkim"),
    ("My handle is calmkim22 on reddit.", "handle", "calmkim22"),
    ("Mi usuario es anaruiz88.", "handle", "anaruiz88"),
    ("add me: calmkim22", "handle", "calmkim22"),
    ("I'm calm.kim on tiktok.", "handle", "calm.kim"),
    # emails with a webmail's name and no domain, web addresses with a space before the dot
    ("Email janedoe@gmail if you want.", "email", "janedoe@gmail"),
    ("my email is jane.doe at gmail", "email", "jane.doe at gmail"),
    ("see calmcoach .org for more", "url", "calmcoach .org"),
    # names: lower case with a listed surname or after "my name is", initials, saints' places
    ("My name is jane doe.", "name", "jane doe"),
    ("my friend sarah connor told me", "name", "sarah connor"),
    ("My coworker J. Smith said so.", "name", "J. Smith"),
    ("Jane D. from group said so.", "name", "Jane D"),
    ("my friend, sarah m. helped", "name", "sarah m"),
    ("my friend anna kowalczyk helped", "name", "anna kowalczyk"),
    ("i asked peter davidson about it", "name", "peter davidson"),
    ("my number is triple five, one two three four", "phone", "triple five, one two three four"),
    ("It was on the first of may that I broke down.", "date", "the first of may"),
    ("see calmcoach.app for more", "url", "calmcoach.app"),
    ("my postcode is SW1A 1AA", "zip", "SW1A 1AA"),
    ("my postal code is K1A 0B1", "zip", "K1A 0B1"),
    ("my mrn ends in 4471", "record_number", "mrn ends in 4471"),
    ("I live on elm street, number 12 now.", "address", "elm street, number 12"),
    ("I live at the corner of 5th and main.", "address", "corner of 5th and main"),
    ("Vivo en la esquina de Juárez y Madero.", "address", "esquina de Juárez y Madero"),
    ("I grew up in dayton, ohio and left.", "place", "dayton, ohio"),
    ("My SSN ends in 6789.", "record_number", "SSN ends in 6789"),
    ("Me operaron en abril del noventa.", "date", "abril del noventa"),
    ("Mi abuela cumplió noventa y dos.", "age", "noventa y dos"),
    ("Vivo en el número 45 de la calle mayor.", "address", "número 45 de la calle mayor"),
    ("Vivo en la colonia del valle, cdmx.", "place", "colonia del valle"),
    ("My name is jane, and I work nights.", "name", "jane"),
    ("me llamo ana y trabajo de noche", "name", "ana"),
    ("La señora garcía me ayudó.", "name", "garcía"),
    ("el doctor ramírez me ayudó", "name", "ramírez"),
    ("I was born on fifth september.", "date", "fifth september"),
    ("my friend j0hn sm1th helped", "name", "j0hn sm1th"),
    ("I talked to M4ria L0pez once.", "name", "M4ria L0pez"),
    ("email j0hn.sm1th at gma1l dot c0m", "email", "j0hn.sm1th at gma1l dot c0m"),
    ("i told gemma walsh everything", "name", "gemma walsh"),
    ("I stayed at st. mary's hospital.", "place", "st. mary's hospital"),
    ("Estuve en la clínica san rafael.", "place", "san rafael"),
])
def test_more_disguised_identifiers_are_found(text, kind, found):
    assert (kind, found) in findings(text)


@pytest.mark.parametrize("text", [
    "It was a 30 minute drive, then a 10 min drive back.",    # a drive is not a street
    "It's a 3 hour long drive to my mom's.",
    "It was one long road to recovery.",                      # "one" is no house number
    "Forty years down the road I still remember.",
    "I had 2 kids, unit 4 was my ward.",                      # a ward's unit, no street
    "Ninety days later I felt better.",                       # ninety not an age
    "She was ninety years ago a small town.",
    "He was 95 percent sure, and she was 100 pounds lighter.",
    "My grandma turned 80 last year; she is 85 now.",          # ages under 90
    "My score went from 8/10 to 3/10 in 24/7 care.",           # scores, not dates
    "I was born in 1990 and admitted for 3/4 of a year.",      # a bare year, a fraction
    "My instagram is private now.",                            # a platform, no handle
    "I spent hours on reddit and on instagram.",
    "I deleted my tiktok and my twitter last year.",
    "my id badge was lost in 2019",                            # a record word, no number
    "My plate was empty at dinner.",
    "I saw my dr twice that week.",                            # "dr" and an ordinary word
    "My friend sarah told me to rest.",                        # a first name alone, lower case
    "i asked jamie how she felt.",                             # the scenario's name
    "Respiré 4 segundos, aguanté 7 y solté en 8.",            # Spanish counts
    "El 1 de cada 3 pacientes lo siente.",                     # "1 de" is no date
    "Mi abuela tiene 85 años y mi abuelo 88.",                 # Spanish ages under 90
    "Mi instagram es privado.",
    "I told maria the reason, and emma the season I left.",   # endings of ordinary words
    "You may first of all try breathing; I may have.",         # "may" the verb
    "I said it one, two, triple times.",                       # "triple" alone is no number
    "I was so tired.App stores were no help, and the AI too.", # a typed sentence end, no domain
    "I got a B2 grade and an A1 rating on the 5 4 3 2 1 test.",  # grades, no postcode
    "I saw it out of the corner of my eye and froze.",         # a corner that is no street's
    "Me senté en la esquina de la sala y lloré.",
    "We moved from ohio, texas and then florida.",             # states alone are allowed
    "I was in pain, texas heat made it worse.",
    "My ssn card was lost.",
    "Me puse colonia de mi papá para sentirme cerca.",         # a perfume, no neighbourhood
    "El doctor dijo que estaba bien; la señora que vende pan me saludó.",  # titles, no name
    "Call me when you can. My name is not important here.",    # name cues without a name
    "Nací en los noventa y crecí rápido.",                     # a decade, no date
    "Mi abuela tenía noventa recetas de cocina.",              # ninety things, no age
    "It was my first march for anything, and my second may be soon.",  # march and may as words
    "We bought a 4x4 and a 3d printer; the k9 unit came too.",  # digits in words, no name
    "I was frank with them and painted it hunter green.",       # names left out of the list
])
def test_more_look_alikes_pass(text):
    assert findings(text) == []
