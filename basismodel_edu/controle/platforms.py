"""Social media platforms: the channel list, and how many Dutch people use each one.

The user figures come from the yearly *Nationale Social Media Onderzoek* by Newcom, as reported in
the press; every row keeps its source address (``data/newcom_nl_platform_users.csv``, copied from
the course's data folder). Report years are the year of publication. Only these figures are used:
nothing is extrapolated.

>>> normaliseer_kanaal("  twitter ")
'X (Twitter)'
>>> trend("Facebook").krimpt
True
>>> trend("Facebook").laatste.jaar
2025
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "GESTOPT",
    "KANALEN",
    "SOCIALE_PLATFORMS",
    "Cijfer",
    "Trend",
    "cijfers",
    "is_social_medium",
    "normaliseer_kanaal",
    "trend",
]

#: Social media platforms, as the forms offer them (current ones first).
SOCIALE_PLATFORMS = (
    "Instagram",
    "Facebook",
    "LinkedIn",
    "TikTok",
    "YouTube",
    "WhatsApp",
    "Pinterest",
    "Snapchat",
    "X (Twitter)",
    "BeReal",
    "Hyves",
    "Google+",
    "Vine",
)
#: Other channels a plan often uses beside social media.
ANDERE_KANALEN = ("Website", "E-mailnieuwsbrief", "Google Bedrijfsprofiel")
KANALEN = SOCIALE_PLATFORMS + ANDERE_KANALEN

#: Platforms that closed, with the year they stopped as a social network.
GESTOPT = {"Hyves": 2013, "Vine": 2017, "Google+": 2019}

_ALIASSEN = {
    "x": "X (Twitter)",
    "twitter": "X (Twitter)",
    "x/twitter": "X (Twitter)",
    "twitter/x": "X (Twitter)",
    "google plus": "Google+",
    "googleplus": "Google+",
    "insta": "Instagram",
    "fb": "Facebook",
    "yt": "YouTube",
    "nieuwsbrief": "E-mailnieuwsbrief",
    "e-mail": "E-mailnieuwsbrief",
    "email": "E-mailnieuwsbrief",
    "newsletter": "E-mailnieuwsbrief",
}
_OP_NAAM = {k.casefold(): k for k in KANALEN}


def normaliseer_kanaal(naam: str) -> str:
    """The channel's name as the package spells it; an unknown channel keeps its own name."""
    kaal = " ".join(naam.split())
    sleutel = kaal.casefold()
    return _ALIASSEN.get(sleutel) or _OP_NAAM.get(sleutel) or kaal


def is_social_medium(naam: str) -> bool:
    """True for a social media platform (``"Website"`` or an unknown name is not one)."""
    return normaliseer_kanaal(naam) in SOCIALE_PLATFORMS


@dataclass(frozen=True, slots=True)
class Cijfer:
    """Dutch users of one platform in one report year, with the address of its source."""

    jaar: int
    platform: str
    gebruikers: float | None
    dagelijks: float | None
    noot: str
    bron: str


@cache
def cijfers() -> tuple[Cijfer, ...]:
    """All rows of the Newcom figures, read once."""
    ruw = resources.files("basismodel_edu").joinpath("data", "newcom_nl_platform_users.csv")
    rijen = csv.DictReader(io.StringIO(ruw.read_text(encoding="utf-8")))
    return tuple(
        Cijfer(
            jaar=int(r["report_year"]),
            platform=normaliseer_kanaal(r["platform"]),
            gebruikers=float(r["users_million"]) if r["users_million"] else None,
            dagelijks=float(r["daily_users_million"]) if r["daily_users_million"] else None,
            noot=r["note"],
            bron=r["source_url"],
        )
        for r in rijen
    )


@dataclass(frozen=True, slots=True)
class Trend:
    """What the figures say about one platform: its peak and its latest figure."""

    platform: str
    maat: str  # "gebruikers" or "dagelijks": the series the figures have most of
    piek: Cijfer
    laatste: Cijfer

    @property
    def verandering(self) -> float:
        """Latest figure against the peak, as a fraction (-0.05 is 5 % below the peak)."""
        piek = getattr(self.piek, self.maat)
        return getattr(self.laatste, self.maat) / piek - 1

    @property
    def krimpt(self) -> bool:
        """Use has fallen at least 3 % below its peak in these figures."""
        return self.verandering <= -0.03


@cache
def trend(platform: str) -> Trend | None:
    """The trend of ``platform`` in the Newcom figures, or ``None`` with fewer than two figures."""
    naam = normaliseer_kanaal(platform)
    rijen = [c for c in cijfers() if c.platform == naam]
    for maat in ("gebruikers", "dagelijks"):
        reeks = sorted((c for c in rijen if getattr(c, maat) is not None), key=lambda c: c.jaar)
        if len(reeks) >= 2:
            piek = max(reeks, key=lambda c: (getattr(c, maat), -c.jaar))
            return Trend(naam, maat, piek, reeks[-1])
    return None
