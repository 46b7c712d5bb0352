"""The help (--help, -h) follows --lang: Dutch by default, English with --lang en, the English
being docs/cli.md. The Dutch texts are lifeport_map/commands/help_nl.py's table; this file has
exact pages, the table's completeness, and every place --lang can stand."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.commands.help_nl import EXAMPLE, HELP, dutch, paragraphs
from tests.analysis_support import ANALYSIS_ARGS
from tests.conftest import ROOT
from tests.test_cli_docs import installed_version, locked_version

WIDTH = 100


def _help(*args: str) -> str:
    done = CliRunner().invoke(app, list(args), terminal_width=WIDTH, env={"COLUMNS": str(WIDTH)})
    assert done.exit_code == 0, done.output
    return done.stdout


def _locked() -> None:
    """Click lays out and wraps the help; the exact pages are those of the locked versions."""
    for package in ("typer", "click"):
        if installed_version(package) != locked_version(package):
            pytest.skip(f"the exact help is that of the locked {package} ({locked_version(package)})")


TOP = """\
Gebruik: lifeport-map [OPTIES] COMMANDO [ARGUMENTEN]...

  Breng de halfgeleiderketen rond Nijmegen (Lifeport) en de regio's waarmee zij wordt vergeleken in
  kaart, en analyseer haar.

  Voorbeeld: lifeport-map coverage --region nijmegen

Opties:
  --registry PAD  Registerbestand (standaard: het meegeleverde data/companies.yaml).
                  [omgevingsvariabele: LIFEPORT_REGISTRY]
  --regions PAD   Map met regiobestanden (standaard: de meegeleverde data/regions/).
                  [omgevingsvariabele: LIFEPORT_REGIONS]
  --no-cache      Lees het register opnieuw in plaats van de bewaarde graaf van ongewijzigde
                  bestanden te gebruiken (map van de cache: LIFEPORT_CACHE_DIR, standaard
                  ~/.cache/lifeport-map).  [omgevingsvariabele: LIFEPORT_NO_CACHE]
  --version       Toon de versie en stop.
  --lang [nl|en]  Taal van de hulp en van het uitgevoerde commando (zijn eigen --lang gaat voor): nl
                  of en.
  -h, --help      Toon deze hulp en stop.

Commando's:
  validate  Controleer het register en de regiobestanden; meld elk probleem in één keer.
  schema    Toon het JSON Schema van het registerbestand, voor editors en andere programma's.
  coverage  Welke fasen van de keten een regio dekt, door wie, in welke rollen, en hoe kwetsbaar.
  compare   Vergelijk regio's: tabel van fasen per regio, regio's met de hele keten, en...
  gaps      Witte vlekken van een regio en de dichtstbijzijnde kandidaten elders (geodetische km).
  whatif    De dekking van een regio voor en na het weghalen van vestigingen, en wat er...
  near      Vestigingen binnen een straal rond een plaats, vestiging of coördinaten, de...
  stats     De gepubliceerde cijfers van een regio naast wat het register optelt, met het...
  export    Exporteer het register en de graaf van de keten voor andere programma's; met --year...
  claims    Toets de claims uit de beleidsstukken aan het register: klopt, klopt niet, of niet...
  fmt       Schrijf het register in de vaste vorm: vermeldingen op id gesorteerd, sleutels in...
  add       Voeg een vestiging toe aan het register: de coördinaten worden offline opgezocht,...
  diff      Wat er tussen twee versies van het register is veranderd: vestigingen toegevoegd,...
  report    Schrijf een regiobrief (brief.md, brief.html, map.png), een bijlage voor een raad:...
  map       Interactieve (HTML) en statische (PNG, SVG, PDF) kaarten.
  regions   Regiobestanden: een officiële grens importeren.
"""

SCHEMA = """\
Gebruik: lifeport-map schema [OPTIES]

  Toon het JSON Schema van het registerbestand, voor editors en andere programma's.

  Voorbeeld: lifeport-map schema --output schema/companies.schema.json

Opties:
  -o, --output PAD  Schrijf het schema naar dit bestand in plaats van naar de standaarduitvoer.
  --lang [nl|en]    Taal van meldingen en tips: nl of en. Ook fouten, waarschuwingen en tips volgen
                    deze taal.  [standaard: nl]
  -h, --help        Toon deze hulp en stop.
"""

DIFF = """\
Gebruik: lifeport-map diff [OPTIES] OUD NIEUW

  Wat er tussen twee versies van het register is veranderd: vestigingen toegevoegd, verwijderd,
  verplaatst of gewijzigd, en de dekking per fase van elke regio (gewonnen of verloren).

  Een revisie (HEAD~1, main, een commit) wordt gelezen met 'git show REV:<pad van het register>'.

  Voorbeeld: lifeport-map diff main HEAD --format markdown

Argumenten:
  OUD    Ouder register: een bestand of een git-revisie.  [verplicht]
  NIEUW  Nieuwer register: een bestand of een git-revisie.  [verplicht]

Opties:
  -f, --format [text|markdown|json]
                                  text, markdown (voor een reactie op een pull request) of json.
                                  [standaard: text]
  --lang [nl|en]                  Taal van het overzicht (text en markdown): nl of en. JSON houdt
                                  zijn Engelse sleutels en id's; de bevindingen over claims volgen
                                  de taal. Ook fouten, waarschuwingen en tips volgen deze taal.
                                  [standaard: nl]
  -h, --help                      Toon deze hulp en stop.
"""

IMPORT_BOUNDARY = """\
Gebruik: lifeport-map regions import-boundary [OPTIES] BESTAND

  Bewaar een officiële grens (Eurostat GISCO NUTS of GeoJSON van het CBS) voor een regio als
  boundaries/REGIO-DEFINITIE.geojson en voeg een definitie 'boundary' toe aan haar regiobestand.

  Een bestaande definitie met hetzelfde id blijft, tenzij --replace is gegeven; een lijst van
  gemeenten wordt nooit vervangen. Bij elk probleem blijft elk bestand ongewijzigd.

  Voorbeeld: lifeport-map regions import-boundary NL226.geojson --region nijmegen --definition
  nuts3-nl226

Argumenten:
  BESTAND  GeoJSON-bestand met de grens (WGS84).  [verplicht]

Opties:
  -r, --region TEKST  Id van de regio.  [verplicht]
  --definition TEKST  Id van de grensdefinitie die wordt toegevoegd of bijgewerkt.  [standaard:
                      boundary]
  --year GETAL        Jaar waarop de grens slaat.  [standaard: 2024; 1800<=x<=2100]
  --replace           Vervang een bestaande grens- of straaldefinitie met dat id (nooit een lijst
                      van gemeenten).
  --lang [nl|en]      Taal van meldingen en tips: nl of en. Ook fouten, waarschuwingen en tips
                      volgen deze taal.  [standaard: nl]
  -h, --help          Toon deze hulp en stop.
"""

PAGES = [([], TOP), (["schema"], SCHEMA), (["diff"], DIFF), (["regions", "import-boundary"], IMPORT_BOUNDARY)]


@pytest.mark.parametrize(("path", "page"), PAGES, ids=lambda p: " ".join(p) if isinstance(p, list) else "")
def test_the_help_is_dutch_by_default(path: list[str], page: str) -> None:
    _locked()
    assert _help(*path, "--help") == page
    assert _help(*path, "-h") == page
    assert _help(*path, "--lang", "nl", "--help") == page


def test_an_analysis_help_names_its_metavars_and_notes_in_dutch() -> None:
    """near: its argument, a number, text, a required option's note and a default."""
    text = _help("near", "-h")
    assert text.startswith("Gebruik: lifeport-map near [OPTIES] MIDDELPUNT\n")
    assert (
        "\nArgumenten:\n  MIDDELPUNT  Een plaatsnaam (offline plaatsnamenlijst, eventueel 'Naam, LC'),"
        in text
    )
    assert "\n  --radius-km GETAL               Straal in km.  [standaard: 50.0]\n" in text
    assert "\n  -p, --phase TEKST               Houd vestigingen in deze fase.\n" in text
    assert (
        "Voorbeeld: lifeport-map near Nijmegen --radius-km 300 --phase front-end --role production\n" in text
    )
    assert (
        "\n  --include-planned               Noem ook geplande vestigingen en vestigingen in aanbouw.\n"
        in text
    )
    compare = _help("compare", "-h")
    assert compare.startswith("Gebruik: lifeport-map compare [OPTIES] [REGIO...]\n")
    assert (
        "\n  [REGIO...]  Te vergelijken regio's (standaard: nijmegen brainport twente delft leuven" in compare
    )
    assert "\n  --source-year JAAR              Jaar waarop de feiten van de bron slaan.\n" in _help(
        "add", "-h"
    )


# --- completeness: every text a help page shows has its Dutch --------------------------------


def _commands() -> list[tuple[tuple[str, ...], Any]]:
    found: list[tuple[tuple[str, ...], Any]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        found.append((path, command))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


def _texts() -> dict[str, str]:
    """Every paragraph of the commands' English help, with where it is shown."""
    found: dict[str, str] = {}
    for path, command in _commands():
        where = " ".join(path) or "lifeport-map"
        for part in paragraphs(command.help or ""):
            found.setdefault(part, where)
        for param in command.params:
            for part in paragraphs(getattr(param, "help", None) or ""):
                found.setdefault(part, f"{where} {param.name}")
    return found


def test_every_command_option_and_argument_has_its_dutch_help() -> None:
    texts = _texts()
    assert len(texts) > 100  # the walk sees the commands, their options and arguments
    missing = {
        text: where for text, where in texts.items() if text not in HELP and not text.startswith(EXAMPLE[0])
    }
    assert missing == {}, "add these to HELP in lifeport_map/commands/help_nl.py"
    examples = [text for text in texts if text.startswith(EXAMPLE[0])]
    assert len(examples) >= 30 and all(text.startswith("Example: lifeport-map ") for text in examples)


def test_the_table_has_no_text_that_no_help_shows() -> None:
    """A changed English text leaves its old key behind: the table holds only texts in use
    (and click's own help option)."""
    stale = set(HELP) - set(_texts()) - {"Show this message and exit."}
    assert stale == set()


@pytest.mark.parametrize("english", sorted(HELP))
def test_every_dutch_help_is_a_translation(english: str) -> None:
    said = HELP[english]
    assert said.strip() and said != english and paragraphs(said) == [said], english
    assert said.endswith(".") == english.endswith("."), english
    # what the text names as code stays as it is: options, paths, numbers (a path's placeholder
    # is said in Dutch, as the metavars are: boundaries/REGIO-DEFINITIE.geojson)
    for pattern in (r"--[a-z][a-z-]*", r"\b[\w.~-]+/[\w./-]*", r"\d+"):
        code = set(re.findall(pattern, english)) - {"boundaries/REGION-DEFINITION.geojson"}
        assert code <= set(re.findall(pattern, said)), english


def test_dutch_keeps_examples_and_unknown_text() -> None:
    assert dutch("Radius in km.\n\nExample: lifeport-map near Nijmegen --radius-km 300") == (
        "Straal in km.\n\nVoorbeeld: lifeport-map near Nijmegen --radius-km 300"
    )
    assert dutch("Something   new\n  from a command.") == "Something new from a command."


# --- English: --lang en, wherever it stands, gives docs/cli.md ---------------------------------


def _reference() -> dict[str, str]:
    """docs/cli.md's help page of every command, by its path."""
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    pages = re.findall(r"^## (lifeport-map[^\n]*)\n\n```text\n(.*?)\n```$", text, flags=re.M | re.S)
    return {title.removeprefix("lifeport-map").strip(): page + "\n" for title, page in pages}


def _has_lang(command: Any) -> bool:
    return any(param.name == "lang" for param in command.params)


@pytest.mark.parametrize(
    ("path", "command"), _commands(), ids=lambda p: " ".join(p) if isinstance(p, tuple) else ""
)
def test_lang_en_gives_the_english_reference(path: tuple[str, ...], command: Any) -> None:
    _locked()
    reference = _reference()[" ".join(path)]
    assert reference.startswith("Usage: ")
    if path and _has_lang(command):  # the command's own --lang, before or after the help option
        assert _help(*path, "--lang", "en", "--help") == reference
        assert _help(*path, "-h", "--lang=en") == reference
        # the program's --lang is the command's default, and the help says so
        by_program = reference.replace("[default: nl]", "[default: en]")
        assert by_program != reference
        assert _help("--lang", "en", *path, "--help") == by_program
        # the command's own --lang wins
        assert _help("--lang", "nl", *path, "--lang", "en", "--help") == reference
        in_dutch = _help(*path, "--help").replace("[standaard: nl]", "[standaard: en]")
        assert _help("--lang", "en", *path, "--lang", "nl", "--help") == in_dutch
    else:
        assert _help("--lang", "en", *path, "--help") == reference
        assert _help("--lang=en", *path, "-h") == reference


def test_the_reference_is_english() -> None:
    pages = _reference()
    assert len(pages) == len(_commands())
    assert not any("Gebruik" in page or "Opties:" in page or "standaard:" in page for page in pages.values())


def test_one_run_in_one_language_leaves_the_next_in_its_own() -> None:
    """The Dutch words are set on the click objects of one run: the next run builds its own."""
    _locked()
    english = _reference()["coverage"]
    dutch_page = _help("coverage", "--help")
    assert dutch_page.startswith("Gebruik: ")
    assert _help("coverage", "--lang", "en", "--help") == english
    assert _help("coverage", "--help") == dutch_page


# --- the help shown without arguments, and the program's --lang ---------------------------------


@pytest.mark.parametrize(("args", "lang"), [([], "nl"), (["map"], "nl"), (["--lang", "en", "regions"], "en")])
def test_a_command_without_arguments_shows_its_help_not_an_error(args: list[str], lang: str) -> None:
    done = CliRunner().invoke(app, args, terminal_width=WIDTH)
    assert done.exit_code == 2
    said = done.stderr
    assert said.startswith("Gebruik: lifeport-map" if lang == "nl" else "Usage: lifeport-map")
    assert ("Commando's:\n" if lang == "nl" else "Commands:\n") in said
    assert "Fout" not in said and "Error" not in said  # the help, not an error holding the help
    assert said.count("Gebruik:" if lang == "nl" else "Usage:") == 1


def test_the_programs_lang_is_the_commands_default() -> None:
    near = [*ANALYSIS_ARGS, "near", "Nijmegen", "--radius-km", "300"]
    english = CliRunner().invoke(app, [*near, "--lang", "en"])
    dutch_run = CliRunner().invoke(app, near)
    assert english.exit_code == dutch_run.exit_code == 0
    assert english.stdout != dutch_run.stdout
    assert CliRunner().invoke(app, ["--lang", "en", *near]).stdout == english.stdout
    assert CliRunner().invoke(app, ["--lang", "en", *near, "--lang", "nl"]).stdout == dutch_run.stdout
    # and so is the language of its usage errors
    missing = CliRunner().invoke(app, ["--lang", "en", "near"])
    assert missing.exit_code == 2 and missing.stderr.endswith("Error: Missing argument 'ORIGIN'.\n")
