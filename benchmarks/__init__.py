"""The benchmark script that writes BENCHMARKS.md: ``python -m benchmarks.run``."""
