"""Arabic normalization for matching. The original text is always kept for display; these keys only match.

Folds what Arabic writers vary freely: diacritics (tashkeel), tatweel, the hamza-bearing alefs,
alef maqsura and ya, ta marbuta and ha, Arabic-Indic digits, and the spacing and hyphens inside
designations such as «إس -400».
"""

from __future__ import annotations

import functools
import re
import unicodedata

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_BIDI_CONTROLS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# The bidi formatting characters. An override or an embedding (U+202E reverses what follows) or an isolate
# reaches over everything after it to the end of the line: in a label, a claim or a table cell it garbles
# what is printed beside it. The marks (LRM, RLM, ALM) sway the neutrals around them.
BIDI_FORMATTING = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Letter variants and Arabic-Indic digits, each replaced by one letter or ASCII digit. Chained str.replace
# is many times faster than str.translate on Arabic text (a whole article goes through here); no replacement
# is itself replaced later, so the order does not matter.
_LETTER_FOLDS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ئ", "ي"), ("ؤ", "و"),
                 ("ة", "ه"), ("ک", "ك"), ("ی", "ي"), ("گ", "ك"))
_DIGITS = tuple(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True))
_SPACES = re.compile(r"\s+")
# «إس -400», «S - 400», «اس400»: a designation's letters and number belong together (hyphens are
# spaces by the time this applies).
_DESIGNATION_GAP = re.compile(r"(?<=[^\W\d_])\s+(?=\d)")
_HYPHENS = re.compile(r"[-‐‑–—_]+")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Fold one string to its matching key: no diacritics or tatweel, unified letter variants, ASCII digits,
    lower-case Latin, single spaces. Letters are never removed or reordered beyond that."""
    text = unicodedata.normalize("NFKC", _BIDI_CONTROLS.sub("", text))
    # Composed again once marks and tatweel are out: «A», U+0640, U+0301 is «á» only without the tatweel.
    text = unicodedata.normalize("NFC", _DIACRITICS.sub("", text).replace(_TATWEEL, ""))
    for variant, letter in _LETTER_FOLDS + _DIGITS:
        if variant in text:
            text = text.replace(variant, letter)
    return _SPACES.sub(" ", text.lower()).strip()


@functools.lru_cache(maxsize=1 << 16)
def designation_key(text: str) -> str:
    """A key where «إس -400», «اس 400» and «اس-400» coincide: letters glued to the number that follows."""
    folded = _HYPHENS.sub(" ", fold(text))
    return _SPACES.sub(" ", _DESIGNATION_GAP.sub("", folded)).strip()


# What str.isalnum() and str.isspace() both refuse (re's \w is isalnum() and the underscore), as one regex:
# a whole article goes through here to find near-duplicates, where a loop over its characters was slow.
_NOT_ALNUM_OR_SPACE = re.compile(r"[^\w\s]|_")


@functools.lru_cache(maxsize=1 << 16)
def match_key(text: str) -> str:
    """The key used to look names up: folded, punctuation dropped, designations glued.

    Punctuation goes before the gluing, so that a key of a key is the key itself."""
    folded = _NOT_ALNUM_OR_SPACE.sub(" ", fold(text))
    return _SPACES.sub(" ", _DESIGNATION_GAP.sub("", folded)).strip()


# Proclitics that attach to a name in running text: conjunction, prepositions, the article.
_PROCLITICS = ("وبال", "فبال", "وكال", "ولل", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


@functools.lru_cache(maxsize=1 << 16)
def clitic_variants(word: str) -> tuple[str, ...]:
    """The word itself, then the stems left when leading clitics are taken off (longest clitic first).

    «وبيلاروسيا» → («وبيلاروسيا», «بيلاروسيا»); a stem shorter than two letters is not offered. Cached: the
    same words come back in every sentence.
    """
    word = fold(word)
    variants = [word]
    for clitic in _PROCLITICS:
        stem = word[len(clitic):]
        if word.startswith(clitic) and len(stem) >= 2 and not stem[0].isspace():  # «ف قال»: no clitic
            if clitic.endswith("لل"):
                # «للجيش» is ل + الجيش: the article's alef is dropped after the preposition.
                variants.append("ال" + stem)
            variants.append(stem)
    seen: set[str] = set()
    return tuple(v for v in variants if not (v in seen or seen.add(v)))


@functools.lru_cache(maxsize=1 << 16)
def strip_article(word: str) -> str:
    """«البيلاروسي» → «بيلاروسي»: the definite article, which nisba adjectives and roles carry."""
    word = fold(word)
    for prefix in ("وال", "فال", "بال", "لل", "ال"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix):]
    return word


_NISBA_SUFFIXES = ("يتين", "يين", "يون", "يان", "يه", "يه", "ي")


@functools.lru_cache(maxsize=1 << 16)
def nisba_stem(word: str) -> str | None:
    """The stem of a nisba adjective, whatever its gender and number: «البيلاروسية» / «الروسيين» → «روس»...

    Returns the folded word without article and nisba ending, or None when it has no nisba ending.
    """
    bare = strip_article(word)
    for suffix in _NISBA_SUFFIXES:
        if bare.endswith(suffix) and len(bare) - len(suffix) >= 2:
            return bare[: -len(suffix)]
    return None


_TRANSLIT = str.maketrans(
    {
        "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
        "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a",
        "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
        "ي": "y", "ء": "", "ﻻ": "la",
    }
)


def without_bidi_controls(text: str) -> str:
    """The text without bidi formatting characters (``BIDI_FORMATTING``); the letters keep their order, and
    every display lays them out by their own direction."""
    return BIDI_FORMATTING.sub("", text)


def slugify(text: str) -> str:
    """An ASCII slug for IRIs: Arabic transliterated, everything else but letters and digits dropped."""
    ascii_text = fold(text).translate(_TRANSLIT)
    ascii_text = unicodedata.normalize("NFKD", ascii_text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x"
