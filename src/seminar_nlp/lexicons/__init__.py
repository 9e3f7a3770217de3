"""Data files: lexicons and rule lists read with importlib.resources."""
