"""Event locations (`_location` in the events stage): the place must attach to the event."""

from __future__ import annotations

import pytest


def _event(doc, events, word):
    found = [e for e in events if doc.text[e.trigger_start:e.trigger_end].startswith(word)]
    assert found, (word, [doc.text[e.trigger_start:e.trigger_end] for e in events])
    return found[0]


def _place(ev):
    return ev.location.text if ev.location is not None else None


def test_place_attached_to_the_event_clause(run):
    doc, events = run("Rebel fighters attacked an army checkpoint near Aleppo on Monday.")
    assert "Aleppo" in _place(_event(doc, events, "attacked"))


def test_place_of_another_clause_is_not_the_events(run):
    doc, events = run("The US demanded that the militants establish control over Raqqa.")
    assert "Raqqa" in (_place(_event(doc, events, "establish")) or "")
    assert _place(_event(doc, events, "demanded")) is None


def test_town_taken_is_the_place_of_the_taking(run):
    doc, events = run("Palmyra was captured by the army in March.")
    assert "Palmyra" in (_place(_event(doc, events, "captured")) or "")


def test_comparison_clause_places_stay_out(run):
    doc, events = run("Jets bombed the town, just as the rebels had bombed a market in Aleppo.")
    first, second = sorted((e for e in events if doc.text[e.trigger_start:].startswith("bombed")),
                           key=lambda e: e.trigger_start)
    assert _place(first) is None
    assert "Aleppo" in (_place(second) or "")


def test_route_between_two_towns_places_the_event_at_the_first_end(run):
    doc, events = run("Gunmen ambushed a fuel convoy on the road between Palmyra and Homs, "
                      "and clashes between the army and the rebels followed.")
    assert "Palmyra" in (_place(_event(doc, events, "ambushed")) or "")


def _admin1(gazetteer, name: str):
    found = [c for c in gazetteer.candidates(name) if c.feature == "admin1" and c.country == "SY"]
    assert found, name
    return found[0].to_place(text=name)


def _seat(gazetteer, name: str):
    return max((c for c in gazetteer.candidates(name) if c.feature in ("city", "town", "capital")
                and c.country == "SY"), key=lambda c: c.population)


def test_province_reaching_far_from_its_seat_is_placed_at_the_seat(resources):
    """"the countryside of Homs": the province's centre lies deep in the desert, far from
    where its people (and its events) are; the seat stands for it. A compact province keeps
    its own centre."""
    from claimbase.eval.places import _SEAT_KM, seat_point
    from claimbase.geo.gazetteer import haversine_km

    gaz = resources.gazetteer
    for name in ("Homs", "Idlib"):
        area, seat = _admin1(gaz, name), _seat(gaz, name)
        moved = seat_point(area, gaz)
        far = haversine_km(area.lat, area.lon, seat.lat, seat.lon) > _SEAT_KM
        assert (moved.lat, moved.lon) == ((seat.lat, seat.lon) if far else (area.lat, area.lon))
        assert moved.text == area.text and moved.feature == "admin1"
    assert haversine_km(*_pair(_admin1(gaz, "Homs")), *_pair(_seat(gaz, "Homs"))) > _SEAT_KM
    town = _seat(gaz, "Homs").to_place(text="Homs")
    assert seat_point(town, gaz) is town


def _pair(p) -> tuple[float, float]:
    return p.lat, p.lon


def test_compass_part_of_a_province_moves_its_point_that_way():
    """"the northern countryside of Hama" lies north of Hama's point; a bare province, or a
    town, keeps its point."""
    from claimbase.eval.places import toward_part
    from claimbase.record import Document, Place

    def moved(text: str, name: str = "Hama", feature: str = "admin1") -> tuple[float, float]:
        start = text.index(name)
        place = Place(text=name, start=start, end=start + len(name), lat=35.0, lon=36.7,
                      feature=feature)
        out = toward_part(Document(text=text, ref="t"), place)
        return out.lat - place.lat, out.lon - place.lon

    north, east = moved("Jets bomb the northern countryside of Hama")
    assert north > 0.1 and east == 0
    north, east = moved("Shells fall south of Hama city")
    assert north < -0.1 and east == 0
    north, east = moved("Raids on Hama's eastern countryside")
    assert east > 0.1 and north == 0
    north, east = moved("Clashes in the north-western countryside of Hama")
    assert north > 0 > east
    assert moved("Clashes in Hama and its countryside") == (0, 0)
    assert moved("Jets bomb the northern countryside of Hama", feature="city") == (0, 0)


def test_area_description_places_an_event_without_a_named_place(run):
    """§8: the span is the place expression of the sentence, a description included."""
    doc, events = run("Government troops were deployed in the south of the country last week.")
    assert "south" in (_place(_event(doc, events, "deployed")) or "")
    doc, events = run("The rebels shelled villages in the territory held by the army.")
    ev = _event(doc, events, "shelled")
    assert ev.location is None or "territory" not in ev.location.text


def test_area_description_takes_the_resolution_of_the_episode(run):
    doc, events = run("Rebels shelled army posts in Palmyra on Monday. Fierce clashes in the area went on "
                      "for two days.")
    ev = _event(doc, events, "clashes")
    assert ev.location is not None and ev.location.text == "the area"
    shelled = _event(doc, events, "shelled").location
    assert ev.location.gazetteer_id == shelled.gazetteer_id is not None


@pytest.mark.parametrize("text,trigger,expected", [
    # a country described as a place ("northern Syria, where ...") is the event's place
    ("The army held northern Syria, where the militants attacked a convoy.", "attacked",
     "Syria"),
    # the subject of "remain" sets the scene
    ("The situation in Idlib remains tense, with both sides accusing each other of shelling.",
     "accusing", "Idlib"),
    # a side of a country as the object is the place
    ("The army plans to recapture the south of the country.", "recapture", "south"),
    # a province named with its country is preferred
    ("The militia moved its fighters back into Iraq, and in particular into Nineveh province.",
     "moved", "Nineveh"),
])
def test_described_and_preferred_places(run, text, trigger, expected):
    doc, events = run(text)
    assert expected in (_place(_event(doc, events, trigger)) or "")


def test_scene_closing_coordinated_verbs_is_shared(run):
    doc, events = run("Warplanes bombed a market and wounded dozens of people in Saraqib.")
    assert "Saraqib" in (_place(_event(doc, events, "bombed")) or "")
    doc, events = run("The rebels ambushed a patrol and the army shelled villages in Saraqib.")
    assert "Saraqib" not in (_place(_event(doc, events, "ambushed")) or "")


def test_country_left_is_the_place_of_the_flight(run):
    doc, events = run("Hundreds of militants tried to flee Iraq last month.")
    assert "Iraq" in (_place(_event(doc, events, "flee")) or _place(_event(doc, events, "tried"))
                      or "")
