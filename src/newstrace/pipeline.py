"""Build the spaCy pipeline from settings and run articles through it to analysis records."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from . import extract as _extract  # noqa: F401
from .config.settings import Settings
from .errors import Errors, NewstraceError
from .extract.attributions import component as _attributions  # noqa: F401  (registers factories)
from .extract.entities import component as _entities  # noqa: F401
from .extract.entities.gazetteer import default_gazetteer
from .extract.events import component as _events  # noqa: F401
from .extract.framing import component as _framing  # noqa: F401
from .extract.places import component as _places  # noqa: F401
from .extract.quantities import component as _quantities  # noqa: F401
from .extract.record import component as _record  # noqa: F401
from .extract.times import component as _times  # noqa: F401
from .ingest.article import Article
from .ingest.html import from_html, looks_like_html
from .ingest.text import from_text
from .nlp import extensions as _extensions  # noqa: F401
from .nlp import paragraphs as _paragraphs  # noqa: F401
from .records import Analysis

T = TypeVar("T")


def load_pipeline(settings: Settings | None = None) -> Language:
    """The spaCy ``Language`` with newstrace's components added in the configured order."""
    settings = settings or Settings.load()
    return _load(settings.model, tuple(settings.components))


@lru_cache(maxsize=4)
def _load(model: str, components: tuple[str, ...]) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise NewstraceError(Errors.E013, input="pipeline", detail=model) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newstrace_paragraphs", before="parser")
    for name in components:
        nlp.add_pipe(name)
    return nlp


def to_doc(nlp: Language, article: Article) -> Doc:
    """An unprocessed Doc of ``article`` carrying its metadata for the components."""
    doc = nlp.make_doc(article.text)
    doc._.nt_published = article.published.isoformat() if article.published else None
    doc._.nt_outlet = canonical_outlet(article.outlet)
    doc._.nt_article = {"id": article.id, "title": article.title, "url": article.url,
                        "language": article.language, "source": article.source_path}
    return doc


def canonical_outlet(name: str | None) -> str | None:
    """The gazetteer's name for an outlet written as ``name`` ("AP" -> "Associated Press")."""
    if not name:
        return name
    gaz = default_gazetteer()
    words = name.split()
    for n in range(len(words), 0, -1):   # longest known outlet inside "DAILY SABAH WITH AA", "X Staff"
        for i in range(len(words) - n + 1):
            form = gaz.best(" ".join(words[i : i + n]))
            if form is not None and form.actor.type == "media":
                return form.actor.name
    return name


def record_of(doc: Doc) -> Analysis:
    """The analysis record a processed Doc carries."""
    return Analysis.model_validate(doc._.nt_record)


def analyze_articles(articles: Iterable[Article], *, settings: Settings | None = None,
                     nlp: Language | None = None,
                     errors: list[NewstraceError] | None = None) -> Iterator[Analysis]:
    """Stream records for ``articles`` (batched with ``nlp.pipe``; ``n_process`` workers).

    With ``errors`` given (and one process), an article on which a component fails is skipped
    and an E015 error naming it is appended there; the other articles go on.
    """
    pairs = ((a, None) for a in articles)
    for record, _ in analyze_with_context(pairs, settings=settings, nlp=nlp, errors=errors):
        if record is not None:
            yield record


def analyze_with_context(pairs: Iterable[tuple[Article, T]], *, settings: Settings | None = None,
                         nlp: Language | None = None,
                         errors: list[NewstraceError] | None = None) -> Iterator[tuple[Analysis | None, T]]:
    """Like :func:`analyze_articles` for ``(article, context)`` pairs, keeping each context with its
    record; an article skipped after a component failure comes back as ``(None, context)``."""
    settings = settings or Settings.load()
    nlp = nlp or load_pipeline(settings)
    collect = errors is not None and settings.n_process == 1
    if collect:
        # our components are plain callables: spaCy calls the Language's default handler for them
        nlp.default_error_handler = _collect_into(errors)  # type: ignore[arg-type]
    docs = ((to_doc(nlp, a), ctx) for a, ctx in pairs)
    try:
        for doc, ctx in nlp.pipe(docs, as_tuples=True, batch_size=settings.batch_size,
                                 n_process=settings.n_process):
            yield (record_of(doc) if doc._.nt_record is not None else None), ctx
    finally:
        if collect:
            nlp.default_error_handler = raise_error


def _collect_into(errors: list[NewstraceError]) -> Callable[[str, object, list[Doc], Exception], None]:
    def handler(name: str, proc: object, docs: list[Doc], exc: Exception) -> None:
        for doc in docs:
            meta = doc._.nt_article or {}
            label = meta.get("source") or meta.get("id") or "<article>"
            doc._.nt_record = None
            errors.append(NewstraceError(Errors.E015, input=label, detail=f"{name} ({type(exc).__name__}: {exc})"))
    return handler


def analyze(
    text_or_html: str,
    *,
    published: datetime.date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """The analysis record of one article given as plain text or HTML.

    ``published`` (a date or ``YYYY-MM-DD``) and ``outlet`` override what a dateline or
    the HTML metadata say.
    """
    settings = settings or Settings.load()
    article = to_article(text_or_html, "<text>", published=published, outlet=outlet, url=url, title=title,
                         max_chars=settings.max_chars)
    return next(analyze_articles([article], settings=settings))


def parse_published(value: datetime.date | str | None, name: str) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise NewstraceError(Errors.E010, input=name, detail=value) from exc


def to_article(text_or_html: str, name: str, *, published: datetime.date | str | None = None,
               outlet: str | None = None, url: str | None = None, title: str | None = None,
               max_chars: int = 2_000_000) -> Article:
    """An :class:`Article` from text or HTML, with the given metadata laid over what it says."""
    date = parse_published(published, name)
    if looks_like_html(text_or_html):
        article = from_html(text_or_html, name, url=url, max_chars=max_chars)
        updates = {k: v for k, v in {"published": date, "outlet": outlet, "title": title}.items() if v is not None}
        return article.model_copy(update=updates) if updates else article
    return from_text(text_or_html, name, published=date, outlet=outlet, url=url, title=title,
                     max_chars=max_chars)
