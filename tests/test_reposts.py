"""Re-post detection: copies across outlets, edited copies, metadata, independence."""

from __future__ import annotations

import random

from claimbase.eval.linking import edited_copy
from claimbase.link.reposts import DocInfo, effective_outlets, find_reposts, repost_roots

ARTICLE = """Fighters of the Islamic State attacked a convoy of the Syrian army on the road between
al-Sukhnah and Deir ez-Zor on Tuesday, killing at least eleven soldiers, a military source said.
The convoy was carrying fuel and ammunition to positions east of Palmyra when it was hit by
roadside bombs and then by small-arms fire from the hills north of the highway. Local residents
said the fighting lasted for nearly three hours before reinforcements arrived from the T4 air
base. The army later said it had killed several of the attackers and seized two pick-up trucks.
Desert ambushes have become more frequent since the spring, when the group lost its last
villages along the Euphrates and its remaining cells withdrew into the Badia. Analysts say the
cells now number in the hundreds and move at night between caves and dry river beds, where
they are hard to find from the air. The governor of Homs province called on residents to report
strangers and said new checkpoints would be set up along the highway in the coming weeks."""

OTHER = """Aid agencies warned on Monday that thousands of families displaced by fighting in
northern Idlib were living in open fields without shelter as winter temperatures fell below
freezing. The United Nations said more than forty thousand people had fled their homes in the
past two weeks alone, most of them women and children, and that camps near the Turkish border
were already full. A spokesman for a local relief committee said bread and heating fuel were in
short supply and that several children had been treated for cold-related illnesses. Turkey has
kept its border closed to new arrivals and says it is already hosting millions of refugees."""


def _doc(doc_id: str, text: str, outlet: str, **kw) -> DocInfo:
    return DocInfo(doc_id=doc_id, content=text, outlet=outlet, **kw)


def test_exact_copy_is_a_repost_of_the_earlier_article():
    docs = [_doc("a", ARTICLE, "Levant Wire", published="2019-05-07"),
            _doc("b", ARTICLE, "Crescent Post", published="2019-05-08"),
            _doc("c", OTHER, "Levant Wire", published="2019-05-07")]
    reposts = find_reposts(docs)
    assert [(r.doc_id, r.original_doc_id) for r in reposts] == [("b", "a")]
    assert reposts[0].containment == 1.0


def test_edited_copy_with_new_headline_and_trimmed_paragraphs_is_found():
    rng = random.Random(3)
    copy = edited_copy(ARTICLE, rng)
    assert copy != ARTICLE
    docs = [_doc("orig", ARTICLE, "Levant Wire", published="2019-05-07"),
            _doc("copy", copy, "Frontline Digest", published="2019-05-09"),
            _doc("other", OTHER, "Frontline Digest", published="2019-05-09")]
    reposts = find_reposts(docs)
    assert len(reposts) == 1
    assert (reposts[0].doc_id, reposts[0].original_doc_id) == ("copy", "orig")


def test_original_outlet_metadata_orients_the_pair_and_marks_missing_originals():
    docs = [_doc("x", ARTICLE, "Crescent Post", original_outlet="Levant Wire",
                 published="2019-05-01"),
            _doc("y", ARTICLE, "Levant Wire", published="2019-05-09"),
            _doc("z", OTHER, "Tigris Daily", original_outlet="Northern Sentinel")]
    reposts = {r.doc_id: r for r in find_reposts(docs)}
    # metadata wins over dates: x says it comes from Levant Wire
    assert reposts["x"].original_doc_id == "y"
    assert reposts["x"].method == "text+metadata"
    assert reposts["z"].original_doc_id is None and reposts["z"].method == "metadata"


def test_independent_reports_on_the_same_topic_are_not_reposts():
    variant = ARTICLE.replace("Fighters of the Islamic State attacked", "ISIS cells ambushed")
    rewritten = " ".join(reversed(ARTICLE.split(". ")))  # same facts, other sentence order
    docs = [_doc("a", OTHER, "A"), _doc("b", rewritten, "B"), _doc("c", variant, "C")]
    pairs = {(r.doc_id, r.original_doc_id) for r in find_reposts(docs)}
    assert ("a", "b") not in pairs and ("b", "a") not in pairs
    assert any({"c"} & set(p) for p in pairs)  # the lightly edited variant is a copy


def test_reposts_collapse_to_one_effective_outlet():
    docs = [_doc("a", ARTICLE, "Levant Wire", published="2019-05-07"),
            _doc("b", ARTICLE, "Crescent Post", published="2019-05-08"),
            _doc("c", ARTICLE, "Frontline Digest", published="2019-05-09"),
            _doc("d", OTHER, "Tigris Daily")]
    reposts = find_reposts(docs)
    roots = repost_roots([d.doc_id for d in docs], reposts)
    assert roots["b"] == roots["c"] == "a"
    outlets = effective_outlets(docs, reposts)
    assert outlets["a"] == outlets["b"] == outlets["c"] != outlets["d"]


def test_short_texts_are_never_called_copies():
    docs = [_doc("a", "Clashes in Raqqa.", "A"), _doc("b", "Clashes in Raqqa.", "B")]
    assert find_reposts(docs) == []
