"""The command line's help (``--help``, ``-h``) in Dutch.

The commands are written with English help texts (docs/cli.md is generated from them). Under
``--lang nl``, the default, ``in_dutch`` turns a command tree's texts Dutch before click lays the
help out: each paragraph of a command's description and each option's and argument's help is
looked up in ``HELP`` (keyed by the English paragraph, whitespace collapsed); "Example:" lines
keep their command; the metavars are named in Dutch (the arguments as the label table names
them, so the hints of fileio name them alike); and click's own words (Usage, Options, the
bracketed default, environment variable and required notes, the help option's text) are said
by ``DutchFormatter``. tests/test_help_lang.py checks that ``HELP`` has every text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import typer

from lifeport_map.messages import msg
from lifeport_map.render.labels import LABELS

# The English help texts of every command, option and argument, paragraph by paragraph, in Dutch.
HELP: dict[str, str] = {
    # the program and its global options
    (
        "Map and analyse the semiconductor value chain around Nijmegen (Lifeport) and the regions "
        "it is compared with."
    ): (
        "Breng de halfgeleiderketen rond Nijmegen (Lifeport) en de regio's waarmee zij wordt "
        "vergeleken in kaart, en analyseer haar."
    ),
    "Registry file (default: the shipped data/companies.yaml).": (
        "Registerbestand (standaard: het meegeleverde data/companies.yaml)."
    ),
    "Folder of region files (default: the shipped data/regions/).": (
        "Map met regiobestanden (standaard: de meegeleverde data/regions/)."
    ),
    (
        "Read the registry afresh instead of reusing the graph cached for unchanged files (cache "
        "folder: LIFEPORT_CACHE_DIR, default ~/.cache/lifeport-map)."
    ): (
        "Lees het register opnieuw in plaats van de bewaarde graaf van ongewijzigde bestanden te "
        "gebruiken (map van de cache: LIFEPORT_CACHE_DIR, standaard ~/.cache/lifeport-map)."
    ),
    "Show the version and exit.": "Toon de versie en stop.",
    "Language of the help and of the command run (its own --lang wins): nl or en.": (
        "Taal van de hulp en van het uitgevoerde commando (zijn eigen --lang gaat voor): nl of en."
    ),
    # validate
    "Check the registry and region files; report every problem in one run.": (
        "Controleer het register en de regiobestanden; meld elk probleem in één keer."
    ),
    "Exit code 0: valid (warnings allowed), 1: invalid, 2: usage error, 3: file not readable.": (
        "Afsluitcode 0: geldig (waarschuwingen mogen), 1: ongeldig, 2: fout in het gebruik, 3: "
        "bestand niet leesbaar."
    ),
    (
        "Registry files to check (default: --registry, or the shipped registry). Each is checked "
        "against the same region files."
    ): (
        "Te controleren registerbestanden (standaard: --registry, of het meegeleverde register). "
        "Elk wordt tegen dezelfde regiobestanden gecontroleerd."
    ),
    "text (file:line:col), json, or github (annotations).": (
        "text (bestand:regel:kolom), json, of github (annotaties)."
    ),
    "Treat warnings as errors.": "Behandel waarschuwingen als fouten.",
    "Language of messages and hints: nl or en. Errors, warnings and hints follow it too.": (
        "Taal van meldingen en tips: nl of en. Ook fouten, waarschuwingen en tips volgen deze taal."
    ),
    # schema
    "Print the JSON Schema of the registry file, for editors and other tools.": (
        "Toon het JSON Schema van het registerbestand, voor editors en andere programma's."
    ),
    "Write the schema to this file instead of standard output.": (
        "Schrijf het schema naar dit bestand in plaats van naar de standaarduitvoer."
    ),
    # coverage and the analyses' shared options
    "Which value-chain phases a region covers, by whom, in which roles, and how fragile.": (
        "Welke fasen van de keten een regio dekt, door wie, in welke rollen, en hoe kwetsbaar."
    ),
    (
        "Per phase in chain order: sites and organisations, activities present and absent, known "
        "employees (and sites without a figure), roles, whether the whole chain is held in "
        "production roles, and phases held by a single organisation. Only active sites count."
    ): (
        "Per fase, in de volgorde van de keten: vestigingen en organisaties, aanwezige en "
        "ontbrekende activiteiten, bekende werknemers (en vestigingen zonder cijfer), rollen, of de "
        "hele keten in productierollen aanwezig is, en fasen die door één organisatie worden bezet. "
        "Alleen actieve vestigingen tellen."
    ),
    "Region id, name or alias, e.g. nijmegen, lifeport, 'Silicon Saxony'.": (
        "Id, naam of alias van de regio, bijvoorbeeld nijmegen, lifeport, 'Silicon Saxony'."
    ),
    ("Region definition to use (default: the region's default); see the region file for the names."): (
        "Te gebruiken definitie van de regio (standaard: de standaarddefinitie van de regio); de "
        "namen staan in het regiobestand."
    ),
    (
        "What a phase's headline counts: industry (default: companies in production, equipment and "
        "materials, design and services roles; knowledge institutes beside), production, all, or "
        "role ids separated by commas (e.g. production,equipment-materials)."
    ): (
        "Wat de hoofdtelling van een fase telt: industry (standaard: bedrijven in productie-, "
        "apparatuur- en materialen-, ontwerp- en dienstenrollen; kennisinstellingen ernaast), "
        "production, all, of id's van rollen gescheiden door komma's (bijvoorbeeld "
        "production,equipment-materials)."
    ),
    "Keep sites in this country (two letters, e.g. NL); repeatable.": (
        "Houd vestigingen in dit land (twee letters, bijvoorbeeld NL); herhaalbaar."
    ),
    "Keep sites doing this activity; repeat for any of several.": (
        "Houd vestigingen met deze activiteit; herhaal voor een van meerdere."
    ),
    "Keep sites whose facility has this technology (e.g. gan, sin); repeatable.": (
        "Houd vestigingen waarvan de faciliteit deze technologie heeft (bijvoorbeeld gan, sin); herhaalbaar."
    ),
    "Keep sites whose facility has this wafer diameter in mm; repeatable.": (
        "Houd vestigingen waarvan de faciliteit deze waferdiameter in mm heeft; herhaalbaar."
    ),
    "Keep sites with this kind of facility (e.g. wafer-fab, foundry); repeatable.": (
        "Houd vestigingen met deze soort faciliteit (bijvoorbeeld wafer-fab, foundry); herhaalbaar."
    ),
    (
        "Keep sites of this kind (e.g. idm, university), or 'companies' / 'knowledge' (knowledge "
        "institutes); repeatable."
    ): (
        "Houd vestigingen van deze soort (bijvoorbeeld idm, university), of 'companies' (bedrijven) "
        "/ 'knowledge' (kennisinstellingen); herhaalbaar."
    ),
    (
        "Keep sites of this organisation (its whole name, case-insensitive, e.g. 'NXP "
        "Semiconductors'); repeatable."
    ): (
        "Houd vestigingen van deze organisatie (haar volledige naam, hoofdletters maken niet uit, "
        "bijvoorbeeld 'NXP Semiconductors'); herhaalbaar."
    ),
    "Keep only this site (its id, e.g. nxp-nijmegen); repeatable.": (
        "Houd alleen deze vestiging (haar id, bijvoorbeeld nxp-nijmegen); herhaalbaar."
    ),
    (
        "Keep only sites with this status (active, planned, under-construction); repeatable. Only "
        "active sites count; planned ones are listed as the pipeline."
    ): (
        "Houd alleen vestigingen met deze status (active, planned, under-construction); "
        "herhaalbaar. Alleen actieve vestigingen tellen; geplande staan in de pijplijn."
    ),
    (
        "Look at the chain in this year: as it was (sites by their since/until and events) before "
        "this year, as planned from it on (planned and under-construction sites count from their "
        "expected year). Sites without a start year count as the registry has them. From 1900 to "
        "2100."
    ): (
        "Bekijk de keten in dit jaar: zoals zij was (vestigingen volgens hun since/until en "
        "gebeurtenissen) vóór dit jaar, zoals gepland vanaf dit jaar (geplande vestigingen en "
        "vestigingen in aanbouw tellen vanaf hun verwachte jaar). Vestigingen zonder beginjaar "
        "tellen zoals het register ze heeft. Van 1900 tot en met 2100."
    ),
    "table (default), json (stable, for scripts), csv (the main table) or markdown.": (
        "table (standaard), json (stabiel, voor scripts), csv (de hoofdtabel) of markdown."
    ),
    "Language of labels: nl or en. Errors, warnings and hints follow it too.": (
        "Taal van de opschriften: nl of en. Ook fouten, waarschuwingen en tips volgen deze taal."
    ),
    (
        "CSV for Dutch spreadsheets (nl: ';' between fields, decimal commas) or English ones (en: "
        "',' and decimal points); default: the --lang."
    ): (
        "CSV voor Nederlandse rekenbladen (nl: ';' tussen velden, decimale komma's) of Engelse (en: "
        "',' en decimale punten); standaard: de --lang."
    ),
    # compare
    "Compare regions: phase x region matrix, whole-chain regions and specialisation.": (
        "Vergelijk regio's: tabel van fasen per regio, regio's met de hele keten, en specialisatie."
    ),
    (
        "Specialisation is a location quotient (share of a region's sites, or employees, in a phase "
        "relative to all compared regions); the definitions used are listed."
    ): (
        "Specialisatie is een locatiequotiënt (het aandeel van de vestigingen, of werknemers, van "
        "een regio in een fase, ten opzichte van alle vergeleken regio's); de gebruikte definities "
        "worden genoemd."
    ),
    "Regions to compare (default: nijmegen brainport twente delft leuven dresden).": (
        "Te vergelijken regio's (standaard: nijmegen brainport twente delft leuven dresden)."
    ),
    "One definition for every region (e.g. radius-25km), or REGION=DEFINITION, repeatable.": (
        "Eén definitie voor elke regio (bijvoorbeeld radius-25km), of REGIO=DEFINITIE, herhaalbaar."
    ),
    # gaps
    "White spots of a region and the nearest candidate providers elsewhere (geodesic km).": (
        "Witte vlekken van een regio en de dichtstbijzijnde kandidaten elders (geodetische km)."
    ),
    (
        "A white spot is a phase or activity that no organisation in the region covers, or only "
        "one; candidates are active sites outside the region, nearest to the region centre first."
    ): (
        "Een witte vlek is een fase of activiteit die geen enkele organisatie in de regio dekt, of "
        "maar één; kandidaten zijn actieve vestigingen buiten de regio, de dichtstbijzijnde bij het "
        "centrum van de regio eerst."
    ),
    "Candidates per white spot (1 to 50).": "Kandidaten per witte vlek (1 tot en met 50).",
    # whatif
    "A region's coverage before and after removing sites, and what is lost.": (
        "De dekking van een regio voor en na het weghalen van vestigingen, en wat er verloren gaat."
    ),
    "Site id to remove; repeat for several.": "Id van een weg te halen vestiging; herhaal voor meerdere.",
    # near
    "Sites within a radius of a place, site or coordinates, nearest first (geodesic km).": (
        "Vestigingen binnen een straal rond een plaats, vestiging of coördinaten, de "
        "dichtstbijzijnde eerst (geodetische km)."
    ),
    ("Filters combine: a site must pass each one given, and within one repeated option any value."): (
        "Filters gelden samen: een vestiging moet aan elk gegeven filter voldoen, en binnen één "
        "herhaalde optie aan een van de waarden."
    ),
    (
        "A place name (offline gazetteer, optionally 'Name, CC'), a site id, a region, or 'lat,lon' "
        "in decimal degrees."
    ): (
        "Een plaatsnaam (offline plaatsnamenlijst, eventueel 'Naam, LC'), het id van een vestiging, "
        "een regio, of 'breedte,lengte' in decimale graden."
    ),
    "Radius in km.": "Straal in km.",
    "Keep sites in this phase.": "Houd vestigingen in deze fase.",
    "Keep sites with an activity in this role (within --phase if given), e.g. production.": (
        "Houd vestigingen met een activiteit in deze rol (binnen --phase als die is gegeven), "
        "bijvoorbeeld production."
    ),
    "Also list planned and under-construction sites.": (
        "Noem ook geplande vestigingen en vestigingen in aanbouw."
    ),
    (
        "Keep sites with this status (active, planned, under-construction, closed); repeatable; "
        "replaces --include-planned."
    ): (
        "Houd vestigingen met deze status (active, planned, under-construction, closed); "
        "herhaalbaar; vervangt --include-planned."
    ),
    (
        "Keep sites that count in at least one phase under this counting definition (industry, "
        "production, all, or role ids); see 'coverage --help'."
    ): (
        "Houd vestigingen die in ten minste één fase meetellen onder deze telling (industry, "
        "production, all, of id's van rollen); zie 'coverage --help'."
    ),
    # stats
    "A region's published figures next to what the registry sums to, with the difference.": (
        "De gepubliceerde cijfers van een regio naast wat het register optelt, met het verschil."
    ),
    (
        "Employees per pillar (and per scenario) are compared group by group with the latest "
        "employee figures of the region's sites; registry sums cover only sites with a figure."
    ): (
        "Werknemers per pijler (en per scenario) worden groep voor groep vergeleken met de laatste "
        "werknemerscijfers van de vestigingen in de regio; de sommen van het register omvatten "
        "alleen vestigingen met een cijfer."
    ),
    # export
    (
        "Export the registry and its value-chain graph for other tools; with --year the sites and "
        "statuses of the chain in that year."
    ): (
        "Exporteer het register en de graaf van de keten voor andere programma's; met --year de "
        "vestigingen en statussen van de keten in dat jaar."
    ),
    (
        "json (sites, regions, graph), csv (one row per site, for spreadsheets), geojson (QGIS) or "
        "graphml (Gephi). Default: the --output file's extension (.json, .csv, .geojson, .graphml; "
        "another one needs --format), json on standard output."
    ): (
        "json (vestigingen, regio's, graaf), csv (één rij per vestiging, voor rekenbladen), geojson "
        "(QGIS) of graphml (Gephi). Standaard: de extensie van het bestand van --output (.json, "
        ".csv, .geojson, .graphml; een andere vraagt om --format), json op de standaarduitvoer."
    ),
    "File to write (atomically); default: standard output.": (
        "Te schrijven bestand (in één keer); standaard: de standaarduitvoer."
    ),
    (
        "For --format csv: en (',' between fields, decimal points; the default, as the column names "
        "are English ids) or nl (';' and decimal commas, for Dutch spreadsheets)."
    ): (
        "Voor --format csv: en (',' tussen velden, decimale punten; de standaard, want de "
        "kolomnamen zijn Engelse id's) of nl (';' en decimale komma's, voor Nederlandse "
        "rekenbladen)."
    ),
    # claims
    (
        "Check the policy documents' claims against the registry: holds, does not hold, or cannot "
        "tell (naming the missing data), with the sites counted and the command that reproduces it."
    ): (
        "Toets de claims uit de beleidsstukken aan het register: klopt, klopt niet, of niet te "
        "zeggen (met de ontbrekende gegevens), met de getelde vestigingen en het commando dat het "
        "oordeel reproduceert."
    ),
    (
        "Exit code 0 whatever the verdicts (they are information); 1 when the claims file or the "
        "registry is invalid, 2 for a usage error."
    ): (
        "Afsluitcode 0 wat de oordelen ook zijn (ze zijn informatie); 1 als het claimsbestand of het "
        "register ongeldig is, 2 bij een fout in het gebruik."
    ),
    "Claims file (default: claims.yaml next to the registry, i.e. data/claims.yaml).": (
        "Claimsbestand (standaard: claims.yaml naast het register, dus data/claims.yaml)."
    ),
    "Evaluate only this claim; repeatable.": "Toets alleen deze claim; herhaalbaar.",
    # fmt
    (
        "Rewrite the registry in canonical form: entries sorted by id, keys in schema order, "
        "consistent quoting; comments, blank lines and line endings are kept."
    ): (
        "Schrijf het register in de vaste vorm: vermeldingen op id gesorteerd, sleutels in de "
        "volgorde van het schema, aanhalingstekens overal gelijk; opmerkingen, lege regels en "
        "regeleinden blijven."
    ),
    (
        "The file is only replaced when the result reads back to the same data and passes every "
        "check; the write is atomic and keeps permissions, and is refused when the file changed on "
        "disk meanwhile or is a symbolic link."
    ): (
        "Het bestand wordt alleen vervangen als het resultaat dezelfde gegevens teruggeeft en elke "
        "controle doorstaat; het schrijven gebeurt in één keer en houdt de rechten, en wordt "
        "geweigerd als het bestand intussen op schijf is gewijzigd of een symbolische koppeling is."
    ),
    "Change nothing; exit 1 and show what differs when the file is not in canonical form.": (
        "Wijzig niets; stop met afsluitcode 1 en toon wat afwijkt als het bestand niet in de vaste "
        "vorm staat."
    ),
    "How --check reports: text, or github (annotations).": (
        "Hoe --check meldt: text, of github (annotaties)."
    ),
    # add
    (
        "Add a site to the registry: coordinates are looked up offline, the region is proposed, the "
        "entry is validated and inserted in canonical position."
    ): (
        "Voeg een vestiging toe aan het register: de coördinaten worden offline opgezocht, de regio "
        "wordt voorgesteld, de vermelding wordt gecontroleerd en op haar vaste plaats ingevoegd."
    ),
    (
        "A taken id, or an organisation that already has a site in the same municipality, is "
        "refused with a pointer to the existing entry. Ctrl-C or end of input during the questions "
        "stops with nothing written (exit 1). When another program changes the file while the entry "
        "is added, the entry is checked and added again on the new content."
    ): (
        "Een id dat al bestaat, of een organisatie die al een vestiging in dezelfde gemeente heeft, "
        "wordt geweigerd met een verwijzing naar de bestaande vermelding. Ctrl-C of het einde van "
        "de invoer tijdens de vragen stopt zonder iets te schrijven (afsluitcode 1). Als een ander "
        "programma het bestand wijzigt terwijl de vermelding wordt toegevoegd, wordt zij opnieuw "
        "gecontroleerd en aan de nieuwe inhoud toegevoegd."
    ),
    "Name of the site as people know it.": "Naam van de vestiging zoals mensen haar kennen.",
    "Organisation the site belongs to.": "Organisatie waartoe de vestiging hoort.",
    "Kind of actor (taxonomy 'kinds').": "Soort actor (taxonomie 'kinds').",
    "Activity at this site (repeatable; taxonomy 'activities').": (
        "Activiteit op deze vestiging (herhaalbaar; taxonomie 'activities')."
    ),
    "Town or city of the site.": "Plaats van de vestiging.",
    "ISO 3166-1 alpha-2 country code.": "Landcode volgens ISO 3166-1 alpha-2.",
    "Year the source's facts refer to.": "Jaar waarop de feiten van de bron slaan.",
    "Public http(s) URL of the source.": "Openbaar http(s)-adres van de bron.",
    "Seed document file name instead of a URL.": (
        "Bestandsnaam van een brondocument (seed) in plaats van een adres."
    ),
    "Title of the source.": "Titel van de bron.",
    "Who published the source (organisation, newspaper, ...).": (
        "Wie de bron publiceerde (organisatie, krant, ...)."
    ),
    "Id of the new entry (default: organisation and place).": (
        "Id van de nieuwe vermelding (standaard: organisatie en plaats)."
    ),
    "Municipality the place lies in (default: the place).": (
        "Gemeente waarin de plaats ligt (standaard: de plaats)."
    ),
    "Street address, from a source.": "Adres, uit een bron.",
    "Phase served by a cross-cutting activity (repeatable).": (
        "Fase die een dwarsdoorsnijdende activiteit bedient (herhaalbaar)."
    ),
    "active, planned, under-construction or closed.": "active, planned, under-construction of closed.",
    "Year the site opened.": "Jaar waarin de vestiging openging.",
    "Another name of the site (repeatable).": "Een andere naam van de vestiging (herhaalbaar).",
    "Official website.": "Officiële website.",
    "What happens at the site.": "Wat er op de vestiging gebeurt.",
    "Caveats for maintainers.": "Kanttekeningen voor de beheerders.",
    "The organisation already has a site in this municipality and this is a different one.": (
        "De organisatie heeft al een vestiging in deze gemeente en dit is een andere."
    ),
    "Show the entry and its checks; write nothing.": "Toon de vermelding en haar controles; schrijf niets.",
    (
        "YAML snippet with the answers (name: ..., kind: ..., activity: [...], source-year: 2025); "
        "options given as well take precedence."
    ): (
        "YAML-fragment met de antwoorden (name: ..., kind: ..., activity: [...], source-year: "
        "2025); opties die ook zijn gegeven gaan voor."
    ),
    "Ask for missing values (default: when a terminal is attached).": (
        "Vraag naar ontbrekende waarden (standaard: als er een terminal is aangesloten)."
    ),
    # diff
    (
        "What changed between two versions of the registry: sites added, removed, moved or changed, "
        "and each region's coverage per phase (gained or lost)."
    ): (
        "Wat er tussen twee versies van het register is veranderd: vestigingen toegevoegd, "
        "verwijderd, verplaatst of gewijzigd, en de dekking per fase van elke regio (gewonnen of "
        "verloren)."
    ),
    "A revision (HEAD~1, main, a commit) is read with 'git show REV:<registry path>'.": (
        "Een revisie (HEAD~1, main, een commit) wordt gelezen met 'git show REV:<pad van het register>'."
    ),
    "Older registry: a file or a git revision.": "Ouder register: een bestand of een git-revisie.",
    "Newer registry: a file or a git revision.": "Nieuwer register: een bestand of een git-revisie.",
    "text, markdown (for a pull-request comment) or json.": (
        "text, markdown (voor een reactie op een pull request) of json."
    ),
    (
        "Language of the report (text and markdown): nl or en. JSON keeps its English keys and ids; "
        "its claim findings follow the language. Errors, warnings and hints follow it too."
    ): (
        "Taal van het overzicht (text en markdown): nl of en. JSON houdt zijn Engelse sleutels en "
        "id's; de bevindingen over claims volgen de taal. Ook fouten, waarschuwingen en tips volgen "
        "deze taal."
    ),
    # report
    (
        "Write a region brief (brief.md, brief.html, map.png), an annex for a council: date and "
        "registry version, definitions, coverage, comparison with the other regions, single "
        "producers and fragile phases, the pipeline, white spots with candidates within a radius, "
        "published figures, the claims' verdicts, caveats on the data and numbered sources. With "
        "--year the whole brief and its map describe the chain in that year, and say so."
    ): (
        "Schrijf een regiobrief (brief.md, brief.html, map.png), een bijlage voor een raad: datum "
        "en registerversie, definities, dekking, vergelijking met de andere regio's, enige "
        "producenten en kwetsbare fasen, de pijplijn, witte vlekken met kandidaten binnen een "
        "straal, gepubliceerde cijfers, de oordelen over de claims, kanttekeningen bij de gegevens "
        "en genummerde bronnen. Met --year beschrijven de hele brief en haar kaart de keten in dat "
        "jaar, en zeggen ze dat."
    ),
    "Region id, name or alias.": "Id, naam of alias van de regio.",
    "Folder to write into.": "Map om in te schrijven.",
    "Language of labels, legend and popups: nl or en. Errors, warnings and hints follow it too.": (
        "Taal van opschriften, legenda en pop-ups: nl of en. Ook fouten, waarschuwingen en tips "
        "volgen deze taal."
    ),
    "Region definition (default: the region's default).": (
        "Definitie van de regio (standaard: de standaarddefinitie van de regio)."
    ),
    (
        "What the brief's phase counts count: industry (default), production, all, or role ids "
        "separated by commas; see 'coverage --help'. The map in the brief draws industrial "
        "presence."
    ): (
        "Wat de tellingen per fase in de brief tellen: industry (standaard), production, all, of "
        "id's van rollen gescheiden door komma's; zie 'coverage --help'. De kaart in de brief "
        "tekent de industriële aanwezigheid."
    ),
    "White-spot candidates within this distance of the region's centre (km, above 0).": (
        "Kandidaten voor witte vlekken binnen deze afstand van het centrum van de regio (km, boven 0)."
    ),
    # map
    "Interactive (HTML) and static (PNG, SVG, PDF) maps.": (
        "Interactieve (HTML) en statische (PNG, SVG, PDF) kaarten."
    ),
    (
        "Bijlage 1: every Dutch site by value-chain phase, one layer per phase, with legend, region "
        "outlines and name search."
    ): (
        "Bijlage 1: elke Nederlandse vestiging per fase van de keten, één kaartlaag per fase, met "
        "legenda, grenzen van de regio's en zoeken op naam."
    ),
    "File to write (HTML page or figure).": "Te schrijven bestand (HTML-pagina of figuur).",
    ("Background map: none (default, works offline), osm or carto (need a network, with attribution)."): (
        "Achtergrondkaart: none (standaard, werkt offline), osm of carto (hebben een netwerk nodig, "
        "met bronvermelding)."
    ),
    (
        "html (interactive) or an A4 page as png, svg or pdf; by default the extension decides "
        "(.html, .htm, .png, .svg, .pdf; another one needs --format)."
    ): (
        "html (interactief) of een A4-pagina als png, svg of pdf; standaard beslist de extensie "
        "(.html, .htm, .png, .svg, .pdf; een andere vraagt om --format)."
    ),
    "One region in detail: its sites under the chosen definition and its outline.": (
        "Eén regio in detail: haar vestigingen onder de gekozen definitie en haar grens."
    ),
    (
        "Bijlage 2: small multiples side by side at one scale, with coverage per phase below "
        "(industrial presence, as the phase layers count)."
    ): (
        "Bijlage 2: kleine kaarten naast elkaar op één schaal, met de dekking per fase eronder "
        "(industriële aanwezigheid, zoals de kaartlagen per fase tellen)."
    ),
    "Regions to compare.": "Te vergelijken regio's.",
    # regions
    "Region files: import an official boundary.": "Regiobestanden: een officiële grens importeren.",
    (
        "Store an official boundary (Eurostat GISCO NUTS or CBS GeoJSON) for a region as "
        "boundaries/REGION-DEFINITION.geojson and add a 'boundary' definition to its region file."
    ): (
        "Bewaar een officiële grens (Eurostat GISCO NUTS of GeoJSON van het CBS) voor een regio als "
        "boundaries/REGIO-DEFINITIE.geojson en voeg een definitie 'boundary' toe aan haar "
        "regiobestand."
    ),
    (
        "An existing definition of the same id is kept unless --replace is given; a list of "
        "municipalities is never replaced. On any problem no file is changed."
    ): (
        "Een bestaande definitie met hetzelfde id blijft, tenzij --replace is gegeven; een lijst "
        "van gemeenten wordt nooit vervangen. Bij elk probleem blijft elk bestand ongewijzigd."
    ),
    "GeoJSON boundary file (WGS84).": "GeoJSON-bestand met de grens (WGS84).",
    "Region id.": "Id van de regio.",
    "Id of the boundary definition to add or update.": (
        "Id van de grensdefinitie die wordt toegevoegd of bijgewerkt."
    ),
    "Year the boundary refers to.": "Jaar waarop de grens slaat.",
    ("Replace an existing boundary or radius definition of that id (never a list of municipalities)."): (
        "Vervang een bestaande grens- of straaldefinitie met dat id (nooit een lijst van gemeenten)."
    ),
    # click's help option
    "Show this message and exit.": "Toon deze hulp en stop.",
}

# A command's example: the command itself is code and stays as it is.
EXAMPLE = ("Example: ", "Voorbeeld: ")

# What an option takes, as click names its type (an option's own metavar is looked up too).
METAVARS = {
    "TEXT": "TEKST",
    "INTEGER": "GETAL",
    "INTEGER RANGE": "GETAL",
    "FLOAT": "GETAL",
    "FLOAT RANGE": "GETAL",
    "PATH": "PAD",
    "YEAR": "JAAR",
}

# Click's and typer's own words in a help page: headings and the notes after an option's help.
HEADINGS = {"Options": "Opties", "Arguments": "Argumenten", "Commands": "Commando's"}
NOTES = (
    (re.compile(r"default: (.*)", re.S), "standaard: {}"),
    (re.compile(r"env var: (.*)", re.S), "omgevingsvariabele: {}"),
    (re.compile(r"required"), "verplicht"),
)
# An option's help ends in its notes, "  [default: nl; required]" (or is only the notes).
_NOTES = re.compile(r"(?:(?P<help>.*?)  |^)\[(?P<notes>[^\[\]]*)\]", re.S)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a help text, each with its whitespace collapsed (the key of ``HELP``)."""
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]


def dutch(text: str) -> str:
    """``text``, a help text of one or more paragraphs, in Dutch (a paragraph not in ``HELP``
    stays as it is: tests/test_help_lang.py finds it)."""
    said = []
    for part in paragraphs(text):
        if part.startswith(EXAMPLE[0]):
            said.append(EXAMPLE[1] + part[len(EXAMPLE[0]) :])
        else:
            said.append(HELP.get(part, part))
    return "\n\n".join(said)


def _commands(command: Any) -> Iterator[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _commands(sub)


def in_dutch(root: Any) -> None:
    """Turn the help of ``root`` and of every command under it Dutch (the click objects typer
    built for this run): descriptions, option and argument help, metavars and usage words, and
    a context whose formatter says click's own words in Dutch."""
    for command in _commands(root):
        command.context_class = DutchContext
        if command.help:
            command.help = dutch(command.help)
        if command.options_metavar:
            command.options_metavar = msg("cli.options").render("nl")
        if hasattr(command, "subcommand_metavar"):
            command.subcommand_metavar = msg("cli.command-args").render("nl")
        for param in command.params:
            if getattr(param, "help", None):
                param.help = dutch(param.help)
            if param.param_type_name == "argument":
                name = param.metavar or param.name or ""  # its name in the label table
                said = LABELS.get(f"argument_{name.lower()}", (name.upper(), ""))[0]
                param.metavar = said + ("..." if param.nargs != 1 else "")
            elif param.metavar in METAVARS:
                param.metavar = METAVARS[param.metavar]
            elif param.metavar is None and param.type.name.upper() in METAVARS:  # not a choice
                param.metavar = METAVARS[param.type.name.upper()]


def _notes(notes: str) -> str:
    said = []
    for note in notes.split("; "):
        for pattern, dutch_note in NOTES:
            found = pattern.fullmatch(note)
            if found:
                note = dutch_note.format(*found.groups())
                break
        said.append(note)
    return "; ".join(said)


def _row_help(text: str) -> str:
    """An option's or argument's help as click wrote it, its notes and click's own text in Dutch."""
    found = _NOTES.fullmatch(text)
    if not found:
        return HELP.get(text, text)
    help_text = found.group("help") or ""
    notes = f"[{_notes(found.group('notes'))}]"
    return f"{HELP.get(help_text, help_text)}  {notes}" if help_text else notes


_Formatter: Any = typer.Context.formatter_class


class DutchFormatter(_Formatter):  # type: ignore[misc]
    """Click's help formatter, saying click's own words in Dutch."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{msg('cli.usage').render('nl')} ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))

    def write_dl(self, rows: Any, *rest: Any, **extra: Any) -> None:
        super().write_dl([(first, _row_help(second)) for first, second in rows], *rest, **extra)


class DutchContext(typer.Context):
    """A click context whose help is laid out by ``DutchFormatter``."""

    formatter_class = DutchFormatter
