"""Every fixed label of the output in Dutch and English, in one table: table headings, notes,
brief sections, map legends and popups. ``label(key, lang)`` falls back to English.

Registry text and taxonomy terms are not here: they come with their own labels. The table sits
in the lowest import layer (it imports only ``numbers``), so the chain's countings, the claims'
findings and the maps' credit line read their words from it too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from lifeport_map.numbers import format_number

# chain.KNOWLEDGE, chain.OTHER and chain.PIPELINE (the chain reads its countings' texts from here,
# so this table cannot import it)
KNOWLEDGE, OTHER, PIPELINE = "knowledge", "other", "pipeline"

LABELS: Final[dict[str, tuple[str, str]]] = {  # key: (nl, en)
    # layers and legends
    KNOWLEDGE: ("Kennisinstellingen", "Knowledge institutes"),
    OTHER: ("Overig (netwerk, overheid)", "Other (networks, government)"),
    PIPELINE: ("Gepland of in aanbouw", "Planned or under construction"),
    "nl_title": (
        "Bijlage 1: de Nederlandse halfgeleiderketen",
        "Annex 1: the Dutch semiconductor value chain",
    ),
    "compare_title": ("Bijlage 2: regio's vergeleken", "Annex 2: regions compared"),
    "region_title": ("Regio", "Region"),
    "legend": ("Legenda (aantal vestigingen)", "Legend (number of sites)"),
    "search": ("Zoek een naam…", "Search a name…"),
    "no_match": ("Geen treffer", "No match"),
    "kind": ("Soort", "Kind"),
    "website": ("Website", "Website"),
    "source": ("bron", "source"),
    "approximate": ("benadering", "approximate"),
    "approximate_outline": (
        "grens bij benadering (afgeleid uit de vestigingen)",
        "approximate outline (derived from the sites)",
    ),
    "official_outline": ("grens", "boundary"),
    "scale_note": ("Alle panelen op dezelfde schaal.", "All panels at the same scale."),
    "unplaced": ("zonder coördinaten (niet op de kaart)", "without coordinates (not on the map)"),
    "same_place": (
        "grotere stip met getal: zoveel vestigingen op één plaats",
        "larger dot with a number: that many sites at one place",
    ),
    "precision": ("Locatie", "Location"),
    "generated": ("Gemaakt met lifeport-map uit het register", "Made with lifeport-map from the registry"),
    "sites": ("vestigingen", "sites"),  # after a number other than 1 (see count_text)
    "site_one": ("vestiging", "site"),  # after the number 1
    "year": ("jaar", "year"),  # in a popup line
    # verbs that agree with a count (agree(): the _one form after the number 1)
    "have": ("hebben", "have"),
    "have_one": ("heeft", "has"),
    "state": ("noemen", "state"),
    "state_one": ("noemt", "states"),
    "lie": ("liggen", "are"),
    "lie_one": ("ligt", "is"),
    "be": ("zijn", "were"),
    "be_one": ("is", "was"),
    "employees": ("Werknemers", "Employees"),  # the word coverage, stats and the brief use
    "facility": ("Faciliteit", "Facility"),
    "events": ("Gebeurtenissen", "Events"),
    # the countings of chain.COUNTINGS: what a phase's headline counts
    "counting_industry": ("industriële aanwezigheid", "industrial presence"),
    "counting_industry_rule": (
        "Industriële aanwezigheid: actieve vestigingen met een activiteit in de fase in de rol "
        "productie, apparatuur en materialen of ontwerp en diensten.",
        "Industrial presence: active sites with an activity in the phase in a production, "
        "equipment and materials, or design and services role.",
    ),
    "counting_production": ("bedrijven in productierollen", "companies in production roles"),
    "counting_production_rule": (
        "Productierollen: actieve vestigingen die een kernactiviteit van de fase uitvoeren "
        "(een activiteit in de rol productie; voor chipontwerp, dat die niet heeft, het ontwerpen "
        "zelf). Apparatuur, materialen, onderzoek en onderwijs tellen niet.",
        "Production roles: active sites performing one of the phase's core activities (an "
        "activity in the production role; for design, which has none, the design activities). "
        "Equipment, materials, research and education do not count.",
    ),
    "counting_all": ("alle actieve vestigingen in de fase", "every active site in the phase"),
    "counting_all_rule": (
        "Alle rollen: elke actieve vestiging met een activiteit in de fase (productie, "
        "apparatuur en materialen, ontwerp en diensten, onderzoek en onderwijs), "
        "kennisinstellingen inbegrepen; netwerken en overheden niet.",
        "All roles: every active site with an activity in the phase (production, equipment "
        "and materials, design and services, research and education), knowledge institutes "
        "included; networks and governments are not.",
    ),
    "counting_roles": ("rollen {roles}", "roles {roles}"),
    "counting_roles_rule": (
        "Actieve vestigingen met een activiteit in de fase in de rol(len) {roles}.",
        "Active sites with an activity in the phase in the role(s) {roles}.",
    ),
    "counting_knowledge_inside": (" Kennisinstellingen inbegrepen.", " Knowledge institutes included."),
    "counting_knowledge_beside": (
        " Kennisinstellingen (universiteiten, hogescholen, mbo-instellingen, onderzoeksinstituten) "
        "worden apart geteld, niet in dit getal.",
        " Knowledge institutes (universities, universities of applied sciences, vocational colleges, "
        "research institutes) are counted beside this number, not in it.",
    ),
    # tables
    "phase": ("Fase", "Phase"),
    "sites_heading": ("Vestigingen", "Sites"),
    "organisations": ("Organisaties", "Organisations"),
    "organisation": ("Organisatie", "Organisation"),
    "production": ("Productie", "Production"),
    # the phase's core work (chain.Counting "production"), which for design is the role design and
    # services: a column "Production" beside the roles table's own "Production" (the role) gave
    # design 3 and 0
    "production_roles": ("Productierollen", "Production roles"),
    # the site filters a table was made with (render.analysis.filter_note), ids as given
    "filtered": (
        "Gefilterd, alleen deze vestigingen tellen: {filters}.",
        "Filtered, only these sites count: {filters}.",
    ),
    "filter_phase": ("fase", "phase"),
    "filter_role": ("rol", "role"),
    "filter_roles": ("telling", "counting"),
    "filter_country": ("land", "country"),
    "filter_activity": ("activiteit", "activity"),
    "filter_technology": ("technologie", "technology"),
    "filter_wafer_mm": ("wafer (mm)", "wafer (mm)"),
    "filter_facility_type": ("soort faciliteit", "facility type"),
    "filter_kind": ("soort", "kind"),
    "filter_organisation": ("organisatie", "organisation"),
    "filter_site": ("vestiging", "site"),
    "filter_status": ("status", "status"),
    "employees_known": ("Werknemers (bekend)", "Employees (known)"),
    "no_figure": ("Zonder cijfer", "Without figure"),
    "activities_absent": ("Ontbrekende activiteiten", "Activities absent"),
    "activities": ("Activiteiten", "Activities"),
    "examples": ("Voorbeelden", "Examples"),
    "region": ("Regio", "Region"),
    "definition": ("Definitie", "Definition"),
    "coverage": ("Dekking per fase", "Coverage per phase"),
    "whole_chain": ("Hele keten aanwezig", "Whole chain present"),
    "whole_chain_short": ("Hele keten", "Whole chain"),
    "whole_chain_production": ("Hele keten in productierollen", "Whole chain in production roles"),
    "fragile": ("Kwetsbare fasen (één organisatie)", "Fragile phases (one organisation)"),
    "fragile_production": ("Kwetsbare productie (één organisatie)", "Fragile production (one organisation)"),
    "roles": ("Rollen", "Roles"),
    "role": ("Rol", "Role"),
    "none": ("geen", "none"),
    "none_sentence": ("Geen.", "None."),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "employees_note": (
        "Werknemers: {known} bekend bij {with_figure}; {without} zonder cijfer.",
        "Employees: {known} known at {with_figure}; {without} without a figure.",
    ),
    "specialisation_sites": (
        "Specialisatie (locatiequotiënt, vestigingen)",
        "Specialisation (location quotient, sites)",
    ),
    "specialisation_employees": (
        "Specialisatie (locatiequotiënt, werknemers)",
        "Specialisation (location quotient, employees)",
    ),
    "compare_sites": ("Vestigingen per fase en regio", "Sites per phase and region"),
    "compare_production": (
        "Vestigingen in productierollen per fase en regio",
        "Sites in production roles per phase and region",
    ),
    "white_spots": ("Witte vlekken", "White spots"),
    "spot": ("Witte vlek", "White spot"),
    "status": ("Status", "Status"),
    "holder": ("Houder", "Holder"),
    "candidates_km": ("Dichtstbijzijnde kandidaten (km)", "Nearest candidates (km)"),
    "candidates": ("Dichtstbijzijnde kandidaten", "Nearest candidates"),
    "absent_status": ("afwezig", "absent"),
    "single_status": ("één organisatie", "one organisation"),
    "before": ("Voor", "Before"),
    "after": ("Na", "After"),
    "lost": ("Verloren", "Lost"),
    "removed": ("Verwijderd", "Removed"),
    "site": ("Vestiging", "Site"),
    "distance": ("Afstand (km)", "Distance (km)"),
    "place": ("Plaats", "Place"),
    "figure": ("Cijfer", "Figure"),
    "group": ("Groep", "Group"),
    "published": ("Gepubliceerd", "Published"),
    "registry": ("Register", "Registry"),
    "registry_sum": ("Register (som)", "Registry (sum)"),
    "difference": ("Verschil", "Difference"),
    "year_heading": ("Jaar", "Year"),
    "sources": ("Bronnen", "Sources"),
    "all_sites": ("Alle actieve vestigingen", "All active sites"),
    "counting": ("Telling", "Counting"),
    "compare_knowledge": (
        "Kennisinstellingen per fase en regio (naast de telling)",
        "Knowledge institutes per phase and region (beside the count)",
    ),
    "single_producers": (
        "Kwetsbare productie (één organisatie)",  # the same words as coverage's fragile_production
        "Fragile production (one organisation)",
    ),
    "phases_count": ("Fasen tellen", "Phases count"),
    "knowledge_beside": ("kennisinstellingen apart geteld", "knowledge institutes counted separately"),
    # employment: what the sums cover (issue 15, step 5)
    "employees_scope_note": (
        "Werknemers tellen alleen cijfers voor de vestiging zelf: {unstated} van de opgetelde cijfers "
        "{state} geen reikwijdte (als vestigingscijfer geteld); {wider} {have} alleen een "
        "cijfer voor de hele organisatie of een regio (niet opgeteld).",
        "Employees add only figures for the site itself: {unstated} of the figures added {state} no scope "
        "(counted as site figures); {wider} {have} only a figure for their whole organisation or a "
        "region (not added).",
    ),
    "employees_range_note": (
        "Met de bovengrens van de bereiken in de bronnen: {known_max}.",
        "With the upper end of the sources' ranges: {known_max}.",
    ),
    "cannot_tell": ("niet te zeggen", "cannot tell"),
    "lq_employees_note": (
        "Werknemers-locatiequotiënt alleen waar minstens {threshold} van de getelde vestigingen een "
        "vestigingscijfer heeft, en in minstens twee regio's; anders niet te zeggen. Dekking: {coverage}.",
        "Employee location quotient only where at least {threshold} of the counted sites have a site "
        "figure, and in at least two regions; otherwise cannot tell. Coverage: {coverage}.",
    ),
    "unit": ("Eenheid", "Unit"),
    "scope_organisation": ("hele organisatie", "whole organisation"),
    "scope_region": ("regio", "region"),
    "scope": ("Reikwijdte", "Scope"),
    "coverage_heading": ("Dekking", "Coverage"),
    "metric_employees": ("personen", "persons"),
    "metric_companies": ("bedrijven", "companies"),
    "metric_organisations": ("organisaties", "organisations"),
    "metric_revenue-eur-million": ("mln euro", "EUR million"),
    "metric_wafer-starts-per-week": ("wafers per week", "wafer starts per week"),
    "figure_coverage": (
        "{with_figure} van {sites} vestigingen met cijfer; {share} van het gepubliceerde totaal",
        "{with_figure} of {sites} sites with a figure; {share} of the published total",
    ),
    "figure_coverage_sites": (
        "{with_figure} van {sites} vestigingen met cijfer",
        "{with_figure} of {sites} sites with a figure",
    ),
    "shared_sites_note": (
        "Niet in één groep geteld (activiteiten in meerdere groepen, geen bron splitst het "
        "personeel): {sites}.",
        "Not counted in a single group (activities in several groups, no source splits the staff): {sites}.",
    ),
    "wider_figures_note": (
        "Cijfers voor de hele organisatie of een regio (niet opgeteld): {figures}.",
        "Figures for a whole organisation or a region (not added): {figures}.",
    ),
    # time (issue 15, step 4)
    "time_note": (
        "In {year} ({mode}): {without} van de getelde vestigingen hebben geen beginjaar en tellen "
        "zoals het register ze heeft; volgens plan geopend: {opened}.",
        "In {year} ({mode}): {without} of the counted sites have no start year and count as the "
        "registry has them; opened as planned: {opened}.",
    ),
    "as-was": ("zoals het was", "as it was"),
    "as-planned": ("volgens plan", "as planned"),
    # the brief as a council annex (issue 15, step 6)
    "brief_made": (
        "Gemaakt op {date} uit registerversie {version}.",
        "Made on {date} from registry version {version}.",
    ),
    "brief_year": (
        "Deze brief beschrijft de keten in {year} ({mode}), niet die van vandaag: alle aantallen, "
        "de pijplijn, de witte vlekken, de vergelijking en de claims gelden voor {year}.",
        "This brief describes the chain in {year} ({mode}), not today's: every count, the "
        "pipeline, the white spots, the comparison and the claims are those of {year}.",
    ),
    "definitions": ("Definities", "Definitions"),
    "def_region": ("Regio", "Region"),
    "def_production": (
        "Productierollen: bedrijven die het kernwerk van de fase doen (waferfabs, assemblage, "
        "EMS; ontwerp zelf).",
        "Production roles: companies doing the phase's core work (wafer fabs, assembly, EMS; design itself).",
    ),
    "def_fragile": (
        "Kwetsbaar: één organisatie houdt de fase; kwetsbare productie: één organisatie houdt de "
        "productierollen van de fase.",
        "Fragile: one organisation holds the phase; fragile production: one organisation holds the "
        "phase's production roles.",
    ),
    "def_employees": (
        "Werknemers: het laatste cijfer voor de vestiging zelf; cijfers voor een hele organisatie "
        "of regio worden niet opgeteld. Alleen actieve vestigingen tellen.",
        "Employees: the latest figure for the site itself; figures for a whole organisation or "
        "region are not added. Only active sites count.",
    ),
    "def_radius": (
        "Witte vlekken: fasen en activiteiten die geen of één organisatie houdt; kandidaten binnen "
        "{km} km van {centre}.",
        "White spots: phases and activities held by no or one organisation; candidates within "
        "{km} km of {centre}.",
    ),
    "pipeline_heading": ("Gepland en in aanbouw", "Planned and under construction"),
    "expected": ("verwacht", "expected"),
    "year_unknown": ("jaar onbekend", "year unknown"),
    "status_active": ("actief", "active"),
    "status_closed": ("gesloten", "closed"),
    "status_planned": ("gepland", "planned"),
    "status_under-construction": ("in aanbouw", "under construction"),
    "beyond_radius": ("nog {n} verder dan {km} km", "{n} more beyond {km} km"),
    "none_within": ("geen binnen {km} km", "none within {km} km"),
    "caveats": ("Kanttekeningen bij de gegevens", "Caveats on the data"),
    "caveat_employees": (
        "Werknemers: {with_figure} van {sites} getelde vestigingen ({share}) {have} een cijfer voor "
        "de vestiging zelf; {wider} alleen een cijfer voor de hele organisatie of regio (niet "
        "opgeteld). Sommen van werknemers zijn daarom ondergrenzen.",
        "Employees: {with_figure} of {sites} counted sites ({share}) {have} a figure for the site "
        "itself; {wider} only one for their whole organisation or a region (not added). Employee "
        "sums are therefore lower bounds.",
    ),
    "caveat_place": (
        "Coördinaten: {place} van {sites} vestigingen ({share}) {lie} alleen op plaatsniveau (de "
        "kern van de plaats, niet het gebouw); {without} {have} geen coördinaten.",
        "Coordinates: {place} of {sites} sites ({share}) {lie} placed at town level only (the town "
        "centre, not the building); {without} {have} no coordinates.",
    ),
    "caveat_unchecked": (
        "Controle: {unchecked} van {sites} vestigingen {be} nooit of langer dan {months} maanden "
        "geleden tegen hun bronnen gecontroleerd.",
        "Checking: {unchecked} of {sites} sites {be} never checked against their sources, or more "
        "than {months} months ago.",
    ),
    # the credit line of every map (provenance.credit_line, provenance_line)
    "credit_registry": ("Register: lifeport-map (CC BY 4.0)", "Registry: lifeport-map (CC BY 4.0)"),
    "credit_geonames": ("plaatsen: GeoNames (CC BY 4.0)", "places: GeoNames (CC BY 4.0)"),
    "credit_gisco": (
        "grenzen: © EuroGeographics, bron Eurostat GISCO",
        "boundaries: © EuroGeographics, source Eurostat GISCO",
    ),
    "credit_cbs": ("CBS (CC BY 4.0)", "Statistics Netherlands CBS (CC BY 4.0)"),
    "credit_naturalearth": ("landen: Natural Earth", "countries: Natural Earth"),
    "provenance_date": ("kaart van", "map of"),
    "provenance_version": ("registerversie", "registry version"),
    "provenance_as-was": ("situatie in", "situation in"),
    "provenance_as-planned": ("situatie volgens plan in", "situation as planned in"),
    # the region brief
    "credits": (
        "Kaart- en plaatsgegevens: lifeport-map-bijdragers (CC BY 4.0), GeoNames (CC BY 4.0), "
        "© EuroGeographics voor de bestuurlijke grenzen (Eurostat GISCO), Natural Earth.",
        "Map and place data: lifeport-map contributors (CC BY 4.0), GeoNames (CC BY 4.0), "
        "© EuroGeographics for the administrative boundaries (Eurostat GISCO), Natural Earth.",
    ),
    "brief_title": ("Regiobrief", "Region brief"),
    "brief_note": (
        "Gemaakt met lifeport-map uit het register; cijfers per fase tellen actieve vestigingen.",
        "Made with lifeport-map from the registry; phase counts are active sites.",
    ),
    "compare_others": ("Vergelijking met de andere regio's", "Comparison with the other regions"),
    "gaps": ("Witte vlekken en kandidaten", "White spots and candidates"),
    "figures": ("Gepubliceerde cijfers naast het register", "Published figures next to the registry"),
    "map": ("Kaart", "Map"),
    "remark": ("Toelichting", "Remark"),
    # claims of the policy documents
    "claims": ("Claims uit de beleidsstukken", "Claims of the policy documents"),
    "claim_id": ("Claim", "Claim"),
    "verdict": ("Oordeel", "Verdict"),
    "statement": ("Bewering", "Statement"),
    "who": ("Wie", "Who"),
    "where": ("Waar", "Where"),
    "quote": ("Citaat", "Quote"),
    "reading": ("Lezing", "Reading"),
    "finding": ("Register", "Registry"),
    "finding_brief": ("Wat het register laat zien", "What the registry shows"),
    "missing": ("Ontbreekt", "Missing"),
    "evidence": ("Bewijs", "Evidence"),
    "command": ("Na te rekenen met", "Reproduce with"),
    "totals": (
        "{holds} kloppen, {does_not_hold} kloppen niet, {cannot_tell} niet te zeggen",
        "{holds} hold, {does_not_hold} do not hold, {cannot_tell} cannot tell",
    ),
    "page": ("blz.", "p."),
    "and_more": ("en {n} meer", "and {n} more"),
    "near_breakdown": (
        "Per land: {countries}; bedrijven {companies}, kennisinstellingen {knowledge}; "
        "{organisations} organisaties.",
        "By country: {countries}; companies {companies}, knowledge institutes {knowledge}; "
        "{organisations} organisations.",
    ),
    # notes under the tables, and the JSON "method" of near and gaps
    "rule_near": (
        "geodetische afstand over de WGS84-ellipsoïde (Karney, geographiclib) van het startpunt tot de "
        "coördinaten van de vestiging; precisie 'plaats' betekent coördinaten van de plaats",
        "geodesic distance on the WGS84 ellipsoid (Karney, geographiclib) from the origin to the "
        "site's coordinates; 'place' precision means city-level coordinates",
    ),
    # the analyses' method notes (JSON "method" and "time.rule"), in the output's language
    "rule_employees": (
        "het werknemersaantal van een vestiging is het meest recente cijfer voor de vestiging zelf "
        "(het laatste jaar; bij gelijke jaren het grootste); cijfers voor de hele organisatie of een "
        "regio worden nooit bij de som van een regio opgeteld maar apart vermeld, en een cijfer "
        "waarvan de bron geen reikwijdte noemt, telt als vestigingscijfer (het register legt "
        "werknemers per vestiging vast) en wordt apart geteld als 'reikwijdte niet vermeld'. Waar "
        "een bron een bandbreedte geeft, tellen sommen de ondergrens op, met de bovengrens ernaast. "
        "Elke som zegt hoeveel van de opgetelde vestigingen een cijfer hebben. Een vestiging die in "
        "meerdere fasen actief is, telt in elke fase volledig mee, dus de sommen per fase kunnen "
        "hoger uitvallen dan het regiototaal, dat elke vestiging één keer telt.",
        "a site's employees are its most recent figure for the site itself (latest year; on a tie "
        "the larger one); figures for the whole organisation or a region are never added to a "
        "region's sum but listed apart, and a figure whose source states no scope counts as a site "
        "figure (the registry records employees per site) and is counted apart as 'scope not "
        "stated'. Where a source gives a range, sums give its lower end and the upper end beside it. "
        "Every sum says how many of the sites it adds have a figure. A site active in several phases "
        "counts fully in each phase, so phase sums can exceed the region total, which counts each "
        "site once.",
    ),
    "rule_employee_coverage": (
        "vergelijkingen op basis van werknemers (sommen naast gepubliceerde totalen, rangordes, "
        "locatiequotiënten op werknemers) worden alleen gemaakt als ten minste {coverage_min} van de "
        "opgetelde vestigingen een werknemerscijfer heeft; anders is het antwoord 'niet te zeggen', "
        "met de dekking die tekortschoot.",
        "employee-based comparisons (sums against published totals, ranks, employee location "
        "quotients) are made only when at least {coverage_min} of the sites summed have an employee figure; "
        "otherwise the answer is 'cannot tell', with the coverage that fell short.",
    ),
    "rule_about": (
        "'ongeveer N' klopt voor een aantal binnen {about_tolerance} van N (en ten minste binnen 1 naar "
        "boven of beneden).",
        "'about N' holds for a count within {about_tolerance} of N (at least within 1 either way).",
    ),
    "rule_production": (
        "een fase is in productierollen aanwezig als een vestiging die geen kennisinstelling is een "
        "van de kernactiviteiten van de fase uitvoert: die met de rol 'production' (voor de "
        "ontwerpfase, die er geen heeft, haar ontwerpactiviteiten). Apparatuur, materialen, "
        "onderzoek en onderwijs alleen tellen niet; pilotlijnen en cleanrooms van "
        "kennisinstellingen worden ernaast geteld, als kennisinstellingen.",
        "a phase is held in production roles when a site that is not a knowledge institute performs "
        "one of the phase's core activities: those with role 'production' (for the design phase, "
        "which has none, its design activities). Equipment, materials, research and education alone "
        "do not count; knowledge institutes' pilot lines and cleanrooms are counted beside, as "
        "knowledge institutes.",
    ),
    "rule_specialisation": (
        "locatiequotiënt LQ = (n[r,p] / N[r]) / (n[p] / N), met n[r,p] het aantal vestigingen dat "
        "de teldefinitie telt (of hun werknemers) van regio r in fase p, N[r] de som over de fasen "
        "voor r, n[p] de som over de vergeleken regio's voor p en N het totaal. Vestigingen in "
        "meerdere fasen tellen in elk daarvan. Werknemers zijn het laatste cijfer van elke "
        "vestiging op vestigingsniveau; vestigingen zonder zo'n cijfer vallen weg. Het quotiënt op "
        "werknemers wordt alleen berekend tussen regio's waar ten minste {coverage_min} van de getelde "
        "vestigingen (in welke fase ook) een cijfer op vestigingsniveau heeft, en alleen als "
        "minstens twee regio's dat halen; elders is het null: niet te zeggen, omdat de vestigingen "
        "zonder cijfer het kunnen veranderen (employee_coverage geeft per regio het aandeel). null "
        "in het quotiënt op vestigingen: de regio of fase heeft niets om te vergelijken.",
        "location quotient LQ = (n[r,p] / N[r]) / (n[p] / N), where n[r,p] is the number of "
        "sites the counting definition counts (or their employees) of region r in phase p, "
        "N[r] the sum over phases for r, "
        "n[p] the sum over compared regions for p and N the grand total. Sites in several phases "
        "count in each. Employees use each site's latest site-level figure; sites without one are "
        "left out. The employee quotient is computed only among regions where at least "
        "{coverage_min} of the sites counted (in any phase) have a site-level figure, and "
        "only when at least two regions reach that; elsewhere it is null: cannot tell, because the "
        "sites without a figure could change it (employee_coverage gives each region's share). "
        "null in the site quotient: the region or phase has nothing to compare.",
    ),
    "rule_claim_specialisation": (
        "specialisatie: locatiequotiënt LQ = (n[r] / N[r]) / (som n / som N) over de vergeleken "
        "regio's, met n[r] het aantal actieve vestigingen van de regio dat doet wat de claim noemt "
        "(een van haar activiteiten, een activiteit van haar rol, of meetellend in haar fase) en "
        "N[r] alle actieve vestigingen van de regio; de claim klopt als LQ boven de drempel ligt "
        "(standaard 1). Met minder dan {min_sites} zulke vestigingen in de regio zegt een quotiënt "
        "weinig: 'niet te zeggen'.",
        "specialisation: location quotient LQ = (n[r] / N[r]) / (sum n / sum N) over the compared "
        "regions, where n[r] is the number of the region's active sites doing what the claim names "
        "(any of its activities, an activity of its role, or counting in its phase) and N[r] all of "
        "the region's active sites; the claim holds when LQ is above the threshold (default 1). "
        "With fewer than {min_sites} such sites in the region a quotient says little: 'cannot tell'.",
    ),
    "rule_time": (
        "de keten in jaar Y. Een actieve vestiging telt mee als haar begin (since, of haar "
        "gebeurtenis 'opened') niet na Y ligt en haar einde (until) niet vóór Y; een vestiging "
        "zonder beginjaar telt zoals het register haar heeft (hoeveel dat er zijn, wordt vermeld). "
        "Een gesloten vestiging telt als actief als ze uiterlijk in Y begon en eindigde (until, of "
        "haar gebeurtenis 'closed' of 'bankruptcy') in Y of later; een gesloten vestiging zonder "
        "eindjaar blijft gesloten. Vóór dit jaar blijven geplande en in aanbouw zijnde vestigingen "
        "buiten beschouwing; vanaf dit jaar telt zo'n vestiging als actief vanaf haar verwachte "
        "jaar (haar gebeurtenis 'planned-opening', anders since) als dat dit jaar of later is en "
        "niet na Y, en anders blijft ze in de pijplijn.",
        "the chain in year Y. An active site counts when its start (since, or its 'opened' event) is "
        "not after Y and its end (until) not before Y; a site without a start year counts as the "
        "registry has it (how many is said). A closed site counts as active when it started by Y and "
        "ended (until, or its 'closed' or 'bankruptcy' event) in Y or later; a closed site without an "
        "end year stays closed. Before this year planned and under-construction sites are left out; "
        "from this year on one counts as active from its expected year (its 'planned-opening' event, "
        "else since) when that is this year or later and not after Y, and otherwise stays in the "
        "pipeline.",
    ),
    "without_coordinates": ("{sites} zonder coördinaten weggelaten", "{sites} without coordinates left out"),
    "rule_candidates": (
        "kandidaten zijn actieve vestigingen buiten de regio (onder de gekozen definitie) met de "
        "activiteit (voor een fase: een activiteit in die fase), behalve de organisatie die de plek al "
        "bezet; de afstand is geodetisch (WGS84) van het centrum van de regio tot de vestiging; "
        "vestigingen zonder coördinaten tellen mee maar krijgen geen plaats in de rangorde.",
        "candidates are active sites outside the region under the chosen definition that perform "
        "the activity (for a phase: any activity in it), excluding the organisation that already "
        "holds the spot; distance is geodesic (WGS84) from the region centre to the site; sites "
        "without coordinates are counted but not ranked.",
    ),
    "stats_caveat": (
        "De sommen uit het register dekken alleen de {with_figure} van {sites} getelde vestigingen in "
        "de regio met een werknemerscijfer voor de vestiging zelf; {without} {have} er geen. Cijfers "
        "voor een hele organisatie of regio staan apart en worden nooit opgeteld. Een vestiging met "
        "activiteiten in meerdere groepen telt in geen enkele groep mee (geen bron splitst haar "
        "personeel), alleen in het totaal. Verschil is register min gepubliceerd.",
        "Registry sums cover only the {with_figure} of {sites} counted sites in the region that have "
        "a site-level employee figure; {without} {have} none. Figures for a whole organisation or a "
        "region are listed apart, never added. A site doing activities of several groups is counted "
        "in no group (no source splits its staff), only in the total. Differences are registry minus "
        "published.",
    ),
    # the notes of each figure in stats' JSON (the table words them with the figures' names)
    "stats_note_lower_bound": (
        "de sommen uit het register zijn een ondergrens: vestigingen zonder cijfer tellen niet mee",
        "registry sums are a lower bound: sites without a figure add nothing",
    ),
    "stats_note_scenario": (
        "scenario voor {year}: het register bevat huidige cijfers, dus het verschil is "
        "de afstand tot het scenario, geen fout",
        "scenario '{scenario}' for {year}: the registry holds current figures, so the difference "
        "shows the distance to the scenario, not an error",
    ),
    "stats_note_no_counterpart": (
        "geen tegenhanger in het register: alleen werknemerscijfers per groep van een indeling "
        "worden uit het register opgeteld; vergelijk de afbakening zelf",
        "no registry counterpart: only employee figures broken down by a taxonomy view are summed "
        "from the registry; compare the scope by hand",
    ),
    "stats_lower_bound": (
        "{figures}: de sommen uit het register zijn een ondergrens; vestigingen zonder cijfer "
        "tellen niet mee.",
        "{figures}: registry sums are a lower bound: sites without a figure add nothing.",
    ),
    "stats_scenario": (
        "{figures}: scenario's; het register bevat huidige cijfers, dus het verschil is de afstand "
        "tot het scenario, geen fout.",
        "{figures}: scenarios; the registry holds current figures, so the difference shows the "
        "distance to the scenario, not an error.",
    ),
    "stats_no_counterpart": (
        "Geen tegenhanger in het register voor {figures}: alleen werknemerscijfers per groep van een "
        "indeling worden uit het register opgeteld; vergelijk de afbakening zelf.",
        "No registry counterpart for {figures}: only employee figures broken down by a taxonomy "
        "view are summed from the registry; compare the scope by hand.",
    ),
    # diff: what a change to the registry does
    "diff_title": ("Registerwijzigingen", "Registry changes"),
    "diff_summary": (
        "{old} -> {new} vestigingen; {added} toegevoegd, {removed} verwijderd, {moved} verplaatst, "
        "{changed} gewijzigd",
        "{old} -> {new} sites; {added} added, {removed} removed, {moved} moved, {changed} changed",
    ),
    "diff_added": ("Toegevoegd", "Added"),
    "diff_removed": ("Verwijderd", "Removed"),
    "diff_moved": ("Verplaatst", "Moved"),
    "diff_changed": ("Gewijzigd", "Changed"),
    "diff_phases": ("fasen", "phases"),
    "diff_at": ("op", "at"),
    "diff_coverage": (
        "Dekking per regio (standaarddefinities, vestigingen per fase)",
        "Coverage per region (default definitions, sites per phase)",
    ),
    "diff_gained": ("erbij", "gained"),
    "diff_lost": ("kwijt", "lost"),
    "diff_unchanged": ("ongewijzigd", "unchanged"),
    "diff_no_coverage_change": (
        "De dekking van geen enkele regio verandert.",
        "No region's coverage changed.",
    ),
    "diff_claims": ("Claims waarvan het oordeel verandert", "Claims whose verdict changes"),
    "diff_no_claim_change": ("Het oordeel van geen enkele claim verandert.", "No claim's verdict changes."),
    "diff_field": ("veld", "field"),
    "diff_old": ("oud", "old"),
    "diff_new": ("nieuw", "new"),
    "diff_from": ("van", "from"),
    "diff_to": ("naar", "to"),
    "diff_name": ("naam", "name"),
    "diff_organisation": ("organisatie", "organisation"),
    "diff_municipality": ("gemeente", "municipality"),
    "diff_region": ("regio", "region"),
    "diff_phase": ("fase", "phase"),
    "diff_claim": ("claim", "claim"),
    "diff_registry": ("register", "registry"),
    "diff_none": ("(geen)", "(none)"),
    # the claims of the policy documents: verdicts, findings and what is missing (analysis.claims)
    "claim_holds": ("klopt", "holds"),
    "claim_does-not-hold": ("klopt niet", "does not hold"),
    "claim_cannot-tell": ("niet te zeggen", "cannot tell"),
    "claim_sites": ("vestigingen", "sites"),
    "claim_site": ("vestiging", "site"),
    "claim_organisations": ("organisaties", "organisations"),
    "claim_organisation": ("organisatie", "organisation"),
    "claim_equals": ("precies", "exactly"),
    "claim_at-least": ("ten minste", "at least"),
    "claim_at-most": ("ten hoogste", "at most"),
    "claim_about": ("ongeveer", "about"),
    "claim_count": (
        "Het register telt {n} {unit} (de claim: {op} {target}).",
        "The registry counts {n} {unit} (the claim: {op} {target}).",
    ),
    "claim_named_missing": ("Genoemd maar niet geteld: {ids}.", "Named but not counted: {ids}."),
    "claim_not_named": ("Geteld maar niet genoemd: {ids}.", "Counted but not named: {ids}."),
    "claim_unknown_facility": (
        "Van {n} vestigingen mist het register {fields}; die zouden mee kunnen tellen: {ids}.",
        "{n} more sites lack {fields} in the registry and could count: {ids}.",
    ),
    "claim_unknown_facility_one": (
        "Van 1 vestiging mist het register {fields}; die zou mee kunnen tellen: {ids}.",
        "1 more site lacks {fields} in the registry and could count: {ids}.",
    ),
    "claim_missing_facility": ("{field} van {ids}", "{field} of {ids}"),
    "claim_incomplete": (
        "Het register is voor deze groep niet volledig; een lager aantal weerspreekt de claim niet.",
        "The registry is not complete for this group; a lower count does not contradict the claim.",
    ),
    "claim_complete_list": (
        "een volledige lijst ({n} in het register)",
        "a complete list ({n} in the registry)",
    ),
    "claim_whole_chain_yes": (
        "{region} heeft alle vier fasen ({counting}): {phases}.",
        "{region} has all four phases ({counting}): {phases}.",
    ),
    "claim_whole_chain_no": (
        "{region} mist {missing} ({counting}): {phases}.",
        "{region} lacks {missing} ({counting}): {phases}.",
    ),
    "claim_unique_yes": (
        "Van de vergeleken regio's heeft alleen {region} de hele keten ({counting}).",
        "Of the compared regions only {region} has the whole chain ({counting}).",
    ),
    "claim_unique_no": (
        "De hele keten ({counting}) hebben: {regions}.",
        "The whole chain ({counting}) is held by: {regions}.",
    ),
    "claim_none": ("geen", "none"),
    "claim_present": ("Aanwezig in {region}: {names}.", "Present in {region}: {names}."),
    "claim_elsewhere": (
        "Wel in het register, niet in {region}{what}: {names}.",
        "In the registry, not in {region}{what}: {names}.",
    ),
    "claim_with_activity": (" met {activities}", " with {activities}"),
    "claim_not_in_registry": ("Niet in het register: {names}.", "Not in the registry: {names}."),
    "claim_registry_entry": ("een registervermelding voor {name}", "a registry entry for {name}"),
    "claim_facility_field": (
        "{field}: register {found}, claim {stated}.",
        "{field}: registry {found}, claim {stated}.",
    ),
    "claim_facility_missing": ("{field} van {site}", "{field} of {site}"),
    "claim_same_source": (
        "Het register ontleent dit aan hetzelfde document; dat is geen onafhankelijke bevestiging.",
        "The registry takes this from the same document; it is not an independent confirmation.",
    ),
    "claim_type": ("soort faciliteit", "facility type"),
    "claim_wafer_mm": ("waferdiameter (mm)", "wafer diameter (mm)"),
    "claim_node_nm": ("node (nm)", "node (nm)"),
    "claim_capacity": ("capaciteit", "capacity"),
    "claim_technologies": ("technologieën", "technologies"),
    "claim_facility_types": ("soort faciliteit", "facility type"),
    "claim_scenario": (
        "Een scenario voor {year}; het register bevat huidige cijfers.",
        "A scenario for {year}; the registry holds current figures.",
    ),
    "claim_scenario_missing": ("werkgelegenheid in {year}", "employment in {year}"),
    "claim_employees_coverage": (
        "Werknemerscijfers voor {n} van {total} vestigingen ({share}); som {sum} = "
        "{published_share} van het gepubliceerde totaal {published}. Onder de drempel van "
        "{threshold} dekking.",
        "Employee figures for {n} of {total} sites ({share}); sum {sum} = {published_share} of the "
        "published total {published}. Below the threshold of {threshold} coverage.",
    ),
    "claim_employees_covered": (
        "Werknemerscijfers voor {n} van {total} vestigingen; som {sum} tegen gepubliceerd {published}.",
        "Employee figures for {n} of {total} sites; sum {sum} against published {published}.",
    ),
    "claim_employee_figures": (
        "werknemerscijfers van {sites} in {region}",
        "employee figures of {sites} in {region}",
    ),
    "claim_figure_sum": (
        "De groepen tellen op tot {sum}; het totaal is {total} (verschil {diff}).",
        "The groups add up to {sum}; the total is {total} (difference {diff}).",
    ),
    "claim_figure_no_groups": ("Het cijfer heeft geen uitsplitsing.", "The figure has no breakdown."),
    "claim_rank": (
        "Volgens de registersommen staat {region} op plaats {position} van {n}: {order}.",
        "By registry sums {region} ranks {position} of {n}: {order}.",
    ),
    "claim_rank_coverage": (
        "Werknemerscijfers dekken te weinig vestigingen om regio's te rangschikken: {coverage}. "
        "Gepubliceerde regiocijfers hebben een verschillende reikwijdte en zijn niet vergelijkbaar.",
        "Employee figures cover too few sites to rank regions: {coverage}. Published regional "
        "figures differ in scope and are not comparable.",
    ),
    "claim_specialisation": (
        "Locatiequotiënt van {region}: {lq} ({n} van {total} vestigingen); drempel {above}. {others}",
        "Location quotient of {region}: {lq} ({n} of {total} sites); threshold {above}. {others}",
    ),
    "claim_others": ("Andere regio's: {values}.", "Other regions: {values}."),
    "claim_outside": ("buiten de regio: {place}", "outside the region: {place}"),
    "claim_not_here": (
        "niet in deze versie van het register: {what}",
        "not in this version of the registry: {what}",
    ),
    "claim_more_sites": (
        "ten minste {n} vestigingen in {region} om een locatiequotiënt te duiden",
        "at least {n} sites in {region} to read a location quotient",
    ),
    "claim_status_note": ("status {status}", "status {status}"),
    # what a command wrote
    "wrote_map": (
        "geschreven: {path} ({size} bytes, {seconds} s)",
        "wrote {path} ({size} bytes, {seconds} s)",
    ),
    "wrote_files": ("geschreven: {paths}", "wrote {paths}"),
    "wrote_brief": (
        "geschreven: {path}/brief.md, brief.html en {image}",
        "wrote {path}/brief.md, brief.html and {image}",
    ),
    # warnings (stderr, and a note under the table)
    "warn_site-outside-region": (
        "waarschuwing: {site} ligt niet in {region} ({definition}); weglaten verandert niets",
        "warning: {site} is not in {region} ({definition}); removing it changes nothing",
    ),
    "warn_site-not-counted": (
        "waarschuwing: {site} ligt in {region} maar is niet actief en telt niet mee; "
        "weglaten verandert niets",
        "warning: {site} is in {region} but not active, so it does not count; removing it changes nothing",
    ),
    # the commands' arguments as the help, the usage line and the hints name them
    "argument_file": ("BESTAND", "FILE"),
    "argument_files": ("BESTAND", "FILES"),
    "argument_region": ("REGIO", "REGION"),
    "argument_regions": ("REGIO", "REGIONS"),
    "argument_origin": ("MIDDELPUNT", "ORIGIN"),
    "argument_old": ("OUD", "OLD"),
    "argument_new": ("NIEUW", "NEW"),
}


def name_list(names: Iterable[str]) -> str:
    """Names joined with ', ', or with '; ' when one of them holds a comma of its own (sites are
    named "NedCard, Wijchen"): "Enzyre, Nijmegen, EPR, Noviotech Campus Nijmegen" read as four
    sites where there were two."""
    names = list(names)
    return ("; " if any("," in name for name in names) else ", ").join(names)


def label(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` (Dutch for "nl", otherwise English)."""
    nl, en = LABELS[key]
    return nl if lang == "nl" else en


def count_text(n: int, lang: str, *, one: str = "site_one", many: str = "sites") -> str:
    """A count with its noun in the right number: '1 vestiging', '1.000 vestigingen'."""
    return f"{format_number(n, lang)} {label(one if n == 1 else many, lang)}"


# Dutch names of the base maps' places where Dutch has its own (GeoNames gives the local or
# English name). Keyed by GeoNames id; the names follow the Nederlandse Taalunie's list of
# foreign geographical names ("Buitenlandse aardrijkskundige namen"). Other places keep
# GeoNames' name in both languages.
PLACE_NAMES_NL: Final[dict[int, str]] = {
    2747373: "Den Haag",
    2800866: "Brussel",
    2803138: "Antwerpen",
    2792413: "Luik",
    2789786: "Oostende",
    2787149: "Schaarbeek",
    2790869: "Bergen",
    2790471: "Namen",
    2785341: "Doornik",
    2783941: "Waver",
    2790101: "Nijvel",
    2790595: "Moeskroen",
    2801154: "Eigenbrakel",
    2791018: "Sint-Jans-Molenbeek",
    2795011: "Elsene",
    2785123: "Ukkel",
    2798139: "Vorst",
    2787413: "Sint-Gillis",
    2783476: "Sint-Lambrechts-Woluwe",
    2802960: "Oudergem",
    2783979: "Watermaal-Bosvoorde",
    2802247: "Sint-Agatha-Berchem",
    2787387: "Sint-Joost-ten-Node",
    2803010: "Aat",
    2786420: "Zinnik",
    2794895: "Geldenaken",
    2785169: "Tubeke",
    2798747: "Edingen",
    2792567: "Lessen",
    2800195: "Komen",
    3247449: "Aken",
    2886242: "Keulen",
    2867714: "München",
    2861650: "Neurenberg",
    2998324: "Rijsel",
    3020686: "Duinkerke",
    2960316: "Luxemburg",
}


def agree(n: int, key: str, lang: str) -> str:
    """The word ``key`` in the number ``n`` asks for: its ``_one`` form after 1 ('1 vestiging
    heeft', '2 vestigingen hebben')."""
    return label(f"{key}_one" if n == 1 else key, lang)


# Places GeoNames names by a district where people name the town, in both languages: its
# largest Dutch town without its own entry is "Almere Stad" (the centre of Almere).
PLACE_NAMES: Final[dict[int, str]] = {
    2759879: "Almere",
}


def place_name(name: str, geonameid: int, lang: str) -> str:
    """A base-map place's name in ``lang``: Dutch where Dutch has its own, else the town's name
    where GeoNames names a district of it, else GeoNames' name, with the apostrophe of a Dutch
    "'s-" or "'t " that GeoNames sometimes leaves out ("s-Gravendeel", "t Harde")."""
    name = PLACE_NAMES.get(geonameid, name)
    name = PLACE_NAMES_NL.get(geonameid, name) if lang == "nl" else name
    return f"'{name}" if name.startswith(("s-", "t ")) else name
