"""A deterministic corpus of synthetic articles written the way real articles are (pure functions).

Each article has ~1,000 words: front matter, key points, headings, several {{ cite() }} calls with real
bibliography keys, admonitions, a table and links to real pages. The same seed gives the same text.
"""

from __future__ import annotations

import random

# A fixed vocabulary (not read from docs/) so the corpus only changes when this file changes.
WORDS = """
you your people person therapist therapy talk talking session sessions week weeks month months mood
low feel feeling feelings sad tired sleep work family friend friends partner parent child children
change changes life loss grief death move job home help helps helping plan goal goals problem
problems focus area areas relationship relationships close ties support role roles dispute
transition sense hope worry fear anger guilt stress study studies trial trials evidence result
results group groups adult adults teen teens older younger doctor nurse health care service
services guide guidance option options medicine treatment treatments depression anxiety eating
disorder pregnancy birth baby care carer time start end middle phase phase early later short
long plain simple clear step steps small large often sometimes rarely always never most many
few each every other another same different better worse well good hard easy new old first
last next again together alone with without about between after before during while because
so but and or if when where how what which who this that these those there here now then
can may might will would should could does did has have had is are was were be been being
make makes made find finds found learn learns learned share shares shared ask asks asked
""".split()

POOL = 12  # distinct sources per article
ADMONITIONS = ("note", "tip", "info", "warning", "example")
LINKS = ("what-is-ipt.md", "how-ipt-works.md", "what-to-expect.md", "finding-a-therapist.md", "glossary.md")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), "IPT")  # a glossary term, as real pages use it
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, keys: list[str], sentences: int = 5) -> str:
    out = [sentence(rng) for _ in range(sentences)]
    # A citation after one or two sentences per paragraph, sometimes with two keys, as real articles do.
    for i in rng.sample(range(sentences), k=rng.randint(1, 2)):
        cited = rng.sample(keys, k=rng.choice((1, 1, 2)))
        out[i] = out[i][:-1] + " {{ cite(" + ", ".join(f'"{k}"' for k in cited) + ") }}."
    return " ".join(out)


def title(rng: random.Random, number: int) -> str:
    return f"Corpus article {number}: " + " ".join(rng.choice(WORDS) for _ in range(4))


def article(number: int, keys: list[str], seed: int) -> str:
    """The Markdown of corpus article `number` (1-based), citing only `keys`."""
    if not keys:
        raise ValueError("the corpus needs at least one bibliography key to cite")
    rng = random.Random(seed * 100_003 + number)
    # Real articles cite 4-19 distinct sources ~10-30 times; each corpus article draws on 12.
    keys = rng.sample(sorted(keys), k=min(POOL, len(keys)))
    head = title(rng, number)
    description = sentence(rng)[:150]
    parts = [
        "---",
        f'title: "{head}"',
        f'description: "{description}"',
        "last_reviewed: 2026-01-01",
        "review_due: 2028-01-01",
        "---",
        "",
        f"# {head}",
        "",
        '!!! abstract "Key points"',
        "",
        *[f"    - {sentence(rng)}" for _ in range(4)],
        "",
    ]
    for section in range(5):
        parts += [f"## {sentence(rng)[:-1]}", ""]
        parts += [paragraph(rng, keys), ""]
        if section == 1:
            parts += _table(rng)
        if section == 2:
            parts += [f'!!! {rng.choice(ADMONITIONS)} "{sentence(rng)[:-1]}"', "", f"    {paragraph(rng, keys, 3)}", ""]
        if section == 3:
            parts += [f"### {sentence(rng)[:-1]}", ""]
        parts += [paragraph(rng, keys), ""]
        link = rng.choice(LINKS)
        parts += [paragraph(rng, keys, 4) + f" See [{link[:-3].replace('-', ' ')}](../{link}).", ""]
    return "\n".join(parts)


def _table(rng: random.Random) -> list[str]:
    rows = ["| What | When | How often |", "|---|---|---|"]
    rows += [f"| {rng.choice(WORDS)} {rng.choice(WORDS)} | week {i} | {rng.randint(1, 5)} times |" for i in range(1, 6)]
    return rows + [""]


def words(markdown: str) -> int:
    """Words of prose, front matter and macro calls left out (to check the ~1,000-word target)."""
    body = markdown.split("---", 2)[2]
    return sum(1 for w in body.split() if w.isalpha() or w.rstrip(".,").isalpha())
