"""Named errors the library raises; only the CLI turns them into one-line messages."""


class KgError(Exception):
    """Base of every error kg reports to a user."""


class InputError(KgError):
    """A source file or folder cannot be used."""


class ModelsNotFoundError(KgError):
    """The Stanza Arabic models are not where kg looked."""


class OutputError(KgError):
    """An output location cannot be written."""


class GraphFileError(KgError):
    """A graph file is missing or is not RDF."""


class QueryError(KgError):
    """A SPARQL query is malformed or a preset is unknown."""


class GazetteerError(KgError):
    """A gazetteer file cannot be read or is not valid Turtle."""


class ClusterError(KgError):
    """The Dask cluster that annotation fans out to cannot be reached or failed."""


class LexiconError(KgError):
    """A lexicon file cannot be read or is not valid Turtle."""
