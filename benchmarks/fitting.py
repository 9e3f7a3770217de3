"""Fitting helpers of ``benchmarks/train.py``: a logistic regression over named features with
held-out scores from document folds, and the threshold on a document's best score."""

from __future__ import annotations

from typing import Any

FOLDS = 5
C = 2.0  # chosen by the cross-validated scores on the development part (0.3, 0.5, 1, 2)


def fit(data: list[tuple], c: float = C) -> tuple[dict[str, Any], list[float]]:
    """A logistic regression on the rows, and each row's probability from the folds that
    left its document out (for choosing thresholds and for the scores)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    groups = np.array([row[0] for row in data])
    labels = np.array([bool(row[2]) for row in data])
    vectorizer = DictVectorizer(sort=True, sparse=False)
    matrix = vectorizer.fit_transform([row[1] for row in data])

    def model() -> LogisticRegression:
        return LogisticRegression(C=c, class_weight="balanced", solver="liblinear",
                                  random_state=0, max_iter=1000)

    held = np.zeros(len(data))
    for train, test in GroupKFold(n_splits=FOLDS).split(matrix, labels, groups):
        if labels[train].any() and not labels[train].all():
            held[test] = model().fit(matrix[train], labels[train]).predict_proba(
                matrix[test])[:, 1]
    final = model().fit(matrix, labels)
    weights = {name: round(float(value), 6) for name, value in
               zip(vectorizer.get_feature_names_out(), final.coef_[0], strict=True)
               if abs(value) > 1e-9}
    return {"bias": round(float(final.intercept_[0]), 6), "weights": weights}, held.tolist()


def best_per_doc(data: list[tuple], held: list[float]) -> dict[int, tuple[float, bool]]:
    """Each document's best held-out score and whether that candidate is right."""
    found: dict[int, tuple[float, bool]] = {}
    for (doc, _, label), score in zip(data, held, strict=True):
        if doc not in found or score > found[doc][0]:
            found[doc] = (score, bool(label))
    return found


def threshold(data: list[tuple], held: list[float], docs: int,
              gold_has: dict[int, bool], balanced: bool = True) -> tuple[float, float]:
    """The threshold on a document's best score that gets the most documents right (a right
    candidate kept, or none kept where the gold has none), with ``balanced`` documents with
    and without a gold value weighing alike as classes (the few reports of no title count as
    much as the many of one), else each document alike; and the plain share right at it."""
    best = best_per_doc(data, held)
    options = sorted({round(score, 4) for score, _ in best.values()} | {0.0, 1.01})
    having = sum(gold_has.get(doc, False) for doc in range(docs))
    weights = {True: 1 / max(having, 1), False: 1 / max(docs - having, 1)} if balanced \
        else {True: 1.0, False: 1.0}

    def at(cut: float) -> tuple[float, float]:  # weighted and plain share right at a cut
        weighted = plain = 0.0
        for doc in range(docs):
            score, correct = best.get(doc, (0.0, False))
            has = gold_has.get(doc, False)
            right = correct if score >= cut else not has
            weighted, plain = weighted + weights[has] * right, plain + right
        return weighted, plain / docs

    scored = {cut: at(cut) for cut in options}
    # the middle, in score, of the unbroken band of cuts within one document of the best
    # around the best (the lowest best cut): a cut that a single held-out document decides
    # is no better than its neighbours, and the middle of the band keeps the widest margin
    top = max(value for value, _ in scored.values()) - min(weights.values()) * 1.001
    first = max(options, key=lambda cut: (scored[cut][0], -cut))
    low = high = options.index(first)
    while low > 0 and scored[options[low - 1]][0] >= top:
        low -= 1
    while high + 1 < len(options) and scored[options[high + 1]][0] >= top:
        high += 1
    middle = (options[low] + options[high]) / 2
    return middle, at(middle)[1]
