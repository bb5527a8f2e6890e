"""The fields an article record carries (a JSON Lines object, a CSV row) and their reading.

Shared by the readers of formats that hold many articles: the text (or the HTML page) of
each, and its title, outlet, URL and publication date.
"""

from __future__ import annotations

import datetime
import email.utils
import re

from pydantic import BaseModel, ConfigDict, ValidationError

from ...errors import Errors, NewstraceError
from ..article import Article
from ..html import from_html
from ..text import from_text

TEXT_FIELDS = "'text', 'html'"
"""Where a record's article is looked for, in this order (named in E022)."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ArticleFields(BaseModel):
    """The fields of an article record; other fields are ignored. ``published`` is kept raw."""

    model_config = ConfigDict(extra="ignore")

    text: str | None = None
    html: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: object = None


def parse_published(value: object) -> datetime.date | None:
    """The date in ``value``: ISO 8601 / RFC 3339 (``2024-10-25``, ``2024-10-25T08:30:00Z``) or
    RFC 822 as RSS writes it (``Fri, 25 Oct 2024 08:30:00 GMT``). None when there is none to read.

    The date is the one written, not converted to UTC: ``2024-10-25T23:30:00-05:00`` is 25 October.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    if _ISO_DATE.match(value):   # an ISO date with a time Python does not read (7 fraction digits)
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def validate_fields(data: object, key: str) -> ArticleFields:
    """``data`` (a parsed JSON value, a dict of CSV cells) as fields; E021 when it cannot be."""
    if not isinstance(data, dict):
        raise NewstraceError(Errors.E021, input=key, detail=f"a JSON object was expected, not {_json_type(data)}")
    try:
        return ArticleFields.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"field '{'.'.join(str(part) for part in error['loc'])}': {error['msg']}" for error in exc.errors()
        )
        raise NewstraceError(Errors.E021, input=key, detail=problems) from exc


def article_from_fields(fields: ArticleFields, key: str, *, max_chars: int) -> Article:
    """The article of a record: its ``text`` when not blank, else the page in its ``html``.

    The record's title, outlet, URL and date win over what the page or a dateline says.
    Raises E022 (neither text nor HTML) and the errors of :func:`~..text.from_text` and
    :func:`~..html.from_html`, naming ``key``.
    """
    title, outlet, url = clean(fields.title), clean(fields.outlet), clean(fields.url)
    published = parse_published(fields.published)
    if fields.text is not None and fields.text.strip():
        return from_text(
            fields.text, key, published=published, outlet=outlet, url=url, title=title,
            max_chars=max_chars, source_path=key,
        )
    if fields.html is not None and fields.html.strip():
        article = from_html(fields.html, key, url=url, max_chars=max_chars, source_path=key)
        return override(article, title=title, outlet=outlet, published=published)
    raise NewstraceError(Errors.E022, input=key, detail=TEXT_FIELDS)


def override(
    article: Article,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: datetime.date | None = None,
) -> Article:
    """``article`` with the fields given (not None) replacing what it had."""
    given = {"title": title, "outlet": outlet, "published": published}
    update = {name: value for name, value in given.items() if value is not None}
    return article.model_copy(update=update) if update else article


def clean(value: str | None) -> str | None:
    """``value`` stripped; None when blank."""
    value = value.strip() if value else None
    return value or None


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
