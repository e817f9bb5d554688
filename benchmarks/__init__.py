"""`make benchmark`: page weight, Lighthouse and build time of the IPT guide, side by side with stock Material.

Run with `python -m benchmarks.run` from the project folder (see run.py). The benchmark's own pure
logic is unit-tested in tests/benchmarks/, which `make test` runs; the measurements themselves are not.
"""
