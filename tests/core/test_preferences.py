import pytest

from reader.core.preferences import Preferences


@pytest.mark.parametrize(
    ("raw", "bad"),
    [
        ({"zoom": float("inf")}, ("zoom",)),
        ({"zoom": "1e999"}, ("zoom",)),
        ({"zoom": "nan"}, ("zoom",)),
        ({"zoom": "2.5"}, ("zoom",)),
        ({"zoom": [1]}, ("zoom",)),
        ({"theme": "purple", "match_mode": 3}, ("theme", "match_mode")),
        ({"show_only_matching": "maybe"}, ("show_only_matching",)),
        ({"recent_files": [1, 2]}, ("recent_files",)),
    ],
)
def test_invalid_stored_values_fall_back_to_defaults_and_are_named(raw, bad):
    prefs, named = Preferences.read(raw)
    assert named == bad
    assert prefs == Preferences()


def test_valid_stored_values_are_kept_whatever_their_stored_type():
    prefs, bad = Preferences.read(
        {"zoom": "3", "theme": "dark", "match_mode": "all", "show_only_matching": "true"}
    )
    assert bad == ()
    assert prefs == Preferences(theme="dark", zoom=3, match_mode="all", show_only_matching=True)
    assert Preferences.read({"zoom": 4.0, "show_only_matching": False})[0].zoom == 4


def test_a_zoom_out_of_range_is_kept_in_range_and_named():
    prefs, bad = Preferences.read({"zoom": "-40"})
    assert (prefs.zoom, bad) == (-5, ("zoom",))
    assert Preferences().with_zoom(99).zoom == 10


def test_missing_values_take_their_defaults_silently():
    assert Preferences.read({}) == (Preferences(), ())


def test_recent_files_drop_names_that_cannot_be_paths():
    prefs, bad = Preferences.read({"recent_files": ["/a.txt", "", "/b\0.txt", "/c.md"]})
    assert prefs.recent_files == ("/a.txt", "/c.md")
    assert bad == ()


def test_with_reading_returns_the_same_preferences_when_nothing_changed():
    prefs = Preferences()
    assert prefs.with_reading("any", False) is prefs
    assert prefs.with_reading("all", True) == Preferences(
        match_mode="all", show_only_matching=True
    )
