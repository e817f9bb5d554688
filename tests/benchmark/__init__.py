"""`make benchmark`: page weight, Lighthouse and build time of the IPT guide, side by side with stock Material.

Run with `python tests/benchmark/run.py` (see run.py). Only the test_*.py files here are collected by pytest;
they check the benchmark's own pure logic and stay fast.
"""
