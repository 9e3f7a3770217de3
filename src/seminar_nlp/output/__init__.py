"""The output folder as a transaction.

``lock``: one run at a time holds the folder (``.seminar-nlp.lock``, an advisory lock the
system drops when its process dies, so a killed run's lock is simply taken over).
``commit``: the tables of a run are written into a staging folder, then published together:
a commit record names the run and every file with its hash, the files move into place, and the
manifest (``seminar-nlp.manifest.json``) says which set is current. Readers read only what a
manifest names and refuse files that disagree with it; the next run finishes or removes what a
killed one left.
"""
