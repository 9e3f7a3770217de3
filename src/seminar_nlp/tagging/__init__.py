"""natasha's slovnet news taggers (morphology and NER), run by our own numpy forward pass.

The weights are slovnet's and navec's, read through their public loaders
(``weights.py``); the network is slovnet's CNN tagger computed in fewer, larger steps
(``network.py``); words are encoded once for both taggers (``words.py``); ``taggers.py``
turns sentences and texts into tags and spans as slovnet's ``Morph`` and ``NER`` do.
"""
