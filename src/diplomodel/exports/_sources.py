"""What every export starts from: the dossiers of a dossier or a corpus, and their articles'
IRIs."""

from __future__ import annotations

import re
from typing import Any

from diplomodel.article import Article
from diplomodel.corpus import Corpus
from diplomodel.dossier import Dossier
from diplomodel.errors import shorten

__all__ = ["Source", "article_iri", "dossiers_of"]

Source = Dossier | Corpus
"""What the exports take: one dossier, or a corpus of several."""

_WEB_URL = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)


def article_iri(article: Article) -> str:
    """The IRI that names the article: its web address when it has one, else a stable
    ``urn:diplomodel:article:<id>``."""
    if article.url is not None and _WEB_URL.fullmatch(article.url):
        return article.url
    return f"urn:diplomodel:article:{article.id}"


def dossiers_of(source: Any, caller: str) -> tuple[Dossier, ...]:
    """The dossiers to export, in order.

    ``caller`` names the export function for the message of a :class:`TypeError`
    (anything but a dossier or a corpus). A corpus never holds an article twice: it
    refuses one when it is built.
    """
    if isinstance(source, Dossier):
        return (source,)
    if not isinstance(source, Corpus):
        raise TypeError(
            f"{caller}() takes a Dossier or a Corpus, got {type(source).__name__} {shorten(source)}"
        )
    return source.dossiers
