"""Every message about a problem, in Dutch and English: the catalogue of the validator's issues
and the command line's errors, with their hints.

A message is a key and named parameters (:class:`Text`), rendered in a language only when it is
shown. The key of an issue's message is its code ("id.duplicate"); its hint and any variant
have the code with a suffix after a slash ("id.duplicate/hint", "id.duplicate/case"); errors
that are no issue have keys of their own ("error.*"). Codes, ids, field paths, file:line:col and
registry text stay as they are in both languages: registry text is passed in already excerpted
(``text.excerpt``), exactly as the English-only messages did.

Parameters: text is inserted as given, a pair (nl, en) in the language; whole numbers as digits
(line numbers, counts: no thousands separator); other numbers, and a :class:`Number` with its
decimals, through ``numbers.format_number`` (0,5 in Dutch); a :class:`Text` in the same
language. The catalogue has the shape of the label table (``render.labels``: key to (nl, en))
and the same rule: Dutch for "nl", otherwise English. It sits in the lowest import layer, beside
that table, so every module that reports a problem can use it.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Final, Union

from lifeport_map.numbers import format_number

Param = Union[str, int, float, "Number", "Text", tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Number:
    """A number shown with a fixed count of decimals ('2.0 km', '2,0 km')."""

    value: float
    decimals: int


@dataclass(frozen=True, slots=True)
class Text:
    """A message of the catalogue with its parameters, not yet in a language."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    def render(self, lang: str) -> str:
        nl, en = MESSAGES[self.key]
        values = {name: _value(value, lang) for name, value in self.params}
        return (nl if lang == "nl" else en).format_map(values)


def msg(key: str, /, **params: Param) -> Text:
    """The message ``key`` with ``params``; an unknown key or a missing or surplus parameter
    fails here, where the message is made, not when it is shown."""
    if key not in MESSAGES:
        raise KeyError(f"no message {key!r} in the catalogue")
    if set(params) != parameters(MESSAGES[key][1]):
        raise TypeError(f"message {key!r} takes {sorted(parameters(MESSAGES[key][1]))}, got {sorted(params)}")
    return Text(key, tuple(params.items()))


def say(text: str | Text, lang: str) -> str:
    """``text`` in ``lang``; a plain string (no message of the catalogue) as it is."""
    return text if isinstance(text, str) else text.render(lang)


def byte_count(n: int) -> Text:
    """A size in bytes in the output's number format: '1 byte', '1.000 bytes' ('1,000 bytes')."""
    return msg("io.bytes/one") if n == 1 else msg("io.bytes", n=Number(n, 0))


def parameters(template: str) -> set[str]:
    """The names of the parameters a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _value(value: Param, lang: str) -> str:
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, tuple):  # (nl, en), as in the label table
        return value[0] if lang == "nl" else value[1]
    if isinstance(value, Number):
        return format_number(value.value, lang, decimals=value.decimals)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_number(value, lang)
    return value


MESSAGES: Final[dict[str, tuple[str, str]]] = {  # key: (nl, en)
    # --- how issues are shown (render/issues.py, the command line) ----------------------------
    "severity.error": ("fout", "error"),
    "severity.warning": ("waarschuwing", "warning"),
    "hint": ("tip", "hint"),
    "summary": ("{errors}, {warnings}", "{errors}, {warnings}"),
    "summary.errors.one": ("1 fout", "1 error"),
    "summary.errors": ("{n} fouten", "{n} errors"),
    "summary.warnings.one": ("1 waarschuwing", "1 warning"),
    "summary.warnings": ("{n} waarschuwingen", "{n} warnings"),
    "validate.checked": (
        "{name}: {sites} vestigingen gecontroleerd, {summary}",
        "{name}: {sites} sites checked, {summary}",
    ),
    "validate.shipped": ("het meegeleverde register", "the shipped registry"),
    "error.prefix": ("fout", "error"),
    "error.interrupted": ("onderbroken", "interrupted"),
    "error.internal": ("interne fout: {error}", "internal error: {error}"),
    "error.internal/hint": (
        "meld dit met het commando dat u gaf; zet LIFEPORT_DEBUG=1 voor details",
        "please report this with the command you ran; set LIFEPORT_DEBUG=1 for details",
    ),
    # The command line's own usage errors (typer/click), in the command's --lang.
    "cli.usage": ("Gebruik:", "Usage:"),
    "cli.options": ("[OPTIES]", "[OPTIONS]"),
    "cli.command-args": ("COMMANDO [ARGUMENTEN]...", "COMMAND [ARGS]..."),
    "cli.try-help": ("Zie '{command}' voor hulp.", "Try '{command}' for help."),
    "cli.error": ("Fout: {message}", "Error: {message}"),
    "cli.missing-argument": ("Argument {name} ontbreekt.", "Missing argument {name}."),
    "cli.missing-option": ("Optie {name} ontbreekt.", "Missing option {name}."),
    "cli.choose-from": ("Kies uit:", "Choose from:"),
    "cli.invalid-value-for": ("Ongeldige waarde voor {name}: {detail}", "Invalid value for {name}: {detail}"),
    "cli.invalid-value": ("Ongeldige waarde: {detail}", "Invalid value: {detail}"),
    "cli.no-such-option": ("Onbekende optie: {option}", "No such option: {option}"),
    "cli.possible-options": ("(mogelijke opties: {options})", "(Possible options: {options})"),
    "cli.no-such-command": ("Onbekend commando {command}.", "No such command {command}."),
    "cli.did-you-mean": ("Bedoelt u {names}?", "Did you mean {names}?"),
    "cli.extra-arguments": (
        "Te veel argumenten opgegeven ({arguments})",
        "Got unexpected extra argument(s) ({arguments})",
    ),
    "cli.needs-value": ("Optie {option} vraagt een waarde.", "Option {option} requires an argument."),
    "cli.takes-no-value": ("Optie {option} neemt geen waarde.", "Option {option} does not take a value."),
    "cli.not-one-of": ("{value} is niet een van de keuzes {choices}.", "{value} is not one of {choices}."),
    "cli.not-a-number": ("{value} is geen getal.", "{value} is not a valid float."),
    "cli.not-an-integer": ("{value} is geen geheel getal.", "{value} is not a valid integer."),
    "cli.not-in-range": ("{value} ligt niet in het bereik {range}.", "{value} is not in the range {range}."),
    "error.registry-has-errors": (
        "het register heeft {errors} fout(en)",
        "the registry has {errors} error(s)",
    ),
    "error.registry-has-errors/hint": (
        "voer 'lifeport-map validate' uit voor de volledige lijst",
        "run 'lifeport-map validate' for the full list",
    ),
    "error.file-errors": ("{total} fouten in {file}", "{total} errors in {file}"),
    "error.file-errors/first": (
        "{total} fouten in {file} (de eerste {shown} staan hierboven)",
        "{total} errors in {file} (the first {shown} shown)",
    ),
    "boundary.more-errors": (
        "nog {more} fouten in dit bestand worden niet getoond (de eerste {shown} wel) "
        "(grens van afbakening '{definition}', {file})",
        "{more} more errors in this file are not shown (the first {shown} are) "
        "(boundary of definition '{definition}', {file})",
    ),
    "boundary.more-errors/hint": (
        "herstel deze en voer validate daarna opnieuw uit",
        "fix these, then run validate again",
    ),
    "error.registry-invalid": ("het register is ongeldig: {summary}", "the registry is invalid: {summary}"),
    "error.claims-invalid": (
        "het claimsbestand is ongeldig: {summary}",
        "the claims file is invalid: {summary}",
    ),
    # --- validate.py: ids and order -------------------------------------------------------------
    "id.duplicate": (
        "id '{id}' wordt al gebruikt op regel {line}",
        "id '{id}' is already used at line {line}",
    ),
    "id.duplicate/case": (
        "id '{id}' wordt al gebruikt op regel {line} (alleen hoofdletters verschillen)",
        "id '{id}' is already used at line {line} (differs only in case)",
    ),
    "id.duplicate/hint": (
        "geef deze vestiging een eigen id; ids worden nooit hergebruikt",
        "give this site its own id; ids are never reused",
    ),
    "order.not-canonical": (
        "vermelding '{id}' staat na '{previous}'; vermeldingen staan op volgorde van id",
        "entry '{id}' comes after '{previous}'; entries are sorted by id",
    ),
    "order.not-canonical/hint": (
        "voer 'lifeport-map fmt' uit om de vermeldingen op de vaste volgorde te zetten",
        "run 'lifeport-map fmt' to put entries in canonical order",
    ),
    # --- validate.py: names and aliases ---------------------------------------------------------
    "name.invisible-character": (
        "{field} bevat onzichtbare tekens of stuurtekens ({characters})",
        "{field} contains invisible or control characters ({characters})",
    ),
    "name.invisible-character/hint": (
        "typ de tekst opnieuw; kopiëren en plakken kan tekens van breedte nul of richtingstekens meebrengen",
        "retype the text; copy-paste can bring zero-width or bidi characters",
    ),
    "name.mixed-script": (
        "{field} mengt Latijnse letters met Griekse of Cyrillische letters die erop lijken "
        "({characters}): '{skeleton}' geschreven met andere letters",
        "{field} mixes Latin letters with Greek or Cyrillic lookalikes ({characters}): "
        "'{skeleton}' written with other letters",
    ),
    "name.mixed-script/hint": (
        "typ de naam opnieuw in één schrift; een letter die op een andere lijkt maakt er voor "
        "elke vergelijking (regio-indeling, dubbele vermeldingen) een andere naam van",
        "retype the name in one script; a lookalike letter makes it another name to every "
        "comparison (region membership, duplicates)",
    ),
    "name.whitespace": (
        "{field} heeft spaties vooraan, achteraan of dubbele spaties",
        "{field} has leading, trailing or double spaces",
    ),
    "name.whitespace/hint": ("haal de overbodige spaties weg", "remove the extra spaces"),
    "alias.same-as-name": ("alias '{alias}' herhaalt de naam", "alias '{alias}' repeats the name"),
    "alias.same-as-name/hint": ("haal de alias weg", "remove the alias"),
    "alias.duplicate": (
        "alias '{alias}' is ook een naam of alias van '{other}'",
        "alias '{alias}' is also a name or alias of '{other}'",
    ),
    "alias.duplicate/hint": (
        "een alias hoort bij één vermelding; maak hem specifieker of haal hem weg",
        "an alias must point at one entry; make it more specific or remove it",
    ),
    "name.likely-duplicate": (
        "'{name}' lijkt op '{other}' ({other_id}) in dezelfde gemeente",
        "'{name}' looks like '{other}' ({other_id}) in the same municipality",
    ),
    "name.likely-duplicate/hint": (
        "voeg de twee vermeldingen samen, of laat de namen zeggen waarin de vestigingen verschillen",
        "merge the two entries, or make the names say how the sites differ",
    ),
    # --- validate.py: relations -----------------------------------------------------------------
    "relation.self": (
        "relatie '{type}' verwijst naar de vermelding zelf",
        "relation '{type}' points at the entry itself",
    ),
    "relation.self/hint": (
        "laat de relatie naar een andere vermelding verwijzen, of haal hem weg",
        "point the relation at another entry, or remove it",
    ),
    "relation.dangling": (
        "relatie '{type}' verwijst naar onbekend id '{target}'",
        "relation '{type}' points at unknown id '{target}'",
    ),
    "relation.dangling/hint": (
        "voeg eerst de vermelding toe waarnaar verwezen wordt, of verbeter het id",
        "add the target entry first, or fix the id",
    ),
    "did-you-mean/some": ("bedoelt u: {names}?", "did you mean: {names}?"),
    "region.unknown": ("onbekende regio '{region}'", "unknown region '{region}'"),
    "region.unknown/hint": ("bekende regio's: {regions}", "known regions: {regions}"),
    "region.bad-boundary": (
        "de grens van afbakening '{definition}' is niet te gebruiken: {problem}",
        "boundary of definition '{definition}' cannot be used: {problem}",
    ),
    "region.bad-boundary/hint": (
        "importeer de grens opnieuw met 'lifeport-map regions import-boundary'",
        "import the boundary again with 'lifeport-map regions import-boundary'",
    ),
    "did-you-mean": ("bedoelt u '{name}'?", "did you mean '{name}'?"),
    "relation.duplicate": (
        "relatie '{type}' naar '{target}' staat er twee keer",
        "relation '{type}' to '{target}' is listed twice",
    ),
    "relation.duplicate/hint": ("haal de herhaalde relatie weg", "remove the repeated relation"),
    "relation.to-closed": (
        "relatie '{type}' verwijst naar '{target}', die gesloten is",
        "relation '{type}' points at '{target}', which is closed",
    ),
    "relation.to-closed/until": (
        "relatie '{type}' verwijst naar '{target}', die gesloten is (tot {until})",
        "relation '{type}' points at '{target}', which is closed (until {until})",
    ),
    "relation.to-closed/hint": (
        "laat de relatie verwijzen naar de vestiging die het werk voortzet, haal hem weg, of "
        "zeg in 'note' dat het geschiedenis is",
        "point it at the site that carries on, remove it, or say in 'note' that it is history",
    ),
    "relation.cycle/hint": (
        "een vermelding kan geen deel zijn van iets dat deel is van haarzelf; haal één relatie weg",
        "an entry cannot be part of something that is part of it; remove one relation",
    ),
    # --- validate.py: municipalities ------------------------------------------------------------
    "location.unknown-municipality": (
        "gemeente '{municipality}' is onbekend ({where})",
        "municipality '{municipality}' is unknown ({where})",
    ),
    "location.unknown-municipality/unchecked": (
        "gemeente '{municipality}' kon niet worden gecontroleerd ({where}; voor dit land wordt "
        "geen volledige officiële lijst meegeleverd)",
        "municipality '{municipality}' could not be checked ({where}; no full official list is "
        "shipped for this country)",
    ),
    "location.unknown-municipality/unchecked-official": (
        "gemeente '{municipality}' kon niet worden gecontroleerd ({where})",
        "municipality '{municipality}' could not be checked ({where})",
    ),
    "location.unknown-municipality/alternate-official": (
        "{country}: niet op de officiële lijst van {official} en niet op de lijst van een "
        "regiobestand, en in de offline plaatsnamenlijst alleen een andere naam van '{place}'",
        "{country}: not on the official {official} list nor a region file's list, and only "
        "another name of '{place}' in the offline gazetteer",
    ),
    "location.unknown-municipality/nowhere-official": (
        "{country}: niet op de officiële lijst van {official} en niet op de lijst van een "
        "regiobestand, en geen plaats in de offline plaatsnamenlijst",
        "{country}: not on the official {official} list nor a region file's list, nor a place "
        "of the offline gazetteer",
    ),
    "location.unknown-municipality/alternate": (
        "{country}: niet op de lijst van een regiobestand, en in de offline plaatsnamenlijst "
        "alleen een andere naam van '{place}'",
        "{country}: not on a region file's list, and only another name of '{place}' in the offline gazetteer",
    ),
    "location.unknown-municipality/nowhere": (
        "{country}: niet op de lijst van een regiobestand, en geen plaats in de offline plaatsnamenlijst",
        "{country}: not on a region file's list, nor a place of the offline gazetteer",
    ),
    "location.unknown-municipality/hint-close": (
        "bedoelt u '{name}'? Gebruik de officiële gemeentenaam (lijst van CBS, NIS of AGS); die "
        "bepaalt tot welke regio's de vestiging hoort",
        "did you mean '{name}'? Use the official municipality name (CBS, NIS or AGS list); it "
        "decides the site's regions",
    ),
    "location.unknown-municipality/hint": (
        "controleer of het de officiële gemeentenaam is (lijst van CBS, NIS of AGS)",
        "make sure it is the official municipality name (CBS, NIS or AGS list)",
    ),
    # --- validate.py: URLs and sources ----------------------------------------------------------
    "url.not-plain-http": (
        "website is geen gewoon http(s)-adres: {problem}",
        "website is not a plain http(s) URL: {problem}",
    ),
    "url.not-plain-http/source": (
        "adres van de bron is geen gewoon http(s)-adres: {problem}",
        "source URL is not a plain http(s) URL: {problem}",
    ),
    "url.not-plain-http/employees": (
        "adres van de bron van het aantal medewerkers is geen gewoon http(s)-adres: {problem}",
        "employee source URL is not a plain http(s) URL: {problem}",
    ),
    "url.not-plain-http/hint": (
        "gebruik een gewoon adres van de vorm https://host/pad",
        "use a plain https://host/path address",
    ),
    "url.too-long": ("het adres is langer dan {limit} tekens", "URL is longer than {limit} characters"),
    "url.whitespace": ("het adres bevat witruimte", "URL contains whitespace"),
    "url.invisible": (
        "het adres bevat stuurtekens of onzichtbare tekens",
        "URL contains control or invisible characters",
    ),
    "url.backslash": ("het adres bevat een backslash", "URL contains a backslash"),
    "url.unsafe": (
        "het adres bevat tekens die procent-gecodeerd moeten worden ({characters})",
        "URL contains characters that must be percent-encoded ({characters})",
    ),
    "url.protocol-relative": ("adres zonder protocol (begint met //)", "protocol-relative URL"),
    "url.unparsable": ("het adres kan niet worden gelezen", "URL cannot be parsed"),
    "url.scheme": ("protocol '{scheme}' is geen http of https", "scheme '{scheme}' is not http or https"),
    "none": ("(geen)", "(none)"),
    "url.no-host": ("het adres heeft geen geldige hostnaam", "URL has no valid host name"),
    "url.userinfo": (
        "het adres bevat gebruikersgegevens (gebruiker@host)",
        "URL contains user information (user@host)",
    ),
    "url.port": ("het adres gebruikt een ongebruikelijke poort", "URL uses an unusual port"),
    "url.host-characters": (
        "de hostnaam bevat ongebruikelijke tekens",
        "URL host contains unusual characters",
    ),
    "source.missing": ("de vermelding heeft geen bron", "the entry has no source"),
    "source.missing/hint": (
        "voeg een bron toe met een openbaar adres (url) of een brondocument (seed) en het jaar",
        "add a source with a public URL or a seed document and its year",
    ),
    "source.no-reference": ("bron heeft geen url en geen seed", "source has neither a url nor a seed"),
    "source.no-reference/hint": ("voeg 'url:' of 'seed:' toe", "add 'url:' or 'seed:'"),
    "employees.no-source": (
        "aantal medewerkers zonder bron",
        "employee figure has no source",
    ),
    "employees.no-source/hint": (
        "voeg 'url:' of 'seed:' toe; schat aantallen nooit zonder dat te zeggen",
        "add 'url:' or 'seed:'; never estimate figures silently",
    ),
    # --- validate.py: status --------------------------------------------------------------------
    "status.dates": (
        "until ({until}) ligt vóór since ({since})",
        "until ({until}) is before since ({since})",
    ),
    "status.dates/hint": ("verwissel of verbeter de jaren", "swap or correct the years"),
    "status.closed-without-year": (
        "gesloten vestiging zonder jaar in 'until'",
        "closed site without 'until' year",
    ),
    "status.closed-without-year/hint": ("voeg 'until: JAAR' toe", "add 'until: YEAR'"),
    "status.until-but-open": (
        "'until: {until}' terwijl de status '{status}' is",
        "'until: {until}' but status is '{status}'",
    ),
    "status.until-but-open/hint": (
        "zet status: closed, of haal 'until' weg",
        "set status: closed, or remove 'until'",
    ),
    "phases.missing-for-cross-cutting": (
        "fase-overstijgende activiteiten ({activities}) zonder 'phases'",
        "cross-cutting activities ({activities}) without 'phases'",
    ),
    "phases.missing-for-cross-cutting/hint": (
        "voeg 'phases:' toe met de fasen van de keten die deze vestiging bedient",
        "add 'phases:' naming the value-chain phases this site serves",
    ),
    "phases.without-cross-cutting": (
        "'phases' is alleen voor fase-overstijgende activiteiten ({activities})",
        "'phases' is only for cross-cutting activities ({activities})",
    ),
    "phases.without-cross-cutting/hint": (
        "haal 'phases' weg, of voeg de fase-overstijgende activiteit toe die het beschrijft",
        "remove 'phases', or add the cross-cutting activity it describes",
    ),
    # --- validate.py: coordinates ---------------------------------------------------------------
    "coordinates.incomplete": ("maar één van lat en lon is gegeven", "only one of lat and lon is given"),
    "coordinates.incomplete/hint": (
        "geef lat en lon allebei, of geen van beide",
        "give both lat and lon, or neither",
    ),
    "coordinates.projected": (
        "({lat}, {lon}) lijken geprojecteerde meters (bijvoorbeeld RD New), geen graden",
        "({lat}, {lon}) look like projected metres (e.g. RD New), not degrees",
    ),
    "coordinates.projected/hint": (
        "geef WGS84-breedte en -lengte in decimale graden, bijvoorbeeld 51.84, 5.85",
        "give WGS84 latitude/longitude in decimal degrees, e.g. 51.84, 5.85",
    ),
    "coordinates.null-island": ("de coördinaten zijn (0, 0)", "coordinates are (0, 0)"),
    "coordinates.null-island/hint": (
        "geef de echte coördinaten, of laat ze weg",
        "give the real coordinates, or leave them out",
    ),
    "coordinates.no-precision": ("coördinaten zonder 'precision'", "coordinates without 'precision'"),
    "coordinates.no-precision/hint": (
        "voeg 'precision: site', 'campus' of 'place' toe",
        "add 'precision: site', 'campus' or 'place'",
    ),
    "place.unknown": (
        "plaats '{place}' ({country}) staat niet in de offline plaatsnamenlijst",
        "place '{place}' ({country}) is not in the offline gazetteer",
    ),
    "place.unknown/hint": (
        "controleer de spelling (de officiële plaatselijke naam), of gebruik de gemeentenaam",
        "check the spelling (official local name), or use the municipality name",
    ),
    "coordinates.swapped": (
        "lat en lon lijken verwisseld: ({lat}, {lon}) ligt {km} km van {place}, "
        "({lon}, {lat}) ligt er vlakbij",
        "lat and lon look swapped: ({lat}, {lon}) is {km} km from {place}, ({lon}, {lat}) is close to it",
    ),
    "coordinates.swapped/hint": ("verwissel ze: lat {lon}, lon {lat}", "swap them: lat {lon}, lon {lat}"),
    "coordinates.sign": (
        "coördinaten ({lat}, {lon}) hebben een verkeerd teken: {km} km van {place}",
        "coordinates ({lat}, {lon}) have a wrong sign: {km} km from {place}",
    ),
    "coordinates.sign/hint": (
        "haal het minteken weg (noord en oost zijn positief)",
        "remove the minus sign (north and east are positive)",
    ),
    "coordinates.far-from-place": (
        "coördinaten ({lat}, {lon}) liggen {km} km van {place} ({place_lat}, {place_lon})",
        "coordinates ({lat}, {lon}) are {km} km from {place} ({place_lat}, {place_lon})",
    ),
    "coordinates.far-from-place/hint": (
        "controleer lat/lon of de plaatsnaam; {place} ligt op {place_lat}, {place_lon}",
        "check lat/lon or the place name; {place} is at {place_lat}, {place_lon}",
    ),
    "coordinates.outside-municipality": (
        "coördinaten ({lat}, {lon}) liggen {km} km buiten de gemeente {municipality}{where} "
        "(CBS-grenzen 2025, marge {tolerance} km bij precision {precision})",
        "coordinates ({lat}, {lon}) lie {km} km outside the municipality {municipality}{where} "
        "(CBS 2025 boundaries, tolerance {tolerance} km for precision {precision})",
    ),
    "coordinates.outside-municipality/in": (", in {municipality}", ", in {municipality}"),
    "coordinates.outside-municipality/hint": (
        "controleer de coördinaten of de gemeente (de officiële CBS-naam)",
        "check the coordinates or the municipality (the official CBS name)",
    ),
    "coordinates.outside-country": (
        "coördinaten ({lat}, {lon}) liggen {where}, maar het land van de vestiging is {country}",
        "coordinates ({lat}, {lon}) lie {where}, but the site's country is {country}",
    ),
    "coordinates.outside-country/in": ("in {country}", "in {country}"),
    "coordinates.outside-country/outside": ("buiten {country}", "outside {country}"),
    "coordinates.outside-country/hint": (
        "controleer de coördinaten en de landcode (ISO 3166, bijvoorbeeld NL, BE, DE)",
        "check the coordinates and the country code (ISO 3166, e.g. NL, BE, DE)",
    ),
    # --- validate_fields.py: currency, references, events, facilities, campus -----------------
    "checked.missing": ("vermelding heeft geen datum 'checked'", "entry has no 'checked' date"),
    "checked.missing/hint": (
        "controleer de vermelding aan de hand van haar bronnen en voeg 'checked: \"JJJJ-MM\"' toe",
        "verify the entry against its sources and add 'checked: \"YYYY-MM\"'",
    ),
    "checked.future": ("checked '{checked}' ligt in de toekomst", "checked '{checked}' lies in the future"),
    "checked.future/hint": (
        "schrijf de maand waarin de vermelding is gecontroleerd",
        "write the month in which the entry was verified",
    ),
    "checked.stale": (
        "vermelding is {months} maanden geleden voor het laatst gecontroleerd ({checked})",
        "entry was last checked {months} months ago ({checked})",
    ),
    "checked.stale/hint": (
        "controleer de vermelding opnieuw (langer dan {months} maanden geleden) en werk 'checked' bij",
        "re-verify the entry (more than {months} months) and update 'checked'",
    ),
    "source.outdated": (
        "actieve vestiging waarvan de nieuwste bron uit {year} is",
        "active site whose newest source is from {year}",
    ),
    "source.outdated/hint": (
        "voeg een bron uit de laatste {years} jaar toe die laat zien dat de vestiging nog actief is",
        "add a source from the last {years} years that shows the site is still active",
    ),
    # (the issue's prefix names the field: "sources[0]: de bron heeft geen titel")
    "source.no-title": ("de bron heeft geen titel", "the source has no title"),
    "source.no-title/hint": (
        "voeg 'title:' toe zoals de pagina of het document die geeft",
        "add 'title:' as the page or document gives it",
    ),
    "source.no-publisher": ("de bron heeft geen uitgever", "the source has no publisher"),
    "source.no-publisher/hint": (
        "voeg 'publisher:' toe (de organisatie, krant of instantie die het publiceerde)",
        "add 'publisher:' (the organisation, newspaper or body that published it)",
    ),
    "url.aggregator": (
        "'{host}' neemt documenten of pagina's van anderen over",
        "'{host}' copies documents or pages of others",
    ),
    "url.aggregator/staging": (
        "'{host}' lijkt een test- of voorbeeldkopie van een website",
        "'{host}' looks like a test or staging copy of a site",
    ),
    "url.aggregator/hint": (
        "verwijs in plaats daarvan naar de oorspronkelijke pagina of het oorspronkelijke document",
        "cite the original page or document instead",
    ),
    "url.tracking": (
        "{field} bevat volgparameters ({parameters})",
        "{field} carries tracking parameters ({parameters})",
    ),
    "url.tracking/hint": (
        "haal ze uit het adres; de pagina is zonder hen dezelfde",
        "remove them from the URL; the page is the same without them",
    ),
    "events.order": (
        "gebeurtenis {date} ({type}) staat na {previous_date} ({previous_type})",
        "event {date} ({type}) comes after {previous_date} ({previous_type})",
    ),
    "events.order/hint": ("zet de oudste gebeurtenis eerst", "list events oldest first"),
    "events.no-source": (
        "gebeurtenis {date} ({type}) heeft geen bron",
        "event {date} ({type}) has no source",
    ),
    "events.status-mismatch": (
        "de status is {status}, maar de laatste gebeurtenis is '{type}' ({date})",
        "status is {status}, but the latest event is '{type}' ({date})",
    ),
    "events.status-mismatch/hint": (
        "zet status: closed met 'until', of voeg de gebeurtenis toe waarmee de vestiging weer openging",
        "set status: closed with 'until', or add the event that re-opened the site",
    ),
    "facility.wafer-size": (
        "een wafer met een diameter van {mm} mm is geen bekende wafermaat",
        "wafer diameter {mm} mm is not a known wafer size",
    ),
    "facility.wafer-size/hint": (
        "gebruik een van {sizes} (mm, geen inch)",
        "use one of {sizes} (mm, not inches)",
    ),
    "facility.node/hint": (
        "geef de kleinste node in nm (een positief getal), of laat het veld weg",
        "give the smallest node in nm (a positive number), or leave it out",
    ),
    "facility.capacity": ("capaciteit is 0", "capacity is 0"),
    "facility.capacity/hint": (
        "geef de capaciteit die een bron noemt, of laat 'capacity' weg",
        "give the capacity a source states, or leave 'capacity' out",
    ),
    "facility.capacity-no-source": ("capaciteit heeft geen bron", "capacity has no source"),
    "facility.capacity-no-source/hint": (
        "voeg 'url:' of 'seed:' toe aan de capaciteit (of een 'source' aan de faciliteit)",
        "add 'url:' or 'seed:' to the capacity (or a facility 'source')",
    ),
    "facility.cleanroom": ("cleanroom_m2 is 0", "cleanroom_m2 is 0"),
    "facility.cleanroom/hint": (
        "geef de oppervlakte die een bron noemt, of laat het veld weg",
        "give the area a source states, or leave it out",
    ),
    "facility.unexpected": (
        "een faciliteit bij een vestiging zonder productie, pilotlijn of onderzoek",
        "a facility on a site without production, pilot-line or research activities",
    ),
    "facility.unexpected/hint": (
        "faciliteiten beschrijven fabs, pilotlijnen, cleanrooms en assemblagefabrieken; voeg de "
        "activiteit toe of haal 'facility' weg",
        "facilities describe fabs, pilot lines, cleanrooms and assembly plants; add the "
        "activity or remove 'facility'",
    ),
    "location.campus-self": (
        "de vermelding noemt zichzelf als haar campus",
        "the entry names itself as its campus",
    ),
    "location.campus-self/hint": (
        "haal 'campus' weg uit de vermelding van de campus",
        "remove 'campus' from the campus entry",
    ),
    "location.campus-unknown": ("campus '{campus}' is geen vermelding", "campus '{campus}' is not an entry"),
    "location.campus-unknown/hint": (
        "voeg eerst de vermelding van de campus toe (kind: campus)",
        "add the campus entry (kind: campus) first",
    ),
    "location.campus-not-campus/hint": (
        "laat 'campus' verwijzen naar een vermelding van de soort campus",
        "point 'campus' at an entry of kind campus",
    ),
    "employees.range": (
        "max ({max}) ligt onder value ({value})",
        "max ({max}) is below value ({value})",
    ),
    "employees.range/hint": (
        "value is de ondergrens en max de bovengrens van de bandbreedte",
        "value is the lower bound and max the upper bound of the range",
    ),
    # --- schema.py: the structure of a registry or region file ---------------------------------
    "schema.the-file": ("het bestand", "file"),
    "schema.type/mapping": (
        "{path} moet een mapping zijn (regels 'sleutel: waarde'), geen {what}",
        "{path} must be a mapping (key: value pairs), not {what}",
    ),
    "schema.type/mapping-hint": (
        "schrijf het als ingesprongen regels 'sleutel: waarde'",
        "write it as indented 'key: value' lines",
    ),
    "schema.unknown-field": ("onbekend veld '{field}'", "unknown field '{field}'"),
    "schema.unknown-field/hint": ("toegestane velden: {fields}", "allowed fields: {fields}"),
    "use-one-of": ("gebruik een van: {values}", "use one of: {values}"),
    "schema.required": (
        "verplicht veld '{field}' ontbreekt of is leeg",
        "required field '{field}' is missing or empty",
    ),
    "schema.required/hint": ("voeg '{field}:' toe ({description})", "add '{field}:' ({description})"),
    "schema.required/empty-list": ("'{path}' is leeg", "'{path}' is empty"),
    "schema.required/empty-list-hint": (
        "voeg minstens één {field} toe",
        "add at least one {field} item",
    ),
    "schema.required/blank": ("'{path}' is leeg (alleen spaties)", "'{path}' is blank"),
    "schema.required/blank-hint": (
        "vul een waarde in of haal de sleutel weg",
        "write a value or remove the key",
    ),
    "schema.type/list": ("'{path}' moet een lijst zijn, geen {what}", "'{path}' must be a list, not {what}"),
    "schema.type/list-hint": (
        "schrijf het als [a, b] of als regels '- item'",
        "write it as [a, b] or as '- item' lines",
    ),
    "schema.type/empty-item": ("'{path}' is leeg", "'{path}' is empty"),
    "schema.type/empty-item-hint": ("haal het lege item weg", "remove the empty item"),
    "schema.duplicate-item": ("'{item}' staat twee keer in '{path}'", "'{item}' appears twice in '{path}'"),
    "schema.duplicate-item/hint": ("haal het herhaalde item weg", "remove the repeated item"),
    "schema.type/number-map": (
        "'{path}' moet een mapping van getallen zijn",
        "'{path}' must be a mapping of numbers",
    ),
    "schema.type/number-map-hint": ("schrijf regels 'groep: getal'", "write 'group: number' lines"),
    "schema.type/text": ("'{path}' moet tekst zijn, geen {what}", "'{path}' must be text, not {what}"),
    "schema.type/text-hint": (
        'zet de waarde tussen aanhalingstekens: "{value}"',
        'put the value in quotes: "{value}"',
    ),
    "schema.type/text-hint-single": ("schrijf één tekstwaarde", "write a single text value"),
    "schema.unknown-value": ("onbekende {what} '{value}'", "unknown {what} '{value}'"),
    "schema.unknown-value/other": ("onbekende waarde van {what}: '{value}'", "unknown {what} '{value}'"),
    "vocabulary.kind": ("soort", "kind"),
    "vocabulary.activity": ("activiteit", "activity"),
    "vocabulary.phase": ("fase", "phase"),
    "vocabulary.status": ("status", "status"),
    "vocabulary.precision": ("precisie", "precision"),
    "vocabulary.relation-type": ("soort relatie", "relation type"),
    "vocabulary.definition-type": ("soort afbakening", "definition type"),
    "vocabulary.metric": ("maatstaf", "metric"),
    "vocabulary.facility-type": ("soort faciliteit", "facility type"),
    "vocabulary.technology": ("technologie", "technology"),
    "vocabulary.capacity-unit": ("eenheid van capaciteit", "capacity unit"),
    "vocabulary.event-type": ("soort gebeurtenis", "event type"),
    "schema.bad-id": ("'{value}' is geen geldig id", "'{value}' is not a valid id"),
    "schema.bad-id/hint": (
        "gebruik kleine letters, cijfers en enkele koppeltekens, bijvoorbeeld 'nxp-nijmegen'",
        "use lowercase letters, digits and single hyphens, e.g. 'nxp-nijmegen'",
    ),
    "schema.bad-id/hint-long": (
        "gebruik kleine letters, cijfers en enkele koppeltekens, bijvoorbeeld 'nxp-nijmegen', "
        "hoogstens {limit} tekens",
        "use lowercase letters, digits and single hyphens, e.g. 'nxp-nijmegen', at most {limit} characters",
    ),
    "schema.bad-country": (
        "'{value}' is geen code volgens ISO 3166-1 alpha-2",
        "'{value}' is not an ISO 3166-1 alpha-2 code",
    ),
    "schema.bad-country/unassigned": (
        "'{value}' is geen code volgens ISO 3166-1 alpha-2 (geen land heeft die code)",
        "'{value}' is not an ISO 3166-1 alpha-2 code (no country has it)",
    ),
    "schema.bad-country/hint": (
        "gebruik de twee hoofdletters van het land, bijvoorbeeld NL, BE, DE (het Verenigd Koninkrijk is GB)",
        "use the country's two capital letters, e.g. NL, BE, DE (the United Kingdom is GB)",
    ),
    "schema.bad-seed": (
        "'{value}' is geen bestandsnaam van een brondocument",
        "'{value}' is not a seed file name",
    ),
    "schema.bad-seed/hint": (
        "gebruik de bestandsnaam uit shared/seeds/, bijvoorbeeld 001_52ea57b76e5b924b.txt",
        "use the file name from shared/seeds/, e.g. 001_52ea57b76e5b924b.txt",
    ),
    "schema.bad-date/month": (
        "'{value}' is geen maand van de vorm JJJJ-MM",
        "'{value}' is not a YYYY-MM month",
    ),
    "schema.bad-date/month-hint": (
        'schrijf de datum tussen aanhalingstekens, bijvoorbeeld "2026-11"',
        'write the date in quotes, e.g. "2026-11"',
    ),
    "schema.bad-date/date": (
        "'{value}' is geen datum van de vorm JJJJ of JJJJ-MM",
        "'{value}' is not a YYYY or YYYY-MM date",
    ),
    "schema.bad-date/date-hint": (
        'schrijf de datum tussen aanhalingstekens, bijvoorbeeld "2023" of "2023-12"',
        'write the date in quotes, e.g. "2023" or "2023-12"',
    ),
    "text.control-character": (
        "'{path}' bevat stuurtekens, richtingstekens of onzichtbare tekens ({characters})",
        "'{path}' contains control, bidi or invisible characters ({characters})",
    ),
    "text.control-character/hint": (
        "haal ze weg: ze verbergen tekst of zetten die in een andere volgorde in elke uitvoer "
        "(kopiëren en plakken en kleurcodes van een terminal brengen ze mee)",
        "remove them: they hide or reorder text in every output (copy-paste and terminal colour "
        "codes bring them)",
    ),
    "schema.too-long": ("'{path}' is {length} tekens lang", "'{path}' is {length} characters long"),
    "schema.too-long/hint": ("kort het in tot hoogstens {limit} tekens", "shorten it to at most {limit}"),
    "schema.type/bool": (
        "'{path}' moet true of false zijn, geen {what}",
        "'{path}' must be true or false, not {what}",
    ),
    "schema.type/bool-hint": ("schrijf true of false (kleine letters)", "write true or false (lowercase)"),
    "schema.type/number": (
        "'{path}' moet een getal zijn, geen {what}",
        "'{path}' must be a number, not {what}",
    ),
    "schema.type/number-hint": (
        "schrijf een gewoon getal zoals 51.84 (zonder aanhalingstekens, eenheden of NaN)",
        "write a plain number such as 51.84 (no quotes, units or NaN)",
    ),
    "schema.type/whole": ("'{path}' moet een geheel getal zijn", "'{path}' must be a whole number"),
    "schema.type/whole-hint": ("haal de decimalen weg", "remove the decimals"),
    "schema.type/finite": ("'{path}' is geen eindig getal", "'{path}' is not finite"),
    "schema.type/finite-hint": ("schrijf een echt getal", "write a real number"),
    "schema.out-of-range": (
        "'{path}' = {value} ligt buiten {low}..{high}",
        "'{path}' = {value} is outside {low}..{high}",
    ),
    "schema.out-of-range/hint": (
        "controleer de waarde: die ligt buiten het aannemelijke bereik van dit veld",
        "check the value: it lies outside the plausible range for this field",
    ),
    "describe.empty": ("leeg", "empty"),
    "describe.boolean": ("de booleaanse waarde {value}", "the boolean {value}"),
    "describe.number": ("het getal {value}", "the number {value}"),
    "describe.a-number": ("een getal", "a number"),
    "describe.mapping": ("een mapping", "a mapping"),
    "describe.list": ("een lijst", "a list"),
    "describe.text": ("tekst ({length} tekens)", "text ({length} characters)"),
    # --- gazetteer.py, taxonomy.py, revisions.py (diff) ----------------------------------------
    "io.bad-gazetteer": (
        "de plaatsnamenlijst is beschadigd, groter dan verwacht of geen gzip-bestand met JSON",
        "the gazetteer is damaged, larger than expected or not a gzipped JSON file",
    ),
    "io.bad-gazetteer/hint": (
        "zet haar terug uit de repository of bouw haar opnieuw met scripts/build_gazetteer.py",
        "restore it from the repository or rebuild it with scripts/build_gazetteer.py",
    ),
    "taxonomy.invalid": (
        "het taxonomiebestand is misvormd bij {near}",
        "taxonomy file is malformed near {near}",
    ),
    "taxonomy.invalid/hint": (
        "zet data/taxonomy.yaml terug uit de repository",
        "restore data/taxonomy.yaml from the repository",
    ),
    "git.missing": (
        "git is niet geïnstalleerd, dus versies kunnen niet worden gelezen",
        "git is not installed, so revisions cannot be read",
    ),
    "git.missing/hint": (
        "geef in plaats daarvan twee registerbestanden op",
        "pass two registry files instead",
    ),
    "git.timeout": ("git antwoordde niet op tijd", "git did not answer in time"),
    "git.bad-spec": (
        "'{spec}' is geen bestand en geen git-versie",
        "'{spec}' is not a file or a git revision",
    ),
    "git.bad-spec/hint": (
        "geef een registerbestand op of een versie zoals HEAD~1 of main",
        "give a registry file or a revision such as HEAD~1 or main",
    ),
    "git.no-repository": (
        "'{spec}' is geen bestand, en {folder} ligt niet in een git-repository",
        "'{spec}' is not a file, and {folder} is not inside a git repository",
    ),
    "git.no-repository/hint": (
        "geef twee registerbestanden op, of voer de opdracht uit in de repository",
        "give two registry files, or run inside the repository",
    ),
    "git.outside": (
        "{path} ligt niet in de repository in {root}",
        "{path} is not inside the repository at {root}",
    ),
    "git.outside/hint": (
        "schrijf de versie als VERSIE:pad/naar/companies.yaml",
        "write the revision as REV:path/to/companies.yaml",
    ),
    "git.too-large": (
        "{blob} is {size}; de grens is {limit}",
        "{blob} is {size}; the limit is {limit}",
    ),
    "git.too-large/hint": (
        "verhoog de grens met LIFEPORT_MAX_BYTES als het bestand echt is",
        "raise the limit with LIFEPORT_MAX_BYTES if the file is genuine",
    ),
    "git.cannot-show": (
        "'{spec}' is geen bestand, en git kan {blob} niet tonen",
        "'{spec}' is not a file, and git cannot show {blob}",
    ),
    "git.cannot-show/hint-git": (
        "git meldt: '{git}'; gebruik een versie zoals HEAD~1, main of een commit-id",
        "{git}; use a revision such as HEAD~1, main or a commit id",
    ),
    "git.cannot-show/hint": (
        "controleer de naam van de versie; gebruik een versie zoals HEAD~1, main of een commit-id",
        "check the revision name; use a revision such as HEAD~1, main or a commit id",
    ),
    # --- fileio.py: reading input, writing output ------------------------------------------------
    "io.not-found": ("bestand niet gevonden", "file not found"),
    "io.not-found/link": (
        "is een koppeling naar een bestand dat niet bestaat",
        "is a link to a missing file",
    ),
    "io.not-found/hint": (
        "controleer het pad, of geef het bestand op met {option}",
        "check the path, or name the file with {option}",
    ),
    "io.unreadable": ("kan het bestand niet lezen: {reason}", "cannot read file: {reason}"),
    "io.unreadable/folder": ("kan de map niet lezen: {reason}", "cannot read folder: {reason}"),
    "io.unreadable/folder-hint": (
        "controleer het pad en of u de map mag lezen en openen",
        "check the path and the folder's permissions (read and search)",
    ),
    "io.unreadable/hint": (
        "controleer het pad en of u het bestand mag lezen",
        "check the path and its permissions",
    ),
    "io.outside": (
        "is een symbolische koppeling (of ligt in een gekoppelde map) die buiten {root} uitkomt; "
        "er is niets gelezen",
        "is a symbolic link (or lies in a linked folder) that leads outside {root}; nothing was read",
    ),
    "io.outside/hint": (
        "registerbestanden worden alleen uit hun eigen map gelezen: vervang de koppeling door het "
        "bestand zelf",
        "registry files are read only from inside their own folder: replace the link with the file itself",
    ),
    "io.is-directory": (
        "hier hoort een bestand, maar dit is een map",
        "expected a file but found a directory",
    ),
    "io.is-directory/hint": ("geef het bestand zelf op", "point at the file itself"),
    "io.not-a-file": (
        "is {kind}, geen gewoon bestand; er is niets gelezen",
        "is {kind}, not a regular file; nothing was read",
    ),
    "io.not-a-file/hint": (
        "registerbestanden moeten gewone bestanden zijn; vervang dit door het bestand zelf",
        "registry files must be ordinary files; replace it with the file itself",
    ),
    "io.interrupted-write": (
        "het bijwerken van dit bestand is afgebroken ({name} staat ernaast), dus het bestand is "
        "misschien half geschreven; er is niets gelezen",
        "a write in place of this file was interrupted ({name} lies beside it), so the file may "
        "be half written; nothing was read",
    ),
    "io.interrupted-write/hint": (
        "de volgende lifeport-map-opdracht die het bestand schrijft, maakt het af met die kopie "
        "('fmt' voor het register, 'regions import-boundary' voor een regiobestand)",
        "the next lifeport-map command that writes it completes it from that copy "
        "('fmt' for the registry, 'regions import-boundary' for a region file)",
    ),
    "io.interrupted-write/journal": (
        "het samen schrijven van dit bestand en andere is afgebroken ({journal} staat in de map), "
        "dus de bestanden passen misschien nog niet bij elkaar; er is niets gelezen",
        "a write of this file and others together was interrupted ({journal} lies in its folder), "
        "so the files may not belong together yet; nothing was read",
    ),
    "io.interrupted-write/journal-hint": (
        "de volgende lifeport-map-opdracht die de bestanden schrijft, maakt het schrijven af "
        "('regions import-boundary' voor een regio en haar grensbestand)",
        "the next lifeport-map command that writes them completes the write "
        "('regions import-boundary' for a region and its boundary file)",
    ),
    "io.too-large": (
        "het bestand is {size}; de grens is {limit}",
        "file is {size}; the limit is {limit}",
    ),
    "io.too-large/unknown": (
        "het bestand is groter dan de grens van {limit}",
        "file is more than that; the limit is {limit}",
    ),
    "io.too-large/hint": (
        "splits het bestand, of verhoog de grens met LIFEPORT_MAX_BYTES als het bestand echt is",
        "split the file, or raise the limit with LIFEPORT_MAX_BYTES if it is genuine",
    ),
    "io.kind/fifo": ("een FIFO (named pipe)", "a FIFO (named pipe)"),
    "io.kind/character-device": ("een tekenapparaat", "a character device"),
    "io.kind/block-device": ("een blokapparaat", "a block device"),
    "io.kind/socket": ("een socket", "a socket"),
    "io.kind/link": ("een symbolische koppeling", "a symbolic link"),
    "io.kind/other": ("geen gewoon bestand", "not a regular file"),
    "io.reason/permission": ("geen toestemming", "permission denied"),
    "io.reason/read-only": ("alleen-lezen bestandssysteem", "read-only file system"),
    "io.reason/disk-full": ("schijf vol", "no space left on device"),
    "io.reason/io": ("lees- of schrijffout van het apparaat", "input/output error"),
    "io.reason/other": ("systeemfout {errno}", "system error {errno}"),
    "output.folder-link": (
        "{folder} is een symbolische koppeling; er wordt niet in geschreven",
        "{folder} is a symbolic link; refusing to write into it",
    ),
    "output.folder-link/hint": (
        "verwijder de koppeling, of geef de map op waar zij naar wijst",
        "remove the link, or give the folder it points to",
    ),
    "output.cannot-write": ("kan {path} niet schrijven: {reason}", "cannot write {path}: {reason}"),
    "output.cannot-write/hint": ("controleer het pad", "check the path"),
    "output.link": (
        "{path} is een symbolische koppeling; er wordt niet via geschreven",
        "{path} is a symbolic link; refusing to write through it",
    ),
    "output.link/hint": (
        "verwijder de koppeling, of geef het pad op van het bestand waar zij naar wijst",
        "remove the link, or give the path of the file it points to",
    ),
    "output.is-directory": ("{path} is een map", "{path} is a directory"),
    "output.is-directory/hint": (
        "geef een bestandsnaam op voor de uitvoer",
        "give a file name for the output",
    ),
    "output.not-a-file": (
        "{path} is {kind}, geen gewoon bestand; het wordt niet vervangen",
        "{path} is {kind}, not a regular file; refusing to replace it",
    ),
    "output.not-a-file/hint": ("kies een ander uitvoerpad", "choose another output path"),
    "output.no-folder": ("map {folder} bestaat niet", "folder {folder} does not exist"),
    "output.no-folder/hint": (
        "maak eerst de map, of kies een ander uitvoerpad",
        "create the folder first or choose another output path",
    ),
    "output.not-a-folder": ("{folder} is geen map", "{folder} is not a folder"),
    "output.not-a-folder/hint": ("kies een andere uitvoermap", "choose another output folder"),
    "output.cannot-create": (
        "kan map {folder} niet maken: {reason}",
        "cannot create folder {folder}: {reason}",
    ),
    "output.cannot-create/hint": (
        "kies een uitvoermap waarin geschreven mag worden",
        "choose a writable output folder",
    ),
    "output.failed": (
        "kan {path} niet schrijven: {reason}; er is niets veranderd",
        "cannot write {path}: {reason}; nothing was changed",
    ),
    "output.failed/hint": (
        "controleer of in de map geschreven mag worden en of de schijf niet vol is",
        "check that the folder is writable and the disk not full",
    ),
    "output.cannot-lock": (
        "kan map {folder} niet vergrendelen om erin te schrijven: {reason}",
        "cannot lock folder {folder} for writing: {reason}",
    ),
    "output.cannot-lock/hint": (
        "controleer of de map bestaat en gelezen mag worden",
        "check that the folder exists and is readable",
    ),
    "output.changed-on-disk": (
        "{path} is op schijf veranderd sinds het werd gelezen; er is niets geschreven",
        "{path} changed on disk since it was read; nothing was written",
    ),
    "output.changed-on-disk/hint": (
        "voer de opdracht opnieuw uit op het huidige bestand",
        "run the command again on the current file",
    ),
    # --- registry.py: the registry file and the regions folder ---------------------------------
    "io.not-found/regions": ("map met regio's niet gevonden", "regions folder not found"),
    "io.not-found/regions-hint": (
        "geef met --regions MAP een map met YAML-bestanden van regio's op",
        "pass --regions DIR pointing at a folder of region YAML files",
    ),
    "io.not-a-directory/regions": (
        "hier hoort een map met regiobestanden",
        "expected a folder of region files",
    ),
    "io.not-a-directory/regions-hint": (
        "geef met --regions MAP een map op",
        "pass --regions DIR pointing at a folder",
    ),
    "region.none": (
        "de map met regio's bevat geen regiobestanden (*.yaml)",
        "the regions folder holds no region files (*.yaml)",
    ),
    "region.none/hint": (
        "geef met --regions MAP de map met regiobestanden op, bijvoorbeeld data/regions",
        "pass --regions DIR pointing at the folder of region files, e.g. data/regions",
    ),
    "region.id-mismatch": (
        "regio-id '{id}' verschilt van de bestandsnaam",
        "region id '{id}' differs from the file name",
    ),
    "region.id-mismatch/hint": (
        "noem het bestand {id}.yaml of verander het id",
        "rename the file to {id}.yaml or change the id",
    ),
    "region.duplicate-id": ("regio-id '{id}' wordt twee keer gebruikt", "region id '{id}' is used twice"),
    "region.duplicate-id/hint": ("geef elke regio een eigen id", "give each region its own id"),
    "schema.unknown-field/top": (
        "onbekend veld '{field}' op het hoogste niveau",
        "unknown top-level field '{field}'",
    ),
    "schema.unknown-field/top-hint": (
        "het registerbestand bevat alleen 'sites:'",
        "the registry file holds only 'sites:'",
    ),
    "schema.required/sites": (
        "het register heeft een lijst 'sites:' nodig",
        "the registry needs a 'sites:' list",
    ),
    "schema.required/sites-hint": (
        "begin het bestand met 'sites:' en daaronder vermeldingen '- id: ...'",
        "start the file with 'sites:' followed by '- id: ...' entries",
    ),
    "schema.type/registry": (
        "het registerbestand moet een mapping met een lijst 'sites:' zijn",
        "the registry file must be a mapping with a 'sites:' list",
    ),
    "schema.type/registry-hint": ("begin het bestand met 'sites:'", "start the file with 'sites:'"),
    "schema.required/empty-file": ("het registerbestand is leeg", "the registry file is empty"),
    "schema.required/empty-file-hint": (
        "begin het bestand met 'sites:' en daaronder vermeldingen",
        "start the file with 'sites:' followed by entries",
    ),
    # --- claims.py: the claims file -------------------------------------------------------------
    "schema.required/claims": (
        "het claimsbestand heeft een lijst 'claims:' nodig",
        "the claims file needs a 'claims:' list",
    ),
    "schema.required/claims-hint": (
        "begin het bestand met 'claims:' en daaronder vermeldingen '- id: ...'",
        "start the file with 'claims:' followed by '- id: ...' entries",
    ),
    "schema.unknown-field/claims-hint": (
        "het claimsbestand bevat alleen 'claims:'",
        "the claims file holds only 'claims:'",
    ),
    "claims.duplicate-id": (
        "claim-id '{id}' wordt twee keer gebruikt",
        "claim id '{id}' is used twice",
    ),
    "claims.duplicate-id/hint": ("geef elke claim een eigen id", "give each claim its own id"),
    "claims.check-incomplete": (
        "een controle van het type '{kind}' heeft '{needed}' nodig",
        "a '{kind}' check needs '{needed}'",
    ),
    "claims.check-incomplete/hint": ("voeg 'check.{needed}:' toe", "add 'check.{needed}:'"),
    "claims.check-incomplete/count": (
        "een controle van het type 'count' heeft een 'region' nodig of een 'origin' met 'radius_km'",
        "a 'count' check needs a 'region' or an 'origin' with 'radius_km'",
    ),
    "claims.check-incomplete/count-hint": (
        "voeg 'check.region:' toe, of 'check.origin:' en 'check.radius_km:'",
        "add 'check.region:' or 'check.origin:' and 'check.radius_km:'",
    ),
    "claims.check-incomplete/origin": ("'origin' heeft 'radius_km' nodig", "'origin' needs 'radius_km'"),
    "claims.check-incomplete/expect": (
        "'expect' heeft een 'value' (met 'op') nodig of de 'sites' die de claim noemt",
        "'expect' needs a 'value' (with 'op') or the 'sites' the claim names",
    ),
    "claims.check-incomplete/expect-hint": (
        "voeg 'check.expect.value:' en 'check.expect.op:' toe",
        "add 'check.expect.value:' and 'check.expect.op:'",
    ),
    "claims.check-incomplete/specialisation": (
        "een controle van het type 'specialisation' heeft 'activities', 'role' of 'phase' nodig",
        "a 'specialisation' check needs 'activities', 'role' or 'phase'",
    ),
    "claims.check-incomplete/specialisation-hint": (
        "zeg waarin de regio gespecialiseerd is",
        "say what the region is specialised in",
    ),
    "claims.unknown-region": ("onbekende regio '{region}'", "unknown region '{region}'"),
    "claims.unknown-definition": (
        "regio '{region}' heeft geen afbakening '{definition}'",
        "region '{region}' has no definition '{definition}'",
    ),
    "claims.unknown-figure": (
        "regio '{region}' heeft geen cijfer '{figure}'",
        "region '{region}' has no figure '{figure}'",
    ),
    "claims.unknown-site": ("onbekend id van een vestiging '{site}'", "unknown site id '{site}'"),
    "claims.unknown-site/hint": (
        "gebruik een id van een vestiging uit het register",
        "use a site id from the registry",
    ),
    # --- yamlio.py: reading YAML --------------------------------------------------------------
    "yaml.encoding/utf16": (
        "het bestand is UTF-16 (of bevat NUL-bytes)",
        "file is UTF-16 (or contains NUL bytes)",
    ),
    "yaml.bom": (
        "het bestand begint met een UTF-8-bytevolgordemarkering (BOM)",
        "file starts with a UTF-8 byte-order mark",
    ),
    "yaml.bom/hint": (
        "sla het bestand op als UTF-8 zonder bytevolgordemarkering (BOM)",
        "save the file as UTF-8 without a byte-order mark",
    ),
    "yaml.encoding": ("ongeldige UTF-8-byte {byte}", "invalid UTF-8 byte {byte}"),
    "yaml.encoding/hint": (
        "sla het bestand op als UTF-8; typ het teken op deze plek opnieuw",
        "save the file as UTF-8; retype the character at this position",
    ),
    "yaml.encoding/nul": ("het bestand bevat een NUL-teken", "file contains a NUL character"),
    "yaml.encoding/nul-hint": (
        "haal het NUL-teken weg; registerbestanden zijn gewone UTF-8-tekst",
        "remove the NUL character; registry files are plain UTF-8 text",
    ),
    "yaml.merge-conflict": (
        "onopgeloste markering van een mergeconflict",
        "unresolved merge-conflict marker",
    ),
    "yaml.merge-conflict/hint": (
        "los het git-mergeconflict op en haal de regels <<<<<<< / ======= / >>>>>>> weg",
        "resolve the git merge conflict and remove the <<<<<<< / ======= / >>>>>>> lines",
    ),
    "yaml.too-long": ("waarde van {length} tekens", "value of {length} characters"),
    "yaml.too-long/hint": (
        "kort haar in tot hoogstens {limit} tekens",
        "shorten it to at most {limit} characters",
    ),
    "yaml.too-deep": ("dieper genest dan {depth} niveaus", "nesting deeper than {depth} levels"),
    "yaml.too-deep/hint": (
        "maak de structuur platter; vermeldingen in het register zijn maar een paar niveaus diep genest",
        "flatten the structure; registry entries nest only a few levels",
    ),
    "yaml.multiple-documents": (
        "het bestand bevat meer dan één YAML-document",
        "file holds more than one YAML document",
    ),
    "yaml.multiple-documents/hint": (
        "haal de tweede '---' weg en voeg de documenten samen tot één",
        "remove the second '---' and merge the documents into one",
    ),
    "yaml.alias": ("alias *{alias} is niet toegestaan", "alias *{alias} is not allowed"),
    "yaml.alias/hint": (
        "schrijf de waarde voluit; ankers en aliassen worden niet ondersteund",
        "write the value out in full; anchors and aliases are not supported",
    ),
    "yaml.anchor": ("anker &{anchor} is niet toegestaan", "anchor &{anchor} is not allowed"),
    "yaml.tag": ("expliciete tag {tag} is niet toegestaan", "explicit tag {tag} is not allowed"),
    "yaml.tag/hint": (
        "haal de tag weg; het schema van het register bepaalt het type van de waarden",
        "remove the tag; values are typed by the registry schema",
    ),
    "yaml.key-type": ("sleutel {key} is geen tekst", "mapping key {key} is not text"),
    "yaml.key-type/nested": (
        "sleutel is een lijst of mapping, geen tekst",
        "mapping key is a list or mapping, not text",
    ),
    "yaml.key-type/hint": (
        "gebruik een gewone tekst als sleutel, zoals 'name:'; zet hem tussen aanhalingstekens "
        "als hij op een getal lijkt",
        "use a plain text key such as 'name:'; quote it if it looks like a number",
    ),
    "yaml.merge-key": ("samenvoegsleutel '<<' is niet toegestaan", "merge key '<<' is not allowed"),
    "yaml.merge-key/hint": ("schrijf de samengevoegde velden voluit", "write the merged fields out in full"),
    "yaml.duplicate-key": (
        "sleutel '{key}' staat er twee keer (eerst op regel {line})",
        "duplicate key '{key}' (first at line {line})",
    ),
    "yaml.duplicate-key/hint": (
        "haal een van de twee weg; elke sleutel mag één keer per mapping voorkomen",
        "remove one of the two; each key may appear once per mapping",
    ),
    "yaml.syntax": ("YAML-syntaxfout: '{problem}'", "YAML syntax error: {problem}"),
    "yaml.syntax/other": ("YAML-fout: '{problem}'", "YAML error: {problem}"),
    "yaml.syntax/mapping-values": (
        "YAML-syntaxfout: hier mag geen 'sleutel: waarde' staan",
        "YAML syntax error: mapping values are not allowed here",
    ),
    "yaml.syntax/colon": (
        "YAML-syntaxfout: de verwachte ':' ontbreekt",
        "YAML syntax error: could not find expected ':'",
    ),
    "yaml.syntax/key": (
        "YAML-syntaxfout: de verwachte sleutel ontbreekt",
        "YAML syntax error: did not find expected key",
    ),
    "yaml.syntax/dash": (
        "YAML-syntaxfout: het verwachte lijstteken '-' ontbreekt",
        "YAML syntax error: did not find expected '-' indicator",
    ),
    "yaml.syntax/end": (
        "YAML-syntaxfout: het bestand houdt onverwacht op",
        "YAML syntax error: found unexpected end of stream",
    ),
    "yaml.syntax/alias": ("YAML-syntaxfout: onbekende alias", "YAML syntax error: found undefined alias"),
    "yaml.syntax/escape": (
        "YAML-syntaxfout: onbekend escapeteken",
        "YAML syntax error: found unknown escape character",
    ),
    "yaml.syntax/tab": (
        "YAML-syntaxfout: een tab verstoort de inspringing",
        "YAML syntax error: found a tab character that violates indentation",
    ),
    "yaml.syntax/hint": ("herstel de YAML-syntax op deze plek", "fix the YAML syntax at this position"),
    "yaml.syntax/tabs": ("spring in met spaties, niet met tabs", "indent with spaces, not tabs"),
    "text.line-break": (
        "een regel eindigt op een losse regelterugloop (CR)",
        "a line ends with a lone carriage return (CR)",
    ),
    "text.line-break/hint": (
        "laat regels eindigen op LF of CRLF; sla het bestand op met Unix- of Windows-regeleinden",
        "end lines with LF or CRLF; save the file with Unix or Windows line endings",
    ),
    "text.hidden-character": (
        "onzichtbaar teken of stuurteken {character} staat letterlijk in het bestand",
        "raw invisible or control character {character} in the file",
    ),
    "text.hidden-character/hint": (
        "het verbergt tekst voor wie het bestand nakijkt: schrijf het binnen een waarde als "
        "escape {escape} tussen dubbele aanhalingstekens ('lifeport-map fmt' doet dat), of haal het weg",
        "it hides text from reviewers: inside a value write it as the escape {escape} in double "
        "quotes ('lifeport-map fmt' does that), or remove it",
    ),
    # --- validate_regions.py: the region files ------------------------------------------------
    "region.boundary-problem": (
        "{problem} (grens van afbakening '{definition}', {file})",
        "{problem} (boundary of definition '{definition}', {file})",
    ),
    "region.unknown-definition": (
        "standaardafbakening '{definition}' is niet gedefinieerd",
        "default definition '{definition}' is not defined",
    ),
    "region.duplicate-alias": (
        "'{name}' is ook een naam van regio '{other}'",
        "'{name}' also names region '{other}'",
    ),
    "region.duplicate-alias/hint": (
        "een naam of alias van een regio moet uniek zijn",
        "a region name or alias must be unique",
    ),
    "region.duplicate-definition": (
        "id van afbakening '{id}' wordt twee keer gebruikt",
        "definition id '{id}' is used twice",
    ),
    "region.duplicate-definition/hint": (
        "geef elke afbakening een eigen id",
        "give each definition its own id",
    ),
    "region.no-municipalities": (
        "een afbakening van het type municipalities zonder gemeenten",
        "a municipalities definition without municipalities",
    ),
    "region.no-municipalities/hint": (
        "noem de gemeenten die erbij horen, met hun codes",
        "list the member municipalities with their codes",
    ),
    "region.no-radius": (
        "een afbakening van het type radius zonder radius_km",
        "a radius definition without radius_km",
    ),
    "region.no-radius/hint": ("voeg 'radius_km:' toe", "add 'radius_km:'"),
    "region.empty-definition": ("een straal van 0 km bevat geen vestiging", "a radius of 0 km holds no site"),
    "region.empty-definition/hint": (
        "geef de straal in km, bijvoorbeeld 'radius_km: 30'",
        "give the radius in km, e.g. 'radius_km: 30'",
    ),
    "region.boundary-outside": (
        "grensbestand '{file}' ligt buiten de map met regio's",
        "boundary file '{file}' is outside the regions folder",
    ),
    "region.boundary-outside/hint": (
        "sla het op met 'lifeport-map regions import-boundary'",
        "store it with 'lifeport-map regions import-boundary'",
    ),
    "region.no-boundary": ("grensbestand '{file}' niet gevonden", "boundary file '{file}' not found"),
    "region.no-boundary/hint": (
        "voer 'lifeport-map regions import-boundary' uit",
        "run 'lifeport-map regions import-boundary'",
    ),
    "region.bad-code": (
        "'{code}' is geen geldige gemeentecode voor {country}",
        "'{code}' is not a valid {country} municipality code",
    ),
    "region.bad-code/hint": (
        "gebruik GMxxxx-codes (CBS), NIS-codes van 5 cijfers of AGS-codes van 8 cijfers",
        "use GMxxxx (CBS), 5-digit NIS or 8-digit AGS codes",
    ),
    "region.duplicate-code": (
        "gemeentecode {code} staat er twee keer",
        "municipality code {code} is listed twice",
    ),
    "region.duplicate-code/hint": ("haal de herhaalde gemeente weg", "remove the repeated municipality"),
    "figure.unknown-view": (
        "indeling '{view}' is geen indeling van de taxonomie",
        "breakdown '{view}' is not a taxonomy view",
    ),
    "figure.unknown-group": (
        "onbekende groep(en) {groups} voor '{view}'",
        "unknown group(s) {groups} for '{view}'",
    ),
    "figure.unknown-group/hint": ("gebruik: {groups}", "use: {groups}"),
    "figure.no-value": ("cijfer heeft geen value en geen values", "figure has neither value nor values"),
    "figure.no-value/hint": ("voeg 'value:' toe", "add 'value:'"),
    "figure.no-source": ("cijfer heeft geen bron", "figure has no source"),
    "name.mixed-script/region": (
        "{field} mengt Latijnse letters met Griekse of Cyrillische letters die erop lijken ({characters})",
        "{field} mixes Latin letters with Greek or Cyrillic lookalikes ({characters})",
    ),
    "name.mixed-script/region-hint": ("typ de naam opnieuw in één schrift", "retype the name in one script"),
    "region.code-name-mismatch": (
        "code {code} is '{first}' in {region} ({field}), maar hier '{name}'",
        "code {code} is '{first}' in {region} ({field}), but '{name}' here",
    ),
    "region.code-name-mismatch/hint": (
        "een code hoort bij één gemeente: controleer beide met de officiële lijst (CBS, NIS of AGS) "
        "en verbeter de verkeerde",
        "a code names one municipality: check both against the official list (CBS, NIS or AGS) "
        "and correct the wrong one",
    ),
    "region.code-name-mismatch/name": (
        "'{name}' heeft hier code {code}, maar {first} in {region} ({field})",
        "'{name}' has code {code} here, but {first} in {region} ({field})",
    ),
    "region.code-name-mismatch/name-hint": (
        "een gemeente heeft één officiële code: controleer beide met de officiële lijst",
        "a municipality has one official code: check both against the official list",
    ),
    "region.overlap": (
        "gemeente {code} hoort ook bij de standaardafbakening van regio '{region}': haar "
        "vestigingen zouden in beide worden geteld",
        "municipality {code} is also in the default definition of region '{region}': its sites "
        "would be counted in both",
    ),
    "region.overlap/hint": (
        "haal haar uit een van de twee afbakeningen, of, als de regio's echt overlappen, zet "
        "'overlaps: [{first}]' in dit bestand en 'overlaps: [{second}]' in het andere",
        "remove it from one of the two definitions, or, if the regions really overlap, add "
        "'overlaps: [{first}]' to this file and 'overlaps: [{second}]' to the other",
    ),
    "region.overlap-not-found": (
        "'overlaps' noemt '{region}', maar de standaardafbakeningen hebben geen gemeente gemeen",
        "'overlaps' names '{region}', but the default definitions share no municipality",
    ),
    "region.overlap-not-found/hint": ("haal het weg uit 'overlaps'", "remove it from 'overlaps'"),
    "usage.country-unknown": (
        "'{country}' is geen landcode volgens ISO 3166-1 (geen land heeft die code)",
        "'{country}' is not an ISO 3166-1 country code (no country has it)",
    ),
    "usage.wafer-mm-unknown": ("geen wafer is {mm} mm breed", "no wafer is {mm} mm across"),
    # ---- fmt and add (issue 15: Dutch under --lang nl) ----
    # (entries of this group above the next marker)
    "fmt.not-finite": ("een getal is niet eindig", "a number is not finite"),
    "fmt.not-finite/hint": ("schrijf een gewoon getal", "write a real number"),
    "fmt.list-in-list": (
        "een lijst in een lijst kan niet worden opgemaakt",
        "a list inside a list cannot be formatted",
    ),
    "fmt.list-in-list/hint": (
        "het register kent geen lijsten van lijsten; herstel de vermelding",
        "the registry has no lists of lists; fix the entry",
    ),
    "fmt.unplaced-line": ("regel {line} kon niet worden geplaatst", "line {line} could not be placed"),
    "fmt.unplaced-line/hint": (
        "meld dit bestand; fmt laat het ongewijzigd",
        "report this file; fmt leaves it unchanged",
    ),
    "fmt.unusual-break": (
        "regel {line} bevat een ongebruikelijk regeleinde ({character})",
        "line {line} contains an unusual line break ({character})",
    ),
    "fmt.unusual-break/hint": (
        "eindig regels alleen met LF of CRLF; schrijf het teken tussen dubbele aanhalingstekens "
        "als escape, zoals \\u2028",
        "end lines with LF or CRLF only; write the character as an escape such as \\u2028 "
        "inside double quotes",
    ),
    "fmt.no-sites-list": (
        "het register heeft geen lijst 'sites:' om aan toe te voegen",
        "the registry has no 'sites:' list to add to",
    ),
    "fmt.hidden-in-comment": (
        "{path}: het commentaar op regel {line} bevat een onzichtbaar teken ({character}); "
        "er is niets geschreven",
        "{path}: the comment on line {line} holds an invisible character ({character}); nothing was written",
    ),
    "fmt.hidden-in-comment/hint": (
        "haal het met de hand uit het commentaar: in commentaar werken geen escapes",
        "remove it from the comment by hand: comments have no escapes",
    ),
    "fmt.not-same-data": (
        "{path}: het opgemaakte bestand zou bij het teruglezen niet dezelfde gegevens geven; "
        "er is niets geschreven",
        "{path}: the formatted file would not read back to the same data; nothing was written",
    ),
    "fmt.not-same-data/hint": (
        "meld dit en stuur het bestand mee; pas het intussen met de hand aan",
        "please report this with the file; meanwhile edit it by hand",
    ),
    "fmt.comment-lost": (
        "{path}: opmaken zou een commentaar kwijtraken of veranderen; er is niets geschreven",
        "{path}: formatting would lose or change a comment; nothing was written",
    ),
    "fmt.report/hint": ("meld dit en stuur het bestand mee", "please report this with the file"),
    "fmt.result-differs": (
        "{path}: het resultaat zou niet dezelfde gegevens laden; er is niets geschreven",
        "{path}: the result would not load to the same data; nothing was written",
    ),
    "fmt.canonical-already": ("{path}: staat al in de vaste vorm", "{path}: already in canonical form"),
    "fmt.formatted.one": (
        "{path}: opgemaakt (1 onderdeel gewijzigd)",
        "{path}: formatted (1 part changed)",
    ),
    "fmt.formatted": (
        "{path}: opgemaakt ({parts} onderdelen gewijzigd)",
        "{path}: formatted ({parts} parts changed)",
    ),
    "fmt.check.not-canonical": (
        "{path}: staat niet in de vaste vorm; voer 'lifeport-map fmt' uit om dat te herstellen",
        "{path}: not in canonical form; run 'lifeport-map fmt' to fix it",
    ),
    "fmt.check.out-of-order": (
        "vermeldingen die niet op volgorde van id staan: {ids}",
        "entries out of order (sorted by id): {ids}",
    ),
    "fmt.check.out-of-order/more": (
        "vermeldingen die niet op volgorde van id staan: {ids} en nog {more}",
        "entries out of order (sorted by id): {ids} and {more} more",
    ),
    "fmt.check.differs": (
        "{where}: {entry} wijkt af van de vaste vorm",
        "{where}: {entry} differs from its canonical form",
    ),
    "fmt.check.more-diff": ("... (nog {more} regels verschil)", "... ({more} more diff lines)"),
    "fmt.check.annotation": (
        "{entry} staat niet in de vaste vorm; voer 'lifeport-map fmt' uit",
        "{entry} is not in canonical form; run 'lifeport-map fmt'",
    ),
    "fmt.part.file-header": ("(kop van het bestand)", "(file header)"),
    "fmt.part.mixed-endings": ("(gemengde regeleinden)", "(mixed line endings)"),
    "fmt.diff.now": ("--- {path} (nu)", "--- {path} (now)"),
    "fmt.diff.canonical": ("+++ {path} (vaste vorm)", "+++ {path} (canonical)"),
    "fmt.diff.too-long": ("{hunk} (vermelding te lang om te tonen)", "{hunk} (entry too long to show)"),
    "add.id-taken": (
        "id '{id}' wordt al gebruikt door de vermelding op {where}",
        "id '{id}' is already used by the entry at {where}",
    ),
    "add.id-taken/hint": (
        "kies een ander id met --id; ids worden nooit hergebruikt, ook niet van gesloten vestigingen",
        "choose another id with --id; ids are never reused, even for closed sites",
    ),
    "add.same-organisation": (
        "'{organisation}' heeft al een vestiging in {municipality}: '{id}' op {where}",
        "'{organisation}' already has a site in {municipality}: '{id}' at {where}",
    ),
    "add.same-organisation/hint": (
        "pas liever die vermelding aan; is dit echt een andere vestiging van dezelfde organisatie, "
        "voer de opdracht dan opnieuw uit met '--another-site'",
        "edit that entry instead; if this really is another site of the same organisation, run "
        "the command again with '--another-site'",
    ),
    "add.changed-twice": (
        "{path} is twee keer op schijf veranderd terwijl de vermelding werd toegevoegd (een ander "
        "programma schrijft erin); er is niets geschreven",
        "{path} changed on disk twice while the entry was being added (another program is "
        "writing it); nothing was written",
    ),
    "add.changed-twice/hint": (
        "voer dezelfde 'lifeport-map add' opnieuw uit zodra het andere programma klaar is",
        "run the same 'lifeport-map add' again once the other program has finished",
    ),
    "add.not-canonical": (
        "{path} staat niet in de vaste vorm, dus de regels van de nieuwe vermelding zijn niet "
        "te onderscheiden van andere wijzigingen",
        "{path} is not in canonical form, so the new entry's lines could not be told apart "
        "from other changes",
    ),
    "add.not-canonical/hint": (
        "voer eerst 'lifeport-map fmt' uit (en leg dat apart vast)",
        "run 'lifeport-map fmt' first (and commit that separately)",
    ),
    "add.unwritten": ("{path} (nieuwe vermelding, niet geschreven)", "{path} (new entry, not written)"),
    "add.snippet-not-mapping": (
        "{path}: het bestand met antwoorden moet een mapping van antwoorden zijn",
        "{path}: the snippet must be a mapping of answers",
    ),
    "add.snippet-not-mapping/hint": ("schrijf regels 'name: ...'", "write 'name: ...' lines"),
    "add.snippet-unknown": ("{where}: onbekend antwoord '{key}'", "{where}: unknown answer '{key}'"),
    "add.snippet-unknown/hint": (
        "gebruik de namen van de opties: {keys}",
        "use the option names: {keys}",
    ),
    "add.snippet-bad": ("{where}: {key}: {problem}", "{where}: {key}: {problem}"),
    "add.snippet-bad/hint": ("verbeter het bestand met antwoorden", "correct the snippet"),
    "add.bad-option": ("--{option} ({field}): {problem}", "--{option} ({field}): {problem}"),
    "add.bad-option/hint": (
        "verbeter de optie en voer de opdracht opnieuw uit",
        "correct the option and run the command again",
    ),
    "add.missing": ("niet opgegeven: {options}", "missing {options}"),
    "add.missing/source": (
        "niet opgegeven: {options}, --source-url of --source-seed",
        "missing {options}, --source-url or --source-seed",
    ),
    "add.missing/source-only": (
        "niet opgegeven: --source-url of --source-seed",
        "missing --source-url or --source-seed",
    ),
    "add.missing/hint": (
        "geef ze als opties, of voer 'lifeport-map add' uit in een terminal om ernaar gevraagd te worden",
        "give them as options, or run 'lifeport-map add' in a terminal to be asked",
    ),
    "add.stopped": ("add afgebroken; er is niets geschreven", "add stopped; nothing was written"),
    "add.ask.name": ("Naam van de vestiging", "Name of the site"),
    "add.ask.organisation": ("Organisatie", "Organisation"),
    "add.ask.kind": (
        "Soort (bijvoorbeeld supplier, idm, fabless, research-institute)",
        "Kind (e.g. supplier, idm, fabless, research-institute)",
    ),
    "add.ask.activities": (
        "Activiteiten (gescheiden door komma's, bijvoorbeeld chip-design)",
        "Activities (comma-separated, e.g. chip-design)",
    ),
    "add.ask.country": ("Land (twee letters)", "Country (two letters)"),
    "add.ask.place": ("Plaats (stad of dorp)", "Place (town or city)"),
    "add.ask.municipality": ("Gemeente", "Municipality"),
    "add.ask.source-url": ("Webadres van de bron", "Source URL"),
    "add.ask.source-year": ("Jaar waarop de bron betrekking heeft", "Year the source refers to"),
    "add.added": ("'{id}' toegevoegd aan {where}", "added '{id}' at {where}"),
    "add.would-add": ("'{id}' zou worden toegevoegd aan {where}", "would add '{id}' at {where}"),
    "add.dry-run-where": (
        "{path} (niets geschreven; de vermelding zou op regel {line} beginnen)",
        "{path} (nothing written; the entry would start at line {line})",
    ),
    "add.coordinates-place": (
        "coördinaten: op plaatsniveau, van GeoNames '{place}' ({lat}; {lon}); vervang ze door "
        "de eigen coördinaten van de vestiging en 'precision: site' als een bron die geeft",
        "coordinates: place level, from GeoNames '{place}' ({lat}, {lon}); replace them with "
        "the site's own coordinates and 'precision: site' if a source gives them",
    ),
    "add.no-coordinates": (
        "coördinaten: de plaats staat niet in de offline plaatsnamenlijst; er zijn geen coördinaten "
        "toegevoegd",
        "coordinates: the place is not in the offline gazetteer; none were added",
    ),
    "add.regions": ("regio's (standaardafbakeningen): {regions}", "regions (default definitions): {regions}"),
    "add.no-region": ("geen van de gedefinieerde regio's", "none of the defined regions"),
    "answer.needed": ("er is een antwoord nodig", "an answer is needed"),
    "answer.invisible": (
        "het bevat onzichtbare tekens of stuurtekens ({characters}); typ het opnieuw",
        "it contains invisible or control characters ({characters}); retype it",
    ),
    "answer.not-a-year": (
        "'{given}' is geen jaartal: schrijf vier cijfers, bijvoorbeeld 2025",
        "'{given}' is not a year: write four digits, e.g. 2025",
    ),
    "answer.not-a-country": (
        "'{given}' is geen landcode volgens ISO 3166-1: bijvoorbeeld NL, BE, DE",
        "'{given}' is not an ISO 3166-1 country code: e.g. NL, BE, DE",
    ),
    "answer.not-a-kind": ("'{value}' is geen soort; {hint}", "'{value}' is not a kind; {hint}"),
    "answer.not-an-activity": (
        "'{value}' is geen activiteit; {hint}",
        "'{value}' is not an activity; {hint}",
    ),
    "answer.one-of": ("een van: {values}", "one of: {values}"),
    "answer.url": (
        "{problem}; geef een gewoon adres https://host/pad",
        "{problem}; give a plain https://host/path address",
    ),
    "answer.too-long": (
        "het is {length} tekens lang; hoogstens {limit}",
        "it is {length} characters long; at most {limit}",
    ),
    "answer.mixed-script": (
        "het mengt Latijnse letters met Griekse of Cyrillische letters die erop lijken ({characters})",
        "it mixes Latin letters with Greek or Cyrillic lookalikes ({characters})",
    ),
    "answer.not-in-gazetteer": (
        "'{given}' staat niet in de offline plaatsnamenlijst; bedoelt u '{close}'? (geef hetzelfde "
        "antwoord nog eens om het te houden)",
        "'{given}' is not in the offline gazetteer; did you mean '{close}'? (give the same answer "
        "again to keep it)",
    ),
    "git.cannot-show/unknown-revision": (
        "git kent versie '{revision}' niet; gebruik een versie zoals HEAD~1, main of een commit-id",
        "git does not know revision '{revision}'; use a revision such as HEAD~1, main or a commit id",
    ),
    "git.cannot-show/no-path": (
        "{path} bestaat niet in versie '{revision}'; kies een versie waarin het register al bestond, "
        "of schrijf de versie als VERSIE:pad/naar/companies.yaml",
        "{path} does not exist in revision '{revision}'; choose a revision in which the registry "
        "existed, or write the revision as REV:path/to/companies.yaml",
    ),
    # ---- boundary files and geojson (issue 15) ----
    # (entries of this group above the next marker)
    # geojson_io.py: reading a GeoJSON file
    "boundary.too-deep": (
        "lijsten en objecten zijn dieper genest dan {depth} niveaus",
        "lists and objects nest deeper than {depth} levels",
    ),
    "boundary.too-deep/hint": (
        "een grens is maar een paar niveaus diep genest (collectie, feature, geometrie, ringen); "
        "download het bestand opnieuw",
        "a boundary nests only a few levels (collection, feature, geometry, rings); download the file again",
    ),
    "boundary.not-json": ("geen GeoJSON-bestand ({problem})", "not a GeoJSON file ({problem})"),
    "boundary.not-json/hint": (
        "download de GeoJSON-variant van het grensbestand (GISCO: formaat 'GeoJSON', projectie 'EPSG:4326')",
        "download the GeoJSON variant of the boundary file (GISCO: format 'GeoJSON', projection 'EPSG:4326')",
    ),
    # the JSON parser's reasons: English as the parser words them, Dutch by the catalogue
    "json.expecting-value": ("hier hoort een waarde", "Expecting value"),
    "json.expecting-comma": ("hier hoort een komma", "Expecting ',' delimiter"),
    "json.expecting-colon": ("hier hoort een dubbele punt", "Expecting ':' delimiter"),
    "json.expecting-name": (
        "hier hoort een naam tussen dubbele aanhalingstekens",
        "Expecting property name enclosed in double quotes",
    ),
    "json.extra-data": ("na het einde staat nog meer", "Extra data"),
    "json.unterminated-string": (
        "een tekst zonder afsluitend aanhalingsteken",
        "Unterminated string starting at",
    ),
    "json.control-character": ("een stuurteken in een tekst", "Invalid control character at"),
    "json.bad-escape": ("een ongeldige escape met backslash", "Invalid \\escape"),
    "json.bad-unicode-escape": ("een ongeldige escape \\uXXXX", "Invalid \\uXXXX escape"),
    "json.trailing-comma-object": (
        "een komma vlak voor het einde van een object",
        "Illegal trailing comma before end of object",
    ),
    "json.trailing-comma-array": (
        "een komma vlak voor het einde van een lijst",
        "Illegal trailing comma before end of array",
    ),
    "json.other": ("JSON-fout '{problem}'", "{problem}"),
    "boundary.not-finite": (
        "het getal {value} valt buiten het bereik",
        "the number {value} is out of range",
    ),
    "boundary.not-finite/constant": ("{value} is geen getal", "{value} is not a number"),
    "boundary.not-finite/value": ("de waarde {value} is geen getal", "the value {value} is not a number"),
    "boundary.not-finite/hint": (
        "coördinaten moeten eindige getallen zijn; NaN en Infinity zijn geen JSON",
        "coordinates must be finite numbers; NaN and Infinity are not JSON",
    ),
    "boundary.too-large/hint": (
        "gebruik een eenvoudiger bestand: GISCO publiceert elke laag op de schalen 1:1, 3, 10, 20 "
        "en 60 miljoen, en het bestand van één regio is veel kleiner dan de hele laag",
        "use a simpler file: GISCO publishes each layer at the scales 1:1, 3, 10, 20 and 60 million, "
        "and the file of one region is far smaller than the whole layer",
    ),
    "boundary.not-utf8": (
        "geen UTF-8-tekst (ongeldige byte op positie {offset})",
        "not UTF-8 text (invalid byte at offset {offset})",
    ),
    # boundary_check.py: a boundary file as a region's outline
    "boundary.not-geojson": (
        "geen GeoJSON-bestand met een FeatureCollection, Feature of polygoon",
        "not a GeoJSON FeatureCollection, Feature or polygon",
    ),
    "boundary.not-geojson/hint": (
        'geef een GeoJSON-bestand met bovenaan "type": "FeatureCollection"',
        'give a GeoJSON file whose top level has "type": "FeatureCollection"',
    ),
    "boundary.not-geojson/features": ("'features' is geen lijst", "'features' is not a list"),
    "boundary.not-geojson/feature": (
        "een feature moet een object met een 'geometry' zijn",
        "a feature must be an object with a 'geometry'",
    ),
    "boundary.not-geojson/feature-hint": (
        'elk item van "features" is {{"type": "Feature", "geometry": {{...}}}}',
        'each item of "features" is {{"type": "Feature", "geometry": {{...}}}}',
    ),
    "boundary.check-the-file": ("controleer het bestand", "check the file"),
    "boundary.not-wgs84": (
        "de coördinaten zijn in {crs}, niet in WGS84-lengte en -breedte",
        "coordinates are in {crs}, not WGS84 longitude/latitude",
    ),
    "boundary.not-wgs84/hint": (
        "download het bestand in EPSG:4326 (GISCO biedt 4326, 3035 en 3857; kies 4326) of projecteer "
        "het eerst om",
        "download the file in EPSG:4326 (GISCO offers 4326, 3035 and 3857; choose 4326) or reproject "
        "it first",
    ),
    "boundary.empty": ("het bestand bevat geen geometrie", "the file holds no geometry"),
    "boundary.empty/hint": (
        "download de grens van de regio zelf, geen lege laag",
        "download the boundary of the region itself, not an empty layer",
    ),
    "boundary.empty/polygons": ("de polygonen zijn leeg", "the polygons are empty"),
    "boundary.not-polygon": ("polygonen verwacht, {kind} gevonden", "expected polygons, found {kind}"),
    "boundary.not-polygon/not-an-object": ("geen object", "not an object"),
    "boundary.not-polygon/hint": (
        "de grens van een regio moet een laag van Polygon of MultiPolygon zijn",
        "a region boundary must be a Polygon or MultiPolygon layer",
    ),
    "boundary.malformed": ("een polygoon is misvormd ('{problem}')", "a polygon is malformed ({problem})"),
    "boundary.malformed/hint": (
        "controleer de geldigheid van het bestand in een GIS zoals QGIS",
        "check the file in a GIS (QGIS: Vector > Check validity)",
    ),
    "boundary.malformed/rings": (
        "een polygoon moet een niet-lege lijst van ringen zijn",
        "a polygon must be a non-empty list of rings",
    ),
    "boundary.malformed/ring": (
        "een ring moet een lijst van minstens vier posities zijn",
        "a ring must be a list of at least four positions",
    ),
    "boundary.malformed/position": (
        "een positie moet [lengte, breedte] zijn",
        "a position must be [longitude, latitude]",
    ),
    "boundary.malformed/numbers": ("een positie moet getallen bevatten", "a position must hold numbers"),
    "boundary.malformed/range": (
        "[{lon}, {lat}] is geen lengte en breedte",
        "[{lon}, {lat}] is not longitude/latitude",
    ),
    "boundary.malformed/range-hint": (
        "download het bestand in EPSG:4326 of projecteer het eerst om",
        "download the file in EPSG:4326 or reproject it first",
    ),
    "boundary.malformed/not-closed": (
        "een ring moet eindigen waar hij begint (de laatste positie herhaalt de eerste)",
        "a ring must end where it starts (its last position repeats the first)",
    ),
    "boundary.malformed/shape-hint": (
        "GeoJSON-polygonen zijn lijsten van ringen, elk een lijst van posities [lengte, breedte]",
        "GeoJSON polygons are lists of rings, each a list of [longitude, latitude] positions",
    ),
    "boundary.invalid-polygon": (
        "polygoon {n} is niet geldig: {problem}",
        "polygon {n} is not valid: {problem}",
    ),
    "boundary.invalid-polygon/hint": (
        "herstel de polygoon in een GIS (zoals QGIS); lifeport-map herstelt hem niet, want een "
        "reparatie kan de oppervlakte veranderen",
        "fix the polygon in a GIS (QGIS: Vector > Geometry Tools > Check Validity); "
        "lifeport-map does not repair it, since a repair can change the area",
    ),
    # why GEOS finds a polygon invalid: English as GEOS words it, {at} the point it names
    "geos.self-intersection": ("zelfdoorsnijding{at}", "Self-intersection{at}"),
    "geos.ring-self-intersection": ("een ring snijdt zichzelf{at}", "Ring Self-intersection{at}"),
    "geos.hole-outside-shell": ("een gat ligt buiten de buitenrand{at}", "Hole lies outside shell{at}"),
    "geos.nested-holes": ("gaten liggen in elkaar{at}", "Holes are nested{at}"),
    "geos.disconnected-interior": (
        "het binnengebied hangt niet aaneen{at}",
        "Interior is disconnected{at}",
    ),
    "geos.nested-shells": ("buitenranden liggen in elkaar{at}", "Nested shells{at}"),
    "geos.duplicate-rings": ("dubbele ringen{at}", "Duplicate Rings{at}"),
    "geos.too-few-points": (
        "te weinig verschillende punten in een deel van de geometrie{at}",
        "Too few distinct points in geometry component{at}",
    ),
    "geos.invalid-coordinate": ("ongeldige coördinaat{at}", "Invalid Coordinate{at}"),
    "geos.ring-not-closed": ("een ring is niet gesloten{at}", "Ring is not closed{at}"),
    "geos.repeated-point": ("herhaald punt{at}", "Repeated Point{at}"),
    "geos.other": ("'{problem}'", "{problem}"),
    "geos.at": (" bij {point}", "{point}"),
    "boundary.too-large/reach": (
        "de polygoon reikt tot {km} km van het centrum van {region} ({place}); de grens van een "
        "regio reikt hoogstens {limit} km ver",
        "the polygon reaches {km} km from {region}'s centre ({place}); a region's boundary reaches "
        "at most {limit} km",
    ),
    "boundary.too-large/reach-hint": (
        "controleer of het bestand de grens van deze regio is, niet van een land of werelddeel",
        "check that the file is the boundary of this region, not of a country or a continent",
    ),
    "boundary.swapped": (
        "breedte en lengte zijn verwisseld (de polygoon ligt {km} km van het centrum van {region}, "
        "{place}; terugverwisseld ligt hij daar)",
        "latitude and longitude are swapped (the polygon lies {km} km from {region}'s centre, "
        "{place}; swapped back it lies there)",
    ),
    "boundary.swapped/hint": (
        "GeoJSON geeft [lengte, breedte]; exporteer het bestand opnieuw in EPSG:4326 in die volgorde",
        "GeoJSON gives [longitude, latitude]; export the file again in EPSG:4326 with that order",
    ),
    "boundary.elsewhere": (
        "de polygoon ligt {km} km van het centrum van {region} ({place}); de grens van de regio "
        "moet tot binnen {limit} km ervan komen",
        "the polygon lies {km} km from {region}'s centre ({place}); a boundary of the region must "
        "reach within {limit} km of it",
    ),
    "boundary.elsewhere/hint": (
        "controleer of het bestand de grens van deze regio is (niet van een andere) en in EPSG:4326",
        "check that the file is the boundary of this region (not of another one) and in EPSG:4326",
    ),
    # boundaries.py: regions import-boundary
    "boundary.bad-region-id": ("regio-id '{id}' is geen id", "region id '{id}' is not an id"),
    "boundary.bad-region-id/hint": (
        "geef het id van de regio (kleine letters, cijfers en koppeltekens), bijvoorbeeld nijmegen",
        "give the region's id (lower-case letters, digits and hyphens), e.g. nijmegen",
    ),
    "boundary.no-region-file": ("regiobestand {file} bestaat niet", "no region file {file}"),
    "boundary.bad-definition-id": (
        "id van afbakening '{id}' is geen geldig id",
        "definition id '{id}' is not a slug",
    ),
    "boundary.bad-definition-id/hint": (
        "gebruik kleine letters, cijfers en koppeltekens, bijvoorbeeld nuts3-nl226",
        "use lower-case letters, digits and hyphens, e.g. nuts3-nl226",
    ),
    "boundary.no-definitions": (
        "{file}: het regiobestand heeft geen lijst 'definitions:'",
        "{file}: the region file has no 'definitions:' list",
    ),
    "boundary.no-definitions/hint": (
        "voeg eerst de afbakeningen van de regio toe",
        "add the region's definitions first",
    ),
    "boundary.replaces-municipalities": (
        "afbakening '{definition}' van regio '{region}' is een lijst van gemeenten; een "
        "geïmporteerde grens vervangt die nooit",
        "definition '{definition}' of region '{region}' is a list of municipalities; an imported "
        "boundary never replaces one",
    ),
    "boundary.replaces-municipalities/hint": (
        "importeer de grens onder een ander id, bijvoorbeeld --definition {suggestion}",
        "import the boundary under another id, e.g. --definition {suggestion}",
    ),
    "boundary.definition-exists": (
        "regio '{region}' heeft al een afbakening '{definition}' (type {kind}); er is niets veranderd",
        "region '{region}' already has a definition '{definition}' (type {kind}); nothing was changed",
    ),
    "boundary.definition-exists/hint": (
        "geef --replace om haar te vervangen, of kies met --definition een ander id",
        "pass --replace to replace it, or choose another --definition id",
    ),
    "boundary.file-in-use": (
        "{file} is de grens van afbakening '{definition}'; er is niets veranderd",
        "{file} is the boundary of definition '{definition}'; nothing was changed",
    ),
    "boundary.file-in-use/hint": ("kies met --definition een ander id", "choose another --definition id"),
    "boundary.file-exists": (
        "{file} bestaat al; er is niets veranderd",
        "{file} already exists; nothing was changed",
    ),
    "boundary.would-break": (
        "{file}: de afbakening toevoegen zou het bestand ongeldig maken ({problem})",
        "{file}: adding the boundary definition would break the file ({problem})",
    ),
    "boundary.would-break/unreadable": (
        "de regio kon niet worden teruggelezen",
        "the region could not be read back",
    ),
    "boundary.would-break/hint": (
        "herstel het regiobestand met de hand en importeer daarna opnieuw",
        "fix the region file by hand, then import again",
    ),
    "boundary.not-added": (
        "{file}: de afbakening kon niet worden toegevoegd zonder andere delen van het bestand te "
        "veranderen; er is niets veranderd",
        "{file}: the boundary definition could not be added without changing other parts of the "
        "file; nothing was changed",
    ),
    "boundary.not-added/hint": (
        "voeg de afbakening met de hand toe (zie de README, 'Maps and briefs') en voer daarna validate uit",
        "add the definition by hand (see README, 'Maps and briefs'), then run validate",
    ),
    "boundary.stored": (
        "{file} opgeslagen; afbakening '{definition}' in {region_file}",
        "stored {file}; definition '{definition}' in {region_file}",
    ),
    # geo.py: a stored boundary that cannot be used
    "boundary.outside-regions": (
        "het grensbestand moet in de map met regio's liggen",
        "the boundary file must lie inside the regions folder",
    ),
    "boundary.unreadable-geometry": (
        "de geometrie kan niet worden gelezen ('{problem}')",
        "{problem}",
    ),
    # fileio.py: what an interrupted run left, cleaned up by the next writer
    "io.note/removed": (
        "{path} verwijderd; een afgebroken opdracht had het achtergelaten",
        "removed {path}, left by an interrupted run",
    ),
    "io.note/completed": (
        "het schrijven van {files} dat een afgebroken opdracht was begonnen, is afgemaakt (met {copy})",
        "completed the write of {files} that an interrupted run had begun (from {copy})",
    ),
    "io.reason/exists": ("bestaat al", "file exists"),
    # the option (or argument) that named a missing file, in its hint
    "io.not-found/folder-hint": (
        "controleer het pad, of geef met {option} de map op waarin het staat",
        "check the path, or name the folder that holds it with {option}",
    ),
    "io.not-found/argument-hint": (
        "controleer het pad dat als {argument} is opgegeven",
        "check the path given as {argument}",
    ),
    "io.not-found/path-hint": ("controleer het pad", "check the path"),
    "output.no-folder/option-hint": (
        "maak eerst de map, of kies met {option} een ander uitvoerpad",
        "create the folder first or choose another output path with {option}",
    ),
    # ---- the analyses' usage errors (issue 15) ----
    # (entries of this group above the next marker)
    "usage.unknown-site": ("onbekend id van een vestiging '{site}'", "unknown site id '{site}'"),
    "usage.unknown-site/hint": (
        "gebruik een id van een vestiging uit het register, bijvoorbeeld uit "
        "'lifeport-map export --format csv'",
        "use a site id from the registry, e.g. from 'lifeport-map export --format csv'",
    ),
    "usage.unknown-organisation": (
        "geen vestiging van organisatie '{organisation}'",
        "no site of organisation '{organisation}'",
    ),
    "usage.unknown-organisation/close": (
        "bedoelt u: {names}? (de hele naam)",
        "did you mean: {names}? (the whole name)",
    ),
    "usage.unknown-organisation/hint": (
        "geef de hele naam van een organisatie, zoals 'lifeport-map export' die noemt",
        "give an organisation's whole name, as 'lifeport-map export' lists it",
    ),
    "usage.unknown-activity": ("onbekende activiteit '{value}'", "unknown activity '{value}'"),
    "usage.unknown-kind": ("onbekende soort '{value}'", "unknown kind '{value}'"),
    "usage.unknown-technology": ("onbekende technologie '{value}'", "unknown technology '{value}'"),
    "usage.unknown-facility-type": (
        "onbekende soort faciliteit '{value}'",
        "unknown facility type '{value}'",
    ),
    "usage.unknown-status": ("onbekende status '{value}'", "unknown status '{value}'"),
    "usage.unknown-phase": ("onbekende fase '{value}'", "unknown phase '{value}'"),
    "usage.unknown-role": ("onbekende rol '{value}'", "unknown role '{value}'"),
    "usage.country": (
        "'{country}' is geen landcode van twee letters",
        "'{country}' is not a two-letter country code",
    ),
    "usage.country/hint": ("bijvoorbeeld --country NL --country BE", "e.g. --country NL --country BE"),
    "usage.wafer-mm": (
        "de waferdiameter moet een positief aantal mm zijn, niet {mm}",
        "wafer size must be a positive number of mm, not {mm}",
    ),
    "usage.wafer-mm/hint": ("bijvoorbeeld --wafer-mm 200", "e.g. --wafer-mm 200"),
    "usage.radius": (
        "de straal moet een positief aantal km zijn, niet {km}",
        "radius must be a positive number of km, not {km}",
    ),
    "usage.radius/hint": ("bijvoorbeeld --radius-km {km}", "e.g. --radius-km {km}"),
    "usage.limit": (
        "het aantal kandidaten moet van 1 tot en met {most} zijn, niet {limit}",
        "the number of candidates must be from 1 to {most}, not {limit}",
    ),
    "usage.limit/hint": ("bijvoorbeeld --limit 5", "e.g. --limit 5"),
    "usage.year": ("jaar {year} valt buiten het bereik", "year {year} is out of range"),
    "usage.year/hint": (
        "geef een jaar van 1900 tot en met 2100, bijvoorbeeld --year 2030",
        "give a year between 1900 and 2100, e.g. --year 2030",
    ),
    "usage.definitions": (
        "geef één afbakening voor alle regio's, of paren REGIO=AFBAKENING",
        "give one definition for all regions, or REGION=DEFINITION pairs",
    ),
    "usage.definitions/hint": (
        "bijvoorbeeld --definition radius-25km, of --definition nijmegen=gmr-18",
        "e.g. --definition radius-25km, or --definition nijmegen=gmr-18",
    ),
    "usage.region-twice": ("een regio wordt twee keer genoemd", "a region is named twice"),
    "usage.region-twice/hint": ("noem elke regio één keer", "name each region once"),
    "usage.no-regions": ("geen regio's om te vergelijken", "no regions to compare"),
    "usage.no-regions/hint": ("noem twee of meer regio's", "name two or more regions"),
    "usage.latlon": (
        "'{query}' is geen geldig paar breedtegraad,lengtegraad",
        "'{query}' is not a valid latitude,longitude pair",
    ),
    "usage.latlon/hint": (
        "geef decimale graden, de breedtegraad eerst, bijvoorbeeld 51.84,5.85",
        "give decimal degrees, latitude first, e.g. 51.84,5.85",
    ),
    "usage.no-coordinates": ("vestiging '{site}' heeft geen coördinaten", "site '{site}' has no coordinates"),
    "usage.no-coordinates/hint": (
        "gebruik in plaats daarvan de plaatsnaam, bijvoorbeeld '{place}'",
        "use its place name instead, e.g. '{place}'",
    ),
    "usage.unknown-origin": (
        "'{query}' is geen coördinatenpaar, geen id van een vestiging en geen bekende plaats",
        "'{query}' is neither coordinates, a site id nor a known place",
    ),
    "usage.unknown-origin/hint": (
        "geef een plaatsnaam (bijvoorbeeld Nijmegen), een id van een vestiging of coördinaten "
        "zoals 51.84,5.85",
        "give a place name (e.g. Nijmegen), a site id, or coordinates such as 51.84,5.85",
    ),
    "usage.nothing-removed": (
        "noem minstens één vestiging om weg te laten",
        "name at least one site to remove",
    ),
    "usage.nothing-removed/hint": ("bijvoorbeeld --without nxp-nijmegen", "e.g. --without nxp-nijmegen"),
    "usage.unknown-counting": ("onbekende telling '{name}'", "unknown counting definition '{name}'"),
    "usage.unknown-counting/hint": (
        "gebruik een van: {presets}, of rollen gescheiden door komma's uit: {roles}",
        "use one of: {presets}, or roles separated by commas from: {roles}",
    ),
    "usage.unknown-claim": ("onbekend claim-id '{claim}'", "unknown claim id '{claim}'"),
    "usage.unknown-tiles": ("onbekende achtergrondkaart '{tiles}'", "unknown tiles '{tiles}'"),
    "usage.unknown-figure-format": (
        "onbekend formaat voor een figuur '{format}'",
        "unknown figure format '{format}'",
    ),
    "usage.unknown-export-format": ("onbekend exportformaat '{format}'", "unknown export format '{format}'"),
    "usage.format-contradicts-name": (
        "--format {format} past niet bij de naam van het uitvoerbestand {name}",
        "--format {format} contradicts the output file name {name}",
    ),
    "usage.format-contradicts-name/hint": (
        "noem het bestand *.{format}, of laat --format weg om {named} te schrijven",
        "name the file *.{format}, or leave out --format to write {named}",
    ),
    "output.brief-into-file": (
        "kan de brief niet in {folder} schrijven: dat is geen map",
        "cannot write the brief into {folder}: not a folder",
    ),
    "output.brief-folder-taken": (
        "kan de brief niet in {folder} schrijven: {name} is een map",
        "cannot write the brief into {folder}: {name} is a folder",
    ),
    "export.csv-metadata-note": (
        "let op: de licentie en de naamsvermelding van de CSV (CC BY 4.0: lifeport-map "
        "contributors, GeoNames) komen er alleen met --output naast te staan (BESTAND.csv-metadata.json)",
        "note: the CSV's licence and attribution (CC BY 4.0: lifeport-map contributors, GeoNames) "
        "are written beside it only with --output (FILE.csv-metadata.json)",
    ),
    # ---- the analyses' semantic checks (issue 17) ----
    # ---- hardening, fourth round (issue 17) ----
    "claims.rank-position": (
        "plaats {position} kan niet: er worden {count} regio's vergeleken",
        "position {position} cannot be: {count} regions are compared",
    ),
    "claims.rank-position/hint": (
        "geef een plaats van 1 tot {count}, of noem meer regio's in 'check.regions'",
        "give a position from 1 to {count}, or name more regions in 'check.regions'",
    ),
    "boundary.key-twice": (
        "de sleutel '{key}' staat twee keer in dit object; JSON houdt de laatste, "
        "wie het bestand leest ziet de eerste",
        "the key '{key}' is given twice in this object; JSON keeps the last, "
        "a reader of the file sees the first",
    ),
    "boundary.key-twice/hint": (
        "laat één van de twee weg, of exporteer het bestand opnieuw",
        "remove one of the two, or export the file again",
    ),
    # ---- hardening leftovers (issue 17) ----
    "env.max-bytes": (
        "LIFEPORT_MAX_BYTES is '{value}': dat is geen grens die lifeport-map kan gebruiken",
        "LIFEPORT_MAX_BYTES is '{value}': not a limit lifeport-map can use",
    ),
    "env.max-bytes/hint": (
        "geef een geheel aantal bytes van 1 tot 16 GiB, eventueel met een eenheid: 67108864, 64MiB, "
        "100MB (kB, MB, GB zijn machten van 1000; KiB, MiB, GiB van 1024); leeg of niet gezet geeft "
        "de standaardgrens van 64 MiB",
        "give a whole number of bytes from 1 to 16 GiB, optionally with a unit: 67108864, 64MiB, "
        "100MB (kB, MB, GB are powers of 1000; KiB, MiB, GiB of 1024); empty or unset gives the "
        "default limit of 64 MiB",
    ),
    "usage.output-suffix": (
        "aan de naam {name} is niet te zien in welk formaat het bestand geschreven moet worden",
        "cannot tell from the name {name} which format to write",
    ),
    "usage.output-suffix/hint": (
        "laat de naam eindigen op een van {suffixes}, of noem het formaat met --format",
        "end the name in one of {suffixes}, or name the format with --format",
    ),
    "fmt.part.bom": ("(bytevolgordemarkering aan het begin)", "(byte order mark at the start)"),
    "io.bytes": ("{n} bytes", "{n} bytes"),
    "io.bytes/one": ("1 byte", "1 byte"),
    "text.one-line": (
        "'{path}' bevat een regeleinde of tab, maar is een veld van één regel",
        "'{path}' contains a line break or tab, but is a one-line field",
    ),
    "text.one-line/hint": (
        "schrijf het op één regel, met spaties in plaats van regeleinden en tabs; een langere "
        "toelichting hoort in 'note' of 'notes'",
        "write it on one line, with spaces instead of line breaks and tabs; a longer explanation "
        "belongs in 'note' or 'notes'",
    ),
    "yaml.syntax/sequence-entry": (
        "YAML-syntaxfout: hier mag geen lijstitem ('- ') beginnen",
        "YAML syntax error: block sequence entries are not allowed here",
    ),
    "yaml.syntax/token-start": (
        "YAML-syntaxfout: dit teken mag een waarde niet beginnen (zoals @ of `); zet de waarde "
        "tussen aanhalingstekens",
        "YAML syntax error: found a character that cannot start a value (such as @ or `); quote the value",
    ),
    "env.source-date-epoch": (
        "SOURCE_DATE_EPOCH is '{value}': dat is geen tijdstip dat lifeport-map kan gebruiken",
        "SOURCE_DATE_EPOCH is '{value}': not a moment lifeport-map can use",
    ),
    "env.source-date-epoch/hint": (
        "geef een geheel aantal seconden sinds 1970-01-01 00:00 UTC, zoals 'date +%s' of "
        "'git log -1 --format=%ct' het geeft (tot het jaar 9999), of laat de variabele leeg voor "
        "de datum van vandaag",
        "give a whole number of seconds since 1970-01-01 00:00 UTC, as 'date +%s' or "
        "'git log -1 --format=%ct' prints it (up to the year 9999), or leave it empty for today's "
        "date",
    ),
    # ---- Dutch read-through (issue 15) ----
    # ---- speed (issue 13) ----
    # ---- hardening, fifth round (issue 17) ----
    # the vocabularies of the claims file, named in words (schema.unknown-value)
    "vocabulary.check-type": ("soort controle", "check type"),
    "vocabulary.expect-op": ("vergelijking", "comparison"),
    "vocabulary.claim-metric": ("maatstaf", "metric"),
    "vocabulary.claim-unit": ("eenheid van telling", "unit of counting"),
    "vocabulary.role": ("rol", "role"),
    "location.campus-not-campus/kind": (
        "'{campus}' is van de soort {kind}, geen campus",
        "'{campus}' is of the kind {kind}, not a campus",
    ),
    "relation.cycle/words": (
        "relaties 'onderdeel van' vormen een kring: {cycle}",
        "'part of' relations form a cycle: {cycle}",
    ),
    "facility.node/zero": ("de kleinste node is 0 nm", "the smallest node is 0 nm"),
    "output.is-input": ("--output {path} zou {what} overschrijven", "--output {path} would overwrite {what}"),
    "output.is-input/registry": ("het register", "the registry"),
    "output.is-input/claims": ("het claimsbestand", "the claims file"),
    "output.in-regions": (
        "--output {path} ligt in de map met regiobestanden {folder}, die lifeport-map leest",
        "--output {path} lies in the folder of region files {folder}, which lifeport-map reads",
    ),
    "output.is-input/hint": (
        "kies een uitvoerpad buiten de gegevens die lifeport-map leest",
        "choose an output path outside the data lifeport-map reads",
    ),
    "output.stdout": (
        "kan niet naar de standaarduitvoer schrijven: {reason}",
        "cannot write to standard output: {reason}",
    ),
    "output.stdout/hint": (
        "maak ruimte vrij, of schrijf naar een bestand met --output",
        "free some space, or write to a file with --output",
    ),
    # ---- maps polish (issue 14) ----
    # ---- speed, cold reads (issues 13 and 14) ----
    # ---- maps, third round (issue 14) ----
    # ---- speed, cold map (issue 14) ----
    # ---- speed, large registries (issue 13) ----
    # ---- maps, fourth round (issue 14) ----
    # ---- speed, tenth session (issue 13) ----
    # ---- errors, tenth session ----
    "location.unknown-municipality/place-official": (
        "{country}: een plaats, maar niet op de officiële lijst van {official} en niet op de lijst "
        "van een regiobestand; hoort de plaats sinds een fusie bij een gemeente met een andere naam?",
        "{country}: a place, but not on the official {official} list nor a region file's list; has "
        "it belonged to a municipality of another name since a merger?",
    ),
    "output.read-only": (
        "{path} is alleen-lezen; er is niets veranderd",
        "{path} is read-only; nothing was changed",
    ),
    "output.read-only/hint": (
        "maak het bestand schrijfbaar (chmod u+w) als het vervangen mag worden, of kies een ander uitvoerpad",
        "make the file writable (chmod u+w) if it may be replaced, or choose another output path",
    ),
    # ---- maps, fifth round (issue 14): entries directly below this line ----
    # ---- new-user walk-through, eleventh session: entries directly below this line ----
    "add.ask.source-title": (
        "Titel van de bron (leeg laten om over te slaan)",
        "Title of the source (leave empty to skip)",
    ),
    "add.ask.source-publisher": (
        "Uitgever van de bron (leeg laten om over te slaan)",
        "Publisher of the source (leave empty to skip)",
    ),
    "did-you-mean/or-one-of": (
        "bedoelt u '{name}'? Of gebruik een van: {values}",
        "did you mean '{name}'? Or use one of: {values}",
    ),
    "schema.unknown-value/joined-items": (
        "dit zijn de lijstitems {items} op één regel gelezen: laat elk item met '- ' op dezelfde "
        "kolom beginnen",
        "these are the list items {items} read as one: start each item with '- ' at the same column",
    ),
    "yaml.syntax/colon-in-value-hint": (
        "een waarde met ': ' erin hoort tussen aanhalingstekens, bijvoorbeeld name: \"Acme: Nijmegen\"",
        "a value with ': ' in it needs quotes, e.g. name: \"Acme: Nijmegen\"",
    ),
    "yaml.syntax/indented-deeper-hint": (
        "deze regel springt verder in dan de regel erboven en leest daardoor als het vervolg van "
        "diens waarde: spring hem even ver in als die regel",
        "this line is indented deeper than the one above it, so it reads as the rest of that "
        "line's value: indent it as far as that line",
    ),
    "error.registry-unreadable": (
        "het register kan niet worden gelezen: {summary}",
        "the registry cannot be read: {summary}",
    ),
    "error.claims-unreadable": (
        "het claimsbestand kan niet worden gelezen: {summary}",
        "the claims file cannot be read: {summary}",
    ),
    "cli.not-a-boolean": (
        "{value} is geen ja/nee-waarde (geldig: {choices}).",
        "{value} is not a valid boolean. Recognized values: {choices}",
    ),
    "cli.from-env-var": ("{name} (omgevingsvariabele {variable})", "{name} (env var: {variable})"),
    "region.centre-far": (
        "het middelpunt ({lat}, {lon}) ligt {km} km van {place} ({place_lat}, {place_lon}), de plaats "
        "die het middelpunt noemt",
        "the centre ({lat}, {lon}) is {km} km from {place} ({place_lat}, {place_lon}), the place "
        "centre.place names",
    ),
    "region.centre-far/hint": (
        "verbeter de breedte en lengte van het middelpunt, of zijn plaats: afstanden (gaps, near) en "
        "een straalafbakening rekenen vanaf dit punt; {place} ligt op {place_lat}, {place_lon}",
        "correct centre.lat/centre.lon or centre.place: distances (gaps, near) and a radius "
        "definition are measured from this point; {place} is at {place_lat}, {place_lon}",
    ),
    "region.nuts3-not-shipped": (
        "NUTS-3-code '{code}' heeft geen meegeleverde grens (data/boundaries/nuts3.geojson): kaarten "
        "tekenen deze afbakening zonder haar",
        "NUTS-3 code '{code}' has no shipped boundary (data/boundaries/nuts3.geojson): maps draw "
        "this definition without it",
    ),
    "region.nuts3-not-shipped/hint": (
        "controleer de code (NUTS 2024); voor een gebied zonder meegeleverde grens: importeer zijn "
        "grens met 'lifeport-map regions import-boundary'",
        "check the code (NUTS 2024); for an area without a shipped boundary, import its boundary "
        "with 'lifeport-map regions import-boundary'",
    ),
    "yaml.syntax/unclosed-quote": (
        "YAML-syntaxfout: de waarde tussen aanhalingstekens die hier begint, wordt niet gesloten",
        "YAML syntax error: the quoted value that starts here is never closed",
    ),
    "yaml.syntax/runaway-quote": (
        "YAML-syntaxfout: de waarde tussen aanhalingstekens die hier begint, loopt door tot regel "
        "{line}; ontbreekt haar sluitende aanhalingsteken?",
        "YAML syntax error: the quoted value that starts here runs on to line {line}; is its closing "
        "quote missing?",
    ),
    "yaml.syntax/unclosed-quote-hint": (
        "sluit de waarde op deze regel af met hetzelfde aanhalingsteken ({quote})",
        "end the value on this line with the same quote ({quote})",
    ),
    "schema.type/year-hint": (
        "schrijf het jaar als getal van vier cijfers, zonder aanhalingstekens, bijvoorbeeld 2024",
        "write the year as a four-digit number without quotes, e.g. 2024",
    ),
    "schema.type/int-hint": (
        "schrijf een geheel getal zoals 1200, zonder aanhalingstekens, eenheden of scheidingsteken "
        "voor duizendtallen",
        "write a whole number such as 1200, without quotes, units or a thousands separator",
    ),
    "schema.type/whole-thousands-hint": (
        "haal de decimalen weg; staat de punt voor duizendtallen (zoals in 1.200), schrijf het getal "
        "dan zonder punt: {whole} (YAML leest een punt als decimaalteken)",
        "remove the decimals; if the point separates thousands (as in 1.200), write the number "
        "without it: {whole} (YAML reads a point as the decimal point)",
    ),
    # ---- output safety, eleventh session: entries directly below this line ----
    # ---- lead, eleventh session: entries directly below this line ----
    "region.code-not-official": (
        "code {code} ('{name}') staat niet op de officiële lijst van {official}",
        "code {code} ('{name}') is not on the official {official} list",
    ),
    "region.code-not-official/hint": (
        "zoek de code van de gemeente op in de lijst van {official} (data/README.md zegt welke); "
        "is de gemeente gefuseerd, neem dan de nieuwe gemeente op; zet 'code_unverified: true' "
        "als de code nog niet te controleren is",
        "look the municipality's code up on the {official} list (data/README.md says which); if "
        "it has merged, list the new municipality; set 'code_unverified: true' while the code "
        "cannot be checked yet",
    ),
    "region.code-not-official/name": (
        "code {code} is '{found}' op de officiële lijst van {official}, niet '{name}'",
        "code {code} is '{found}' on the official {official} list, not '{name}'",
    ),
    "region.code-not-official/name-hint": (
        "schrijf de officiële naam '{found}' (een andere spelling onder 'aliases:'), of de code "
        "van '{name}' als die bedoeld is",
        "write the official name '{found}' (another spelling under 'aliases:'), or the code of "
        "'{name}' if that is the one meant",
    ),
    "api.unknown-lang": ("onbekende taal '{lang}'", "unknown language '{lang}'"),
    "api.year-not-a-number": (
        "het jaar moet een geheel getal zijn, niet {value} ({what})",
        "the year must be a whole number, not {value} ({what})",
    ),
    "api.not-a-source": (
        "verwacht een register ({load}) of de graaf ervan ({build}), geen {what}",
        "expected a registry ({load}) or its graph ({build}), not {what}",
    ),
    "api.not-a-source/hint": ("lees het register eerst in met {load}", "read the registry first with {load}"),
    "api.not-a-registry": (
        "verwacht een register ({load}), geen {what}",
        "expected a registry ({load}), not {what}",
    ),
    "api.not-a-registry/hint": (
        "kaarten en exports lezen het register zelf: geef het register waaruit de graaf is gebouwd",
        "maps and exports read the registry itself: pass the registry the graph was built from",
    ),
    # (entries of the last group above the closing brace)
}
