"""The normal stage: each mention's normal form (``normal.py``), read in its sentence.

Two things the mention alone does not tell: a woman's name the tagger took for the genitive of
a man's ("выступила профессор университета Дина Хабибуллина": when every past-tense verb of the
sentence is feminine singular, nothing else in the nominative but a position can be its subject,
and the first word can be a woman's name, the name is read as hers), and a surname two people
share ("Светлана и Михаил Ивановы" -> "Светлана Иванова", "Михаил Иванов").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..normal.forms import Normalizer
from ..records import Doc, Mention, Normal, Tag, Token
from ..resources import Morphology, Resources
from ..vocab import is_head

SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON"})


def subject_tags(doc: Doc, mention: Mention, morph: Morphology) -> Sequence[Tag] | None:
    """The mention's tags read as a feminine subject, or None when nothing says so."""
    tags, lemmas = doc.need("tags"), doc.need("lemmas")
    inside = range(mention.token_start, mention.token_stop)
    if mention.type != "PER" or any(tags[i].feats.get("Case") != "Gen" for i in inside):
        return None
    sentence = doc.need("sentences")[mention.sent]
    others = [i for i in range(sentence.token_start, sentence.token_stop) if i not in inside]
    verbs = [tags[i] for i in others if tags[i].feats.get("Tense") == "Past"
             and tags[i].feats.get("VerbForm") == "Fin"]
    if not verbs or any(verb.feats.get("Gender") != "Fem" or verb.feats.get("Number") != "Sing"
                        for verb in verbs):
        return None
    if any(tags[i].pos in SUBJECT_POS and tags[i].feats.get("Case") == "Nom"
           and not is_head(lemmas[i]) for i in others):
        return None
    first = doc.need("tokens")[mention.token_start].form.lower()
    if not any({"Name", "femn", "nomn"} <= parse.tag.grammemes for parse in morph.parse(first)):
        return None
    return tuple(Tag(tags[i].pos, {**tags[i].feats, "Case": "Nom", "Gender": "Fem"})
                 for i in inside)


class Normalize:
    name = "normal"
    needs: tuple[str, ...] = ("sentences", "tokens", "tags", "lemmas", "mentions")
    provides: tuple[str, ...] = ("normals",)

    def __init__(self, resources: Resources) -> None:
        self.normalizer = Normalizer(resources.morph)

    def __call__(self, docs: Sequence[Doc]) -> list[Doc]:
        out = []
        for doc in docs:
            tokens = doc.need("tokens")
            mentions = doc.need("mentions")
            normals = [self.normal(doc, mention) for mention in mentions]
            for index in range(len(mentions) - 1):
                normals[index] = self.shared_surname(mentions[index:index + 2],
                                                     normals[index:index + 2], tokens)
            out.append(replace(doc, normals=tuple(normals)))
        return out

    def normal(self, doc: Doc, mention: Mention) -> Normal:
        tokens, tags = doc.need("tokens"), doc.need("tags")
        subject = subject_tags(doc, mention, self.normalizer.morph)
        if subject is None:
            return self.normalizer(mention, tokens, tags)
        span = slice(mention.token_start, mention.token_stop)
        return self.normalizer.person(tokens[span], subject)  # "выступила ... Дина Хабибуллина"

    def shared_surname(self, pair: Sequence[Mention], normals: Sequence[Normal],
                       tokens: Sequence[Token]) -> Normal:
        """A first name alone before "и" and a name with a plural surname shares it: "Светлана"
        of "Светлана и Михаил Ивановы" is Светлана Иванова."""
        (alone, named), (normal, other) = pair, normals
        morph = self.normalizer.morph
        if not (alone.type == named.type == "PER" and normal.first and not normal.last
                and not normal.middle and other.last and named.token_start == alone.token_stop + 1
                and tokens[alone.token_stop].form == "и"):
            return normal
        plural = morph.parse(tokens[named.token_stop - 1].form.lower())
        gender = self.normalizer.gender_of(normal.first)
        found = next(((number, parse) for number, parse in enumerate(morph.parse(
            other.last.lower())) if "Surn" in parse.tag.grammemes), None)
        if gender is None or found is None or \
                not any({"plur", "Surn"} <= parse.tag.grammemes for parse in plural):
            return normal
        last = self.normalizer.inflect(other.last, found, {"nomn", "sing", gender})
        return Normal(f"{normal.text} {last}", normal.first, None, last)
