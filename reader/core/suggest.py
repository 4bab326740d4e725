"""Terms a topic is missing, found in the reader's own library.

The paragraphs a topic matches are set against the rest of the library: words and two-word
collocations that are much more frequent in the topic's paragraphs than elsewhere are what
the topic's subject is written with, and those the topic does not have yet (by stem, as it
matches) are suggested, each with how often it occurs, how many other paragraphs it would
add as a term, and examples. Counting is by paragraph, with the classifier's keys (stems),
so "sanction", "sanctions" and "sanctioned" are one suggestion.

Only parts of NLTK that need no downloaded data are used, and only once suggestions are
asked for: ``nltk.collocations`` weighs which two-word phrases hold together (log-likelihood,
``BigramAssocMeasures.likelihood_ratio``), given counts made with plain ``Counter``s (filling
NLTK's ``FreqDist`` word by word is several times slower); the stop-word list is shipped with
Topic Reader (``resources/text/stopwords.txt``).

Speed: with the library's words prepared once (:class:`Corpus`) and the topic's paragraphs
read from what the library stored, a topic's suggestions cost about what its own paragraphs
do; ``benchmarks/topic_editing.py`` measures them on a library of 1,000 articles.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.core.classifier import KeywordClassifier
from reader.core.document import Passage
from reader.core.text import KEY_CACHE, WORD_RE, keys_of, phrase_keys, possessive_trim, stop_words
from reader.core.topics import Topic

#: A suggestion must occur in at least this many of the topic's paragraphs.
MIN_COUNT = 3
EXAMPLES = 3
#: Two-word phrases kept from the collocation finder, best first, before they are weighed.
_COLLOCATIONS = 400


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A word or two-word phrase the topic's paragraphs use far more than the rest do.

    Attributes:
        term: How the paragraphs most often write it (lowercase unless it is a name).
        count: How many of the topic's paragraphs have it.
        elsewhere: How many other paragraphs have it: what it would add as a term.
        score: How much more frequent it is in the topic's paragraphs (log-likelihood, G²).
        examples: Up to three of the topic's paragraphs with it.
        new_examples: Up to three of the other paragraphs with it, that it would add.
    """

    term: str
    count: int
    elsewhere: int
    score: float
    examples: tuple[Passage, ...]
    new_examples: tuple[Passage, ...] = ()


@dataclass(frozen=True, slots=True)
class Suggestions:
    """What :func:`suggest_terms` found, and how much it had to go on."""

    suggestions: tuple[Suggestion, ...]
    matching: int  # paragraphs the topic matches
    total: int  # paragraphs looked at


class Corpus:
    """Paragraphs made ready for suggestions: each one's words, keyed as the classifier keys them.

    Keying a library's words once, and counting in how many paragraphs each word and each
    pair of words occurs, serves the suggestions of every topic after it: a dialog that
    suggests for one topic, then another, pays for it once (the counts on the first
    suggestion), and each topic's suggestions then cost what its own paragraphs do.
    """

    def __init__(self, passages: Iterable[Passage]) -> None:
        self.passages = tuple(passages)
        self.keys = [keys_of(p.text) for p in self.passages]
        self._words: Counter[str] | None = None
        self._pairs: Counter[tuple[str, str]] = Counter()
        self._written: dict[int, list[str]] = {}

    def __len__(self) -> int:
        return len(self.passages)

    def words(self, n: int) -> list[str]:
        """The words of paragraph ``n`` as written, one for each of its keys (kept once read)."""
        found = self._written.get(n)
        if found is None:
            found = self._written[n] = WORD_RE.findall(self.passages[n].text)
        return found

    def frequencies(self) -> tuple[Counter[str], Counter[tuple[str, str]]]:
        """In how many paragraphs each key occurs, and each pair of content keys in a row."""
        if self._words is None:
            words: Counter[str] = Counter()
            pairs: Counter[tuple[str, str]] = Counter()
            skip = _stop_keys()
            for keys in self.keys:
                words.update(set(keys))
                pairs.update(
                    {
                        (a, b)
                        for a, b in itertools.pairwise(keys)
                        if a not in skip and b not in skip and a.isalpha() and b.isalpha()
                    }
                )
            self._words, self._pairs = words, pairs
        return self._words, self._pairs


def suggest_terms(
    topic: Topic,
    passages: Corpus | Iterable[Passage],
    limit: int = 20,
    min_count: int = MIN_COUNT,
    matching: Collection[tuple[int, int]] | None = None,
) -> Suggestions:
    """Words and two-word phrases to add to ``topic``, most telling first.

    Suggestions exclude what the topic already has by stem: its terms, weak terms, companion
    terms and exclusions, the words inside its phrases where they occur as those phrases
    ("Kong" in "Hong Kong"), and phrases holding one of its one-word terms.

    ``matching`` says which paragraphs (article id, index) the topic matches, when that is
    known already (:meth:`Library.matching_paragraphs`); otherwise they are classified. Fewer than
    ``limit`` come back when the library has little on the topic.
    """
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures
    from nltk.probability import FreqDist

    corpus = passages if isinstance(passages, Corpus) else Corpus(passages)
    total = len(corpus)
    if matching is None:
        classifier = KeywordClassifier([topic])
        inside = [n for n, p in enumerate(corpus.passages) if classifier.classify_text(p.text)]
    else:
        inside = [n for n, p in enumerate(corpus.passages) if (p.article_id, p.index) in matching]
    if not inside:
        return Suggestions((), 0, total)
    known_words, known_phrases = _known(topic)
    starts: dict[str, list[tuple[str, ...]]] = {}
    for phrase in known_phrases:
        if len(phrase) > 1:
            starts.setdefault(phrase[0], []).append(phrase)

    # Counted once per paragraph: a word repeated in one paragraph says less than in many.
    singles: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    plain_singles: Counter[str] = Counter()  # every word, as the corpus counts them
    plain_pairs: Counter[tuple[str, str]] = Counter()
    documents: list[list[str]] = []
    written: list[list[str]] = []
    for n in inside:
        keys = corpus.keys[n]
        words = corpus.words(n)
        written.append(words)
        document = [
            k if k not in known_words and _is_content(w) else ""
            for k, w in zip(keys, words, strict=True)
        ]
        if not starts.keys().isdisjoint(keys):  # words inside the topic's phrases are caught
            for i, key in enumerate(keys):
                for phrase in starts.get(key, ()):
                    if tuple(keys[i : i + len(phrase)]) == phrase:
                        document[i : i + len(phrase)] = [""] * len(phrase)
        documents.append(document)
        singles.update(set(document))
        pairs.update({pair for pair in itertools.pairwise(document) if pair[0] and pair[1]})
        plain_singles.update(set(keys))
        plain_pairs.update(set(itertools.pairwise(keys)))
    del singles[""]
    # The finder weighs paragraphs, as the rest does, not occurrences: a phrase repeated in
    # one paragraph holds together no better for it.
    kept = {pair: n for pair, n in pairs.items() if n >= min_count}
    finder = BigramCollocationFinder(FreqDist(singles), FreqDist(kept))
    ranked = finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)
    collocations = {gram for gram, _ in ranked[:_COLLOCATIONS]}
    all_words, all_pairs = corpus.frequencies()
    outside = total - len(inside)
    scored: list[tuple[float, tuple[str, ...], int]] = []
    elsewhere: dict[tuple[str, ...], int] = {}
    for word, count in singles.items():
        if count >= min_count:
            others = all_words[word] - plain_singles[word]
            score = _keyness(count, len(inside), others, outside)
            if score > 0:
                scored.append((score, (word,), count))
                elsewhere[(word,)] = others
    for pair, count in pairs.items():
        if count >= min_count and pair in collocations:
            others = all_pairs[pair] - plain_pairs[pair]
            score = _keyness(count, len(inside), others, outside)
            if score > 0:
                scored.append((score, pair, count))
                elsewhere[pair] = others
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen = _without_parts(scored, limit)
    grams = [gram for _, gram, _ in chosen]
    forms, examples = _forms_and_examples(grams, inside, documents, written, corpus)
    new_examples = _examples_elsewhere(
        {g: min(EXAMPLES, elsewhere[g]) for g in grams}, set(inside), corpus
    )
    return Suggestions(
        tuple(
            Suggestion(
                _shown(forms[gram]),
                count,
                elsewhere[gram],
                round(score, 1),
                tuple(examples[gram]),
                tuple(new_examples[gram]),
            )
            for score, gram, count in chosen
        ),
        len(inside),
        total,
    )


def _forms_and_examples(
    grams: Sequence[tuple[str, ...]],
    inside: Sequence[int],
    documents: Sequence[list[str]],
    written: Sequence[list[str]],
    corpus: Corpus,
) -> tuple[dict[tuple[str, ...], Counter[str]], dict[tuple[str, ...], list[Passage]]]:
    """How the topic's paragraphs write each of ``grams``, and the first few that have it."""
    forms: dict[tuple[str, ...], Counter[str]] = {g: Counter() for g in grams}
    examples: dict[tuple[str, ...], list[Passage]] = {g: [] for g in grams}
    wanted = set(grams)
    firsts = {g[0] for g in grams}
    for n, document, words in zip(inside, documents, written, strict=True):
        found: set[tuple[str, ...]] = set()
        for i, key in enumerate(document):
            if key not in firsts:
                continue
            if (key,) in wanted:
                found.add((key,))
                forms[(key,)][_trimmed(words[i])] += 1
            if i + 1 < len(document) and (key, document[i + 1]) in wanted:
                pair = (key, document[i + 1])
                found.add(pair)
                forms[pair][f"{_trimmed(words[i])} {_trimmed(words[i + 1])}"] += 1
        for gram in found:
            if len(examples[gram]) < EXAMPLES:
                examples[gram].append(corpus.passages[n])
    return forms, examples


def _examples_elsewhere(
    wanted: dict[tuple[str, ...], int], inside: set[int], corpus: Corpus
) -> dict[tuple[str, ...], list[Passage]]:
    """The first paragraphs outside the topic's with each gram, as many as ``wanted`` says."""
    found: dict[tuple[str, ...], list[Passage]] = {g: [] for g in wanted}
    pending = {g for g, n in wanted.items() if n > 0}
    for n, keys in enumerate(corpus.keys):
        if not pending:
            break
        if n in inside:
            continue
        present = set(keys)
        for gram in [g for g in pending if g[0] in present]:
            if len(gram) == 2 and (gram[1] not in present or gram not in itertools.pairwise(keys)):
                continue
            found[gram].append(corpus.passages[n])
            if len(found[gram]) >= wanted[gram]:
                pending.discard(gram)
    return found


def _trimmed(word: str) -> str:
    """``word`` as written, a possessive left out."""
    return word[: len(word) - possessive_trim(word)]


@lru_cache(maxsize=1)
def _stop_keys() -> frozenset[str]:
    """The keys of the stop words: a word with one of them is not counted in pairs."""
    return frozenset(key for word in stop_words() for key in phrase_keys(word))


@lru_cache(maxsize=200_000)
def _is_content(word: str) -> bool:
    """Whether a word as written (possessive and all) may be part of a suggestion."""
    surface = _trimmed(word)
    if len(surface) <= 2 or not surface.isalpha() or surface.lower() in stop_words():
        return False
    key = KEY_CACHE[word]
    return key.isalpha() and key not in _stop_keys()


def _known(topic: Topic) -> tuple[set[str], set[tuple[str, ...]]]:
    """The keys of the topic's one-word phrases, and the keys of all its phrases."""
    phrases = [*topic.terms, *topic.weak_terms, *topic.exclusions, *topic.context_terms]
    phrases += [t for rule in topic.companions for t in rule.terms]
    keyed = [phrase_keys(p) for p in phrases]
    words = {keys[0] for keys in keyed if len(keys) == 1}
    # A phrase holding one of the topic's plain one-word terms is caught already.
    plain = {phrase_keys(t)[0] for t in topic.terms if len(phrase_keys(t)) == 1}
    return words | plain, {keys for keys in keyed if keys}


def _keyness(a: int, size_a: int, b: int, size_b: int) -> float:
    """Dunning's log-likelihood that ``a`` of ``size_a`` is more frequent than ``b`` of ``size_b``.

    Negative (an under-use) and zero come back as 0: only what the topic's paragraphs use
    more is a suggestion.
    """
    if size_b == 0:
        return float(a)
    if a / size_a <= b / size_b:
        return 0.0
    total = size_a + size_b
    found = a + b
    score = 0.0
    for observed, size, with_it in (
        (a, size_a, True),
        (size_a - a, size_a, False),
        (b, size_b, True),
        (size_b - b, size_b, False),
    ):
        expected = size * (found if with_it else total - found) / total
        if observed:
            score += observed * math.log(observed / expected)
    return 2 * score


def _without_parts(
    scored: Sequence[tuple[float, tuple[str, ...], int]], limit: int
) -> list[tuple[float, tuple[str, ...], int]]:
    """The best ``limit``, a word that always comes in one phrase given as that phrase.

    Every paragraph with "Hong" has "Hong Kong": the phrase is suggested, not the word. A
    word also found without the phrase stays beside it ("Trump", "President Trump").
    """
    counts = {gram: count for _, gram, count in scored}
    inside_phrase = {
        (key,)
        for _, gram, count in scored
        if len(gram) == 2
        for key in gram
        if counts.get((key,)) == count
    }
    chosen = [item for item in scored if item[1] not in inside_phrase]
    return chosen[:limit]


def _shown(forms: Counter[str]) -> str:
    """The form to show: the most common, lowercased unless it is mostly capitalised."""
    best, _ = forms.most_common(1)[0]
    capitalised = sum(n for form, n in forms.items() if form[:1].isupper())
    if capitalised * 2 > sum(forms.values()) and not best.isupper():
        return best
    return best if best.isupper() else best.lower()
