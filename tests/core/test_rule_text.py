"""Companion and guard rules typed one per line in the topic editor."""

from reader.core.rule_text import (
    companions_from_text,
    companions_to_text,
    guards_from_text,
    guards_to_text,
)
from reader.core.topics import CompanionRule, GuardRule, Topic, topic_set_problems


def test_a_rule_per_line_terms_before_the_bar():
    rules = companions_from_text("russia, russian | war, invasion\n\n  kremlin|troops  \n")
    assert rules == (
        CompanionRule(("russia", "russian"), ("war", "invasion")),
        CompanionRule(("kremlin",), ("troops",)),
    )
    assert companions_to_text(rules) == "russia, russian | war, invasion\nkremlin | troops"
    assert companions_from_text(companions_to_text(rules)) == rules


def test_guards_read_the_same_way():
    rules = guards_from_text("trade, trading | shares, stocks")
    assert rules == (GuardRule(("trade", "trading"), ("shares", "stocks")),)
    assert guards_to_text(rules) == "trade, trading | shares, stocks"


def test_a_line_without_words_after_the_bar_is_a_problem_of_that_rule():
    rules = companions_from_text("russia | war\nukraine")
    assert rules[1] == CompanionRule(("ukraine",), ())
    topic = Topic("war", "War", "#0072b2", terms=("shelling",), companions=rules)
    problems = [p for p in topic_set_problems([topic]) if p.field == "companions"]
    assert [p.item for p in problems] == [1]


def test_a_guard_line_ending_in_section_reaches_across_the_section():
    rules = guards_from_text("illicit drugs, cartels | cocaine, heroin |  In  Section \nx | y")
    assert rules == (
        GuardRule(("illicit drugs", "cartels"), ("cocaine", "heroin"), in_section=True),
        GuardRule(("x",), ("y",)),
    )
    assert guards_to_text(rules) == "illicit drugs, cartels | cocaine, heroin | in section\nx | y"
    assert guards_from_text(guards_to_text(rules)) == rules
    # any other third part stays a word of the rule, as before
    (odd,) = guards_from_text("x | y | z")
    assert odd == GuardRule(("x",), ("y | z",))


def test_a_guard_line_with_the_flag_and_no_words_is_a_rule_without_words():
    (rule,) = guards_from_text("illicit drugs | in section")
    assert rule == GuardRule(("illicit drugs",), (), in_section=True)
    topic = Topic("drugs", "drugs", "#123456", terms=("illicit drugs",), guards=(rule,))
    assert any("unless" in p.message for p in topic_set_problems([topic]))
