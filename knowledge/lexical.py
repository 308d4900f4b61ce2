"""BM25 (Okapi) keyword search, in process, one index per brand.

Each term's posting list holds its documents and their precomputed BM25 weights (numpy
arrays), so a query is one vectorised add per query term: fast over 100,000 chunks.
Metadata columns (source, channel, category, kind, language) are coded as small integers,
so a filter is one numpy mask (used by the dense arm too). ``knowledge.brandindex`` builds
one per brand from Chroma and rebuilds it when the brand's content changes.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

#: Metadata fields an index can filter on.
FILTER_FIELDS = ("source", "channel", "category", "kind", "language")

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return text.split()


_EN = _words("""
a about above after again against all am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours out over
own same she should so some such than that the their theirs them then there these they this
those through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself im ive youre dont its hi hello thanks thank please""")
_IT = _words("""
a ad al alla alle allo agli ai anche avere c che chi ci con cosa come da dal dalla dalle
dei del della delle dello degli di dove e ed era essere gli ha hai hanno ho i il in io l la le lei
lo loro lui ma mi mia mie mio miei ne nel nella nelle nello negli noi non o per perche piu quale
quando quella quelle quello quelli questa queste questo questi se si sia sono su sua sue suo suoi
sul sulla te ti tra tu tua tue tuo tuoi un una uno vi voi ciao grazie""")
_WEB = ("http", "https", "www", "com")


def _fold(text: str) -> str:
    """Lower-case and strip accents ("Perché" -> "perche")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


STOPWORDS = frozenset(_fold(w) for w in (*_EN, *_IT, *_WEB))


def _stem(token: str) -> str:
    """Very light English plural stripping (refunds -> refund, deliveries -> delivery)."""
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def tokenize(text: str) -> list[str]:
    return [
        _stem(t)
        for t in _WORD.findall(_fold(text))
        if t not in STOPWORDS and (len(t) > 1 or t.isdigit())
    ]


@dataclass(frozen=True)
class LexicalMatch:
    position: int  # index into LexicalIndex.ids
    score: float


class LexicalIndex:
    """An immutable BM25 index over one brand's items (texts are tokenized, not kept)."""

    def __init__(
        self,
        ids: Iterable[str],
        documents: Iterable[str],
        metadatas: Iterable[Mapping[str, Any]],
        *,
        k1: float = 1.2,
        b: float = 0.75,
    ) -> None:
        self._build(zip(ids, documents, metadatas, strict=True), k1=k1, b=b)

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[str, str, Mapping[str, Any]]], *, k1: float = 1.2, b: float = 0.75
    ) -> LexicalIndex:
        """Build from ``(id, text, metadata)`` rows, read once (pages streamed from a store)."""
        index = cls.__new__(cls)
        index._build(rows, k1=k1, b=b)
        return index

    def _build(
        self, rows: Iterable[tuple[str, str, Mapping[str, Any]]], *, k1: float, b: float
    ) -> None:
        self.ids: list[str] = []
        vocabulary: dict[str, int] = {}
        # Compact typed arrays: 100,000 chunks make millions of postings.
        term_col, doc_col, tf_col, lengths = array("i"), array("i"), array("i"), array("f")
        codes: dict[str, dict[str, int]] = {f: {} for f in FILTER_FIELDS}
        columns: dict[str, array[int]] = {f: array("i") for f in FILTER_FIELDS}
        for doc, (item_id, text, metadata) in enumerate(rows):
            self.ids.append(item_id)
            tokens = tokenize(text)
            lengths.append(len(tokens))
            for term, count in Counter(tokens).items():
                term_col.append(vocabulary.setdefault(term, len(vocabulary)))
                doc_col.append(doc)
                tf_col.append(count)
            for field in FILTER_FIELDS:
                value = metadata.get(field)
                columns[field].append(
                    -1 if value is None else codes[field].setdefault(str(value), len(codes[field]))
                )
        n = len(self.ids)
        self.positions = {item_id: i for i, item_id in enumerate(self.ids)}
        self.vocabulary = vocabulary
        terms = np.frombuffer(term_col, dtype=np.int32).astype(np.int64)
        docs = np.frombuffer(doc_col, dtype=np.int32)
        tf = np.frombuffer(tf_col, dtype=np.int32).astype(np.float32)
        length = np.frombuffer(lengths, dtype=np.float32)
        df = np.bincount(terms, minlength=len(vocabulary)).astype(np.float32)
        idf = np.log1p((n - df + 0.5) / (df + 0.5))
        avgdl = float(length.mean()) if n and length.mean() > 0 else 1.0
        norm = k1 * (1.0 - b + b * length[docs] / avgdl)
        weights = (idf[terms] * tf * (k1 + 1.0) / (tf + norm)).astype(np.float32)
        order = np.argsort(terms, kind="stable")
        self._docs = docs[order]
        self._weights = weights[order]
        self._offsets = np.concatenate([[0], np.cumsum(df.astype(np.int64))])
        self._columns = {
            f: (codes[f], np.frombuffer(columns[f], dtype=np.int32).copy()) for f in FILTER_FIELDS
        }

    def __len__(self) -> int:
        return len(self.ids)

    def mask(self, filters: Mapping[str, Sequence[str]]) -> np.ndarray | None:
        """Boolean mask of items whose metadata matches every filter (None: no filter)."""
        if not filters:
            return None
        result = np.ones(len(self.ids), dtype=bool)
        for field, values in filters.items():
            codes, column = self._columns[field]
            wanted = [codes[v] for v in values if v in codes]
            result &= (column == wanted[0]) if len(wanted) == 1 else np.isin(column, wanted)
        return result

    def search(self, query: str, k: int, *, mask: np.ndarray | None = None) -> list[LexicalMatch]:
        term_ids = {self.vocabulary[t] for t in tokenize(query) if t in self.vocabulary}
        if not term_ids or k <= 0:
            return []
        scores = np.zeros(len(self.ids), dtype=np.float32)
        for term in term_ids:
            start, end = self._offsets[term], self._offsets[term + 1]
            scores[self._docs[start:end]] += self._weights[start:end]
        if mask is not None:
            scores[~mask] = 0.0
        candidates = np.flatnonzero(scores > 0.0)
        if len(candidates) > k:
            candidates = candidates[np.argpartition(-scores[candidates], k - 1)[:k]]
        ranked = candidates[np.argsort(-scores[candidates], kind="stable")]
        return [LexicalMatch(int(i), float(scores[i])) for i in ranked]
