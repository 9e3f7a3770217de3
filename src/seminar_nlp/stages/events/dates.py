"""Dates of events as the reports write them, to ISO.

Recognised forms: "18 марта", "18 марта 2026 года", "18.03.2026", ranges "с 5 по 7
октября", "5-7 октября", "5–7 октября 2026 года", "с 30 сентября по 2 октября",
"с 02.04.2026 по 03.04.2026", "19–20.03.2026". A date without a year takes it from the document date
(its year, unless that puts it far from that date), and is written ``--MM-DD`` when there is
none. Month names come from ``lexicons/months.txt``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from ...resources import read_lexicon

Day = tuple[int, int, int | None]  # day, month, year (None when the text gives none)

YEAR = r"(?:\s+(?P<{0}>(?:19|20)\d\d)(?!\d)(?:\s*(?:года|г\.|г\b))?)?"
RANGE = r"(?:\s+по\s+|\s*[-–—]\s*)"
FROM = r"(?:(?:с|со)\s+)?"
DAY = r"(?<![\d.,])(?P<{0}>[0-3]?\d)"
NUMERIC = r"(?<![\d.,])(?P<{0}d>[0-3]?\d)\.(?P<{0}m>[01]?\d)\.(?P<{0}y>(?:19|20)\d\d)(?!\d)"


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date or a date range found in the text."""

    start: int
    stop: int
    first: Day
    last: Day | None = None


@cache
def months() -> dict[str, int]:
    return {name: int(number) for name, number in
            (line.split("\t") for line in read_lexicon("months.txt"))}


@cache
def pattern() -> re.Pattern[str]:
    """One regex, ranges tried before single dates so the longest form wins."""
    month = "(?P<{0}>" + "|".join(months()) + ")"
    forms = [
        FROM + NUMERIC.format("a") + RANGE + NUMERIC.format("b"),
        FROM + DAY.format("cd1") + r"\s+" + month.format("cm1") + YEAR.format("cy1") + RANGE
        + DAY.format("cd2") + r"\s+" + month.format("cm2") + YEAR.format("cy2"),
        FROM + DAY.format("rd1") + RANGE + DAY.format("rd2") + r"\s+" + month.format("rm")
        + YEAR.format("ry"),
        # "19 и 20 декабря": two days in a row are a range; others are the first day
        DAY.format("td1") + r"\s+и\s+" + DAY.format("td2") + r"\s+" + month.format("tm")
        + YEAR.format("ty"),
        DAY.format("sd") + r"\s+" + month.format("sm") + YEAR.format("sy"),
        FROM + DAY.format("qd") + RANGE + NUMERIC.format("p"),  # "19–20.03.2026"
        NUMERIC.format("n"),
    ]
    return re.compile("|".join(f"(?:{form})" for form in forms), re.IGNORECASE)


def number(value: str | None) -> int | None:
    return None if value is None else int(value)


def month_number(name: str) -> int:
    return months()[name.lower()]


def days_of(match: re.Match[str]) -> tuple[Day, Day | None]:
    """The first and last day a match names (the last only for ranges)."""
    group = match.group
    if group("ad"):
        return ((int(group("ad")), int(group("am")), int(group("ay"))),
                (int(group("bd")), int(group("bm")), int(group("by"))))
    if group("cd1"):
        return ((int(group("cd1")), month_number(group("cm1")), number(group("cy1"))),
                (int(group("cd2")), month_number(group("cm2")), number(group("cy2"))))
    if group("rd1"):
        month, year = month_number(group("rm")), number(group("ry"))
        return (int(group("rd1")), month, year), (int(group("rd2")), month, year)
    if group("td1"):
        month, year = month_number(group("tm")), number(group("ty"))
        first, second = int(group("td1")), int(group("td2"))
        return (first, month, year), (second, month, year) if second == first + 1 else None
    if group("sd"):
        return (int(group("sd")), month_number(group("sm")), number(group("sy"))), None
    if group("qd"):
        month, year = int(group("pm")), int(group("py"))
        return (int(group("qd")), month, year), (int(group("pd")), month, year)
    return (int(group("nd")), int(group("nm")), int(group("ny"))), None


def valid(day: Day) -> bool:
    try:
        dt.date(day[2] or 2000, day[1], day[0])  # 2000 is a leap year: "29 февраля" passes
    except ValueError:
        return False
    return True


def find_dates(text: str, offset: int = 0) -> Iterator[DateSpan]:
    """Dates and ranges in ``text``, in order; offsets are shifted by ``offset``."""
    for match in pattern().finditer(text):
        first, last = days_of(match)
        if valid(first) and (last is None or valid(last)):
            yield DateSpan(offset + match.start(), offset + match.end(), first, last)


FAR = 240  # days: a date further from the document's date than this is of another year


def nearest_year(day: Day, doc_date: dt.date) -> int | None:
    """The document's year, unless that puts the day more than ``FAR`` days from the
    document's date ("28 декабря" in a report of 10 January is last year's; "15 января" in
    one of 20 December next year's; a November date announced in May stays this year's)."""
    for year in (doc_date.year, doc_date.year - 1, doc_date.year + 1):
        if valid((day[0], day[1], year)) and \
                abs((dt.date(year, day[1], day[0]) - doc_date).days) <= FAR:
            return year
    years = [year for year in range(doc_date.year - 4, doc_date.year + 5)
             if dt.MINYEAR <= year <= dt.MAXYEAR and valid((day[0], day[1], year))]
    return min(years, key=lambda year: abs(year - doc_date.year)) if years else None


def parse_doc_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def with_years(span: DateSpan, doc_date: dt.date | None) -> tuple[Day, Day | None]:
    """Fill missing years: from the other end of a range, else from the document date."""
    first, last = span.first, span.last
    if last is not None:
        wraps = (first[1], first[0]) > (last[1], last[0])
        if first[2] is None and last[2] is not None:
            first = (first[0], first[1], last[2] - wraps)
        elif last[2] is None and first[2] is not None:
            last = (last[0], last[1], first[2] + wraps)
    year = None if first[2] is not None or doc_date is None else nearest_year(first, doc_date)
    if year is not None:
        first = (first[0], first[1], year)
        if last is not None:
            last = (last[0], last[1], year + ((first[1], first[0]) > (last[1], last[0])))
    return first, last


def iso(day: Day) -> str:
    if day[2] is None:
        return f"--{day[1]:02d}-{day[0]:02d}"
    return f"{day[2]:04d}-{day[1]:02d}-{day[0]:02d}"


def resolve(span: DateSpan, doc_date: str | None) -> tuple[str, str | None]:
    """ISO start and end (None for a single day) of a date span."""
    first, last = with_years(span, parse_doc_date(doc_date))
    return iso(first), None if last is None else iso(last)


def first_date(text: str, spans: Iterable[tuple[int, int]],
               doc_date: str | None) -> tuple[str | None, str | None]:
    """ISO start and end of the first date in the first span of ``text`` that has one."""
    for start, stop in spans:
        for span in find_dates(text[start:stop], start):
            return resolve(span, doc_date)
    return None, None
