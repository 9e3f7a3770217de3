"""seminar-nlp: Russian event reports to tables.

>>> import seminar_nlp
>>> tables = seminar_nlp.analyze(["reports/"])
>>> doc = seminar_nlp.Pipeline().process("18 марта в Казани прошёл семинар.")

Nothing heavy is loaded at import: models load on first use.
"""

from .api import analyze, sample_corpus
from .pipeline import Pipeline
from .records import Doc, Source
from .tables import TABLE_NAMES, Tables
from .tables.read import load_tables as load
from .version import __version__

__all__ = ["analyze", "sample_corpus", "Pipeline", "Doc", "Source", "Tables", "TABLE_NAMES", "load",
           "__version__"]
