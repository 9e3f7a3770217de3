"""Corpus-level work, run once on the per-document tables: which mentions are one entity
(``keys``), the ``entities`` table and the links to it (``entities``), corpus themes
(``themes``).
"""
