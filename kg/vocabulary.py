"""The graph's public vocabulary, declared once so that a typo is an error, not a new term."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.namespace import Namespace as _Namespace
from rdflib.term import URIRef

ONTOLOGY_IRI = "https://w3id.org/kg-ar/ontology#"
RESOURCE_IRI = "https://w3id.org/kg-ar/resource/"


class KG(DefinedNamespace):
    """Terms of the kg ontology (ontologies/kg.ttl defines each one)."""

    _NS = _Namespace(ONTOLOGY_IRI)
    _fail = True

    # classes
    Entity: URIRef
    Actor: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    Place: URIRef
    Weapon: URIRef
    Claim: URIRef
    Transfer: URIRef
    Sentence: URIRef
    Document: URIRef
    QuoteKind: URIRef
    TransferStatus: URIRef
    Rule: URIRef
    # claim kinds and transfer statuses (skos:Concepts)
    DirectQuote: URIRef
    ReportedSpeech: URIRef
    Delivered: URIRef
    Deployed: URIRef
    Agreed: URIRef
    Planned: URIRef
    Requested: URIRef
    Denied: URIRef
    # weapon categories scheme
    WeaponCategories: URIRef
    TransferStatuses: URIRef
    # properties
    said: URIRef
    speaker: URIRef
    text: URIRef
    quoteKind: URIRef
    extractedBy: URIRef
    sourceDescription: URIRef
    cue: URIRef
    reportedBy: URIRef
    mentions: URIRef
    transfers: URIRef
    supplier: URIRef
    recipient: URIRef
    weapon: URIRef
    status: URIRef
    statedBy: URIRef
    quantity: URIRef
    category: URIRef
    charStart: URIRef
    charEnd: URIRef
    contentHash: URIRef
    nearDuplicateOf: URIRef
    standsFor: URIRef
    holder: URIRef
    sourceCount: URIRef
    contestedBy: URIRef
    eventDate: URIRef
    modelsFingerprint: URIRef
    dateFrom: URIRef
    # gazetteer terms
    demonym: URIRef
    homograph: URIRef
    Post: URIRef
    Roles: URIRef
    role: URIRef
    jurisdiction: URIRef
    since: URIRef
    until: URIRef
    WeaponType: URIRef
    systemNoun: URIRef
    designationLetter: URIRef
    Bodies: URIRef
    bodyKind: URIRef
    bodyOf: URIRef
    producedBy: URIRef
    seatAbroad: URIRef
    unnamedSource: URIRef
    nameParticle: URIRef


KGR = Namespace(RESOURCE_IRI)
KGRULE = Namespace(RESOURCE_IRI + "rule/")  # the extractor's rules (ontologies/rules.ttl)
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, Namespace | str] = {
    "kg": ONTOLOGY_IRI,
    "kgr": RESOURCE_IRI,
    "kgrule": str(KGRULE),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "xsd": str(XSD),
    "wd": str(WD),
}


def bind_prefixes(graph) -> None:
    """Bind the vocabulary's prefixes on an rdflib graph, so exports read as the documentation does."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, str(namespace), override=True)
