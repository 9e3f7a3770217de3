"""Nominative normal forms of names and phrases (pymorphy3 inflection), shared by the
stages that name things: mentions, positions, events, themes. ``words`` holds the small
word tests, ``forms`` the ``Normalizer``.
"""
