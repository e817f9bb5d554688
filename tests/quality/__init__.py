"""Editorial quality gates: checks on content that editors write (see CONTRIBUTING.md).

A package, so its modules are imported as `quality.*` and cannot clash with other test folders.
"""
