"""
Tokens, sentences, clauses, quotations and negation: the shared reading of a draft.

Everything downstream works on this one analysis, computed once per draft. Offsets are always
into the original text, so evidence spans can be cut from it exactly.
"""
from __future__ import annotations

import bisect
import itertools

from .. import patterns
from .lexicons import DEFAULT_LANGUAGE, grammar, localized, words
from .phrases import WORD_RE, fold

# WORD_RE as one group: split() returns the words between the gaps, in order.
_WORD_SPLIT_RE = patterns.compile("(" + WORD_RE.pattern + ")")
# Spanish opens a question or exclamation with "¿" / "¡": a sentence's text starts there.
_OPENING_MARKS = "\u00bf\u00a1"

# What counts as a word for limits: any whitespace-separated chunk holding a letter or digit.
_COUNT_RE = patterns.compile(r"[^\W_]")
# A sentence ends at . ! ? … (with closing quotes/brackets) before whitespace or the end, or at
# a line break. It starts only where a run of end marks starts ("......x" is read once).
_SENTENCE_END_RE = patterns.compile(r"(?<![.!?\u2026])[.!?\u2026]++[\"'\u201d\u2019\u00bb)\]]*+(?=\s|$)|\n")
# Punctuation between two words that starts a new clause (negation does not reach across it).
_CLAUSE_GAP_RE = patterns.compile(r"[,;:()\[\]\"\u201c\u201d\u2014\u2013]|\s-\s")
_SPACE_RE = patterns.compile(r"\s")
_QUOTE_RE = patterns.compile(r"[\"\u201c\u00ab\u201e'\u2018]")
# A closing single quote: after a letter, not followed by one; never across a line break.
_SINGLE_CLOSE_RE = patterns.compile(r"[^\W_]['\u2019](?![^\W_])|\n")
_DOUBLE_QUOTES = {"\"": "\"", "\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c"}


def count_words(text):
    """The number of words in ``text``: the one word counter the whole project uses.

    A word is a whitespace-separated chunk that holds at least one letter or digit, so
    "well-being" and "don't" are one word each and a lone dash is none.
    """
    if not text:
        return 0
    return sum(1 for chunk in str(text).split() if _COUNT_RE.search(chunk))


class Analysis:
    """A draft read once: tokens with offsets, sentences, clauses, quoted tokens."""

    __slots__ = ("text", "language", "grammar", "starts", "ends", "norms", "sent_of", "sentences",
                 "clause_of", "quoted", "word_count", "chunk_starts", "_folded", "_own_verbs", "past_marks",
                 "_first_person")

    def __init__(self, text, language=DEFAULT_LANGUAGE):
        # ``language`` is the draft's (language.py decides it). Outside English, ``norms`` are
        # accent-folded ("está" reads "esta"): people type Spanish with and without accents,
        # and that language's lexicons are folded the same way.
        self.text = text
        self.language = language
        self.grammar = grammar(language)
        # The words and the text between them, in one call; offsets are the running lengths.
        parts = _WORD_SPLIT_RE.split(text)
        bounds = list(itertools.accumulate(map(len, parts)))
        starts, ends, norms = bounds[0:-1:2], bounds[1::2], parts[1::2]
        # Lowercase all words in one call (cheaper than one call per word); the apostrophe is
        # normalised so "don’t" and "don't" read the same. Joined with a separator no word holds.
        joined = ""
        if norms:
            joined = "\x00".join(norms).lower().replace("\u2019", "'")
            # No lowercase mapping produces or removes \x00, so the split gives one per word.
            norms = joined.split("\x00")
        self._own_verbs = None
        self.past_marks = frozenset()
        if language != DEFAULT_LANGUAGE:
            # Folded in one call: no character folds into or out of the separator, so word k of
            # the result is fold(norms[k]).
            folded = fold(joined).split("\x00") if norms and not text.isascii() else norms
            self.past_marks = self._past_by_ending(norms, folded)
            if not text.isascii():
                self._own_verbs = self._accented_first_person(norms, folded)
                norms = folded
        self.starts, self.ends, self.norms = starts, ends, norms
        self._folded = None if language == DEFAULT_LANGUAGE else norms
        self._first_person = None
        self._split_sentences()
        self._mark_clauses(parts[2:-1:2])  # the text between each word and the next
        self._mark_quotes()

    def __len__(self):
        return len(self.norms)

    @property
    def folded(self):
        """``norms`` with accents folded (see ``fold``), computed once, on first use."""
        if self._folded is None:
            if self.text.isascii() or not self.norms:
                self._folded = self.norms
            else:  # in one call, as in __init__
                self._folded = fold("\x00".join(self.norms)).split("\x00")
        return self._folded

    # --- sentences ----------------------------------------------------------------------------

    def _split_sentences(self):
        text, starts, norms = self.text, self.starts, self.norms
        abbreviations = self.grammar["abbreviations"]
        bounds = []  # end offsets of sentences
        for match in _SENTENCE_END_RE.finditer(text):
            if match.group().startswith("."):
                # "Dr. Okafor": a period after a known abbreviation does not end the sentence.
                k = bisect.bisect_right(starts, match.start()) - 1
                if k >= 0 and self.ends[k] == match.start() and norms[k] in abbreviations:
                    continue
            bounds.append(match.end())
        if not bounds or bounds[-1] < len(text):
            bounds.append(len(text))
        sentences = []  # (first token, end token exclusive, start char, end char)
        sent_of = [0] * len(starts)
        ends = self.ends
        tok = 0
        for end in bounds:
            first = tok
            tok = bisect.bisect_left(starts, end, tok)  # the first token at or after ``end``
            if tok > first:
                sent_of[first:tok] = [len(sentences)] * (tok - first)
                start = starts[first]
                while start > 0 and text[start - 1] in _OPENING_MARKS:  # "¿Y tú?" keeps its "¿"
                    start -= 1
                sentences.append((first, tok, start, max(ends[tok - 1], min(end, len(text)))))
        # Tokens after the last boundary are already covered because the last bound is len(text).
        self.sentences = sentences
        self.sent_of = sent_of

    def sentence_text(self, index):
        first, last, start, end = self.sentences[index]
        return self.text[start:end]

    def ends_with_question(self, index):
        """True when sentence ``index`` closes with a question mark."""
        start, end = self.sentences[index][2], self.sentences[index][3]
        sentence = self.text[start:end].rstrip(" \t\r\n\"'\u201d\u2019\u00bb)]")
        # "¿Qué te ayudaría" without its closing mark is still a question, as people type it.
        return sentence.endswith("?") or "\u00bf" in sentence

    # --- clauses and negation -----------------------------------------------------------------

    def _mark_clauses(self, gaps):
        """Give each word a clause number; also count words (chunks between whitespace).

        ``gaps[k]`` is the text between word k and word k + 1."""
        norms = self.norms
        starters = self.grammar["clause_starters"]
        sent_of = self.sent_of
        clause_of = [0] * len(norms)
        clause = 0
        chunk_starts = [0] if norms else []  # first word of each whitespace-separated chunk
        for i, gap in enumerate(gaps, 1):
            if gap == " ":  # the common case: one space, same clause unless a starter word
                chunk_starts.append(i)
                if norms[i] in starters or sent_of[i] != sent_of[i - 1]:
                    clause += 1
            else:
                if _SPACE_RE.search(gap):  # words joined by punctuation only ("well-being") are one
                    chunk_starts.append(i)
                if (sent_of[i] != sent_of[i - 1] or norms[i] in starters
                        or _CLAUSE_GAP_RE.search(gap)):
                    clause += 1
            clause_of[i] = clause
        self.clause_of = clause_of
        self.chunk_starts = chunk_starts
        self.word_count = len(chunk_starts)

    def negated(self, index, window=4):
        """True when a negator ("not", "can't", "never", "nobody" …) governs token ``index``.

        Looks back up to ``window`` words in the same clause: "I can't know exactly how you
        feel" negates "know"; "I didn't sleep, but walking helped" does not negate "helped".
        """
        negators = self.grammar["negators"]
        clause = self.clause_of[index]
        norms = self.norms
        for j in range(index - 1, max(index - window, 0) - 1, -1):
            if self.clause_of[j] != clause:
                break
            word = norms[j]
            if word in negators or word.endswith("n't"):
                return True
        return False

    def reported(self, index, window=5):
        """True when token ``index`` follows a reporting verb in its sentence.

        "Patients often say I know how you feel" reports someone else's words; the learner is
        not making the claim.
        """
        reporting = self.grammar["reporting"]
        sentence = self.sent_of[index]
        norms = self.norms
        for j in range(index - 1, max(index - window, 0) - 1, -1):
            if self.sent_of[j] != sentence:
                break
            if norms[j] in reporting:
                return True
        return False

    # --- quotations ---------------------------------------------------------------------------

    def _mark_quotes(self):
        """Mark tokens inside quotation marks: quoted words are not the learner's own claim."""
        text, starts = self.text, self.starts
        quoted = [False] * len(starts)
        if not starts:
            self.quoted = quoted
            return
        spans = []
        n = len(text)
        position = 0
        # Every place a single quotation can close, found in one pass: searching forward from
        # each opening quote instead would re-read the text once per quote ("'a 'a 'a …").
        closes = [m.start() for m in _SINGLE_CLOSE_RE.finditer(text)]
        while True:
            found = _QUOTE_RE.search(text, position)
            if found is None:
                break
            i = found.start()
            ch = text[i]
            closer = _DOUBLE_QUOTES.get(ch)
            if closer is not None:
                j = text.find(closer, i + 1)
                if j < 0:
                    break
                spans.append((i, j))
                position = j + 1
                continue
            position = i + 1
            if (i == 0 or not text[i - 1].isalnum()) and i + 1 < n and text[i + 1].isalnum():
                # A single quote opens a quotation only at a word start; it closes at the next
                # quote that ends a word, on the same line ("don't" inside is skipped).
                c = bisect.bisect_left(closes, i + 1)
                if c < len(closes) and text[closes[c]] != "\n":
                    spans.append((i, closes[c] + 1))
                    position = closes[c] + 2
        for start, end in spans:
            k = bisect.bisect_left(starts, start)
            while k < len(starts) and starts[k] < end:
                quoted[k] = True
                k += 1
        self.quoted = quoted

    def own_words(self, index):
        """True when token ``index`` is the learner's own voice (not quoted, not reported)."""
        return not self.quoted[index] and not self.reported(index)

    # --- helpers ------------------------------------------------------------------------------

    def span(self, first, last):
        """Character span of tokens ``first``..``last`` inclusive."""
        return self.starts[first], self.ends[last]

    def first_person(self, sentence):
        """True when sentence ``sentence`` speaks about the writer ("I", "me", "my" …).

        Spanish drops the pronoun ("Tuve una época …"): listed first-person verb forms
        (grammar ``first_person_verbs``) and accented preterites ("empecé", "salí") count too.
        """
        if self._first_person is None:
            # Every sentence at once, on first use: detectors ask about the same sentences often.
            words = self.grammar["first_person"]
            verbs = self.grammar.get("first_person_verbs", ())
            own = self._own_verbs
            norms = self.norms
            self._first_person = [
                any(norms[k] in words or norms[k] in verbs or (own is not None and k in own)
                    for k in range(first, last))
                for first, last, _start, _end in self.sentences]
        return self._first_person[sentence]

    def accented_preterite(self, index):
        """True when word ``index`` is written as an accented first-person preterite ("dejé",
        "salí"): folding would make "dejé" the order "deje"."""
        return self._own_verbs is not None and index in self._own_verbs

    def _past_by_ending(self, lowered, folded):
        """Word indexes whose ending marks a past verb (grammar ``past_endings``, with accents:
        "ayudó", "sentía", "evitaba"), before folding loses the accent (``folded[k]`` is
        ``fold(lowered[k])``)."""
        endings = tuple(self.grammar_raw("past_endings"))
        if not endings:
            return frozenset()
        exceptions = self.grammar.get("not_past", ())
        return frozenset(k for k, word in enumerate(lowered)
                         if len(word) > 3 and word.endswith(endings) and folded[k] not in exceptions)

    def grammar_raw(self, section):
        """A section of this language's grammar file as written (accents kept)."""
        return words(localized("grammar", self.language), section)

    def _accented_first_person(self, lowered, folded):
        """Word indexes of accented first-person preterites ("pasé", "empecé", "viví")."""
        exceptions = self.grammar.get("not_first_person", ())
        return frozenset(k for k, word in enumerate(lowered)
                         if len(word) > 3 and word[-1] in "\u00e9\u00ed" and word.isalpha()
                         and folded[k] not in exceptions)
