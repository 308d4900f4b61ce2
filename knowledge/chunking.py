"""Guideline documents cut into retrievable chunks: Markdown sections first, then by tokens.

Each chunk keeps its header path ("Crisis playbook > Outages > First hour") so a retrieved
chunk says where it comes from; a chunk that starts mid-section gets that path as its first
line, so it still makes sense (and embeds) on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from knowledge.tokens import DEFAULT_ENCODING, ensure_tiktoken_offline

if TYPE_CHECKING:
    from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

    from knowledge.brandpack import Guideline

HEADERS = (("#", "h1"), ("##", "h2"), ("###", "h3"), ("####", "h4"))
HEADER_SEPARATOR = " > "


@dataclass(frozen=True)
class Chunk:
    text: str
    header_path: str  # "" before the first header
    index: int  # position in the document


def chunk_guideline(guideline: Guideline, *, chunk_tokens: int) -> list[Chunk]:
    """Split one guideline document into chunks of at most about ``chunk_tokens`` tokens."""
    return chunk_markdown(guideline.text, chunk_tokens=chunk_tokens)


def chunk_markdown(text: str, *, chunk_tokens: int) -> list[Chunk]:
    sections = _header_splitter().split_text(text)
    splitter = _token_splitter(chunk_tokens)
    chunks: list[Chunk] = []
    for section in sections:
        path = HEADER_SEPARATOR.join(
            str(section.metadata[key]) for _, key in HEADERS if section.metadata.get(key)
        )
        for piece in splitter.split_text(section.page_content):
            # The header splitter joins lines with Markdown hard breaks ("  \n"): undo that.
            piece = piece.replace("  \n", "\n").strip()
            if not piece:
                continue
            if path and not piece.startswith("#"):
                piece = f"{path}\n{piece}"
            chunks.append(Chunk(text=piece, header_path=path, index=len(chunks)))
    return chunks


@lru_cache(maxsize=1)
def _header_splitter() -> MarkdownHeaderTextSplitter:
    from langchain_text_splitters import MarkdownHeaderTextSplitter

    return MarkdownHeaderTextSplitter(headers_to_split_on=list(HEADERS), strip_headers=False)


@lru_cache(maxsize=8)
def _token_splitter(chunk_tokens: int) -> RecursiveCharacterTextSplitter:
    ensure_tiktoken_offline(DEFAULT_ENCODING)
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter.from_tiktoken_encoder(
        encoding_name=DEFAULT_ENCODING,
        chunk_size=chunk_tokens,
        chunk_overlap=min(32, chunk_tokens // 8),
    )
