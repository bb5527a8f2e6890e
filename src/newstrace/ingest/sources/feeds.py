"""RSS and Atom feed files: each item (RSS 2.0, RSS 1.0) or entry (Atom) is an article.

The article text is the fullest the item carries: ``content:encoded``, else ``description``
(RSS); ``content``, else ``summary`` (Atom). HTML in it goes through the HTML reader
(:func:`~..html.from_html`), plain text through :func:`~..text.from_text`. The item's title,
link and date (``pubDate``, ``dc:date``; Atom ``published``, else ``updated``) are kept; the
outlet is the item's ``source`` (the feed it was taken from), else the feed's own title.
Item ``N`` is the N-th item or entry of the file.

The XML is parsed with lxml, without network access and without expanding entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict

from ...errors import Errors, NewstraceError
from ..article import Article
from ..html import from_html
from ..text import from_text
from .fields import clean, override, parse_published
from .item import Item, Result

ATOM = "http://www.w3.org/2005/Atom"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RSS1 = "http://purl.org/rss/1.0/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"

RSS_TEXT = "content:encoded, description"
ATOM_TEXT = "content, summary"

_MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--")


class FeedEntry(BaseModel):
    """What one item of a feed says, as written."""

    model_config = ConfigDict(extra="forbid")

    body: str | None = None
    body_is_html: bool | None = None     # None: decide from the content
    looked_in: str
    title: str | None = None
    link: str | None = None
    published: str | None = None
    outlet: str | None = None


def read_feed(path: Path, key: str, *, max_chars: int) -> Iterator[Result]:
    """The articles of the RSS or Atom file ``path``, as items ``key#N``.

    Raises E024 (not XML, or XML that is not a feed) and E009 (unreadable); yields E022 (an
    item without text) and the errors of the article's text or HTML for each bad item.
    """
    for number, entry in enumerate(feed_entries(path, key), start=1):
        item_key = f"{key}#{number}"
        try:
            yield Item.of(item_key, entry_article(entry, item_key, max_chars=max_chars))
        except NewstraceError as exc:
            yield exc


def feed_entries(path: Path, key: str) -> list[FeedEntry]:
    """The items of the feed in ``path``, in file order."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise NewstraceError(Errors.E024, input=key, detail=f"not well-formed XML: {exc}") from exc
    except OSError as exc:
        raise NewstraceError(Errors.E009, input=key, detail=exc.strerror or str(exc)) from exc
    tag = etree.QName(root)
    if tag.namespace is None and tag.localname == "rss":
        channel = root.find("channel")
        if channel is None:
            raise NewstraceError(Errors.E024, input=key, detail="<rss> holds no <channel>")
        outlet = _text(channel.find("title"))
        return [_rss_entry(item, "", outlet) for item in channel.iterchildren("item")]
    if tag.namespace == RDF and tag.localname == "RDF":
        outlet = _text(root.find(f"{{{RSS1}}}channel/{{{RSS1}}}title"))
        return [_rss_entry(item, f"{{{RSS1}}}", outlet) for item in root.iterchildren(f"{{{RSS1}}}item")]
    if tag.namespace == ATOM and tag.localname == "feed":
        outlet = _atom_text(root.find(f"{{{ATOM}}}title"))
        return [_atom_entry(entry, outlet) for entry in root.iterchildren(f"{{{ATOM}}}entry")]
    name = f"{{{tag.namespace}}}{tag.localname}" if tag.namespace else tag.localname
    raise NewstraceError(Errors.E024, input=key, detail=f"the root element is <{name}>, not <rss>, <feed> or <rdf:RDF>")


def entry_article(entry: FeedEntry, key: str, *, max_chars: int) -> Article:
    """The article of one feed item; raises E022 when it carries no text."""
    if entry.body is None or not entry.body.strip():
        raise NewstraceError(Errors.E022, input=key, detail=entry.looked_in)
    body = entry.body.strip()
    title, outlet = clean(entry.title), clean(entry.outlet)
    published = parse_published(entry.published)
    url = clean(entry.link)
    is_html = entry.body_is_html if entry.body_is_html is not None else _MARKUP.search(body) is not None
    if is_html:
        article = from_html(body, key, url=url, max_chars=max_chars, source_path=key)
        return override(article, title=title, outlet=outlet, published=published)
    return from_text(
        body, key, published=published, outlet=outlet, url=url, title=title, max_chars=max_chars, source_path=key
    )


def _rss_entry(item: Any, ns: str, feed_title: str | None) -> FeedEntry:
    """An RSS item; ``ns`` is ``""`` for RSS 2.0, the RSS 1.0 namespace in braces for RSS 1.0."""
    body = _text(item.find(f"{{{CONTENT}}}encoded")) or _text(item.find(f"{ns}description"))
    link = _text(item.find(f"{ns}link"))
    guid = item.find("guid")
    if link is None and guid is not None and guid.get("isPermaLink", "true") != "false":
        link = _text(guid)
    return FeedEntry(
        body=body,
        looked_in=RSS_TEXT,
        title=_plain(_text(item.find(f"{ns}title"))),
        link=link,
        published=_text(item.find("pubDate")) or _text(item.find(f"{{{DC}}}date")),
        outlet=_text(item.find("source")) or feed_title,
    )


def _atom_entry(entry: Any, feed_title: str | None) -> FeedEntry:
    content = entry.find(f"{{{ATOM}}}content")
    if content is None or content.get("src") is not None:   # out-of-line content: only the summary is here
        content = entry.find(f"{{{ATOM}}}summary")
    body, is_html = _atom_body(content)
    source_title = entry.find(f"{{{ATOM}}}source/{{{ATOM}}}title")
    return FeedEntry(
        body=body,
        body_is_html=is_html,
        looked_in=ATOM_TEXT,
        title=_atom_text(entry.find(f"{{{ATOM}}}title")),
        link=_atom_link(entry),
        published=_text(entry.find(f"{{{ATOM}}}published")) or _text(entry.find(f"{{{ATOM}}}updated")),
        outlet=_atom_text(source_title) or feed_title,
    )


def _atom_body(element: Any) -> tuple[str | None, bool | None]:
    """The text of an Atom ``content`` or ``summary`` and whether it is HTML (RFC 4287, 3.1.1)."""
    if element is None:
        return None, None
    kind = element.get("type", "text")
    if kind == "xhtml":
        inner = "".join(etree.tostring(child, encoding="unicode", method="html", with_tail=True) for child in element)
        return (element.text or "") + inner, True
    return _text(element), kind == "html"


def _atom_link(entry: Any) -> str | None:
    """The entry's ``alternate`` link (a link without ``rel`` is one), else its first link."""
    links = entry.findall(f"{{{ATOM}}}link")
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return clean(str(link.get("href")))
    return clean(str(links[0].get("href"))) if links and links[0].get("href") else None


def _atom_text(element: Any) -> str | None:
    """An Atom text construct (a title) as plain text."""
    if element is None:
        return None
    body, is_html = _atom_body(element)
    return _plain(body) if is_html else clean(body)


def _text(element: Any) -> str | None:
    """All the text inside ``element``, stripped; None when there is none."""
    if element is None:
        return None
    return clean("".join(str(part) for part in element.itertext()))


def _plain(value: str | None) -> str | None:
    """A short text that may hold markup (a title) with its tags and entities removed."""
    if value is None or _MARKUP.search(value) is None and "&" not in value:
        return clean(value)
    return clean(str(etree.fromstring(f"<t>{value}</t>", etree.HTMLParser()).xpath("string()")))
