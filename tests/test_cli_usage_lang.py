"""The command line's own usage errors (made by click: an unknown option or command, a missing
argument, a value of the wrong type) are said in the command's --lang, Dutch by default, exit 2,
with the usage line and where to find help; registry-independent, so CliRunner suffices."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.commands.common import click_message

runner = CliRunner()


def _stderr(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), prog_name="lifeport-map")
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


CASES = [
    (
        ["coverage", "--bogus"],
        "Gebruik: lifeport-map coverage [OPTIES]\nZie 'lifeport-map coverage -h' voor hulp.\n\n"
        "Fout: Onbekende optie: --bogus\n",
        "Usage: lifeport-map coverage [OPTIONS]\nTry 'lifeport-map coverage -h' for help.\n\n"
        "Error: No such option: --bogus\n",
    ),
    (
        ["near"],
        "Gebruik: lifeport-map near [OPTIES] MIDDELPUNT\nZie 'lifeport-map near -h' voor hulp.\n\n"
        "Fout: Argument 'MIDDELPUNT' ontbreekt.\n",
        "Usage: lifeport-map near [OPTIONS] ORIGIN\nTry 'lifeport-map near -h' for help.\n\n"
        "Error: Missing argument 'ORIGIN'.\n",
    ),
    (
        ["near", "Nijmegen", "--radius-km", "abc"],
        "Gebruik: lifeport-map near [OPTIES] MIDDELPUNT\nZie 'lifeport-map near -h' voor hulp.\n\n"
        "Fout: Ongeldige waarde voor '--radius-km': 'abc' is geen getal.\n",
        "Usage: lifeport-map near [OPTIONS] ORIGIN\nTry 'lifeport-map near -h' for help.\n\n"
        "Error: Invalid value for '--radius-km': 'abc' is not a valid float.\n",
    ),
    (
        ["coverage", "--region", "nijmegen", "--format", "xml"],
        "Gebruik: lifeport-map coverage [OPTIES]\nZie 'lifeport-map coverage -h' voor hulp.\n\n"
        "Fout: Ongeldige waarde voor '--format' / '-f': "
        "'xml' is niet een van de keuzes 'table', 'json', 'csv', 'markdown'.\n",
        "Usage: lifeport-map coverage [OPTIONS]\nTry 'lifeport-map coverage -h' for help.\n\n"
        "Error: Invalid value for '--format' / '-f': "
        "'xml' is not one of 'table', 'json', 'csv', 'markdown'.\n",
    ),
    (
        ["near", "x", "y", "z"],
        "Gebruik: lifeport-map near [OPTIES] MIDDELPUNT\nZie 'lifeport-map near -h' voor hulp.\n\n"
        "Fout: Te veel argumenten opgegeven (y z)\n",
        "Usage: lifeport-map near [OPTIONS] ORIGIN\nTry 'lifeport-map near -h' for help.\n\n"
        "Error: Got unexpected extra argument(s) (y z)\n",
    ),
    (
        ["coverage", "--region"],
        "Fout: Optie '--region' vraagt een waarde.\n",
        "Error: Option '--region' requires an argument.\n",
    ),
    (
        ["validate", "--strict=3"],
        "Fout: Optie '--strict' neemt geen waarde.\n",
        "Error: Option '--strict' does not take a value.\n",
    ),
]


@pytest.mark.parametrize(("args", "dutch", "english"), CASES)
def test_click_usage_errors_in_both_languages(args: list[str], dutch: str, english: str) -> None:
    assert _stderr(*args) == (2, dutch)
    command, *rest = args
    assert _stderr(command, "--lang", "nl", *rest) == (2, dutch)
    assert _stderr(command, "--lang", "en", *rest) == (2, english)


def test_an_unknown_command_is_named_with_the_closest_one() -> None:
    assert _stderr("covrage") == (
        2,
        "Gebruik: lifeport-map [OPTIES] COMMANDO [ARGUMENTEN]...\nZie 'lifeport-map -h' voor hulp.\n\n"
        "Fout: Onbekend commando 'covrage'. Bedoelt u 'coverage'?\n",
    )


def test_the_language_is_found_before_click_reads_any_option() -> None:
    # click stops at the unknown option before --lang is read: the command line says the language.
    assert _stderr("coverage", "--bogus", "--lang=en")[1].endswith("Error: No such option: --bogus\n")


def test_an_unknown_option_is_shown_inert() -> None:
    code, err = _stderr("coverage", "--bo\x1b[31mgus")
    assert code == 2 and "\x1b" not in err and "Fout: Onbekende optie: --bo\\x1b[31mgus" in err


def test_a_message_of_another_kind_stays_as_click_wrote_it() -> None:
    assert click_message("Something new from click.", "nl") == "Something new from click."
    assert click_message("Missing option '--format'. Choose from:\n\ttable,\n\tjson", "nl") == (
        "Optie '--format' ontbreekt. Kies uit:\n\ttable,\n\tjson"
    )
    assert click_message("No such option: --regoin (Possible options: --region, --regions)", "nl") == (
        "Onbekende optie: --regoin (mogelijke opties: --region, --regions)"
    )
    assert click_message("Invalid value for '--limit': 0 is not in the range 1<=x<=50.", "nl") == (
        "Ongeldige waarde voor '--limit': 0 ligt niet in het bereik 1<=x<=50."
    )


def test_click_8_5_wordings_are_recognised_too() -> None:
    """typer 0.26 carries its own click; an older typer took the installed click, and click 8.5
    words three usage errors differently (found by the lowest-versions run). Were typer to take
    such a click again, a Dutch run would still say them in Dutch."""
    assert click_message("No such option '--bogus'.", "nl") == "Onbekende optie: --bogus"
    assert click_message("No such option '--regoin'. Did you mean '--region'?", "nl") == (
        "Onbekende optie: --regoin Bedoelt u '--region'?"
    )
    assert click_message(
        "No such option '--regio'. (Did you mean one of: '--region', '--regions'?)", "nl"
    ) == ("Onbekende optie: --regio Bedoelt u '--region', '--regions'?")
    assert click_message("Got unexpected extra arguments (y z)", "nl") == "Te veel argumenten opgegeven (y z)"
    assert click_message("Got unexpected extra argument (y)", "nl") == "Te veel argumenten opgegeven (y)"
    assert (
        click_message("Got unexpected extra argument(s) (y z)", "nl") == "Te veel argumenten opgegeven (y z)"
    )


def test_a_yes_no_environment_variable_that_is_neither_is_said_in_the_language() -> None:
    # LIFEPORT_NO_CACHE=maybe: the Dutch run said click's "(env var: ...)" and "is not a valid
    # boolean. Recognized values: , 0, 1, ..." in English
    def said(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, list(args), prog_name="lifeport-map", env={"LIFEPORT_NO_CACHE": "maybe"})
        return result.exit_code, result.stderr.splitlines()[-1]

    values = "0, 1, f, false, n, no, off, on, t, true, y, yes"
    assert said("coverage", "-r", "nijmegen") == (
        2,
        "Fout: Ongeldige waarde voor '--no-cache' (omgevingsvariabele 'LIFEPORT_NO_CACHE'): "
        f"'maybe' is geen ja/nee-waarde (geldig: {values}).",
    )
    assert said("coverage", "-r", "nijmegen", "--lang", "en") == (
        2,
        "Error: Invalid value for '--no-cache' (env var: 'LIFEPORT_NO_CACHE'): "
        f"'maybe' is not a valid boolean. Recognized values: , {values}",
    )


def test_a_missing_argument_whose_name_has_dots_is_said_in_the_language() -> None:
    # map compare takes REGIONS...: the dots ended the name early and the Dutch run said
    # "Fout: Missing argument 'REGIO...'." in English
    assert _stderr("map", "compare", "--output", "x.html")[1].endswith(
        "Fout: Argument 'REGIO...' ontbreekt.\n"
    )
    english = _stderr("map", "compare", "--lang", "en", "--output", "x.html")
    assert english == (2, english[1]) and english[1].endswith("Error: Missing argument 'REGIONS...'.\n")
