"""`syntax.sentence_start`: the first token of a token's sentence, from kept sentence starts."""

from __future__ import annotations

from claimbase.nlp.syntax import sentence_start

TEXT = ("Rebels shelled the town of Hajin on Monday. Three civilians were killed, the "
        "Syrian Observatory said.\n\nThe army said it had retaken the area. \"We will stay,\" "
        "a commander told reporters")


def test_sentence_start_is_spacys_for_every_token(resources):
    sdoc = resources.nlp(TEXT)
    assert len(list(sdoc.sents)) >= 4
    assert [sentence_start(sdoc, t.i) for t in sdoc] == [t.sent.start for t in sdoc]


def test_sentence_starts_are_kept_per_document(resources):
    first, second = resources.nlp(TEXT), resources.nlp("Jets hit Idlib. " + TEXT)
    assert sentence_start(first, len(first) - 1) == first[-1].sent.start
    # the second document's starts are its own, not the first one's kept list
    assert sentence_start(second, len(second) - 1) == second[-1].sent.start
    assert second[-1].sent.start != first[-1].sent.start
