"""Browser windows the tests use: Playwright new_context() options, one per reader situation."""

from __future__ import annotations

# A phone (iPhone X-sized CSS viewport): touch screen, mobile layout, the drawer menu.
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
# A small laptop.
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
# WCAG 1.4.10 Reflow: content must fit 320 CSS px without scrolling sideways.
NARROW = {"viewport": {"width": 320, "height": 640}}
# WCAG 1.4.4 Resize text, 200%: browser zoom at 200% on a 1280x800 window lays the page out in a
# 640x400 CSS px viewport with devicePixelRatio 2, which is exactly what this emulates (fonts and
# layout in CSS px are identical; only the pixel density differs). Chosen over CSS `zoom` because
# `zoom` on <html> changes how scrollWidth and media queries are computed, unlike real browser zoom.
ZOOM_200 = {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}

PROFILES = {"phone": PHONE, "desktop": DESKTOP, "320px": NARROW, "zoom-200%": ZOOM_200}
