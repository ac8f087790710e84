"""The graph's public vocabulary, declared once so that a typo is an error, not a new term."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
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
    homographContext: URIRef
    fightsIn: URIRef
    facilityOf: URIRef
    unofficialSource: URIRef
    Post: URIRef
    Roles: URIRef
    role: URIRef
    jurisdiction: URIRef
    since: URIRef
    until: URIRef
    WeaponType: URIRef
    StateGroup: URIRef
    ArmedGroup: URIRef
    systemNoun: URIRef
    designationLetter: URIRef
    Bodies: URIRef
    bodyKind: URIRef
    bodyOf: URIRef
    producedBy: URIRef
    seatAbroad: URIRef
    actsAsItsState: URIRef
    bodyAdjective: URIRef
    unnamedSource: URIRef
    nameParticle: URIRef
    distinctName: URIRef


LEXICON_IRI = "https://w3id.org/kg-ar/lexicon#"


class LEX(DefinedNamespace):
    """Terms of the lexicons (ontologies/lexicon-speech.ttl, ontologies/lexicon-transfers.ttl) that the
    loaders read; a lexicon's entries themselves (lex:qala, lex:sallama…) are data, not terms."""

    _NS = _Namespace(LEXICON_IRI)
    _fail = True
    # speech lexicon classes
    SpeechVerb: URIRef
    SpeechNoun: URIRef
    AttributionPhrase: URIRef
    Complementizer: URIRef
    SpeakerNoun: URIRef
    NewsOutlet: URIRef
    OutletNoun: URIRef
    AddresseeNoun: URIRef
    Adverbial: URIRef
    ClaimBoundary: URIRef
    Occasion: URIRef
    NotComplement: URIRef
    VerbParticle: URIRef
    Honorific: URIRef
    RelativePronoun: URIRef
    Vocative: URIRef
    DocumentNoun: URIRef
    IssuedBy: URIRef
    PostModifier: URIRef
    GroupReference: URIRef
    NotAName: URIRef
    PronominalTitle: URIRef
    SpeechConnective: URIRef
    TurnMarker: URIRef
    Unsaid: URIRef
    Refusal: URIRef
    PrayedTo: URIRef
    PastAuxiliary: URIRef
    TimeNoun: URIRef
    Quantifier: URIRef
    InterviewNoun: URIRef
    NamingWord: URIRef
    AgencyNoun: URIRef
    # speech lexicon individuals
    SpeechConjugation: URIRef
    QuotationMarks: URIRef
    Prepositions: URIRef
    # speech lexicon properties
    ambiguousForm: URIRef
    openingForm: URIRef
    continuingForm: URIRef
    participle: URIRef
    unnamedSource: URIRef
    titleWord: URIRef
    complementPreposition: URIRef
    takesObject: URIRef
    addressesObject: URIRef
    requiresComplement: URIRef
    sourcePreposition: URIRef
    requiresSource: URIRef
    afterCommaOnly: URIRef
    pronounSuffix: URIRef
    opening: URIRef
    closing: URIRef
    eitherWay: URIRef
    denotes: URIRef
    institution: URIRef
    adjunctPreposition: URIRef
    # transfer lexicon classes
    TransferCue: URIRef
    StatusCue: URIRef
    Frame: URIRef
    Marker: URIRef
    Role: URIRef
    NumberWord: URIRef
    WeaponReference: URIRef
    # transfer lexicon individuals
    Conjugation: URIRef
    Words: URIRef
    Quantities: URIRef
    Pronouns: URIRef
    Supplier: URIRef
    Recipient: URIRef
    Location: URIRef
    Origin: URIRef
    Party: URIRef
    Weapon: URIRef
    # transfer lexicon properties
    frame: URIRef
    status: URIRef
    noun: URIRef
    notForm: URIRef
    requiresNear: URIRef
    subjectRole: URIRef
    objectRole: URIRef
    locatedSubjectRole: URIRef
    addressedSubjectRole: URIRef
    underDeal: URIRef
    pronounPreposition: URIRef
    theyAre: URIRef
    dealNoun: URIRef
    toNoState: URIRef
    seizedShipment: URIRef
    listFollows: URIRef
    exceptive: URIRef
    futureNegation: URIRef
    commandOf: URIRef
    bothDirections: URIRef
    weaponBefore: URIRef
    marker: URIRef
    role: URIRef
    passesSubject: URIRef
    adjacentOnly: URIRef
    onlyBeforePerfect: URIRef
    baseNoun: URIRef
    baseLink: URIRef
    participleSuffix: URIRef
    lifts: URIRef
    executes: URIRef
    value: URIRef
    category: URIRef
    firstPersonPrefix: URIRef
    firstPersonSuffix: URIRef
    nounSuffix: URIRef
    conjunction: URIRef
    futurePrefix: URIRef
    verbProclitic: URIRef
    nounProclitic: URIRef
    objectSuffix: URIRef
    unitNoun: URIRef
    vagueQuantity: URIRef
    notCountAfter: URIRef
    notCountBefore: URIRef
    firstPerson: URIRef
    personalPlural: URIRef
    armedGroup: URIRef
    noticeVerb: URIRef
    requiresBefore: URIRef
    weaponWith: URIRef
    againstTheState: URIRef
    impliedWeapon: URIRef
    thingAsObject: URIRef
    ownLand: URIRef
    thirdPerson: URIRef
    complementizer: URIRef
    resumptive: URIRef
    relativePronoun: URIRef
    clauseEnd: URIRef
    weaponScopeEnd: URIRef
    weaponAnaphor: URIRef
    partitive: URIRef
    fittedWith: URIRef
    additional: URIRef
    nonStateHead: URIRef
    requestAfter: URIRef
    deniedReference: URIRef
    contentsVerb: URIRef
    stateOwned: URIRef
    futureWord: URIRef
    typeOf: URIRef
    demonstrative: URIRef
    dealContents: URIRef
    auxiliary: URIRef
    passiveAuxiliary: URIRef
    partnerMarker: URIRef
    subjectLink: URIRef
    prepositionClitic: URIRef
    # entity lexicon
    EntityWords: URIRef
    modelNoun: URIRef
    modelPreposition: URIRef
    formerWord: URIRef
    rolePlacePreposition: URIRef
    nameConjunction: URIRef
    namePreposition: URIRef
    namesakeNoun: URIRef
    namesakeTitle: URIRef
    kinshipNoun: URIRef
    figurativeGenitive: URIRef
    sourceBodyNoun: URIRef
    sourceBodyPreposition: URIRef
    sourceAdjective: URIRef
    prepositionLikeName: URIRef
    # shared properties
    form: URIRef
    lemma: URIRef
    pastStem: URIRef
    presentStem: URIRef
    pastSuffix: URIRef
    presentPrefix: URIRef
    presentSuffix: URIRef
    preposition: URIRef


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
    "org": str(ORG),
    "xsd": str(XSD),
    "wd": str(WD),
}


def bind_prefixes(graph) -> None:
    """Bind the vocabulary's prefixes on an rdflib graph, so exports read as the documentation does."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, str(namespace), override=True)
