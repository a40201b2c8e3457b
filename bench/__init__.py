"""Benchmarks: see bench/run.py and docs/scale.md."""
