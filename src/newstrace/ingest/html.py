"""HTML pages to articles: trafilatura finds the article text, title, date and site name."""

from __future__ import annotations

import datetime
import re

from trafilatura import bare_extraction
from trafilatura.settings import Document, Extractor, set_date_params

from ..errors import Errors, NewstraceError
from .article import Article
from .text import DEFAULT_MAX_CHARS, from_text

HTML_CHARS_PER_TEXT_CHAR = 10
"""Markup outweighs text: HTML up to ten times ``max_chars`` is accepted before extraction (E014
beyond); the extracted text must then be within ``max_chars`` (E005)."""

PROSE_LINE_WORDS = 8
"""A line of extracted text with at least this many words is prose, not a menu item or a caption ..."""

MIN_PROSE_WORDS = 15
"""... and an article has at least this many words in prose lines (else E007: a menu, a login page)."""

_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.IGNORECASE
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts (after whitespace and comments) like an HTML document."""
    head = text[:4096].lstrip().lower()
    while head.startswith("<!--") and "-->" in head:
        head = head.split("-->", 1)[1].lstrip()
    if head.startswith("<?xml"):
        return "<html" in head
    return _HTML_START.match(head) is not None


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first 4 KB (``<meta charset>``), if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def extract_html(html: str, url: str | None = None) -> Document | None:
    """trafilatura's extraction of the main text and metadata of a page (None: nothing found).

    The date comes from the page's metadata and markup only: htmldate's "extensive search"
    is off, since it would take any date the article mentions ("talks resume on 3 May")
    or a copyright year for the publication date.
    """
    options = Extractor(
        output_format="python", with_metadata=True, comments=False, url=url,
        date_params=set_date_params(extensive=False),
    )
    document = bare_extraction(html, options=options)
    return document if isinstance(document, Document) else None


def from_html(
    html: str,
    name: str,
    url: str | None = None,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    reference: datetime.date | None = None,
    source_path: str | None = None,
) -> Article:
    """The article an HTML page holds; ``name`` is what errors call the input.

    The outlet is the page's site name (``og:site_name`` and kin), else the one a
    dateline in the text names; the date is the page's publication date, else the dateline's.
    Raises E014 (HTML too long), E007 (no article text) and the checks of :func:`~.text.from_text`.
    """
    if len(html) > HTML_CHARS_PER_TEXT_CHAR * max_chars:
        raise NewstraceError(
            Errors.E014, input=name, size=f"{len(html):,}", limit=f"{HTML_CHARS_PER_TEXT_CHAR * max_chars:,}"
        )
    document = extract_html(html, url)
    text = document.text if document is not None else None
    if document is None or not text or not has_prose(text):
        raise NewstraceError(Errors.E007, input=name)
    return from_text(
        text,
        name,
        published=_date(document.date),
        outlet=_clean(document.sitename),
        url=url or _clean(document.url),
        title=_clean(document.title),
        max_chars=max_chars,
        reference=reference,
        source_path=source_path,
    )


def has_prose(text: str) -> bool:
    """True when ``text`` holds running prose, not just menu items, captions or a footer."""
    counts = (len(line.split()) for line in text.splitlines())
    return sum(n for n in counts if n >= PROSE_LINE_WORDS) >= MIN_PROSE_WORDS


def _clean(value: str | None) -> str | None:
    value = value.strip() if value else None
    return value or None


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
