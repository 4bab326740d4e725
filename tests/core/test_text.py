import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.text import normalise, phrase_keys, search_prefix, tokens, word_spans


def words(text):
    return [text[s:e] for s, e in word_spans(text)]


def test_possessive_is_left_out_of_the_span_with_either_apostrophe():
    assert words("Taiwan’s self-rule and Xi's visit") == [
        "Taiwan",
        "self",
        "rule",
        "and",
        "Xi",
        "visit",
    ]


def test_abbreviations_and_hyphenated_compounds():
    assert words("Sino-U.S. relations, anti-China mood") == [
        "Sino",
        "U.S.",
        "relations",
        "anti",
        "China",
        "mood",
    ]


def test_us_in_capitals_is_the_country_and_lowercase_us_the_pronoun():
    assert normalise("US") == normalise("U.S.") == "u.s."
    assert normalise("us") == "us"


def test_inflections_share_a_key():
    assert phrase_keys("tariffs") == phrase_keys("Tariff")
    assert phrase_keys("export controls") == phrase_keys("Export Control")
    assert phrase_keys("Taiwan’s") == phrase_keys("Taiwan's") == phrase_keys("taiwan")


def test_search_prefix_is_a_prefix_of_inflections():
    for word, forms in {
        "economy": ["economies", "economic"],
        "tariff": ["tariffs"],
        "detained": ["detain", "detaining"],
        # a three-letter stem's final "e" too: "substance use" is found in "substance using"
        "use": ["using", "used"],
    }.items():
        prefix = search_prefix(word)
        assert all(form.startswith(prefix) for form in forms), (word, prefix)


@given(st.text())
def test_spans_always_slice_inside_the_text(text):
    for key, start, end in tokens(text):
        assert 0 <= start < end <= len(text)
        assert key


# NLTK runs the pattern with the `regex` module, whose \w differs from `re` on marks and
# superscripts; on the letters, digits and punctuation of news text they agree.
@given(st.text(st.characters(categories=["Lu", "Ll", "Nd", "Po", "Pd", "Zs"]) | st.just("’")))
def test_word_spans_are_those_of_nltks_regexp_tokenizer(text):
    from nltk.tokenize import RegexpTokenizer

    from reader.core.text import WORD_PATTERN, WORD_RE

    expected = list(RegexpTokenizer(WORD_PATTERN).span_tokenize(text))
    assert [m.span() for m in WORD_RE.finditer(text)] == expected


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("important", "imports"),
        ("executive", "executed"),
        ("passports", "passportization"),
        ("mobile", "mobilization"),
        ("minorities", "minors"),
        ("vigilance", "vigil"),
        ("correspondence", "correspondents"),
        ("corresponding", "correspondent"),
        ("corresponds", "correspondents"),
        ("criticized", "critics"),
        ("criticism", "critic"),
        ("critical", "critics"),
    ],
)
def test_words_the_stemmer_would_confuse_keep_keys_of_their_own(word, other):
    assert normalise(word) != normalise(other)
    assert normalise(word.capitalize()) == normalise(word)


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("criticised", "criticized"),
        ("criticising", "criticizing"),
        ("criticism", "criticized"),
        ("critics", "critic"),
        ("critically", "critical"),
    ],
)
def test_spellings_and_inflections_of_one_word_share_a_key(word, other):
    assert normalise(word) == normalise(other)
