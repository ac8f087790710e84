"""Extractors: one module per kind of fact, each a function from an annotated document to records."""
