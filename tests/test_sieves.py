"""The speaker and content sieves on annotations built from CoNLL-U (tests/sieves/), so a rule is tested on
the parse it reads, not on what the model happens to give: one row per sieve, with negatives that yield
nothing. The entity extractor and the lexicons are the real ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extracting.entities import extract_mentions
from kg.extracting.quotations import DIRECT, REPORTED, extract_claims
from kg.gazetteer import load_gazetteer
from kg.lexicon import load_entity_lexicon, load_speech_lexicon
from kg.records import Claim
from tests.conllu import document, documents

SIEVES = Path(__file__).resolve().parent / "sieves"
DOCUMENTS = documents(SIEVES / "speakers.conllu")

# document, speaker (gazetteer id, else the mention's text), speaker rule, content rule, claim text, kind
SAID = [
    ("verb-subject-after", "nasser-judeh", "speaker-after-verb", "content-clause",
     "المفاوضات ستستأنف الشهر المقبل", REPORTED),
    ("subject-before-verb", "francois-hollande", "speaker-before-verb-clause-start", "content-clause",
     "بلاده لن تتراجع عن موقفها من الأزمة", REPORTED),
    ("pronoun-subject-next-sentence", "haider-al-abadi", "speaker-antecedent", "content-clause",
     "الحكومة ستدعم الاستثمار في المحافظات", REPORTED),
    ("attribution-leads", "وزير الداخلية البحريني", "speaker-attribution", "content-attributed-clause",
     "فإن الشرطة اعتقلت خمسة أشخاص في المنامة", REPORTED),
    ("noun-object", "ibrahim-al-assaf", "speaker-after-verb", "content-clause",
     "أهمية الإصلاحات الاقتصادية في المرحلة المقبلة", REPORTED),
    ("colon-quotation", "nabil-elaraby", "speaker-after-verb", "content-quote",
     "إن الوضع في اليمن يتطلب حلا سياسيا عاجلا", DIRECT),
]
NOTHING = ["negative-title-in-marks", "negative-clause-of-a-noun"]


@pytest.fixture(scope="module")
def claims_of():
    gazetteer, speech, entities = load_gazetteer(), load_speech_lexicon(), load_entity_lexicon()

    def claims(name: str) -> list[Claim]:
        annotated = DOCUMENTS[name]
        mentions = tuple(extract_mentions(annotated, gazetteer, entities))
        return list(extract_claims(annotated, mentions, speech))

    return claims


@pytest.mark.parametrize(("name", "speaker", "speaker_rule", "content_rule", "text", "kind"), SAID,
                         ids=[row[0] for row in SAID])
def test_a_sieve_finds_its_speaker_and_content(claims_of, name, speaker, speaker_rule, content_rule, text,
                                                kind):
    found = [(c.speaker.known_id or c.speaker.text, c.rules, c.text, c.kind) for c in claims_of(name)]
    assert found == [(speaker, (speaker_rule, content_rule), text, kind)]


@pytest.mark.parametrize("name", NOTHING)
def test_no_sieve_speaks_without_a_speaker(claims_of, name):
    assert claims_of(name) == []


def test_the_conllu_reader_rebuilds_text_offsets_and_names():
    annotated = document(
        "1-2\tوقال\t_\t_\t_\t_\t_\t_\t_\t_\n1\tو\tو\tCCONJ\t_\t_\t2\tcc\t_\t_\n2\tقال\tقال\tVERB\t_\t_\t0\troot\t_\t_\n"
        "3\tكيري\tكيري\tPROPN\t_\t_\t2\tnsubj\t_\tNER=S-PER|SpaceAfter=No\n4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n"
        "# newpar\n1\tنعم\tنعم\tINTJ\t_\t_\t0\troot\t_\t_\n"
    )
    assert annotated.document.text == "وقال كيري.\n\nنعم"
    first = annotated.sentences[0]
    assert [(w.text, w.start, w.end) for w in first.words] == [("و", 0, 4), ("قال", 0, 4), ("كيري", 5, 9),
                                                               (".", 9, 10)]
    assert [(s.text, s.label) for s in first.spans] == [("كيري", "PER")]
    assert annotated.sentences[1].start == 12
