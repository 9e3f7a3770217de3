"""The roles stage: a person, the position a sentence gives them, and its organisation.

``finder`` runs the rules over each sentence; the rules' pieces are one module each:
``phrase`` (a position phrase and where it ends), ``orgs`` (its organisation), ``links``
(lists, brackets, dashes between names and phrases), ``holders`` (a name after the phrase),
``cues`` ("в должности ...", "назначен ..."), ``heading`` (verbs of leading), ``degrees``
(academic degrees between a name and its post), ``readings`` (dictionary readings the tagger
misses), ``referring`` (a position that refers back to a person named before),
``candidates`` (where phrases start: the lexicon's heads and those of ``learned``, a CRF of
position spans trained on NEREL).
"""

from .finder import RoleFinder, Roles

__all__ = ["RoleFinder", "Roles"]
