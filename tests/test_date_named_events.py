"""Dates told from other dates and from the calendar: counts from a named event ("three days
after the raid"), the day of a month named before ("on the 14th"), moving holidays (Easter,
Eid, Ramadan, Nowruz, Thanksgiving), and years set by the tense of the clause or by the
period named before ("August that year", "the next year")."""

from __future__ import annotations

from datetime import date

import pytest

from claimbase.record import Document
from claimbase.timex import holidays
from claimbase.timex.dates import date_for, find_dates, normalise

REF = date(2019, 6, 12)  # a Wednesday


def values(text: str, ref: date | None = REF) -> list[tuple]:
    return [(d.text, d.value_start, d.value_end, d.precision) for d in normalise(text, ref)]


def parsed(resources, text: str, ref: date = REF) -> Document:
    doc = Document(text=text, ref="t")
    doc.reference_date = ref
    doc.spacy_doc = resources.nlp(doc.analysis_text)
    find_dates(doc, None)
    return doc


# ------------------------------------------------------------------ calendars

@pytest.mark.parametrize("year,western,orthodox", [
    (2016, date(2016, 3, 27), date(2016, 5, 1)), (2018, date(2018, 4, 1), date(2018, 4, 8)),
    (2019, date(2019, 4, 21), date(2019, 4, 28)), (2024, date(2024, 3, 31), date(2024, 5, 5)),
])
def test_easter_computus(year, western, orthodox):
    assert holidays.easter(year) == western
    assert holidays.orthodox_easter(year) == orthodox


def test_thanksgiving_is_the_fourth_thursday_of_november():
    assert [holidays.thanksgiving(y) for y in (2017, 2018, 2019)] == [
        date(2017, 11, 23), date(2018, 11, 22), date(2019, 11, 28)]


@pytest.mark.parametrize("hijri,observed", [
    ((1437, 12, 10), date(2016, 9, 12)),   # Eid al-Adha 2016 (Saudi)
    ((1440, 9, 1), date(2019, 5, 6)),      # first day of Ramadan 2019
    ((1440, 10, 1), date(2019, 6, 4)),     # Eid al-Fitr 2019
    ((1445, 12, 10), date(2024, 6, 16)),   # Eid al-Adha 2024
])
def test_tabular_hijri_calendar_is_within_a_day_of_observance(hijri, observed):
    assert abs((holidays.hijri_to_date(*hijri) - observed).days) <= 1


# ------------------------------------------------------------------ holidays in text

@pytest.mark.parametrize("text,ref,expected", [
    ("Two churches were bombed on Easter Sunday.", date(2019, 4, 25),
     ("on Easter Sunday", "2019-04-21", "2019-04-21", "day")),
    ("The town was shelled on Christmas Day.", date(2019, 1, 3),
     ("on Christmas Day", "2018-12-25", "2018-12-25", "day")),
    ("He flew back to Ohio on Thanksgiving.", date(2018, 11, 30),
     ("on Thanksgiving", "2018-11-22", "2018-11-22", "day")),
    ("Thousands marched for Newroz in the city.", date(2019, 3, 25),
     ("Newroz", "2019-03-20", "2019-03-21", "week")),
    # Islamic holidays: the tabular day and a day either side, never a single day
    ("Clashes went on during Eid al-Adha despite the truce.", date(2016, 9, 20),
     ("during Eid al-Adha", "2016-09-12", "2016-09-17", "week")),
    ("Shells hit the market on the first day of Eid al-Fitr.", date(2019, 6, 7),
     ("on the first day of Eid al-Fitr", "2019-06-04", "2019-06-06", "week")),
    ("Raids grew more frequent during Ramadan.", date(2019, 6, 12),
     ("during Ramadan", "2019-05-05", "2019-06-05", "month")),
    ("A truce held during Eid al-Adha 2016 in the north.", date(2019, 6, 12),
     ("during Eid al-Adha 2016", "2016-09-12", "2016-09-17", "week")),
])
def test_holidays(text, ref, expected):
    assert values(text, ref)[0] == expected


def test_a_coming_holiday_is_near_or_a_deadline():
    # a month ahead only as a deadline; a plain mention is of the last one (or one a week ahead)
    assert values("The truce holds until Eid al-Fitr.", date(2016, 6, 20))[0][1] == "2016-07-06"
    assert values("Shells fell during Eid al-Fitr prayers.", date(2016, 6, 10))[0][1] \
        == "2015-07-17"


@pytest.mark.parametrize("text", [
    "Jets hit the Easter Valley villages again.",      # a misspelt place name, not the feast
    "The professor Tariq Ramadan gave a lecture.",     # a person
    "The rebels named it their Ashura offensive.",     # the name of an operation
    "Ramadan is a month of fasting.",                  # the month in general
    "People gather for christmas day lunches.",        # not written as a name
    "MPs were called back from their Easter break.",   # a recess of varying weeks
])
def test_no_holiday_dates_from_other_names(text):
    assert values(text, date(2019, 6, 12)) == []


def test_a_bare_eid_is_the_one_around_the_report_only():
    # its possible days end at the report: one possible day left is the day
    assert values("Nine died on the first day of Eid in the province.", date(2016, 9, 13))[0][1:] \
        == ("2016-09-12", "2016-09-13", "week")
    assert values("Nine died on the first day of Eid in the province.", date(2016, 9, 12))[0][1:] \
        == ("2016-09-12", "2016-09-12", "day")
    assert values("Nine died on the first day of Eid in the province.", date(2017, 3, 1)) == []


# ------------------------------------------------------------------ days of the month

def test_day_of_the_month_named_before_or_of_the_reference_month():
    text = "On 3 May the militia entered the town. It withdrew on the 9th, officials said."
    assert values(text)[1] == ("on the 9th", "2019-05-09", "2019-05-09", "day")
    assert values("The convoy was hit on the 4th.")[0][1] == "2019-06-04"
    assert values("The convoy was hit on the 28th.")[0][1] == "2019-05-28"
    assert values("Talks will resume on the 2nd.")[0][1] == "2019-07-02"


@pytest.mark.parametrize("text", [
    "Snipers fired from the 5th floor of the tower.",
    "The mosque dates from the 12th century.",
    "In 2015 the group fled; it came back on the 3rd.",      # another period named before
    "On 28 April the town fell; on the 2nd they left it.",    # April's or May's?
    "Fighting lasted from the 4th to the 8th of May.",        # the month comes after
])
def test_no_day_of_month_without_a_safe_month(text):
    assert all(not d[0].startswith(("on the", "from the")) or d[1] is None
               for d in values(text))


# ------------------------------------------------------------------ years and weeks by context

@pytest.mark.parametrize("text,ref,expected", [
    # a place "next to" another and a comparison "than we expected" are no future cues
    ("They clashed in a hamlet next to the river in September.", date(2019, 2, 10),
     ("in September", "2018-09-01", "2018-09-30", "month")),
    ("There were more fighters than we expected before the push on Saturday.",
     date(2019, 2, 13), ("on Saturday", "2019-02-09", "2019-02-09", "day")),
    # a future cue inside a closed quotation does not reach the next sentence
    ("“We will hold,” he said.” Earlier on Sunday, the army shelled the town.",
     date(2018, 3, 19), ("on Sunday", "2018-03-18", "2018-03-18", "day")),
    # a future cue on the report's own weekday: that day
    ("The envoy will brief the council later on Wednesday.", REF,
     ("on Wednesday", "2019-06-12", "2019-06-12", "day")),
    ("The envoy will brief the council next Wednesday.", REF,
     ("next Wednesday", "2019-06-19", "2019-06-19", "day")),
])
def test_future_cues(text, ref, expected):
    assert values(text, ref)[-1] == expected


def test_whole_days_of_hours_count_from_the_day_named_before():
    got = values("On Monday the envoy met them. But 24 hours later, the deal fell apart.")
    assert got[1] == ("24 hours later", "2019-06-11", "2019-06-11", "day")
    assert values("The deal fell apart 24 hours later.") == []


def test_a_count_after_the_month_is_no_year():
    assert values("On 2 and 3 May 14 guards were killed.")[0] == \
        ("On 2 and 3 May", "2019-05-02", "2019-05-03", "day")


def test_periods_told_from_the_date_named_before():
    got = values("The law was passed in 2012. Oddly, the next year, it was repealed.")
    assert got[1] == ("the next year", "2013-01-01", "2013-12-31", "year")
    assert values("Aid is promised in the next year.")[0][1:] == \
        ("2020-01-01", "2020-12-31", "year")
    got = values("The raid came in 2013, and a vote in August that year failed.")
    assert got[1] == ("in August that year", "2013-08-01", "2013-08-31", "month")
    got = values("She vanished on 4 December 2014. That December morning was cold.")
    assert got[1][1:] == ("2014-12-01", "2014-12-31", "month")


# ------------------------------------------------------------------ with the parse

def test_counts_from_a_named_event(resources):
    text = ("Gunmen attacked the checkpoint near the bridge on 2 June. Soldiers detained four "
            "men a week after the attack.")
    doc = parsed(resources, text)
    count = next(d for d in doc.dates if d.text == "a week after")
    assert (count.value_start, count.precision) == ("2019-06-09", "day")
    pos = text.index("detained")
    assert date_for(doc, text.index("Soldiers"), len(text), pos).text == "a week after"
    # the event counted from is not dated by the count
    attack = text.index("attack.")
    assert date_for(doc, text.index("Soldiers"), len(text), attack) is None or \
        date_for(doc, text.index("Soldiers"), len(text), attack).text != "a week after"


def test_counts_from_a_date_inside_the_complement(resources):
    doc = parsed(resources, "Two days after the 3 June ambush, the militia left the valley.")
    count = next(d for d in doc.dates if d.text.startswith("Two days after"))
    assert count.value_start == "2019-06-05"


@pytest.mark.parametrize("text,count,expected", [
    # a word of the same kind refers back to the dated event
    ("Gunmen attacked a police checkpoint in Kabul on Monday, killing six officers. A day "
     "after the strike, police arrested two suspects.", "A day after", "2019-06-11"),
    ("Militants bombed a market in Maiduguri on 2 June. Two days after the attack, the "
     "army sealed off the town.", "Two days after", "2019-06-04"),
    ("Gunmen killed 12 villagers in Zamfara on 3 June. Troops arrived two days after the "
     "massacre.", "two days after", "2019-06-05"),
    # a clause: the earlier mention of its verb told of the same subject
    ("Trump said on Sunday that US troops would leave Syria. A day after Trump said the "
     "troops would leave, Turkish jets bombed Kurdish positions.", "A day after",
     "2019-06-10"),
])
def test_counts_from_an_event_of_the_same_kind_or_a_reported_clause(resources, text, count,
                                                                     expected):
    doc = parsed(resources, text)
    got = next(d for d in doc.dates if d.text == count)
    assert (got.value_start, got.value_end, got.precision) == (expected, expected, "day")


@pytest.mark.parametrize("text", [
    # the event named has no date in the text
    "The rebels left the town three days after the siege.",
    # two dated raids before: which one is "the raid" is not told
    "Militias raided a camp on 1 May and another on 20 May. A day after the raid, police came.",
    # an indefinite event is no earlier one
    "Militias raided a camp on 1 May. A day after a raid, police came.",
    # the clause's verb was told of another subject before
    "The minister said on Monday that talks would resume. Two days after the rebels said "
    "they would attend, the talks collapsed.",
    # the main clause's date is not the date of the clause counted from
    "On Monday, three days after Trump and Erdogan spoke by phone, Ankara pledged $3.5bn.",
    # two attacks of one kind on two days: which one is "the bombing" is not told
    "Jets struck Idlib on 1 June and rebels attacked Hama on 4 June. A day after the "
    "bombing, aid convoys halted.",
])
def test_counts_from_an_unknown_event_give_no_date(resources, text):
    doc = parsed(resources, text)
    counts = [d for d in doc.dates if "after" in (d.text or "")]
    assert counts and all(d.value_start is None and d.value_end is None for d in counts)


@pytest.mark.parametrize("text", [
    # durations, not counts from an event, even with a dated clause after them
    "He trained at the camp for five weeks before leaving for Mosul on 3 May.",
    "She saw them for the first time in a year after the release on 3 May.",
    "Nearly two years after the siege on 3 May 2017, the town is quiet.",
])
def test_durations_and_approximate_counts_are_no_dates(resources, text):
    doc = parsed(resources, text)
    assert not any(d.text and ("after" in d.text or "before" in d.text) for d in doc.dates)


def test_an_explicit_date_beats_an_unresolved_count(resources):
    text = "On Monday, three days after the two leaders spoke, the army pulled back."
    doc = parsed(resources, text)
    got = date_for(doc, 0, len(text), text.index("pulled"))
    assert got is not None and got.text == "On Monday"


@pytest.mark.parametrize("text,ref,expected", [
    # present tense, a modal or a time-setting verb: the coming deadline
    ("Ankara has until March to pull its troops out.", date(2019, 1, 15), "2019-03-01"),
    ("The council extended the mission until March.", date(2019, 1, 15), "2019-03-01"),
    ("The militia must leave the city by April.", date(2019, 1, 15), "2019-04-01"),
    # a past clause: the past one
    ("The rebels held the ridge until March, when it fell.", date(2019, 1, 15), "2018-03-01"),
    # a month in which something is still to happen, told in the present or as an
    # infinitive: the coming one
    ("Parliamentary elections are due to be held in May.", date(2019, 1, 15), "2019-05-01"),
    ("Iraqis go to the polls in May to elect a new parliament.", date(2019, 1, 15),
     "2019-05-01"),
    # past or perfect clauses: last year's
    ("The town fell to the rebels in March.", date(2019, 1, 15), "2018-03-01"),
    ("The town is believed to have fallen in March.", date(2019, 1, 15), "2018-03-01"),
    ("The population of the camp in December was just 9,500.", date(2019, 3, 19),
     "2018-12-01"),
    # a month of a noun, or of an infinitive telling a past deed's purpose: last year's
    ("Bolton visited Ankara to row back on an announcement by Trump in December that US "
     "forces would leave Syria.", date(2019, 1, 8), "2018-12-01"),
    # a coming reading from a cue of another clause, undone by the simple past
    ("Who is going to stop them? Then, on 20 January, the rebels attacked the city.",
     date(2018, 4, 1), "2018-01-20"),
])
def test_deadline_years_by_tense(resources, text, ref, expected):
    doc = parsed(resources, text, ref)
    assert [d.value_start for d in doc.dates if d.value_start][-1] == expected
