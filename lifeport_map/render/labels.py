"""Every fixed label of the output in Dutch and English, in one table: table headings, notes,
brief sections, map legends and popups. ``label(key, lang)`` falls back to English.

Registry text and taxonomy terms are not here: they come with their own labels.
"""

from __future__ import annotations

from typing import Final

from lifeport_map.chain import KNOWLEDGE, OTHER, PIPELINE

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
    "sites": ("vestigingen", "sites"),  # after a number
    "year": ("jaar", "year"),  # in a popup line
    "employees": ("Medewerkers", "Employees"),
    "facility": ("Faciliteit", "Facility"),
    "events": ("Gebeurtenissen", "Events"),
    # tables
    "phase": ("Fase", "Phase"),
    "sites_heading": ("Vestigingen", "Sites"),
    "organisations": ("Organisaties", "Organisations"),
    "organisation": ("Organisatie", "Organisation"),
    "production": ("Productie", "Production"),
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
        "Werknemers: {known} bekend bij {with_figure} vestigingen; {without} vestigingen zonder cijfer.",
        "Employees: {known} known at {with_figure} sites; {without} sites without a figure.",
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
        "Eén producent per fase (productierollen)",
        "A single producer per phase (production roles)",
    ),
    "phases_count": ("Fasen tellen", "Phases count"),
    "knowledge_beside": ("kennisinstellingen apart geteld", "knowledge institutes counted separately"),
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
    "and_more": ("en {n} meer", "and {n} more"),
    "near_breakdown": (
        "Per land: {countries}; bedrijven {companies}, kennisinstellingen {knowledge}; "
        "{organisations} organisaties.",
        "By country: {countries}; companies {companies}, knowledge institutes {knowledge}; "
        "{organisations} organisations.",
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
}


def label(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` (Dutch for "nl", otherwise English)."""
    nl, en = LABELS[key]
    return nl if lang == "nl" else en
