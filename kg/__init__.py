"""kg: Arabic news articles → a knowledge graph of who said what and which state transfers which weapon."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kg-ar")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"


def build(*args, **kwargs):
    """Build the knowledge graph of articles; see kg.pipeline.build."""
    from kg.pipeline import build as run_build

    return run_build(*args, **kwargs)


__all__ = ["__version__", "build"]
