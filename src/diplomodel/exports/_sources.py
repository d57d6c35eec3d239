"""What every export starts from: the dossiers of a dossier or a corpus, and their articles'
IRIs."""

from __future__ import annotations

import re
from typing import Any

from diplomodel.article import Article
from diplomodel.corpus import Corpus
from diplomodel.dossier import Dossier
from diplomodel.errors import Problem, ValidationError, shorten

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
    (anything but a dossier or a corpus). Articles that share an id cannot be told
    apart in an export: the repeats raise one :class:`~diplomodel.ValidationError`.
    """
    if isinstance(source, Dossier):
        return (source,)
    if not isinstance(source, Corpus):
        raise TypeError(
            f"{caller}() takes a Dossier or a Corpus, got {type(source).__name__} {shorten(source)}"
        )
    first: dict[str, int] = {}
    problems = []
    for index, dossier in enumerate(source.dossiers):
        id = dossier.article.id
        if id in first:
            problems.append(
                Problem(
                    f"dossiers[{index}].article.id",
                    f"repeats the article id {shorten(id)} of dossiers[{first[id]}]; "
                    "an export names each article by its id",
                )
            )
        else:
            first[id] = index
    if problems:
        raise ValidationError(f"cannot export the corpus with {caller}()", problems)
    return source.dossiers
