"""Syrian war sites that city lists miss, curated in claimbase/data/conflict_sites.tsv: the
Tulul al-Safa lava hills (the 2018 fighting on the As-Suwayda / Rif Dimashq border), Khan
al-Shih, Kabani, Ithriya, Dibsi Afnan, Gharanij and Maardes, in the spellings war reports
use; and report spellings of towns GeoNames has (Salqin: town_aliases.tsv)."""

from __future__ import annotations

import pytest

from claimbase.geo.event_place import headline_place
from claimbase.geo.geoparse import place_for
from claimbase.pipeline import PRE_PARSE, Pipeline
from claimbase.record import Document
from tests.geo_helpers import ACTOR_PLACE_STAGES, near, places_by_text

TULUL_AL_SAFA = (33.04, 37.20)
KHAN_AL_SHIH = (33.37, 36.10)
KABANI = (35.72, 36.23)
ITHRIYA = (35.37, 37.79)
KOBANI = (36.89, 38.35)
DIBSI_AFNAN = (35.82, 38.22)
GHARANIJ = (34.78, 40.73)
MAARDES = (35.25, 36.76)
SALQIN = (36.14, 36.45)
HANDARAT = (36.28, 37.17)


@pytest.fixture(scope="module")
def places(resources):
    return places_by_text(resources)


@pytest.mark.parametrize("text,name,point", [
    ("Army units pushed deeper into Tlul al-Safa on Tuesday", "Tlul al-Safa", TULUL_AL_SAFA),
    ("Jihadists dug in among the hills of Tulul as-Safa", "Tulul as-Safa", TULUL_AL_SAFA),
    ("Helicopters dropped barrels on Khan al-Shekh camp at dawn", "Khan al-Shekh camp",
     KHAN_AL_SHIH),
    ("A truce was agreed for Khan Eshieh after weeks of siege", "Khan Eshieh", KHAN_AL_SHIH),
    ("Rebels repelled another assault on Kabana overnight", "Kabana", KABANI),
    ("A convoy left Athriya heading north on Monday", "Athriya", ITHRIYA),
    ("Two shepherds died when a mine went off near Debsi Afnan", "Debsi Afnan", DIBSI_AFNAN),
    ("Tribal fighters retook the town of Gharanij at dusk", "Gharanij", GHARANIJ),
    ("Army bulldozers entered Maardis after the rebels withdrew", "Maardis", MAARDES),
    ("A court in Salqeen city sentenced three smugglers", "Salqeen", SALQIN),
    ("Opposition units held the Hendarat camp for a week", "Hendarat camp", HANDARAT),
])
def test_curated_war_sites_resolve(places, text, name, point):
    place = places(text)[name]
    assert place.country == "SY"
    assert near(place, *point, km=15)


def test_village_spelling_does_not_take_kobani(places):
    # "Kabana" and "Kobani" share a consonant skeleton: the big town keeps its own names
    found = places("Kurdish fighters held Kobani while jets struck Kabana")
    assert near(found["Kobani"], *KOBANI, km=15)
    assert near(found["Kabana"], *KABANI, km=15)


def test_headline_place_is_the_site_not_the_province(resources):
    pipe = Pipeline(resources, pre=PRE_PARSE, post=ACTOR_PLACE_STAGES)
    doc = pipe.process(Document(
        text="Rif Dimashq desert sees more fighting as troops advance in Tlul al-Safa",
        ref="t"))
    place = headline_place(doc, place_for)
    assert place is not None and place.text == "Tlul al-Safa"
    assert near(place, *TULUL_AL_SAFA, km=15)
