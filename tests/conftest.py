"""What every test shares.

Language: the library and the ``ocop`` command speak Vietnamese by default. Tests that assert
messages verbatim are written against the English templates, so every test runs in English
(``OCOP_LANG=en``, which subprocesses inherit too) unless it asks for the default with the
``vietnamese`` fixture or passes ``--lang`` / :func:`ocop._i18n.use_language` itself.
"""

from __future__ import annotations

import pytest

from ocop._i18n import ENV


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the test in English, the language of the message templates."""
    monkeypatch.setenv(ENV, "en")


@pytest.fixture
def vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the test with no language chosen: the default, Vietnamese."""
    monkeypatch.delenv(ENV, raising=False)
