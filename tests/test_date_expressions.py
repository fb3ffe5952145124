"""Date expressions of real reporting: fortnights, periods counted from the date named before
("six months later", "that year", "the following week"), parts of days, holidays, weekday
ranges, and words that look like dates but are none ("recent memory", "Theresa May")."""

from __future__ import annotations

from datetime import date

import pytest

from claimbase.timex.dates import normalise

REF = date(2019, 3, 13)  # a Wednesday


def values(text: str, ref: date | None = REF) -> list[tuple]:
    return [(d.text, d.value_start, d.value_end, d.precision) for d in normalise(text, ref)]


@pytest.mark.parametrize("text,expected", [
    # the expressions the issue lists
    ("Militia fighters took the bridge on February 9.",
     ("on February 9", "2019-02-09", "2019-02-09", "day")),
    ("Shelling of the market intensified last week.",
     ("last week", "2019-03-04", "2019-03-10", "week")),
    ("Several convoys were ambushed during the past few days.",
     ("during the past few days", "2019-03-06", "2019-03-13", "week")),
    ("Two guards died in yesterday's late-night raid.",
     ("in yesterday's late-night", "2019-03-12", "2019-03-12", "day")),
    ("The depot was seized in October 2017.",
     ("in October 2017", "2017-10-01", "2017-10-31", "month")),
    ("The militia abandoned the ridge last March.",
     ("last March", "2018-03-01", "2018-03-31", "month")),
    ("Drones struck the checkpoint over the weekend.",
     ("over the weekend", "2019-03-09", "2019-03-10", "week")),
    # fortnights
    ("The clinic was looted a fortnight ago.",
     ("a fortnight ago", "2019-02-25", "2019-03-03", "week")),
    ("Rockets fell on the port in the past fortnight.",
     ("in the past fortnight", "2019-02-27", "2019-03-13", "month")),
    ("The blockade has held for over a fortnight.",
     ("for over a fortnight", None, "2019-03-13", "week")),
    # parts of the current period
    ("The governor resigned earlier in the week.",
     ("earlier in the week", "2019-03-11", "2019-03-13", "week")),
    ("A second round of talks is planned later this month.",
     ("later this month", "2019-03-13", "2019-03-31", "month")),
    ("This past week the border stayed shut.",
     ("This past week", "2019-03-06", "2019-03-13", "week")),
    ("Gunfire was heard in the past day.",
     ("in the past day", "2019-03-13", "2019-03-13", "day")),
    ("The convoy left 20 hours ago.", ("20 hours ago", "2019-03-13", "2019-03-13", "day")),
    ("Looting spread the week before last.",
     ("the week before last", "2019-02-25", "2019-03-03", "week")),
    ("Such sieges have grown common in recent decades.",
     ("in recent decades", "2009-03-13", "2019-03-13", "year")),
    ("Over the past nine years the town changed hands often.",
     ("Over the past nine years", "2010-03-13", "2019-03-13", "year")),
    ("Aid agencies expect more arrivals in the coming weeks.",
     ("in the coming weeks", "2019-03-13", None, "unknown")),
    # parts of a named day, ranges of weekdays, holidays, months of a relative year
    ("The ferry was hit in the early hours of Monday.",
     ("in the early hours of Monday", "2019-03-11", "2019-03-11", "day")),
    ("Sirens sounded late on Sunday.", ("late on Sunday", "2019-03-10", "2019-03-10", "day")),
    ("Curfews applied from Friday to Sunday.",
     ("from Friday to Sunday", "2019-03-08", "2019-03-10", "day")),
    ("Patrols resumed on Boxing Day.", ("on Boxing Day", "2018-12-26", "2018-12-26", "day")),
    ("The airport reopened in June last year.",
     ("in June last year", "2018-06-01", "2018-06-30", "month")),
])
def test_expression(text, expected):
    assert values(text)[0] == expected


@pytest.mark.parametrize("text,expected", [
    # counted from the date the text named before
    ("The dam was captured on 2 March. Three days later, engineers reached it.",
     ("Three days later", "2019-03-05", "2019-03-05", "day")),
    ("Delegates will meet on 20 and 21 May, and again four days later.",
     ("four days later", "2019-05-25", "2019-05-25", "day")),
    ("Talks opened on Monday. The following morning the envoy left.",
     ("The following morning", "2019-03-12", "2019-03-12", "day")),
    ("The siege began in April 2016. Five months later, the garrison surrendered.",
     ("Five months later", "2016-09-01", "2016-09-30", "month")),
    ("The pipeline opened in 2009. Two years later, it was sabotaged.",
     ("Two years later", "2011-01-01", "2011-12-31", "year")),
    ("The district was flooded in 2013. The following year, the rebels moved in.",
     ("The following year", "2014-01-01", "2014-12-31", "year")),
    ("Prices rose sharply in 2016. That same year, the mill closed.",
     ("That same year", "2016-01-01", "2016-12-31", "year")),
    ("The cease-fire was signed on 9 July 2017. Later that month, it collapsed.",
     ("Later that month", "2017-07-09", "2017-07-31", "month")),
    ("She reached the camp in 2015 and was wounded in a raid that June.",
     ("that June", "2015-06-01", "2015-06-30", "month")),
    ("The port was mined in November 2017. The previous month, the navy had withdrawn.",
     ("The previous month", "2017-10-01", "2017-10-31", "month")),
])
def test_counted_from_the_date_before(text, expected):
    assert values(text)[-1] == expected


@pytest.mark.parametrize("text", [
    "Two weeks later, the convoy turned back.",  # nothing named before to count from
    "The following year was quieter.",
    "It was the bloodiest week in recent memory.",
    "Officials said the harvest was the worst in recent history.",
    "Farmers gathered for the last day of the fair.",
    "The raid came three months earlier than analysts predicted.",
    "Shelling has gone on since about 30 hours ago.",  # a day of hours: the hour decides
])
def test_no_date(text):
    assert values(text) == []


def test_a_name_before_a_relative_year_is_no_month():
    found = values("Reporters asked Theresa May last year about the deal.")
    assert found == [("last year", "2018-01-01", "2018-12-31", "year")]


def test_count_from_a_past_date_does_not_pass_the_report():
    """A count from an older date that would land after the reference date is another
    episode's: no date."""
    found = values("The school shut in 2018. Nine years later, it reopened.")
    assert [v[0] for v in found] == ["in 2018"]


def test_without_reference_date_relative_counts_stay_open():
    assert values("Curfews applied from Friday to Sunday.", None)[0][1:] == \
        (None, None, "unknown")


@pytest.fixture(scope="module")
def dated(resources):
    from claimbase.record import Document
    from claimbase.timex.dates import find_dates

    def make(text: str) -> Document:
        doc = Document(text=text, ref="t")
        doc.reference_date = REF
        doc.spacy_doc = resources.nlp(doc.analysis_text)
        find_dates(doc, None)
        return doc

    return make


@pytest.mark.parametrize("text,word,expected", [
    ("Rebels captured the dam on 2 March. Three days later, jets bombed the spillway.",
     "bombed", ("Three days later", "2019-03-05", "2019-03-05", "day")),
    ("The siege began in April 2016. Five months later, the garrison surrendered.",
     "surrendered", ("Five months later", "2016-09-01", "2016-09-30", "month")),
    ("A car bomb exploded in the early hours of Monday near the mosque.",
     "exploded", ("in the early hours of Monday", "2019-03-11", "2019-03-11", "day")),
])
def test_event_takes_the_expression(dated, text, word, expected):
    from claimbase.timex.dates import date_for

    doc = dated(text)
    pos = doc.text.index(word)
    sent = next(s for s in doc.spacy_doc.sents if s.start_char <= pos < s.end_char)
    dm = date_for(doc, sent.start_char, sent.end_char, pos)
    assert dm is not None
    assert (dm.text, dm.value_start, dm.value_end, dm.precision) == expected


@pytest.mark.parametrize("text,expected", [
    ("From early 2015 until her arrest in June the following year, she ran the clinic.",
     ("in June the following year", "2016-06-01", "2016-06-30", "month")),
    ("The mill closed in April 2016. Officials warned later in the year that jobs were gone.",
     ("later in the year", "2016-04-30", "2016-12-31", "year")),
    ("A vote is expected later in the year.",
     ("later in the year", "2019-03-13", "2019-12-31", "year")),
])
def test_parts_of_a_year_told_before(text, expected):
    assert values(text)[-1] == expected


def test_a_year_written_after_that_year_is_the_date():
    found = values("In 2010 the dam was built. That same year, 2011, the river flooded.")
    assert [v[0] for v in found] == ["In 2010", "2011"]
