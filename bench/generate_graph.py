"""A synthetic knowledge graph of about N triples in kg's vocabulary, seeded, for measuring stores at scale.

The shape follows what kg builds from news: documents of a dozen or two sentences, each sentence naming an
entity or two; a few claims and fewer transfers per document; the same statement reported again by other
documents; entities with one canonical label, several spellings and often a Wikidata id. Who is named,
who speaks and which weapon moves follow Zipf's law, as in news: a few actors are everywhere, most appear
once or twice. That skew is what makes a flat query that joins labels before anchoring slow.

    python bench/generate_graph.py --triples 1000000 --out /tmp/graph-1m.ttl
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import sys
import time
from pathlib import Path

import pyoxigraph as ox

ONTOLOGY = "https://w3id.org/kg-ar/ontology#"
RESOURCE = "https://w3id.org/kg-ar/resource/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
WD = "http://www.wikidata.org/entity/"
PREFIXES = {"kg": ONTOLOGY, "kgr": RESOURCE, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "owl": OWL,
            "prov": PROV, "dcterms": DCTERMS, "xsd": XSD, "wd": WD}

TRIPLES_PER_DOCUMENT = 136  # measured on this generator's output; sets the document count for a target
ENTITIES_PER_DOCUMENT = 0.55
# Share of each kind among entities (states are few: there are only so many).
KIND_SHARES = (("Person", 0.47), ("Organization", 0.22), ("Place", 0.2), ("Weapon", 0.08), ("State", 0.03))
STATUSES = ("Delivered", "Deployed", "Agreed", "Planned", "Requested", "Denied")
CUES = ("قال", "أكد", "أعلن", "صرح", "أوضح", "أشار", "نفى", "حذر", "تصريح", "بيان")
WEAPON_CATEGORIES = ("air-defence", "ballistic-missile", "cruise-missile", "fighter-aircraft", "drone",
                     "tank", "artillery", "warship", "nuclear-weapon", "small-arms")
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
NAME_VARIANTS = (("ا", "أ"), ("ي", "ى"), ("ه", "ة"), ("ي", "ئ"), ("و", "ؤ"))


def _node(namespace: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(namespace + local)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))


def _short_hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


class Generator:
    def __init__(self, documents: int, seed: int) -> None:
        self.random = random.Random(seed)
        self.documents = documents
        self.triples: list[ox.Triple] = []
        # A vocabulary of pseudo-Arabic words, used with Zipfian frequencies for the texts.
        self.words = [self._word(2, 7) for _ in range(3000)]
        self.word_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.words))))
        self.entities: dict[str, list[ox.NamedNode]] = {kind: [] for kind, _ in KIND_SHARES}
        self.labels: dict[ox.NamedNode, str] = {}
        self.weights: dict[str, list[float]] = {}
        self.t = {name: _node(ONTOLOGY, name) for name in (
            "said", "speaker", "text", "quoteKind", "cue", "reportedBy", "mentions", "transfers", "supplier",
            "recipient", "weapon", "status", "statedBy", "quantity", "category", "charStart", "charEnd",
            "contentHash", "nearDuplicateOf", "Claim", "Transfer", "Sentence", "Document", "DirectQuote",
            "ReportedSpeech", *STATUSES, *(kind for kind, _ in KIND_SHARES))}
        self.rdf_type = _node(RDF, "type")
        self.label = _node(RDFS, "label")
        self.alt_label = _node(SKOS, "altLabel")
        self.same_as = _node(OWL, "sameAs")
        self.derived = _node(PROV, "wasDerivedFrom")
        self.part_of = _node(DCTERMS, "isPartOf")
        self.source = _node(DCTERMS, "source")
        self.title = _node(DCTERMS, "title")
        self.date = _node(DCTERMS, "date")

    def _word(self, shortest: int, longest: int) -> str:
        return "".join(self.random.choice(LETTERS) for _ in range(self.random.randint(shortest, longest)))

    def _text(self, words: int) -> str:
        return " ".join(self.random.choices(self.words, cum_weights=self.word_weights, k=words))

    def add(self, subject, predicate, obj) -> None:
        self.triples.append(ox.Triple(subject, predicate, obj))

    def _arabic(self, text: str) -> ox.Literal:
        return ox.Literal(text, language="ar")

    def make_entities(self) -> None:
        total = max(50, int(self.documents * ENTITIES_PER_DOCUMENT))
        for kind, share in KIND_SHARES:
            count = max(8, int(total * share))
            for number in range(count):
                name = " ".join(self._word(3, 7) for _ in range(self.random.choice((1, 2, 2, 3))))
                node = _node(RESOURCE, f"{kind.lower()}-{number}-{_short_hash(kind, number)[:6]}")
                self.entities[kind].append(node)
                self.labels[node] = name
                self.add(node, self.rdf_type, self.t[kind])
                self.add(node, self.label, self._arabic(name))
                if self.random.random() < 0.5:
                    self.add(node, self.label, ox.Literal(f"{kind} {number}", language="en"))
                # Spellings seen: clitics, the article, hamza and ya/ta-marbuta variants.
                for form in self._spellings(name):
                    self.add(node, self.alt_label, self._arabic(form))
                if self.random.random() < 0.4:
                    self.add(node, self.same_as, _node(WD, f"Q{self.random.randint(1, 10**8)}"))
                if kind == "Weapon":
                    self.add(node, self.t["category"], _node(RESOURCE, self.random.choice(WEAPON_CATEGORIES)))
            # Zipf: the first few of each kind are named everywhere.
            self.weights[kind] = list(itertools.accumulate(1 / (rank + 1) ** 1.1 for rank in range(count)))

    def _spellings(self, name: str) -> list[str]:
        forms = set()
        for _ in range(self.random.choice((0, 1, 1, 2, 3, 4))):
            form = name
            if self.random.random() < 0.4:
                form = self.random.choice(("ال", "و", "ب", "ل")) + form
            old, new = self.random.choice(NAME_VARIANTS)
            form = form.replace(old, new, 1)
            if form != name:
                forms.add(form)
        return sorted(forms)

    def pick(self, kind: str) -> ox.NamedNode:
        return self.random.choices(self.entities[kind], cum_weights=self.weights[kind])[0]

    def pick_actor(self) -> ox.NamedNode:
        return self.pick(self.random.choices(("Person", "State", "Organization"), (0.6, 0.25, 0.15))[0])

    def make_documents(self) -> None:
        claims: list[ox.NamedNode] = []
        transfers: dict[tuple, ox.NamedNode] = {}
        documents: list[ox.NamedNode] = []
        for number in range(self.documents):
            doc_hash = hashlib.sha256(f"document {number}".encode()).hexdigest()
            doc = _node(RESOURCE, f"doc-{doc_hash[:16]}")
            documents.append(doc)
            sentence_texts = [self._text(self.random.randint(8, 35))
                              for _ in range(max(3, int(self.random.gauss(15, 6))))]
            text = "\n\n".join(sentence_texts)
            self.add(doc, self.rdf_type, self.t["Document"])
            self.add(doc, self.t["contentHash"], ox.Literal(f"sha256:{doc_hash}"))
            self.add(doc, self.t["text"], self._arabic(text))
            self.add(doc, self.source, ox.Literal(f"corpus/{number:06d}_{doc_hash[:16]}.txt"))
            self.add(doc, self.title, self._arabic(sentence_texts[0][:80]))
            if self.random.random() < 0.9:
                day = f"2015-{self.random.randint(1, 12):02d}-{self.random.randint(1, 28):02d}"
                self.add(doc, self.date, ox.Literal(day, datatype=_node(XSD, "date")))
            sentences = []
            offset = 0
            for index, sentence_text in enumerate(sentence_texts):
                sentence = _node(RESOURCE, f"doc-{doc_hash[:16]}-s{index}")
                sentences.append(sentence)
                self.add(sentence, self.rdf_type, self.t["Sentence"])
                self.add(sentence, self.t["text"], self._arabic(sentence_text))
                self.add(sentence, self.part_of, doc)
                self.add(sentence, self.t["charStart"], _integer(offset))
                offset += len(sentence_text)
                self.add(sentence, self.t["charEnd"], _integer(offset))
                offset += 2
                for _ in range(self.random.choice((0, 1, 1, 1, 2, 2, 3))):
                    kind = self.random.choices(("Person", "State", "Organization", "Place", "Weapon"),
                                               (0.35, 0.3, 0.15, 0.12, 0.08))[0]
                    self.add(sentence, self.t["mentions"], self.pick(kind))
            for _ in range(self.random.choice((1, 2, 3, 4, 4, 5, 6, 7))):
                evidence = self.random.choice(sentences)
                if claims and self.random.random() < 0.15:
                    # The same statement relayed by another outlet: one claim, one more source sentence.
                    self.add(self.random.choice(claims), self.derived, evidence)
                    continue
                claim = _node(RESOURCE, f"claim-{_short_hash(doc_hash, len(claims))}")
                claims.append(claim)
                speaker = self.pick_actor()
                self.add(speaker, self.t["said"], claim)
                self.add(claim, self.rdf_type, self.t["Claim"])
                self.add(claim, self.t["speaker"], speaker)
                self.add(claim, self.t["text"], self._arabic(self._text(self.random.randint(6, 30))))
                kind = "DirectQuote" if self.random.random() < 0.4 else "ReportedSpeech"
                self.add(claim, self.t["quoteKind"], self.t[kind])
                self.add(claim, self.derived, evidence)
                if self.random.random() < 0.85:
                    self.add(claim, self.t["cue"], self._arabic(self.random.choice(CUES)))
                if self.random.random() < 0.25:
                    self.add(claim, self.t["reportedBy"], self.pick("Organization"))
                for _ in range(self.random.choice((0, 0, 1, 1, 2, 3))):
                    named = self.pick(self.random.choice(("State", "Person", "Weapon")))
                    self.add(claim, self.t["mentions"], named)
            for _ in range(self.random.choice((0, 0, 0, 1, 1, 2))):
                supplier, recipient = self.pick("State"), self.pick("State")
                weapon, status = self.pick("Weapon"), self.random.choice(STATUSES)
                key = (supplier.value, recipient.value, weapon.value, status)
                transfer = transfers.get(key)
                evidence = self.random.choice(sentences)
                if transfer is None:
                    transfer = _node(RESOURCE, f"transfer-{_short_hash(*key)}")
                    transfers[key] = transfer
                    self.add(transfer, self.rdf_type, self.t["Transfer"])
                    self.add(transfer, self.t["weapon"], weapon)
                    self.add(transfer, self.t["status"], self.t[status])
                    self.add(transfer, self.t["supplier"], supplier)
                    self.add(transfer, self.t["recipient"], recipient)
                    self.add(supplier, self.t["transfers"], weapon)
                    if self.random.random() < 0.3:
                        self.add(transfer, self.t["statedBy"], self.pick_actor())
                    if self.random.random() < 0.2:
                        self.add(transfer, self.t["quantity"], _integer(self.random.randint(1, 60)))
                self.add(transfer, self.derived, evidence)
        # Near-duplicates: the same story in other words, a few percent of documents, symmetric.
        for _ in range(self.documents // 25):
            left, right = self.random.sample(documents, 2)
            self.add(left, self.t["nearDuplicateOf"], right)
            self.add(right, self.t["nearDuplicateOf"], left)


def generate(triples: int, seed: int = 20150721) -> list[ox.Triple]:
    """About ``triples`` distinct triples in kg's vocabulary; the same seed gives the same graph."""
    generator = Generator(max(10, triples // TRIPLES_PER_DOCUMENT), seed)
    generator.make_entities()
    generator.make_documents()
    return list(dict.fromkeys(generator.triples))  # a graph is a set: drop repeats, keep the order


def write_graph(triples: list[ox.Triple], path: Path) -> Path:
    """Write the triples as Turtle with the vocabulary's prefixes."""
    rdf_format = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
    ox.serialize(triples, str(path), rdf_format, prefixes=PREFIXES)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="about how many triples")
    parser.add_argument("--seed", type=int, default=20150721)
    parser.add_argument("--out", type=Path, required=True, help="the Turtle (.ttl) or N-Triples (.nt) file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    triples = generate(args.triples, args.seed)
    write_graph(triples, args.out)
    print(f"{len(triples):,} triples → {args.out} ({args.out.stat().st_size / 1e6:.0f} MB) "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
