"""The error catalog: every error newstrace raises has a code and a grep-able message.

Only the CLI prints errors or exits; the library raises :class:`NewstraceError`.
"""

from __future__ import annotations

from enum import Enum


class Errors(str, Enum):
    """Codes and message templates. ``{input}`` names the offending input."""

    E001 = "[E001] {input}: file not found"
    E002 = "[E002] {input}: the file is empty"
    E003 = "[E003] {input}: looks like binary data, not text or HTML"
    E004 = "[E004] {input}: not valid UTF-8 (or any encoding we could detect): {detail}"
    E005 = "[E005] {input}: text is {size} characters, over the limit of {limit}; split it or raise NEWSTRACE_MAX_CHARS"
    E006 = "[E006] {input}: text does not look like English (detected: {detail}); only English is supported"
    E007 = "[E007] {input}: HTML holds no article text that could be extracted"
    E008 = "[E008] {input}: unsupported file type '{detail}'; use .txt, .html or .htm"
    E009 = "[E009] {input}: cannot read: {detail}"
    E010 = "[E010] {input}: invalid date '{detail}'; use YYYY-MM-DD"
    E011 = "[E011] data file {input} is invalid: {detail}"
    E012 = "[E012] {input}: text holds no words to analyse"
    E013 = "[E013] {input}: the spaCy pipeline '{detail}' is not installed; install the package that ships it"
    E014 = "[E014] {input}: HTML is {size} characters, over the limit of {limit} for HTML pages; raise NEWSTRACE_MAX_CHARS"
    E015 = "[E015] {input}: analysis failed in component {detail}; the article was skipped (please report this)"
    E016 = "[E016] {input}: evaluation data missing: {detail}"
    E017 = "[E017] {input}: evaluation data file is malformed: {detail}"
    E018 = "[E018] {input}: unknown evaluation task; choose one of {detail}"
    E019 = "[E019] {input}: peer tool not installed ({detail}); install newstrace[eval]"
    E020 = "[E020] {input}: quality gate: {detail}"
    E021 = "[E021] {input}: not a valid article record: {detail}"
    E022 = "[E022] {input}: holds no article text (looked in {detail})"
    E023 = "[E023] {input}: not a readable CSV file of articles: {detail}"
    E024 = "[E024] {input}: not an RSS or Atom feed: {detail}"
    E025 = "[E025] {input}: cannot read WARC data: {detail}"
    E026 = "[E026] {input}: unsupported file type '{detail}'; ingest reads {supported}"
    E027 = "[E027] {input}: cannot open the corpus store: {detail}"
    E028 = "[E028] {input}: not found in the corpus store{detail}"


class NewstraceError(Exception):
    """An error with a catalog code, naming the input that caused it."""

    def __init__(self, error: Errors, **fields: object) -> None:
        self.code = error.name
        self.fields = fields
        super().__init__(error.value.format(**{"input": "<input>", "detail": "", **fields}))
