"""The "My safety plan" page (docs/my-safety-plan.md): its fields to fill in and its crisis numbers.

Pure functions that return HTML or Markdown, unit-tested in tests/build/test_safety_plan_macros.py. The
fields are plain form controls with no <form> around them: nothing can be submitted, so pressing
Enter sends nothing. autocomplete="off" keeps what a reader types out of the browser's saved
form entries. docs/javascripts/safety-plan.js adds the reader's optional "keep on this device".
"""

from __future__ import annotations

import html

from .render import COUNTRY_NOTE, ContentError, _listing, _tel, call_and_text, slug, time_zones
from .schema import COUNTRY_NAMES, SharedContent

# Step 5 lists the lines a person in crisis can call now: crisis lines, urgent care and lines for
# young people (teenagers make plans too), whatever else a service is also for. Abuse-only
# helplines are left to the crisis page's own part.
PLAN_SERVICES = ("crisis", "urgent-care", "young-people")


def _field_id(label: str, macro: str) -> str:
    if not label.strip():
        raise ContentError(
            f'{macro}() needs a label, like {macro}("My warning signs") — write what the reader fills in'
        )
    return "plan-" + slug(label)


def field(label: str) -> str:
    """A box to write in, with its label above it; it grows with what is typed (extra.css)."""
    fid = _field_id(label, "plan_field")
    return (
        f'<div class="ipt-plan-field"><label for="{fid}">{html.escape(label)}</label>'
        f'<textarea id="{fid}" rows="3" autocomplete="off" data-ipt="plan-field"></textarea></div>\n'
    )


def contact(label: str) -> str:
    """A name and a phone number for one person, side by side on wide screens."""
    fid = _field_id(label, "plan_contact")
    name = html.escape(label)
    return (
        f'<div class="ipt-plan-contact">'
        f'<div class="ipt-plan-field"><label for="{fid}-name">{name}: name</label>'
        f'<input type="text" id="{fid}-name" autocomplete="off" data-ipt="plan-field"></div>'
        f'<div class="ipt-plan-field"><label for="{fid}-phone">{name}: phone number</label>'
        f'<input type="tel" id="{fid}-phone" autocomplete="off" data-ipt="plan-field"></div></div>\n'
    )


def crisis_numbers(shared: SharedContent) -> str:
    """Each country's emergency number and crisis lines, one short paragraph a country.

    The same markup as the crisis page's list (render.crisis_lines): one container of sections with
    data-country, so docs/javascripts/country-first.js puts the reader's likely country first here
    too. Without JavaScript, every country shows in the data file's order.
    """
    out = [
        '<div class="ipt-countries ipt-plan-numbers" id="crisis-countries" data-ipt="crisis-countries" markdown="1">',
        "",
        COUNTRY_NOTE,
        "",
    ]
    for code, country in shared.crisis.items():
        name = COUNTRY_NAMES[code]
        lines = [f"**Emergency: call {_tel(country.emergency)}**"]
        lines += [line for s in country.services if set(s.for_) & set(PLAN_SERVICES) and (line := _line(s))]
        out += [
            (
                f'<section class="ipt-country" data-country="{code}" data-name="{html.escape(name)}"'
                f' data-zones="{" ".join(time_zones(code))}" markdown="1">'
            ),
            "",
            f"**{name}:** " + " · ".join(lines),
            "",
            "</section>",
            "",
        ]
    return "\n".join(out + ["</div>"]) + "\n"


def _line(s) -> str:
    """'Samaritans: call 116 123', or '' for a line that takes no calls or texts (chat or web only)."""
    ways = call_and_text(s)
    if not ways:
        return ""
    where = f", {_listing(s.areas)} only" if s.areas else ""
    if "young-people" in s.for_ and "crisis" not in s.for_:
        where += ", for young people"
    hours = "" if s.always_open else f", {s.hours}"
    return f"{s.name}{where}: {_listing(ways, 'or')}{hours}"
