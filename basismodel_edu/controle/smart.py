"""Is a goal SMART? A judgement from the goal's text alone, in Dutch or English.

From text alone three letters can be established: **S**pecific (a concrete result for a named
group, channel or measure), **M**easurable (a number that is not a date, an age or a posting
rhythm), **T**ime-bound (a date, a period or a deadline). Whether a goal is **A**chievable and
**R**elevant depends on the business and its figures, so the text leaves those ``onbepaald``
(unjudged); the plan's checker judges them from the goal's fields.

The judgement is deliberately strict: a goal is only called SMART when S, M and T are all found
and nothing marks it as vague (a bare "meer"), as an activity instead of a result ("drie keer per
week posten"), or as the status quo ("behouden"). A strict judge may miss a SMART goal; it must
never praise a vague one.

>>> beoordeel_smart("Meer volgers op Instagram").smart
False
>>> o = beoordeel_smart("Het aantal volgers op Instagram groeit van 1.200 naar 2.000 vóór 1 juli 2027.")
>>> o.smart, o.ontbreekt, o.onbepaald
(True, [], ['A', 'R'])
>>> beoordeel_smart("Post three times a week on TikTok in 2027.").redenen
['activiteit', 'geen_getal']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..taal.berichten import tekst

__all__ = ["SmartOordeel", "beoordeel_smart"]

_GETALWOORDEN = (
    r"twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|vijftig|"
    r"zestig|zeventig|tachtig|negentig|honderd|duizend|miljoen|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million"
)
_GETAL = rf"(?:\d[\d.,]*|{_GETALWOORDEN})"
_MAANDEN = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec|"
    r"january|february|march|may|june|july|august|october"
)
_PERIODE = (
    r"dagen|dag|weken|week|maanden|maand|kwartalen|kwartaal|jaren|jaar|"
    r"days|day|weeks|months|month|quarters|quarter|years|year"
)
_TIJD_VOORZETSEL = (
    r"in|voor|vóór|tot|uiterlijk|eind|einde|eind van|einde van|begin|medio|per|op|na|vanaf|"
    r"by|before|until|till|end of|the end of|during|from|as of|on|within|binnen|tijdens|"
    r"through|throughout|gedurende|t/m"
)

# Each pattern that marks a deadline or period. Rates ("per week") are not deadlines.
_TIJD = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b\d{4}-\d{1,2}-\d{1,2}\b",
        r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b",
        rf"\b\d{{1,2}}(?:st|nd|rd|th|e)?\s+(?:{_MAANDEN})\b",
        rf"\b(?:{_MAANDEN})\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
        rf"\b(?:{_MAANDEN})\s+(?:19|20)\d\d\b",
        rf"\b(?:{_TIJD_VOORZETSEL})\s+(?:het\s+jaar\s+|the\s+year\s+)?(?:19|20)\d\d\b",
        r"\bq[1-4]\b",
        r"\b(?:eerste|tweede|derde|vierde|first|second|third|fourth)\s+(?:kwartaal|quarter)\b",
        rf"\b(?:binnen|within|in|over|na|after|for|during|gedurende|tijdens)\s+(?:de\s+|het\s+|the\s+)?"
        rf"(?:komende\s+|volgende\s+|next\s+|coming\s+)?{_GETAL}\s+(?:{_PERIODE})\b",
        r"\b(?:binnen|within|in)\s+(?:een|één|a|one)\s+(?:jaar|year|maand|month|kwartaal|quarter|"
        r"week|dag|day)\b",
        # A relative period without a number: "binnen het komende kwartaal", "over the next month".
        rf"\b(?:binnen|within|in|over|during|gedurende|tijdens|for)\s+(?:de|het|the)\s+"
        rf"(?:komende|volgende|next|coming)\s+(?:{_PERIODE})\b",
        # A month alone after a deadline word: "by December", "uiterlijk december". May/mei are
        # left out in English because "may" is also a verb.
        r"\b(?:by|before|until|till|voor|vóór|uiterlijk|eind|end\s+of)\s+(?:januari|februari|maart|"
        r"april|mei|juni|juli|augustus|september|oktober|november|december|january|february|"
        r"march|june|july|august|october)\b",
        r"\b(?:dit|volgend|komend|this|next|coming)\s+(?:jaar|year|kwartaal|quarter|maand|month|"
        r"schooljaar|school\s+year|seizoen|season)\b",
        r"\b(?:deze|volgende|komende)\s+(?:maand|zomer|winter)\b",
        r"\b(?:eind|einde|end)\s+(?:van\s+|of\s+)?(?:het|dit|the|this)\s+(?:jaar|year|kwartaal|"
        r"quarter|maand|month)\b",
        r"\byear[- ]end\b|\bjaareinde\b",
        r"\b(?:voor|vóór|before|by)\s+(?:de\s+|the\s+)?(?:zomer|zomervakantie|kerst|kerstmis|"
        r"summer|christmas)\b",
        # A school or business period: "this semester", "deze periode", "by the end of the fiscal
        # year", "by the end of my sophomore year".
        r"\b(?:dit|deze|this|next|volgend|volgende|komend|komende)\s+(?:semester|periode|term|"
        r"trimester|week|studiejaar|boekjaar)\b",
        r"\b(?:eind|einde|end)\s+(?:van\s+|of\s+)?(?:het\s+|dit\s+|de\s+|deze\s+|the\s+|this\s+|"
        r"my\s+|our\s+|mijn\s+|ons\s+|onze\s+)?(?:[a-z]+\s+)?(?:jaar|year|kwartaal|quarter|maand|"
        r"month|semester|periode|term|week|studiejaar|schooljaar|boekjaar)\b",
        # "het komende jaar", "the coming year": a bounded period without a preposition.
        r"\b(?:het|de|the)\s+(?:komende|volgende|next|coming)\s+(?:jaar|year|kwartaal|quarter|"
        r"maand|month|halfjaar|semester|periode)\b",
        r"\b(?:before|by|voor|vóór)\s+(?:the\s+|het\s+)?(?:new\s+year|nieuwe\s+jaar|"
        r"jaarwisseling)\b",
        r"\b(?:before|by|voor|vóór)\s+(?:my|mijn|our|onze?)\s+(?:birthday|verjaardag|wedding|"
        r"bruiloft|graduation|diploma-uitreiking)\b",
        rf"\b(?:in|within|during|binnen|tijdens)\s+(?:the\s+|de\s+|het\s+)?(?:first|eerste)\s+"
        rf"(?:{_GETAL}\s+)?(?:{_PERIODE})\b",
        r"\b(?:between|tussen|van|from)\s+(?:19|20)\d\d\s+(?:and|en|tot|to|t/m|till|until)\s+"
        r"(?:19|20)\d\d\b",
    )
]
# One pass over the text instead of one per form: each search costs about the same however
# short the pattern, and the judge must stay well under 1 ms per statement.
_TIJD_EEN = re.compile("|".join(f"(?:{p.pattern})" for p in _TIJD), re.IGNORECASE)
_JAARTAL = re.compile(r"\b(?:19|20)\d\d\b")
_LEEFTIJD = re.compile(
    rf"\b{_GETAL}\s*(?:-|–|tot|t/m|to|and|en)\s*{_GETAL}\s*(?:jaar|jarigen|jarige|years?|yrs?|"
    rf"year[- ]olds?)\b|\b\d+\s*[-+]?\s*(?:jarigen|jarige|plussers|year[- ]olds?)\b|"
    rf"\b(?:aged|ages|leeftijd)\s+\d+(?:\s*(?:-|–|to|tot)\s*\d+)?\b|\b\d+\+",
    re.IGNORECASE,
)
_RITME = re.compile(
    rf"\b{_GETAL}\s*(?:x|keer|maal|times|posts?|berichten|video'?s|videos|stories|reels|"
    rf"blogs?|artikelen|articles|updates|tweets)\s*(?:per|a|an|each|every|in\s+de|elke|iedere)\s+"
    rf"(?:dag|week|maand|day|week|month|werkdag|weekday)\b|\b(?:once|twice)\s+(?:a|per|every)\s+"
    rf"(?:day|week|month)\b",
    re.IGNORECASE,
)
_GETAL_RE = re.compile(rf"(?<![a-z])(?:\d+(?:[.,]\d+)*\s*%?|(?:{_GETALWOORDEN})\b)", re.IGNORECASE)
_VERVEELVOUD = re.compile(
    r"\b(?:verdubbel\w*|verdrievoudig\w*|halveer\w*|halveren|double[sd]?|doubling|triple[sd]?|"
    r"halve[sd]?|halving)\b",
    re.IGNORECASE,
)
_VAAG = re.compile(
    r"\b(?:meer|beter|vaker|hoger|groter|minder|more|better|higher|bigger|fewer|less|"
    r"zoveel mogelijk|as many as possible|as much as possible|zo veel mogelijk|maximaal|"
    r"maximise|maximize|optimaliseren|optimise|optimize)\b",
    re.IGNORECASE,
)
_KANAAL = re.compile(
    r"\b(?:instagram|facebook|linkedin|tiktok|youtube|whatsapp|pinterest|snapchat|twitter|x\.com|"
    r"bereal|threads|website|webshop|webwinkel|nieuwsbrief|newsletter|blog|app|e-?mail|"
    r"google)\b",
    re.IGNORECASE,
)
_DOELGROEP = re.compile(
    r"\b(?:klant\w*|customers?|clients?|studenten|students?|scholieren|jongeren|young\s+people|"
    r"teenagers?|tieners|bezoekers|visitors?|leden|members?|abonnees|subscribers?|ouders|parents|"
    r"ondernemers|entrepreneurs|werkgevers|employers|medewerkers|employees|staff|patiënten|"
    r"patients|gasten|guests|inwoners|residents|deelnemers|participants|kopers|buyers|"
    r"gebruikers|users|donateurs|donors|vrijwilligers|volunteers|fans|followers|volgers|"
    r"b2b|mkb|smes?|doelgroep|target\s+(?:group|audience)|lezers|readers|kijkers|viewers|"
    r"huurders|tenants|reizigers|travellers|travelers|sporters|shoppers|consumenten|consumers|"
    r"bedrijven|companies|businesses|scholen|schools|vrouwen|women|mannen|men|senioren|seniors|"
    r"studenten|millennials|volwassenen|adults|kinderen|children|mensen|people|werknemers|workers|"
    r"burgers|citizens|rokers|smokers|huishoudens|households)\b",
    re.IGNORECASE,
)
_MAAT = re.compile(
    r"\b(?:omzet|revenue|sales|verkop\w*|verkoop|bestelling\w*|orders?|aanmelding\w*|sign-?ups?|"
    r"registrations?|registraties|inschrijving\w*|enrol\w*|leads?|reservering\w*|bookings?|"
    r"boekingen|downloads?|volgers|followers|likes|engagement\w*|betrokkenheid\w*|conversie\w*|"
    r"conversions?|traffic|verkeer|bezoek\w*|visits?|visitors?|weergaven|views|reacties|"
    r"comments|shares|gedeeld|klanttevredenheid|tevredenheid|satisfaction|nps|retentie|"
    r"retention|churn|herhaalaankopen|repeat\s+purchases|naamsbekendheid|brand\s+awareness|"
    r"bereik|(?:the|our|post|organic|total|monthly|weekly|paid)\s+reach|reach\s+(?:of|on|per)|impressies|impressions|ctr|klikratio|click-?through|open\s*rate|"
    r"openingspercentage|kosten|costs?|response\s+time|reactietijd|wachttijd|score|rating|"
    r"reviews?|beoordeling\w*|recensies|donaties|donations|subscribers|abonnees|leden|members|"
    r"aanvragen|requests|sollicita\w*|applications|offertes|quotes|winst|profit|marge|margin|"
    r"klanten|customers|kopers|buyers|deelnemers|participants|cijfer|klikken|clicks|"
    r"doorkliks|vermeldingen|mentions|berichten\s+van\s+klanten|uitschrijvingen|unsubscribes|"
    r"bounce\s*rate|bouncepercentage|aankopen|purchases|transacties|transactions|"
    # Body weight is the measured object of the guides' most common personal example.
    r"kg|kilo'?s?|lbs|pounds|pond|km|kilometers?|kilometres?|miles?|mijl|"
    # Study results and shares, the measures of the guides' student and market examples.
    r"gpa|grade\s+point\s+average|cijfergemiddelde|studiepunten|credits|market\s+share|"
    r"marktaandeel|percentage|subscriptions|abonnementen|proportion|aandeel|share\s+of)\b",
    re.IGNORECASE,
)
_ACTIVITEIT = re.compile(
    r"\b(?:post\w*|plaats\w*|publiceer\w*|publiceren|publish\w*|upload\w*|maak|maken|create|"
    r"organiseer\w*|organiseren|organi[sz]e|start\w*|begin|beginnen|lanceer\w*|lanceren|launch\w*|"
    r"verstuur\w*|versturen|stuur|send|schrijf|schrijven|write|houd|houden|hold|host|"
    r"inzetten|zet\s+in|actief\s+zijn|be\s+active|share\s+content|deel\s+content|plan\w*|"
    r"bijhouden|run|make|conduct|work\s+with|werken\s+met|samenwerken\s+met|"
    # Personal habits: what one does, not what it yields ("read 12 books", "walk 30 minutes").
    r"read|reading|lees|lezen|gelezen|eat|eating|eten|drink|drinking|drinken|walk\w*|"
    r"wandel\w*|study|studying|studeren|exercise|exercising|sporten|mediteren|meditate)\b",
    re.IGNORECASE,
)
# A promise to act ("I will walk", "ik ga sporten") makes the activity the goal, whatever
# result the sentence hopes for around it ("To get more steps in, I will walk ...").
_TOEZEGGING = re.compile(
    r"\b(?:I\s+will|I'll|we\s+will|we'll|ik\s+ga|we\s+gaan|wij\s+gaan|ik\s+zal|we\s+zullen|"
    r"wij\s+zullen)\s+(?:\w+\s+)?" + _ACTIVITEIT.pattern,
    re.IGNORECASE,
)
_RESULTAAT = re.compile(
    r"\b(?:verhoog\w*|verhogen|stijg\w*|groei\w*|toename|neemt\s+toe|increase[sd]?|grow\w*|"
    r"raise|boost|verbeter\w*|improve[sd]?|verlaag\w*|verlagen|verminder\w*|reduce[sd]?|"
    r"decrease[sd]?|lower|cut|bereik\w*|behaal\w*|halen|haalt|achieve[sd]?|reach\w*|attain|gain|"
    r"realiseer\w*|win|winnen|get|generate|genereer\w*|krijg\w*|van\s+\S+\s+naar|from\s+\S+\s+to|"
    r"naar|to\s+at\s+least|tot\s+minstens|minimaal|ten\s+minste|minstens|at\s+least|"
    r"verdubbel\w*|double|triple|halveer\w*|halve|sell|verkopen|convert\w*|converteer\w*|"
    r"terugbrengen|brengen\s+naar|bring\s+down|lose|verlies\w*|afvallen|afgevallen|save|sparen|"
    r"spaar\w*|secure|acquire)\b",
    re.IGNORECASE,
)
_KWANTOR = re.compile(
    r"\b(?:to\s+at\s+least|at\s+least|tot\s+minstens|minimaal|ten\s+minste|minstens)\b",
    re.IGNORECASE,
)
_STATUS_QUO = re.compile(
    r"\b(?:behoud\w*|handhav\w*|blijven|blijft|houden\s+op|vasthouden|maintain\w*|keep|"
    r"sustain\w*|stay|remain\w*|continue\w*|doorgaan)\b",
    re.IGNORECASE,
)
_VAGE_OBJECTEN = re.compile(
    r"\b(?:aanwezigheid|presence|zichtbaarheid|visibility|imago|image|merk|brand|succes|success|"
    r"groei|growth|social\s+media|online)\b",
    re.IGNORECASE,
)


# A sum of money is a measured object ("save $1,000"), but a sum per period or per event is a
# rhythm ("$40 per paycheck", "$500/month") and measures no result.
_BEDRAG = re.compile(
    # (?![\d.,]) stops the sum from being cut short ("$4" of "$40 per") to dodge the rhythm test.
    r"(?:[$€£]\s?\d[\d.,]*(?![\d.,])\s*[km]?|\b\d[\d.,]*\s*(?:euro|dollar)s?\b)"
    r"(?!\s*(?:/|per\b|a\s|each\b|every\b))|\d\s*(?:kg|lbs)\b",
    re.IGNORECASE,
)

_PROCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|procent|per\s?cent)", re.IGNORECASE)
# A share of a named group is a measured result: "70% van de jonge ouders", "80 percent of
# grade 4 students".
_AANDEEL = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|procent|per\s?cent)\s+(?:of|van)\s+(?:the\s+|de\s+|het\s+|all\s+|"
    r"alle\s+|our\s+|onze\s+)?[a-zà-ÿ]",
    re.IGNORECASE,
)
# Dutch policy goals often drop the "van": "20 procent volwassenen rookt", "5 procent zwangere
# vrouwen".
_AANDEEL_GROEP = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|procent|per\s?cent)\s+(?:[a-zà-ÿ]+\s+)?" + _DOELGROEP.pattern,
    re.IGNORECASE,
)
# A change from one figure to another: "from 40% to 10%", "van 45 dagen naar 30".
_VAN_NAAR = re.compile(
    r"\b(?:from|van)\s+[$€£]?\d[\d.,]*\s*[%km]?\s*(?:[a-z]+\s+)?(?:to|naar|tot)\s+"
    r"(?:under\s+|onder\s+|at\s+least\s+|minstens\s+)?[$€£]?\d",
    re.IGNORECASE,
)
# A count of named things: "5 clients", "3 new international markets", "45 studiepunten".
_NIET_TELBAAR = (
    r"(?:keer|maal|times|procent|percent|minuten|minutes|min|uur|uren|hours?|seconden|seconds|"
    rf"{_PERIODE}|jaar|jaren|{_MAANDEN}|en|and|of|tot|to|or|op|on|in|per)\b"
)
_AANTAL = re.compile(
    rf"(?<![\d.,])(?:\d[\d.,]*|{_GETALWOORDEN})\s+(?:new\s+|nieuwe?\s+|extra\s+|more\s+|"
    rf"meer\s+|additional\s+|positive\s+|positieve\s+)?(?!{_NIET_TELBAAR})[a-zà-ÿ][\w-]{{3,}}",
    re.IGNORECASE,
)
# Dutch compounds end in the measured group: "websitebezoekers", "kinderopvangorganisaties".
_SAMENGESTELD = re.compile(
    r"\b\w+(?:bezoekers|klanten|volgers|abonnees|leden|gebruikers|aanmeldingen|inschrijvingen|"
    r"boekingen|reacties|bestellingen|klachten|organisaties|deelnemers|donateurs)\b",
    re.IGNORECASE,
)
# A level per period ("20.000 per maand", "$500/month") is a rhythm, not a result; it counts as
# a figure only inside a change from one level to another.
_NIVEAU_PER = re.compile(
    # One noun may name what is counted: "7,000 steps per day" is a level per day as "7,000 a day".
    r"[$€£]?\d[\d.,]*\s*(?:[km%]|\s+(?!per\b)[a-zà-ÿ]+)?\s*"
    r"(?:/|per\s+|a\s+|each\s+|every\s+|elke\s+|iedere\s+)"
    r"(?:dag|week|maand|jaar|day|month|year|werkdag|weekday)\b",
    re.IGNORECASE,
)


def _procent(m: re.Match[str]) -> float:
    return float(m.group(1).replace(",", "."))


@dataclass
class SmartOordeel:
    """The judgement of one goal text: which letters hold, which are missing, and why."""

    tekst: str
    letters: dict[str, bool]
    redenen: list[str] = field(default_factory=list)

    @property
    def smart(self) -> bool:
        """True only when S, M and T hold and nothing marks the goal as vague."""
        # "onwaarschijnlijk" (over 100 %) is about A and R, which the text does not decide.
        return all(self.letters.values()) and not set(self.redenen) - {"onwaarschijnlijk"}

    @property
    def ontbreekt(self) -> list[str]:
        """The letters the text does not establish (``S``, ``M``, ``T``)."""
        return [letter for letter, ok in self.letters.items() if not ok]

    @property
    def onbepaald(self) -> list[str]:
        """The letters text alone cannot decide: achievable and relevant."""
        return ["A", "R"]

    def uitleg(self, taal: str | None = None) -> list[str]:
        """One sentence per reason the goal is not (yet) SMART."""
        return [tekst(f"smart.{r}", taal) for r in self.redenen]

    def als_dict(self, taal: str | None = None) -> dict:
        return {
            "smart": self.smart,
            "missing": self.ontbreekt,
            "unjudged": self.onbepaald,
            "reasons": self.redenen,
            "explanation": self.uitleg(taal),
        }

    def __str__(self) -> str:
        if self.smart:
            # An implausible figure does not undo S, M and T, but the student still hears it.
            return " ".join([tekst("smart.oordeel_ja"), *self.uitleg()])
        return tekst("smart.oordeel_nee", ontbreekt=", ".join(self.ontbreekt) or "-") + (
            " " + " ".join(self.uitleg()) if self.redenen else ""
        )

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))


def beoordeel_smart(doeltekst: str) -> SmartOordeel:
    """Judge a goal from its text alone (Dutch or English); see the module's introduction."""
    t = " ".join(doeltekst.replace("’", "'").split())
    tijd = bool(_TIJD_EEN.search(t))

    # What remains once dates, years, ages and posting rhythms are cut out are the numbers that
    # can measure a result.
    rest = t
    for p in (_TIJD_EEN, _LEEFTIJD, _RITME, _JAARTAL):
        rest = p.sub(" ", rest)
    van_naar = bool(_VAN_NAAR.search(t))
    if not van_naar:
        rest = _NIVEAU_PER.sub(" ", rest)
    getal = bool(_GETAL_RE.search(rest)) or bool(_VERVEELVOUD.search(t))

    resultaat = bool(_RESULTAAT.search(t)) or bool(_VERVEELVOUD.search(t))
    vaag_object = bool(_VAGE_OBJECTEN.search(t))
    # A figure attached to a result measures it, whatever the noun: a share of a group, a change
    # from one figure to another, a count of named things, a percentage change. A vague object
    # ("presence by 20%") stays vague.
    gemeten = getal and (
        bool(_AANDEEL.search(t))
        or bool(_AANDEEL_GROEP.search(t))
        or van_naar
        or bool(_SAMENGESTELD.search(t))
        or bool(_AANTAL.search(rest))
        or (resultaat and bool(_PROCENT.search(t)) and not vaag_object)
    )
    maat = bool(_MAAT.search(t)) or bool(_BEDRAG.search(t)) or gemeten
    concreet = maat or bool(_KANAAL.search(t)) or bool(_DOELGROEP.search(t))

    redenen = []
    if not t:
        redenen.append("leeg")
    if any(_procent(m) > 100 for m in _PROCENT.finditer(t)):
        redenen.append("onwaarschijnlijk")
    # "at least 5 contacts" names a quantity, not a result: only a result verb outweighs an
    # activity.
    # It must stand in the activity's own sentence: "Increase communication. I will make 5
    # contacts." is an activity with a wish in front of it.
    zinnen = [z for z in re.split(r"(?<=[.!?;])\s+", t) if _ACTIVITEIT.search(z)]
    werkwoord = all(_RESULTAAT.search(_KWANTOR.sub(" ", z)) for z in zinnen)
    # What a share of a group does is measured in people, a result of the goal's work: "75% of
    # students will have read 10 books", "70 percent of grade 4 students will place ...".
    aandeel = all(_AANDEEL.search(z) for z in zinnen)
    toegezegd = any(_TOEZEGGING.search(z) for z in zinnen)
    if zinnen and (toegezegd or not ((werkwoord or aandeel) and maat)):
        redenen.append("activiteit")
    if _STATUS_QUO.search(t) and not _RESULTAAT.search(_STATUS_QUO.sub(" ", t)):
        redenen.append("status_quo")
    if not maat and _VAGE_OBJECTEN.search(t):
        redenen.append("vaag_object")
    if not getal:
        redenen.append("vaag_meer" if _VAAG.search(t) else "geen_getal")
    if not tijd:
        redenen.append("geen_tijd")
    if t and not concreet:
        redenen.append("niet_specifiek")

    specifiek = concreet and not (
        {"activiteit", "status_quo", "vaag_object", "leeg"} & set(redenen)
    )
    letters = {"S": specifiek, "M": getal and maat, "T": tijd}
    if getal and not maat and "niet_specifiek" not in redenen and "vaag_object" not in redenen:
        redenen.append("geen_maat")
    return SmartOordeel(doeltekst, letters, redenen)
