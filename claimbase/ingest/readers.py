"""Readers: every input kind becomes a `Document`, every bad input one `InputError`.

`read_inputs(inputs, settings)` takes what the command line or API gives — file paths,
directories (recursive, sorted, known extensions only), `-` for stdin, http(s) URLs (HTML pages
or RSS/Atom feeds) — and yields a `Document` per article or an `InputError` per bad input,
then goes on with the next input. It never raises for one bad input.

Formats: `.txt`/`.md` (the decoded text as is: UTF-8, else detected with charset-normalizer),
`.html`/`.htm` (main text by trafilatura, date by htmldate), `.json` (one object or a list),
`.jsonl` (one object per line: id, text, title, outlet, author, published, url; only text is
required), `.warc`/`.warc.gz` (every 2xx HTML response record), `.rss`/`.atom` feeds.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimbase.config import Settings
from claimbase.ingest.cues import SENT_END, WORD
from claimbase.record import DocMeta, Document
from claimbase.text import decode_entities

TEXT_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom")
_PLAIN_SUFFIXES = (*TEXT_FORMATS, *HTML_SUFFIXES, *JSON_SUFFIXES, *JSONL_SUFFIXES,
                   *FEED_SUFFIXES)
KNOWN_SUFFIXES = (*_PLAIN_SUFFIXES, *(f"{s}.gz" for s in _PLAIN_SUFFIXES), *WARC_SUFFIXES)
DEFAULT_MIN_WORDS = 40  # words of sentence-like prose an article needs (files, pages)
DEFAULT_TIMEOUT = 20.0
USER_AGENT = "claimbase/0.1 (news event extraction; +https://github.com/claimbase)"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_URL = re.compile(r"^https?://", re.I)
_FEED_SNIFF = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<\?xml[^>]*>\s*<html)",
                         re.I)
_META_FIELDS = ("title", "outlet", "author", "published", "url", "original_outlet", "language")


@dataclass(frozen=True, slots=True)
class InputError:
    """One bad input: what it was and what is wrong with it."""

    ref: str
    reason: str

    def __str__(self) -> str:
        return f"{self.ref}: {self.reason}"


class BadInput(Exception):
    """Raised inside the readers; becomes an `InputError`."""


# --- public helpers ------------------------------------------------------------------------


def document_from_dict(obj: dict[str, Any], ref: str | None = None) -> Document:
    """A `Document` from a JSON object {"id","text","title","outlet","author","published",
    "url",…}. `ref` is the object's id, else the given ref. Raises ValueError without text."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    if obj.get("id") not in (None, ""):
        ref = str(obj["id"])
    ref = ref or "<json>"
    text = obj.get("text")
    if text is None and isinstance(obj.get("html"), str):
        return _html_record(obj, ref)
    if text is None:
        raise ValueError('no "text" field')
    if not isinstance(text, str):
        raise ValueError(f'"text" must be a string, not {type(text).__name__}')
    doc = Document(text=decode_entities(text), ref=ref, meta=meta_from_dict(obj),
                   source_format=str(obj.get("source_format") or "json"))
    return doc


def meta_from_dict(obj: dict[str, Any]) -> DocMeta:
    """`DocMeta` from the metadata fields of a JSON object (unknown fields ignored)."""
    meta = DocMeta()
    for key in _META_FIELDS:
        value = obj.get(key)
        if value in (None, ""):
            continue
        if key == "author" and isinstance(value, list):
            meta.authors = [str(v) for v in value]
            value = ", ".join(meta.authors)
        elif key == "published":
            value = normalise_date(value)
        if key in ("title", "outlet", "author"):
            value = decode_entities(str(value))
        setattr(meta, key, str(value) if value is not None else None)
    if isinstance(obj.get("authors"), list) and not meta.authors:
        meta.authors = [str(v) for v in obj["authors"]]
        meta.author = meta.author or ", ".join(meta.authors) or None
    if meta.author and not meta.authors:
        meta.authors = [meta.author]
    return meta


def normalise_date(value: Any) -> str | None:
    """An ISO "YYYY-MM-DD" from a date string in any common form (None if not a date)."""
    text = str(value).strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return text[:10]
    from datetime import datetime

    from dateutil import parser

    try:  # two defaults: a date missing its day or month parses differently -> not a day
        one = parser.parse(text, default=datetime(1900, 1, 1))
        two = parser.parse(text, default=datetime(1904, 12, 28))
    except (ValueError, OverflowError, TypeError):
        return None
    return one.date().isoformat() if one.date() == two.date() else None


def decode_bytes(data: bytes) -> str:
    """Text from bytes: BOM, else UTF-8, else the charset-normalizer guess.

    Raises BadInput for binary data (NUL bytes, control characters) or undecodable bytes.
    """
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise BadInput(f"badly encoded {codec} text ({exc.reason})") from exc
    if b"\x00" in data:
        raise BadInput("binary file (contains NUL bytes), not text")
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BadInput("undecodable: not valid UTF-8 and no other text encoding fits")
    return _check_text(str(best))


def directory_files(directory: str) -> list[str]:
    """Readable files under a directory (recursive, hidden ones skipped), sorted by their
    path relative to it; each joined to the directory as given."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or not name.lower().endswith(KNOWN_SUFFIXES):
                continue
            path = os.path.join(root, name)
            found.append((Path(os.path.relpath(path, directory)).parts, path))
    return [path for _parts, path in sorted(found)]


def _check_text(text: str) -> str:
    if text and len(_CONTROL.findall(text)) > max(2, 0.01 * len(text)):
        raise BadInput("binary file (control characters), not text")
    return text


def prose_words(doc: Document) -> int:
    """Words of sentence-like prose left after boilerplate marking (fills the marks)."""
    from claimbase.ingest.clean import mark_boilerplate

    mark_boilerplate(doc)
    count = 0
    for line in doc.analysis_text.splitlines():
        n = len(WORD.findall(line))
        if n >= 6 or (n >= 3 and SENT_END.search(line.strip())):
            count += n
    return count


# --- the reader -------------------------------------------------------------------------


def read_inputs(
    inputs: Iterable[str], settings: Settings | None = None
) -> Iterator[Document | InputError]:
    """Yield a `Document` per article and an `InputError` per bad input, in input order."""
    reader = _Reader(settings or Settings())
    try:
        for item in inputs:
            yield from _guarded(str(item), reader.read(str(item)))
    finally:
        reader.close()


def _guarded(ref: str, items: Iterator[Document | InputError]) -> Iterator[Document | InputError]:
    """Turn an unexpected failure inside one input into an `InputError`."""
    try:
        yield from items
    except BadInput as exc:
        yield InputError(ref, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad input never stops the stream
        yield InputError(ref, f"cannot read: {type(exc).__name__}: {exc}")


class _Reader:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.max_bytes = int(settings.max_bytes)
        self.min_words = int(getattr(settings, "min_words", 0)
                             or os.environ.get("CLAIMBASE_MIN_WORDS", DEFAULT_MIN_WORDS))
        self.timeout = float(getattr(settings, "timeout", 0)
                             or os.environ.get("CLAIMBASE_TIMEOUT", DEFAULT_TIMEOUT))
        self._client: Any = None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    # dispatch

    def read(self, item: str) -> Iterator[Document | InputError]:
        if item == "-":
            yield from self._stdin()
        elif _URL.match(item):
            yield from self._url(item)
        else:
            yield from self._path(item)

    def _path(self, item: str) -> Iterator[Document | InputError]:
        path = Path(item)
        if path.is_dir():
            yield from self._directory(item)
        elif not path.exists():
            yield InputError(item, "no such file or directory")
        elif not path.is_file():
            yield InputError(item, "not a regular file")
        else:
            yield from _guarded(item, self._file(item))

    def _directory(self, item: str) -> Iterator[Document | InputError]:
        files = directory_files(item)
        for ref in files:
            yield from _guarded(ref, self._file(ref))
        if not files:
            yield InputError(item, "directory has no readable files (.txt, .md, .html, .json, "
                                   ".jsonl, .warc, .rss, .atom, or these .gz)")

    def _file(self, ref: str) -> Iterator[Document | InputError]:
        name = ref.lower()
        size = os.path.getsize(ref)
        if name.endswith(WARC_SUFFIXES):
            yield from self._warc(ref)
            return
        if name.endswith(".gz"):
            yield from self._gzip(ref, name.removesuffix(".gz"))
            return
        if name.endswith(JSONL_SUFFIXES):
            yield from self._jsonl_file(ref)
            return
        if size > self.max_bytes:
            raise BadInput(f"file is {size:,} bytes, larger than the limit of "
                           f"{self.max_bytes:,} bytes (max_bytes)")
        data = Path(ref).read_bytes()
        yield from self._bytes(data, ref, _format_of(name, data))

    def _gzip(self, ref: str, inner: str) -> Iterator[Document | InputError]:
        """A gzip-compressed file, read as the format of its inner name ("x.jsonl.gz")."""
        import gzip

        try:
            with gzip.open(ref, "rb") as fh:
                if inner.endswith(JSONL_SUFFIXES):
                    yield from self._jsonl_lines(fh, ref)
                    return
                data = fh.read(self.max_bytes + 1)
        except (OSError, EOFError) as exc:
            raise BadInput(f"not a valid gzip file: {exc}") from exc
        if len(data) > self.max_bytes:
            raise BadInput(f"uncompressed text is larger than the limit of {self.max_bytes:,} "
                           "bytes (max_bytes)")
        yield from self._bytes(data, ref, _format_of(inner, data))

    def _bytes(self, data: bytes, ref: str, fmt: str,
               url: str | None = None) -> Iterator[Document | InputError]:
        """Documents from the bytes of one input of a known format."""
        if not data.strip():
            raise BadInput("empty input (no text)")
        if fmt == "html":
            yield self._checked(html_document(data, ref, url))
        elif fmt == "json":
            yield from self._json(decode_bytes(data), ref)
        elif fmt == "jsonl":
            yield from self._jsonl_lines(data.splitlines(), ref)
        elif fmt == "feed":
            yield from self._feed(data, ref)
        else:
            text = decode_entities(decode_bytes(data))
            meta = DocMeta(url=url) if url else DocMeta()
            yield self._checked(Document(text=text, ref=ref, meta=meta, source_format=fmt))

    def _stdin(self) -> Iterator[Document | InputError]:
        data = sys.stdin.buffer.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise BadInput(f"stdin is larger than the limit of {self.max_bytes:,} bytes")
        yield from _guarded("-", self._bytes(data, "-", _sniff(data)))

    # checks

    def _checked(self, doc: Document | InputError, min_words: int | None = None
                 ) -> Document | InputError:
        """The document, or an InputError when it is empty or not an article."""
        if isinstance(doc, InputError):
            return doc
        if not doc.text.strip():
            return InputError(doc.ref, "empty input (no text)")
        if "\x00" in doc.text:
            return InputError(doc.ref, "binary content (NUL characters), not text")
        if len(doc.text.encode("utf-8")) > self.max_bytes:
            return InputError(doc.ref, f"text is larger than the limit of {self.max_bytes:,} "
                                       "bytes (max_bytes)")
        need = self.min_words if min_words is None else min_words
        words = prose_words(doc)
        if words < need:
            return InputError(doc.ref, f"not an article: {words} words of prose after "
                                       f"removing boilerplate (at least {need} needed)")
        return doc

    # JSON

    def _record(self, obj: Any, ref: str) -> Document | InputError:
        try:
            doc = document_from_dict(obj, ref)
        except BadInput as exc:
            return InputError(ref, str(exc))
        except ValueError as exc:
            return InputError(ref, f"not an article: {exc}")
        return self._checked(doc, min_words=1)

    def _json(self, text: str, ref: str) -> Iterator[Document | InputError]:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadInput(f"malformed JSON: {exc}") from exc
        if isinstance(data, dict):
            yield self._record(data, ref)
        elif isinstance(data, list):
            if not data:
                raise BadInput("empty JSON list")
            for n, obj in enumerate(data, 1):
                yield self._record(obj, f"{ref}:{n}")
        else:
            raise BadInput(f"expected a JSON object or list, got {type(data).__name__}")

    def _jsonl_file(self, ref: str) -> Iterator[Document | InputError]:
        with open(ref, "rb") as fh:
            yield from self._jsonl_lines(fh, ref)

    def _jsonl_lines(self, lines: Iterable[bytes], ref: str) -> Iterator[Document | InputError]:
        seen = False
        for n, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            seen = True
            where = f"{ref}:{n}"
            if len(raw) > self.max_bytes:
                yield InputError(where, f"line is larger than the limit of {self.max_bytes:,} "
                                        "bytes (max_bytes)")
                continue
            try:
                obj = json.loads(decode_bytes(raw))
            except (json.JSONDecodeError, BadInput) as exc:
                yield InputError(where, f"malformed JSON line: {exc}")
                continue
            yield self._record(obj, where)
        if not seen:
            raise BadInput("empty input (no JSON lines)")

    # HTTP

    @property
    def client(self) -> Any:
        if self._client is None:
            import httpx

            self._client = httpx.Client(follow_redirects=True, timeout=self.timeout,
                                        headers={"User-Agent": USER_AGENT})
        return self._client

    def fetch(self, url: str) -> tuple[bytes, str, str]:
        """(body, content type, final URL) of a 2xx response; BadInput otherwise."""
        import httpx

        try:
            with self.client.stream("GET", url) as resp:
                if not 200 <= resp.status_code < 300:
                    raise BadInput(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body.extend(chunk)
                    if len(body) > self.max_bytes:
                        raise BadInput(f"response is larger than the limit of "
                                       f"{self.max_bytes:,} bytes (max_bytes)")
                ctype = resp.headers.get("content-type", "").lower()
                return bytes(body), ctype, str(resp.url)
        except httpx.TimeoutException as exc:
            raise BadInput(f"timed out after {self.timeout:g} s ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise BadInput(f"cannot fetch: {type(exc).__name__}: {exc}") from exc

    def _url(self, url: str) -> Iterator[Document | InputError]:
        body, ctype, final = self.fetch(url)
        fmt = _format_of_response(ctype, body)
        if fmt is None:
            raise BadInput(f"unsupported content type {ctype or '(none)'}")
        if fmt == "feed":
            yield from self._feed(body, url)
            return
        for doc in self._bytes(body, url, fmt, url=final):
            if isinstance(doc, Document) and doc.meta.url is None:
                doc.meta.url = final
            yield doc

    def _feed(self, data: bytes, ref: str) -> Iterator[Document | InputError]:
        import feedparser

        feed = feedparser.parse(data)
        if not feed.entries:
            reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
            raise BadInput(f"feed has no entries{reason}")
        outlet = feed.feed.get("title") or None
        for n, entry in enumerate(feed.entries, 1):
            link = entry.get("link")
            where = link or f"{ref}#{n}"
            yield from _guarded(where, self._entry(entry, where, link, outlet))

    def _entry(self, entry: Any, ref: str, link: str | None,
               outlet: str | None) -> Iterator[Document | InputError]:
        doc: Document | InputError | None = None
        failure = "the entry has no link"
        if link and _URL.match(link):
            try:
                body, ctype, final = self.fetch(link)
                if _format_of_response(ctype, body) == "html":
                    doc = html_document(body, ref, final)
                else:
                    failure = f"the linked page is not HTML ({ctype or 'no content type'})"
            except BadInput as exc:
                failure = str(exc)
        if not isinstance(doc, Document):
            doc = _entry_content(entry, ref)
            if doc is None:
                yield InputError(ref, f"cannot fetch the entry ({failure}) and the feed has "
                                      "no content for it")
                return
            doc.errors.append(f"page not fetched ({failure}): text from the feed entry")
        _fill_from_entry(doc, entry, link, outlet)
        yield self._checked(doc)

    # WARC

    def _warc(self, ref: str) -> Iterator[Document | InputError]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        found = 0
        try:
            with open(ref, "rb") as fh:
                for record in ArchiveIterator(fh):
                    item = self._warc_record(record)
                    if item is not None:
                        found += 1
                        yield item
        except ArchiveLoadFailed as exc:
            raise BadInput(f"not a valid WARC file: {exc}") from exc
        if not found:
            raise BadInput("WARC has no HTML response records")

    def _warc_record(self, record: Any) -> Document | InputError | None:
        """A document from a 2xx HTML `response` (or an HTML `resource`) record."""
        if record.rec_type == "response" and record.http_headers is not None:
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if not (record.http_headers.get_statuscode() or "").startswith("2"):
                return None
        elif record.rec_type == "resource":
            ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
        else:
            return None
        if "html" not in ctype:
            return None
        uri = record.rec_headers.get_header("WARC-Target-URI") or "<warc record>"
        body = record.content_stream().read(self.max_bytes + 1)
        if len(body) > self.max_bytes:
            return InputError(uri, f"record is larger than the limit of {self.max_bytes:,} bytes")
        if not body.strip():
            return InputError(uri, "empty input (no text)")
        doc = html_document(body, uri, uri)
        if isinstance(doc, Document):
            doc.source_format = "warc"
        return self._checked(doc)


# --- HTML -------------------------------------------------------------------------------


def html_document(data: bytes | str, ref: str, url: str | None = None) -> Document | InputError:
    """The main text of an HTML page (trafilatura) with its title, author, site and date."""
    import trafilatura

    html = decode_bytes(data) if isinstance(data, bytes) else data
    result = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                         include_comments=False)
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        return InputError(ref, "not an article: no main text found in the HTML")
    meta = DocMeta(title=result.title or None, outlet=result.sitename or None,
                   url=url or result.url or None, language=result.language or None)
    if result.author:
        meta.authors = [a.strip() for a in re.split(r";|\s+and\s+", result.author) if a.strip()]
        meta.author = ", ".join(meta.authors) if len(meta.authors) > 2 else \
            " and ".join(meta.authors)
    meta.published = _html_date(html, url) or result.date or None
    return Document(text=text, ref=ref, meta=meta, source_format="html")


def _html_date(html: str, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        return find_date(html, url=url, original_date=True, extensive_search=False,
                         outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate raises on odd markup; the date is optional
        return None


def _html_record(obj: dict[str, Any], ref: str) -> Document:
    doc = html_document(obj["html"], ref, obj.get("url"))
    if isinstance(doc, InputError):
        raise ValueError(doc.reason)
    given = meta_from_dict(obj)
    for key in (*_META_FIELDS, "authors"):
        if getattr(given, key):
            setattr(doc.meta, key, getattr(given, key))
    return doc


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): block elements on lines."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - not markup at all: keep the text
        return fragment
    for el in root.iter("script", "style"):
        el.drop_tree()
    for el in root.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"):
        el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+\n", "\n", text)).strip()


def _entry_content(entry: Any, ref: str) -> Document | None:
    """A document from the HTML a feed entry carries (content, else summary)."""
    html = ""
    if entry.get("content"):
        html = entry.content[0].get("value", "")
    html = html or entry.get("summary", "")
    if not html.strip():
        return None
    doc = html_document(f"<html><body><article>{html}</article></body></html>", ref)
    if isinstance(doc, InputError):
        text = fragment_text(html)
        if not text.strip():
            return None
        doc = Document(text=text, ref=ref, source_format="html")
    doc.source_format = "feed"
    return doc


def _fill_from_entry(doc: Document, entry: Any, link: str | None, outlet: str | None) -> None:
    meta = doc.meta
    meta.title = meta.title or entry.get("title") or None
    if not meta.author and entry.get("author"):
        meta.author = entry.author
        meta.authors = meta.authors or [entry.author]
    meta.outlet = meta.outlet or outlet
    meta.url = meta.url or link
    if not meta.published:
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if parsed:
            meta.published = f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"


# --- format detection -------------------------------------------------------------------


def _format_of(name: str, data: bytes) -> str:
    """The reader for a file: by extension, else by sniffing its first bytes."""
    for suffix, fmt in TEXT_FORMATS.items():
        if name.endswith(suffix):
            return fmt
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(JSON_SUFFIXES):
        return "json"
    if name.endswith(FEED_SUFFIXES):
        return "feed"
    return _sniff(data)


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip()
    if _HTML_SNIFF.match(head):
        return "html"
    if _FEED_SNIFF.search(head):
        return "feed"
    if head[:1] == b"[" or head[:1] == b"{":
        lines = [ln for ln in data.splitlines() if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip()[:1] == b"{" for ln in lines[:5]) and \
                lines[0].rstrip().endswith(b"}"):
            return "jsonl"
        return "json"
    return "txt"


def _format_of_response(ctype: str, body: bytes) -> str | None:
    head = body[:2048]
    if any(k in ctype for k in ("rss", "atom")) or (
            ("xml" in ctype or not ctype or "text/plain" in ctype) and _FEED_SNIFF.search(head)):
        return "feed"
    if "html" in ctype or (not ctype and _HTML_SNIFF.match(head.lstrip())):
        return "html"
    if "ndjson" in ctype or "jsonl" in ctype:
        return "jsonl"
    if "json" in ctype:
        return "json"
    if ctype.startswith("text/markdown"):
        return "md"
    if ctype.startswith("text/") or not ctype:
        return "txt"
    return None
