"""Annotated documents built from CoNLL-U, for rule tests where Stanza is not what is under test.

The text is rebuilt from the tokens (``SpaceAfter=No`` as in CoNLL-U); a multiword token line (``1-2``) gives
the offsets its words share. The tenth column holds the token's BIOES NER tag (``NER=B-PER``) beside
``SpaceAfter``. A blank line ends a sentence; a line ``# newpar`` starts a paragraph.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.records import AnnotatedDocument, AnnotatedSentence, Document, NamedSpan, Word

PARAGRAPH_BREAK = "\n\n"


def _misc(field: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in field.split("|") if "=" in part)


def _spans(words: list[Word], text: str) -> tuple[NamedSpan, ...]:
    """NER spans from the BIOES tags of the words' tokens."""
    spans, start = [], None
    for word in words:
        tag = word.ner
        if tag[:2] in ("B-", "S-"):
            start = word.start
        if tag[:2] in ("E-", "S-") and start is not None:
            spans.append(NamedSpan(text[start:word.end], tag[2:], start, word.end))
            start = None
    return tuple(dict.fromkeys(spans))


class _Builder:
    def __init__(self) -> None:
        self.text = ""
        self.sentences: list[AnnotatedSentence] = []

    def sentence(self, lines: list[str], new_paragraph: bool) -> None:
        if self.text:
            self.text += PARAGRAPH_BREAK if new_paragraph else " "
        start, words, token_end, token_ner = len(self.text), [], -1, "O"
        for line in lines:
            cols = line.split("\t")
            misc = _misc(cols[9]) if len(cols) > 9 else {}
            if "-" in cols[0] or int(cols[0]) > token_end:  # a new written token
                token_start = len(self.text)
                self.text += cols[1] + ("" if misc.get("SpaceAfter") == "No" else " ")
                token_span = (token_start, token_start + len(cols[1]))
                token_end = int(cols[0].split("-")[-1])
                token_ner = misc.get("NER", "O")
                if "-" in cols[0]:
                    continue
            words.append(Word(int(cols[0]), cols[1], cols[2], cols[3], cols[5] if cols[5] != "_" else "",
                              *token_span, ner=token_ner))
        self.text = self.text.rstrip(" ")
        self.sentences.append(AnnotatedSentence(len(self.sentences), self.text[start:], start, len(self.text),
                                                tuple(words), _spans(words, self.text)))


def document(conllu: str, date: str | None = "2015-06-01") -> AnnotatedDocument:
    """The annotated document a CoNLL-U text describes."""
    builder, lines, new_paragraph = _Builder(), [], True
    for line in conllu.strip().splitlines() + [""]:
        line = line.strip("\n")
        if line.startswith("# newpar"):
            new_paragraph = True
        elif line.startswith("#"):
            continue
        elif line.strip():
            lines.append(line)
        elif lines:
            builder.sentence(lines, new_paragraph)
            lines, new_paragraph = [], False
    text = builder.text
    doc = Document(hashlib.sha256(text.encode()).hexdigest(), text, ("conllu",), date=date)
    return AnnotatedDocument(doc, tuple(builder.sentences))


def documents(path) -> dict[str, AnnotatedDocument]:
    """The documents of a CoNLL-U file, each opened by a line ``# doc = name``."""
    found: dict[str, list[str]] = {}
    current = None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("# doc = "):
            current = found.setdefault(line.removeprefix("# doc = ").strip(), [])
        elif current is not None:
            current.append(line)
    return {name: document("\n".join(lines)) for name, lines in found.items()}
