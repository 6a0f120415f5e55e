"""Relevance judged by what the shared experience is about (issues 14 and 15), each kind both
ways (a positive and a near-miss negative) in English and Spanish; and patient focus on a closing
suggestion question, the same in both languages."""
from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import Scenario, load_preset

from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def judged(text, scenario="anxiety-withdrawal", criterion="relevant"):
    sc = load_scenario(scenario) if isinstance(scenario, str) else scenario
    return next(c for c in evaluate(text, RUBRIC, sc).criteria if c.id == criterion).outcome


# A feeling state told about another trouble of the writer's is only loosely related.
def test_state_about_another_trouble_is_loose_en():
    assert judged("I used to get so nervous before my exams that I shook.") == "partial"
    assert judged("I used to get so nervous around other people that I shook.") == "met"


def test_state_about_another_trouble_is_loose_es():
    assert judged("Me ponía muy nerviosa antes de los exámenes y no dormía.") == "partial"
    assert judged("Me ponía muy nerviosa con la gente y me encerraba en mi cuarto.") == "met"


# "Me too" beside the writer's own, other trouble is not the patient's concern.
def test_me_too_beside_own_other_trouble_en():
    assert judged("I'm also having a hard time right now with my landlord and my debts.") == "not_met"
    assert judged("I also kept to myself for weeks when I was anxious.") == "met"


def test_me_too_beside_own_other_trouble_es():
    assert judged("Yo también ando mal, con problemas con el casero y no me alcanza la plata.") == "not_met"
    assert judged("Yo también me encerraba en mi cuarto cuando tenía ansiedad.") == "met"


# A scenario word in the question put to the patient is not the shared experience.
def test_words_in_the_question_to_the_patient_en():
    assert judged("I baked bread every weekend last year. How do you feel about the group?",
                  "group-reluctance") != "met"
    assert judged("I doubted the group at first too. How do you feel about it?", "group-reluctance") == "met"


def test_words_in_the_question_to_the_patient_es():
    assert judged("El año pasado aprendí a hacer pan. ¿Qué opinas del grupo de hoy?",
                  "group-reluctance") == "not_met"
    assert judged("Yo también dudaba del grupo al principio. ¿Qué opinas tú?", "group-reluctance") == "met"


# Withdrawal told as a situation is the anxiety-withdrawal patient's concern; feeling alone
# after a move is only near it.
def test_withdrawal_paraphrase_en():
    assert judged("There was a time I'd rather stay home than see anyone.") == "met"
    assert judged("I felt alone for a while after I moved cities.") == "partial"


def test_withdrawal_paraphrase_es():
    assert judged("Pasé una época en que no salía de casa y evitaba a todos.") == "met"
    assert judged("Me sentí sola un tiempo cuando me mudé de ciudad.") != "met"


# Hopelessness told without the word.
def test_hopelessness_paraphrase_en():
    assert judged("A few years back my future felt like a blank wall and I stopped planning anything.",
                  "hopelessness") == "met"
    assert judged("A few years back I stopped playing football.", "hopelessness") != "met"


def test_hopelessness_paraphrase_es():
    assert judged("Tuve una etapa sin salida; anotar cosas buenas me ayudó.", "hopelessness") == "met"
    assert judged("Tuve una etapa en la que salía mucho de fiesta.", "hopelessness") == "not_met"


# The patient asked about the writer's own experience: a first-person answer is about it.
# (Contexts are read as English; a Spanish context is not matched yet.)
def test_answer_to_the_patients_question():
    asked = Scenario(key="t-ask", keywords=("breakup", "relationship", "partner"),
                     context="It still hurts. Have you ever been cheated on?")
    other = Scenario(key="t-other", keywords=("breakup", "relationship", "partner"),
                     context="It still hurts. Are you based in the US?")
    assert judged("I actually have, for a while after college.", asked) == "met"
    assert judged("I actually have, for a while after college.", other) == "not_met"


# An experience claim pointing back at what the patient said, and taking their place.
def test_anaphoric_claim_and_taking_their_place_en():
    sc = Scenario(key="t-coun", keywords=("job", "work", "money"),
                  context="I was thinking of trying online counselling for the stress.")
    assert judged("I did it last year and it was great.", sc) == "met"
    assert judged("I never did any of that, it's not for me.", sc) == "not_met"
    assert judged("In your situation I would feel frustrated too.", sc) == "met"
    assert judged("I'd be happy to help you with the forms.", sc) == "not_met"


def test_taking_their_place_es():
    assert judged("Te entiendo; en tu situación yo me sentiría igual de nerviosa con la gente.") == "met"
    assert judged("Te paso los horarios de la biblioteca del hospital.") == "not_met"


# Patient focus: a closing suggestion question ("Have you tried…?") is a question to the
# patient: met in both languages, as RUBRIC.md and the English labels have it (the suggestion
# itself is the partial level of no_minimizing, not of focus).
def test_closing_suggestion_question_same_in_both_languages():
    en = "I used to avoid people too, and short walks with a friend helped. Have you tried a short walk?"
    es = ("Yo también evitaba a la gente, y caminar un rato con una amiga me ayudó. "
          "¿Has probado a caminar un rato?")
    assert judged(en, criterion="patient_focus") == judged(es, criterion="patient_focus") == "met"
    assert judged(en, criterion="no_minimizing") == judged(es, criterion="no_minimizing") == "partial"
    # Near miss: the same draft closing on the writer is not handed back, in either language.
    en_closed = "I used to avoid people too, and short walks with a friend helped. I still walk daily."
    es_closed = ("Yo también evitaba a la gente, y caminar un rato con una amiga me ayudó. "
                 "Todavía camino cada día.")
    assert judged(en_closed, criterion="patient_focus") == judged(es_closed, criterion="patient_focus") == "not_met"


# A sentence without "I" that opens or continues the writer's story is part of it (Spanish
# "veía" is the writer's as much as anyone's); an opinion about another matter beside it is not.
def test_story_sentence_without_i_es():
    assert judged("Hubo una época en que no le veía sentido a nada. Me ayudó salir a caminar.",
                  "hopelessness") == "met"
    assert judged("Los grupos son un invento del gobierno para sacar dinero a la gente. "
                  "Yo nunca he ido a uno.", "group-reluctance") != "met"


def test_story_sentence_without_i_en():
    assert judged("There was a stretch when nothing seemed to matter. I started small walks.",
                  "hopelessness") == "met"
    assert judged("Groups are a scam the government runs to take people's money. I never went.",
                  "group-reluctance") != "met"


# An experience that points back at what is proposed ("I did it", "Yo fui y…") is the scenario's
# matter even when the scenario word sits only in the advice; another past of the writer's is not.
def test_anaphoric_experience_after_advice_en():
    assert judged("You should go to group, Sam. I did it and loved it.", "group-reluctance") == "met"
    assert judged("You should go to group, Sam. I was a teacher for years.", "group-reluctance") == "not_met"


def test_anaphoric_experience_after_advice_es():
    assert judged("Tienes que ir al grupo, Sam. Yo fui y me encantó.", "group-reluctance") == "met"
    assert judged("Tienes que ir al grupo, Sam. Yo fui profesora muchos años.", "group-reluctance") == "not_met"


# Saying one understands is a loose link in both languages, Spanish without the pronoun too;
# someone else's experience is not the writer's.
def test_understanding_is_a_loose_link_en():
    assert judged("I understand, Sam. It is hard.", "group-reluctance") == "partial"
    assert judged("My brother went through that.", "group-reluctance") == "not_met"


def test_understanding_is_a_loose_link_es():
    assert judged("Te entiendo, Sam. Cuesta mucho.", "group-reluctance") == "partial"
    assert judged("Todos pasamos por eso, che.", "group-reluctance") == "partial"
    assert judged("Mi hermano pasó por eso.", "group-reluctance") == "not_met"


# --- Fourth round: the topic of the writer's trouble (our own sentences). ---

# A trouble in another domain entirely (money, traffic, politics) makes even the concern's own
# feeling word no link; beside a nearby trouble (a divorce) the same word is the concern.
def test_concern_word_about_a_trouble_in_another_domain_en():
    assert judged("I get really anxious when my mortgage payment is due, so I set up automatic "
                  "payments.") == "not_met"
    assert judged("I got really anxious after my divorce and avoided my friends for months, but "
                  "slowly I went back out.") == "met"
    assert judged("I felt hopeless about the bills piling up, then I found a second job.",
                  "hopelessness") == "not_met"
    assert judged("I felt hopeless after my divorce, and a small walk every day helped me.",
                  "hopelessness") == "met"
    assert judged("I feel hopeless about the election results and want to give up on voting.",
                  "hopelessness") == "not_met"


def test_concern_word_about_a_trouble_in_another_domain_es():
    assert judged("Me pongo muy ansiosa cuando llegan las deudas del banco, así que hice un "
                  "presupuesto.") == "not_met"
    assert judged("Me puse muy ansiosa después de mi divorcio y evitaba a mis amigas, pero poco a "
                  "poco volví a salir.") == "met"
    assert judged("El tráfico me tiene sin dormir y sin esperanza todos los días.",
                  "hopelessness") == "not_met"


# A personal trouble of another domain beside the shared concern makes the story about two
# troubles (partial); a public matter beside it is an aside (met); a thing alone is no trouble.
def test_second_trouble_beside_the_concern_en():
    assert judged("I used to get anxious around people and stayed in my room. Right now my debts "
                  "are piling up and my landlord is raising the rent.") == "partial"
    assert judged("I used to get anxious around people and stayed in my room, and the government "
                  "cuts made it worse. Small walks with a friend helped.") == "met"
    assert judged("I used to eat lunch in my car to avoid people when I was anxious. Slow breaths "
                  "helped.") == "met"


def test_second_trouble_beside_the_concern_es():
    assert judged("Yo también me encerraba en mi cuarto por la ansiedad. Ahorita ando en pleito "
                  "con mi hermano y sin dinero.") == "partial"
    assert judged("Yo tampoco confiaba en los grupos, y con este gobierno ya ni te cuento. Al "
                  "final ir me ayudó.", "group-reluctance") == "met"


# The concern paraphrased counts; a feeling word used of a thing does not.
def test_concern_paraphrased_en():
    assert judged("There was a year when I couldn't see a way forward. Small plans each week "
                  "helped me.", "hopelessness") == "met"
    assert judged("There was a year when I changed jobs. Small plans each week helped me.",
                  "hopelessness") != "met"
    assert judged("I felt empty and alone before my first group, and listening to others "
                  "helped.", "group-reluctance") == "met"
    assert judged("I was nervous about learning to drive, so I practised in an empty car park.",
                  "group-reluctance") == "not_met"


def test_concern_paraphrased_es():
    assert judged("Hubo un tiempo en que no tenía ganas de vivir y me quedaba en la cama. Poco a "
                  "poco, con metas pequeñas, salí adelante.", "hopelessness") == "met"
    assert judged("Jamie, yo tuve una época en que no le veía sentido a nada. Me ayudaron las "
                  "metas pequeñas.", "hopelessness") == "met"
    assert judged("Jamie, yo tuve una época en que cambié de trabajo. Me ayudaron las metas "
                  "pequeñas.", "hopelessness") != "met"


# A "me too" told by reference to the patient's reluctance is a strong claim.
def test_me_too_by_reference_en():
    assert judged("Just give it a try. I didn't want to either, and it helped me a lot.",
                  "group-reluctance") == "met"
    assert judged("Just give it a try. It helped me a lot.", "group-reluctance") != "met"


def test_me_too_by_reference_es():
    assert judged("Yo tampoco confiaba en los grupos al principio, y al final ir me ayudó.",
                  "group-reluctance") == "met"
    assert judged("Inténtalo. Yo tampoco quería, y al final ir me ayudó mucho.",
                  "group-reluctance") == "met"
    assert judged("Inténtalo. Al final ir me ayudó mucho.", "group-reluctance") != "met"


# --- Fifth round: what the experience is about (our own sentences, not the blind drafts). ---

# Hopelessness paraphrased with a tense, an intensifier or a belief in permanence is the
# concern; the same words about a thing or a form are not.
def test_hopelessness_paraphrase_tense_and_permanence_en():
    assert judged("When I was nineteen I thought nothing would ever get better, and walking every "
                  "morning slowly changed that.", "hopelessness") == "met"
    assert judged("When I was nineteen I thought my old car would ever get fixed, and walking "
                  "every morning helped.", "hopelessness") != "met"
    assert judged("Some mornings I still wonder what the point is, and a short walk is what I do.",
                  "hopelessness") == "met"
    assert judged("In the meeting I asked what the point was of the new form.", "hopelessness") != "met"


def test_hopelessness_paraphrase_tense_and_permanence_es():
    assert judged("Hace unos años pensaba que iba a ser siempre así y que nada me interesaba; "
                  "escribir cada noche me ayudó.", "hopelessness") == "met"
    assert judged("Hace unos años pensaba que mi equipo iba a ganar siempre; escribir cada noche "
                  "me gustaba.", "hopelessness") == "not_met"
    assert judged("Hay días que no le veo sentido a nada, y salir a caminar me ayuda un poco.",
                  "hopelessness") == "met"
    assert judged("Tuve una época muy negra hace unos años y caminar todos los días me sirvió.",
                  "hopelessness") == "met"
    assert judged("Tuve un perro negro hace unos años y caminar con él todos los días me gustaba.",
                  "hopelessness") == "not_met"


# Keeping away from others told as what the writer did instead is withdrawal; the place alone
# (lunch in the car) is not.
def test_withdrawal_told_as_what_one_did_instead_en():
    assert judged("My first year at work I ate lunch in my car instead of with my coworkers, and "
                  "slow breathing helped me go back in.") == "met"
    assert judged("My first year at work I ate lunch in my car, and slow breathing helped me.") == "not_met"


def test_withdrawal_told_as_what_one_did_instead_es():
    assert judged("El primer año comía en el coche en vez de con mis compañeros, y respirar "
                  "despacio me ayudó a volver.") == "met"
    assert judged("El primer año comía en el coche, y respirar despacio me ayudó.") == "not_met"


# "I went through something similar", "I'm the same as you": the writer's own likeness claim is
# a strong link; someone else's is not the writer's.
def test_similarity_claimed_with_an_experience_verb_en():
    assert judged("I went through something similar a few years ago and daily walks got me out "
                  "of it.", "hopelessness") == "met"
    assert judged("My cousin went through something similar a few years ago and daily walks got "
                  "him out of it.", "hopelessness") == "not_met"


def test_similarity_claimed_with_an_experience_verb_es():
    assert judged("Yo pasé por algo parecido hace unos años y salí adelante caminando todos los "
                  "días.", "hopelessness") == "met"
    assert judged("Mi primo pasó por algo parecido hace unos años y salió adelante caminando.",
                  "hopelessness") != "met"
    assert judged("La verdad yo estoy igual que tú, hay días que no me quiero levantar.",
                  "hopelessness") == "met"


# Nerves about work (a new job, work meetings) are loosely related to the anxiety-withdrawal
# concern; nerves around people at work are the concern. Spanish "reuniones" is a keyword of
# the scenario: its work use ("reuniones de equipo") is not.
def test_nerves_about_work_are_loose_en():
    assert judged("When I started this job I was nervous about messing up. I practiced and it got "
                  "easier.") == "partial"
    assert judged("When I started this job I was nervous around the others and ate alone. I "
                  "practiced and it got easier.") == "met"


def test_nerves_about_work_are_loose_es():
    assert judged("Cuando entré a trabajar me tocaba presentar en las reuniones de equipo y me "
                  "moría de nervios. Practicaba en casa y se me pasó.") == "partial"
    assert judged("Cuando entré a trabajar me daban nervios las reuniones con la gente y comía "
                  "sola. Practicaba en casa y se me pasó.") == "met"


# A trouble word in an idiom names no trouble ("knowing my business", a park bench); the
# trouble itself beside the shared concern makes the story about two.
def test_trouble_word_in_an_idiom_en():
    assert judged("Group scared me at first because I didn't want strangers knowing my business. "
                  "Listening first made it easier.", "group-reluctance") == "met"
    assert judged("Group scared me at first, and then my business went under and I had no time. "
                  "Listening first made it easier.", "group-reluctance") == "partial"


def test_trouble_word_in_an_idiom_es():
    assert judged("El grupo me daba miedo al principio; me sentaba en el banco del parque antes de "
                  "entrar y escuchar primero me ayudó.", "group-reluctance") == "met"
    assert judged("El grupo me daba miedo al principio, y además el banco me quitó la casa. "
                  "Escuchar primero me ayudó.", "group-reluctance") == "partial"
    assert judged("Me encerraba en mi cuarto por la ansiedad. Hice un taller de pintura y poco a "
                  "poco volví a salir.") == "met"
    assert judged("Me encerraba en mi cuarto por la ansiedad. Llevé el coche al taller y poco a "
                  "poco volví a salir.") == "partial"


# A wish for the patient ("I hope you go to the group") does not make a story about another
# trouble of the writer's the patient's: beside it nothing is shared.
def test_scenario_word_in_a_wish_en():
    assert judged("My commute is so stressful, two hours of traffic every day. Anyway, I hope you "
                  "go to the group today.", "group-reluctance") == "not_met"
    assert judged("I was stressed about the group at first too. Anyway, I hope you go today.",
                  "group-reluctance") == "met"


def test_scenario_word_in_a_wish_es():
    assert judged("A mí lo que me estresa es el tráfico, dos horas todos los días. Bueno, ojalá "
                  "vaya al grupo.", "group-reluctance") == "not_met"
    assert judged("A mí también me estresaba el grupo al principio. Bueno, ojalá vaya hoy.",
                  "group-reluctance") == "met"


# "I've had problems too" shares only "problems": beside the writer's own, other troubles it is
# no link; "I've been through that too" is.
def test_me_too_on_problems_in_general_en():
    assert judged("I've had problems too, my divorce last year was horrible and now trouble with "
                  "my boss.") == "not_met"
    assert judged("I've been there too, I stayed in my room and didn't want to see anyone.") == "met"


def test_me_too_on_problems_in_general_es():
    assert judged("Yo también he tenido problemas, el año pasado me divorcié y ahora tengo líos "
                  "con mi jefe.") == "not_met"
    assert judged("Yo también he pasado por eso, me encerraba en mi cuarto y no quería ver a "
                  "nadie.") == "met"


# A reflexive "myself" ("notes to myself") marks nothing as shared; "nervous around people
# myself" does. (English only: the Spanish markers, "también", "igual", have no reflexive use.)
def test_reflexive_myself_is_no_sharing_marker_en():
    assert judged("When I started this job I was nervous, so I wrote notes to myself.") == "partial"
    assert judged("When I started this job I was nervous around people myself.") == "met"


# A "too" said of the patient ("You will get there too", "Usted también va a salir adelante")
# marks nothing of the writer's as shared; the writer's own "too" does.
def test_too_said_of_the_patient_en():
    assert judged("I hated crowds for years, and walking helped me. You will get there too, like "
                  "I did.") == "partial"
    assert judged("I hated crowds for years too, and walking helped.") == "met"


def test_too_said_of_the_patient_es():
    assert judged("Odiaba las multitudes durante años y caminar me ayudó. Usted también va a salir "
                  "adelante, ya verá, no se preocupe.") == "partial"
    assert judged("Yo también odiaba las multitudes durante años y caminar me ayudó.") == "met"


# A designer's own keywords in either language bring the paraphrases of their concept to a
# draft in either language; the look-alikes ("my team would ever get better", "I wish it would
# always be like this", staying away from alcohol) do not.
def test_paraphrase_with_a_designers_keywords_in_either_language():
    spanish = Scenario(key="t-es", keywords=("desesperanza", "sin sentido", "cama"), patient="Lu")
    english = Scenario(key="t-en", keywords=("hopelessness", "no point", "bed"), patient="Lu")
    for sc in (spanish, english):
        assert judged("When I was nineteen I thought nothing would ever get better, and walking "
                      "every morning slowly changed that.", sc) == "met"
        assert judged("When I was nineteen I thought my team would ever get better, and walking "
                      "every morning was fun.", sc) == "not_met"
        assert judged("Hay días que no le veo sentido a nada, y salir a caminar me ayuda un poco.",
                      sc) == "met"
        assert judged("Hay días que no veo a nadie del trabajo, y salir a caminar me gusta un poco.",
                      sc) == "not_met"
    assert judged("Last summer I wished it would always be like this, and walking every morning "
                  "was fun.", english) == "not_met"
    # (a way through a hard time without the concern is the middle level at most)
    assert judged("I stayed away from alcohol for a year and walking helped me.") != "met"
    assert judged("Me alejaba del alcohol un año y caminar me ayudó.") != "met"
