"""Actor networks: who acts on whom. GEXF 1.3 (dynamic, for Gephi's timeline) and GraphML.

Nodes are actors (dictionary id, else the normalised mention text); one directed edge per
event from actor to recipient, keyed by event_id, with the event's dates as start/end.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import networkx as nx

EDGE_FIELDS = ("event_type", "acled_event_type", "modality", "author_stance")


def node_key(actor: dict[str, Any]) -> str:
    """A stable node id: the dictionary id, else "text:" + the lower-cased mention."""
    if actor.get("id"):
        return str(actor["id"])
    return "text:" + " ".join(str(actor.get("text") or "?").lower().split())


def _add_node(graph: nx.MultiDiGraph, actor: dict[str, Any]) -> str:
    key = node_key(actor)
    if key not in graph:
        attrs = {"label": actor.get("name") or actor.get("text") or key,
                 "sector": actor.get("sector"), "country": actor.get("country")}
        graph.add_node(key, **{k: v for k, v in attrs.items() if v is not None})
    return key


def actor_graph(records: Iterable[dict[str, Any]], dynamic: bool = True) -> nx.MultiDiGraph:
    """The actor -> recipient multigraph of the events that have both."""
    graph = nx.MultiDiGraph()
    if dynamic:
        graph.graph["mode"] = "dynamic"
    for rec in records:
        actor, recipient = rec.get("actor"), rec.get("recipient")
        if not actor or not recipient:
            continue
        source, target = _add_node(graph, actor), _add_node(graph, recipient)
        attrs: dict[str, Any] = {k: rec.get(k) for k in EDGE_FIELDS}
        attrs["label"] = rec.get("event_type")
        attrs["source_kind"] = (rec.get("attribution") or {}).get("source_kind")
        attrs["doc_id"] = rec.get("doc_id")
        date = rec.get("date") or {}
        if date.get("start"):
            attrs["start"] = date["start"]
            attrs["end"] = date.get("end") or date["start"]
        attrs["weight"] = 1
        graph.add_edge(source, target, key=rec.get("event_id"),
                       **{k: v for k, v in attrs.items() if v is not None})
    return graph


def write_gexf(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """GEXF 1.3 with mode="dynamic" and timeformat="date"; return the number of edges."""
    graph = actor_graph(records, dynamic=True)
    if graph.number_of_edges() == 0:
        graph.graph.pop("mode", None)
    nx.write_gexf(graph, out, version="1.3")
    return graph.number_of_edges()


def write_graphml(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """GraphML (networkx writer); start/end become plain edge attributes."""
    graph = actor_graph(records, dynamic=False)
    nx.write_graphml(graph, out)
    return graph.number_of_edges()
