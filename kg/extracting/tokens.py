"""One view of an annotated sentence's written tokens, shared by every extractor.

Stanza splits a written token into syntactic words («وبأسلحتها» → و + ب + أسلحة + ها) that share its
offsets. The extractors reason on written tokens — what a reader sees — and look inside at the words for
parts of speech, features and clitics.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.normalizing import fold
from kg.records import AnnotatedSentence, Word

# Parts of speech a word of a name can have (the NER model tags names, the tagger calls them any of these).
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "NUM"})
CLITIC_CONJUNCTIONS = ("و", "ف")
CLITIC_PREPOSITIONS = ("ل", "ب", "ك", "لِ", "بِ")
VERBAL = ("VERB", "AUX")


@dataclass(frozen=True)
class Token:
    """A written token: Stanza's syntactic words that share one stretch of text, with its folded surface."""

    position: int  # in the list the token was built into (a sentence's or a document's)
    sentence: int  # position of its sentence in AnnotatedDocument.sentences
    start: int
    end: int
    surface: str
    key: str  # folded surface
    words: tuple[Word, ...]

    @property
    def ner(self) -> str:
        return self.words[0].ner

    @property
    def upos(self) -> set[str]:
        return {w.upos for w in self.words}

    @property
    def is_punctuation(self) -> bool:
        return not any(ch.isalnum() for ch in self.surface)

    @property
    def is_verb(self) -> bool:
        return any(w.upos in VERBAL for w in self.words)

    @property
    def is_function_word(self) -> bool:
        """Nothing in the token can be part of a name (a preposition, a conjunction, a verb...)."""
        return not (self.upos & NAME_POS) or (self.words[0].upos in VERBAL and len(self.words) == 1)

    @property
    def verb_feats(self) -> str:
        """The morphological features of the token's verbs, joined."""
        return "|".join(w.feats for w in self.words if w.upos in VERBAL and w.feats)

    @property
    def first_person(self) -> bool:
        return any("Person=1" in w.feats and w.upos in (*VERBAL, "PRON") for w in self.words)

    @property
    def ta_marbuta(self) -> bool:
        """fold() writes «ة» as «ه»: «أسلحة» must not read as «أسلح» + the pronoun «ه»."""
        letters = [ch for ch in self.surface if ch.isalpha()]
        return bool(letters) and letters[-1] == "ة"

    @property
    def bare(self) -> str:
        """The folded surface without a conjunction و/ف (when what remains is still a word)."""
        if len(self.key) >= 3 and self.key[0] in CLITIC_CONJUNCTIONS:
            return self.key[1:]
        return self.key

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key, self.bare) if self.bare != self.key else (self.key,)

    @property
    def main(self) -> Word:
        """The token's content word: not a clitic conjunction, preposition or attached pronoun."""
        content = [
            w for w in self.words if w.upos not in ("CCONJ", "PART", "ADP", "PRON") or len(self.words) == 1
        ]
        return max(content or list(self.words), key=lambda w: len(w.text))

    @property
    def split_conjunction(self) -> bool:
        """Stanza took a conjunction off this token («وروسيا» → و + روسيا)."""
        return (len(self.words) > 1 and self.words[0].text in CLITIC_CONJUNCTIONS
                and self.words[0].upos in ("CCONJ", "PART"))

    @property
    def clitic_preposition(self) -> bool:
        """The token opens with a preposition Stanza split off («لنظيره» → ل + نظيره, «بأسلحة»)."""
        return (len(self.words) > 1 and self.words[0].text in CLITIC_PREPOSITIONS
                and self.words[0].upos == "ADP")


def sentence_tokens(sentence: AnnotatedSentence, text: str, sentence_position: int = 0,
                    first_position: int = 0) -> list[Token]:
    """The sentence's written tokens in order, numbered from `first_position`."""
    groups: dict[tuple[int, int], list[Word]] = {}
    for word in sentence.words:
        groups.setdefault((word.start, word.end), []).append(word)
    return [
        Token(first_position + i, sentence_position, start, end, text[start:end], fold(text[start:end]),
              tuple(words))
        for i, ((start, end), words) in enumerate(sorted(groups.items()))
    ]


def is_adjective(token: Token) -> bool:
    """Every word of the token but its conjunction is an adjective («ومتطورة»)."""
    return all(w.upos == "ADJ" for w in token.words if w.upos not in ("CCONJ", "PART"))


def joined_adjective(tokens: list[Token], position: int) -> bool:
    """«قصيرة ومتوسطة»: a word without the article joined by «و» to an adjective is one too, whatever the
    tagger calls it."""
    token = tokens[position]
    return position > 0 and token.split_conjunction and "ADJ" in tokens[position - 1].upos and (
        not token.bare.startswith("ال"))


def adjectives_noun(tokens: list[Token], position: int) -> bool:
    """«قصيرة المدى», «متعددة المهام»: a definite noun right after an adjective, its genitive."""
    token = tokens[position]
    return position > 0 and token.key.startswith("ال") and "NOUN" in token.upos and (
        "ADJ" in tokens[position - 1].upos or joined_adjective(tokens, position - 1))


def feature(word: Word, name: str) -> str | None:
    """A morphological feature's value on a word («Gender» → «Fem»), or None."""
    for pair in word.feats.split("|"):
        key, _, value = pair.partition("=")
        if key == name:
            return value
    return None
