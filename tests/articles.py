"""Synthetic Arabic and English news articles with numeric claims, deterministic by seed number.

``article(seed)`` always gives the same article; ``corpus(count, start)`` a run of them and
``write_corpus(folder, count)`` writes them as files (``.txt`` with the seed's ``date YYYY-MM-DD
Publisher- Dateline`` header, or ``.md`` with YAML front matter).  Each article knows the claims it
planted (:class:`Planted`: the surface with hedge, number and unit, its offsets in the file text, value,
bound, unit, source, time) and carries distractors that are not claims (dates, years, clock times,
resolution numbers, ordinals, phone numbers).

The figures come from a small invented "world" (:func:`truth`): the same subject, place and time has
one true value, and articles report it exactly, rounded and hedged, slightly off (``drift``) or, rarely,
far off (``conflict``), so a corpus exercises cross-source comparison too.  All figures are invented.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------- vocabulary

#: (arabic, english) place names
PLACES = (
    ("دمشق", "Damascus"),
    ("حلب", "Aleppo"),
    ("إدلب", "Idlib"),
    ("الرقة", "Raqqa"),
    ("دير الزور", "Deir ez-Zor"),
    ("الحسكة", "Hasakah"),
    ("الموصل", "Mosul"),
    ("بغداد", "Baghdad"),
    ("البصرة", "Basra"),
    ("أربيل", "Erbil"),
    ("بيروت", "Beirut"),
    ("طرابلس", "Tripoli"),
    ("عمّان", "Amman"),
    ("غزة", "Gaza"),
    ("خان يونس", "Khan Younis"),
    ("صنعاء", "Sanaa"),
    ("عدن", "Aden"),
    ("الخرطوم", "Khartoum"),
    ("الفاشر", "El Fasher"),
    ("بنغازي", "Benghazi"),
)
CAMPS = (("الهول", "al-Hol"), ("الروج", "Roj"), ("الزعتري", "Zaatari"), ("عين عيسى", "Ain Issa"))
#: (arabic, english, canonical, arabic name is feminine) sources
SOURCES = (
    ("القيادة المركزية الأمريكية", "US Central Command", "CENTCOM", True),
    ("الأمم المتحدة", "the United Nations", "UN", True),
    ("مفوضية الأمم المتحدة لشؤون اللاجئين", "the UN refugee agency", "UNHCR", True),
    ("منظمة الصحة العالمية", "the World Health Organization", "WHO", True),
    ("وزارة الصحة", "the health ministry", "Ministry of Health", True),
    ("المرصد السوري لحقوق الإنسان", "the Syrian Observatory for Human Rights", "SOHR", False),
    ("برنامج الأغذية العالمي", "the World Food Programme", "WFP", False),
    ("البنك الدولي", "the World Bank", "World Bank", False),
    ("الإدارة الذاتية", "the Autonomous Administration", "Autonomous Administration", True),
    ("منظمة اليونيسف", "UNICEF", "UNICEF", True),
)
AR_PUBLISHERS = ("شفق نيوز", "الجزيرة نت", "عنب بلدي", "العربي الجديد", "الشرق الأوسط")
EN_PUBLISHERS = ("Reuters", "Associated Press", "Middle East Eye", "The National", "Al-Monitor")
AR_MONTHS = (
    "كانون الثاني/ يناير", "شباط/ فبراير", "آذار/ مارس", "نيسان/ أبريل", "أيار/ مايو", "حزيران/ يونيو",
    "تموز/ يوليو", "آب/ أغسطس", "أيلول/ سبتمبر", "تشرين الأول/ أكتوبر", "تشرين الثاني/ نوفمبر",
    "كانون الأول/ ديسمبر",
)  # fmt: skip
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
_EASTERN = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")


@dataclass(frozen=True, slots=True)
class Noun:
    """A counted noun or unit in both languages: Arabic singular, accusative, plural and gender."""

    unit: str
    ar: str
    ar_acc: str
    ar_plural: str
    feminine: bool
    en: str
    en_plural: str
    en_before: str = ""  #: a symbol written before the number ($)


NOUNS = {
    "person": Noun("person", "شخص", "شخصاً", "أشخاص", False, "person", "people"),
    "fighter": Noun("fighter", "مقاتل", "مقاتلاً", "مقاتلين", False, "fighter", "fighters"),
    "operation": Noun("operation", "عملية", "عملية", "عمليات", True, "operation", "operations"),
    "detainee": Noun("detainee", "معتقل", "معتقلاً", "معتقلين", False, "detainee", "detainees"),
    "refugee": Noun("refugee", "لاجئ", "لاجئاً", "لاجئين", False, "refugee", "refugees"),
    "child": Noun("child", "طفل", "طفلاً", "أطفال", False, "child", "children"),
    "family": Noun("family", "عائلة", "عائلة", "عائلات", True, "family", "families"),
    "school": Noun("school", "مدرسة", "مدرسة", "مدارس", True, "school", "schools"),
    "house": Noun("house", "منزل", "منزلاً", "منازل", False, "house", "houses"),
    "airstrike": Noun("airstrike", "غارة", "غارة", "غارات", True, "airstrike", "airstrikes"),
    "truck": Noun("truck", "شاحنة", "شاحنة", "شاحنات", True, "truck", "trucks"),
    "hospital": Noun("hospital", "مستشفى", "مستشفى", "مستشفيات", False, "hospital", "hospitals"),
    "km": Noun("km", "كيلومتر", "كيلومتراً", "كيلومترات", False, "kilometre", "kilometres"),
    "t": Noun("t", "طن", "طناً", "أطنان", False, "tonne", "tonnes"),
    "MW": Noun("MW", "ميغاواط", "ميغاواط", "ميغاواط", False, "megawatt", "megawatts"),
    "USD": Noun("USD", "دولار", "دولاراً", "دولارات", False, "dollar", "dollars", en_before="$"),
    "percent": Noun("percent", "بالمئة", "بالمئة", "بالمئة", False, "percent", "percent"),
}


@dataclass(frozen=True, slots=True)
class Topic:
    """A kind of figure: its noun, the subject phrase in both languages and the value range."""

    key: str
    noun: str
    ar: str  #: subject phrase; {place} is filled in
    en: str
    low: float
    high: float
    ar_feminine: bool = False  #: the Arabic subject takes a feminine verb (بلغت)
    scale: float = 1  #: values are multiples of this (1e9 for budgets in billions)


TOPICS = (
    Topic(
        "camp_population",
        "person",
        "عدد المقيمين في مخيم {camp}",
        "the number of residents of {camp} camp",
        5_000,
        80_000,
    ),
    Topic(
        "displaced",
        "person",
        "عدد النازحين من {place}",
        "the number of people displaced from {place}",
        2_000,
        900_000,
    ),
    Topic(
        "operations",
        "operation",
        "عدد العمليات الأمنية في محيط {place}",
        "the number of security operations around {place}",
        5,
        60,
    ),
    Topic(
        "detainees",
        "detainee",
        "عدد المحتجزين في سجون {place}",
        "the number of detainees held in {place}",
        500,
        12_000,
    ),
    Topic(
        "fighters",
        "fighter",
        "عدد المقاتلين النشطين قرب {place}",
        "the number of active fighters near {place}",
        800,
        6_000,
    ),
    Topic(
        "returnees",
        "refugee",
        "عدد اللاجئين العائدين إلى {place}",
        "the number of refugees who returned to {place}",
        1_000,
        400_000,
    ),
    Topic(
        "vaccinated",
        "child",
        "عدد الأطفال الذين تلقوا اللقاح في {place}",
        "the number of children vaccinated in {place}",
        10_000,
        2_000_000,
    ),
    Topic(
        "families",
        "family",
        "عدد العائلات التي تلقت مساعدات في {place}",
        "the number of families that received aid in {place}",
        50,
        20_000,
    ),
    Topic(
        "schools",
        "school",
        "عدد المدارس المتضررة في {place}",
        "the number of damaged schools in {place}",
        10,
        400,
    ),
    Topic(
        "houses",
        "house",
        "عدد المنازل المدمرة في {place}",
        "the number of destroyed houses in {place}",
        40,
        30_000,
    ),
    Topic(
        "strikes",
        "airstrike",
        "عدد الغارات الجوية على {place}",
        "the number of airstrikes on {place}",
        3,
        250,
    ),
    Topic(
        "trucks",
        "truck",
        "عدد شاحنات المساعدات التي دخلت {place}",
        "the number of aid trucks that entered {place}",
        20,
        900,
    ),
    Topic(
        "hospitals",
        "hospital",
        "عدد المستشفيات العاملة في {place}",
        "the number of hospitals still working in {place}",
        3,
        60,
    ),
    Topic(
        "road",
        "km",
        "طول الطرق التي أعيد تأهيلها في {place}",
        "the length of roads rebuilt in {place}",
        10,
        450,
    ),
    Topic(
        "food_aid",
        "t",
        "كمية المساعدات الغذائية الموزعة في {place}",
        "the food aid delivered in {place}",
        100,
        50_000,
        ar_feminine=True,
    ),
    Topic(
        "power",
        "MW",
        "القدرة الكهربائية المتاحة في {place}",
        "the power available in {place}",
        50,
        3_000,
        ar_feminine=True,
    ),
    Topic(
        "budget",
        "USD",
        "ميزانية إعادة الإعمار في {place}",
        "the reconstruction budget for {place}",
        1,
        90,
        ar_feminine=True,
        scale=1e9,
    ),
    Topic(
        "aid_funding",
        "USD",
        "قيمة المساعدات الإنسانية المخصصة لـ{place}",
        "the humanitarian funding pledged for {place}",
        5,
        900,
        ar_feminine=True,
        scale=1e6,
    ),
    Topic(
        "unemployment",
        "percent",
        "نسبة البطالة في {place}",
        "the unemployment rate in {place}",
        5,
        45,
        ar_feminine=True,
    ),
    Topic("inflation", "percent", "نسبة التضخم في {place}", "inflation in {place}", 2, 120, ar_feminine=True),
)


@dataclass(frozen=True, slots=True)
class Planted:
    """A claim an article states, as a careful reader would extract it."""

    text: str
    start: int
    end: int
    value: float | int | None
    low: float | int | None
    high: float | int | None
    bound: str
    approx: bool
    unit: str
    unit_text: str
    topic: str  #: the world fact's key: topic:place:time (same key = same quantity)
    source: str | None  #: canonical source (English short name)
    source_text: str | None
    time: str | None
    truth: float  #: the world's value for this fact
    variation: str  #: exact, rounded, drift or conflict


@dataclass(frozen=True, slots=True)
class Article:
    seed: int
    lang: str
    name: str  #: file name: ar-000042.txt, en-000043.md
    text: str
    publisher: str
    published: str
    dateline: str
    title: str
    claims: tuple[Planted, ...] = field(default=())

    def write(self, folder: str | Path) -> Path:
        path = Path(folder) / self.name
        path.write_text(self.text, encoding="utf-8")
        return path


# ---------------------------------------------------------------- the world


def _rng_for(*parts: object) -> random.Random:
    return random.Random(zlib.crc32("|".join(map(str, parts)).encode("utf-8")))


def truth(topic: Topic, where: str, time: str) -> float:
    """The world's value of ``topic`` at ``where`` and ``time`` (deterministic, invented)."""
    rng = _rng_for(topic.key, where, time)
    if topic.noun == "percent":
        return round(rng.uniform(topic.low, topic.high), 1)
    value = (
        rng.uniform(topic.low, topic.high)
        if topic.high < 100
        else 10 ** rng.uniform(_log10(topic.low), _log10(topic.high))
    )
    return float(round(value)) * topic.scale


def _log10(x: float) -> float:
    import math

    return math.log10(x)


# ---------------------------------------------------------------- numbers as written


def _round_to(value: float, step: float) -> float:
    return round(value / step) * step


def _step_for(value: float) -> float:
    """A newsroom rounding step: two significant figures."""
    import math

    if value < 100:
        return 1
    return 10 ** (math.floor(math.log10(value)) - 1)


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _group(n: int | float) -> str:
    if isinstance(n, float) and not n.is_integer():
        return f"{n:,.1f}".rstrip("0").rstrip(".")
    return f"{int(n):,}"


class _Writer:
    """Appends text and records the planted claims with their offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.claims: list[Planted] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def claim(self, surface: str, **fields: object) -> None:
        start = self.pos
        self.add(surface)
        self.claims.append(Planted(text=surface, start=start, end=self.pos, **fields))  # type: ignore[arg-type]

    @property
    def text(self) -> str:
        return "".join(self.parts)


_AR_WORDS_M = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}
_AR_WORDS_F = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}
_EN_WORDS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def _ar_count(n: float, noun: Noun, rng: random.Random) -> tuple[str, str]:
    """Arabic number + counted noun (agreement by the last two digits); (surface, noun as written)."""
    if noun.unit == "percent":
        digits = _group(n) if rng.random() < 0.8 else _group(n).translate(_EASTERN)
        return (f"{digits}%", "%") if rng.random() < 0.5 else (f"{digits} بالمئة", "بالمئة")
    if float(n).is_integer() and 3 <= n <= 10 and rng.random() < 0.5:
        words = _AR_WORDS_F if not noun.feminine else _AR_WORDS_M  # gender polarity
        return f"{words[int(n)]} {noun.ar_plural}", noun.ar_plural
    for scale, one, few in ((1e9, "مليار", "مليارات"), (1e6, "مليون", "ملايين"), (1e3, "ألف", "آلاف")):
        k = n / scale
        whole = float(k).is_integer() if scale == 1e3 else round(k, 1) == k
        if n >= scale * 3 and whole and (scale > 1e3 or rng.random() < 0.5):
            word = few if float(k).is_integer() and 3 <= k <= 10 else one
            return f"{_group(_plain(round(k, 1)))} {word} {noun.ar}", noun.ar
    digits = _group(n)
    if rng.random() < 0.15:
        digits = digits.translate(_EASTERN)
    tail = int(n) % 100
    if 3 <= tail <= 10:
        form = noun.ar_plural
    elif 11 <= tail <= 99:
        form = noun.ar_acc
    else:
        form = noun.ar
    return f"{digits} {form}", form


def _en_count(n: float, noun: Noun, rng: random.Random) -> tuple[str, str]:
    """English number + unit; (surface, unit as written)."""
    if noun.unit == "percent":
        return (f"{_group(n)}%", "%") if rng.random() < 0.5 else (f"{_group(n)} percent", "percent")
    if float(n).is_integer() and 3 <= n <= 10 and rng.random() < 0.5:
        return f"{_EN_WORDS[int(n)]} {noun.en_plural}", noun.en_plural
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        k = n / scale
        if n >= scale and round(k, 1) == k:
            if noun.en_before:
                return f"{noun.en_before}{_group(_plain(round(k, 1)))} {word}", noun.en_before
            return f"{_group(_plain(round(k, 1)))} {word} {noun.en_plural}", noun.en_plural
    if noun.en_before:
        return f"{noun.en_before}{_group(n)}", noun.en_before
    return f"{_group(n)} {noun.en_plural}", noun.en_plural


_AR_HEDGES = {
    "approx": ("نحو", "حوالي", "قرابة", "ما يقارب"),
    "more_than": ("أكثر من", "ما يزيد على"),
    "at_least": ("ما لا يقل عن",),
    "less_than": ("أقل من",),
    "at_most": ("ما يصل إلى",),
}
_EN_HEDGES = {
    "approx": ("about", "nearly", "around", "some", "approximately", "roughly"),
    "more_than": ("more than", "over"),
    "at_least": ("at least",),
    "less_than": ("fewer than", "less than"),
    "at_most": ("up to", "as many as"),
}


# ---------------------------------------------------------------- one article


def _time_phrase(lang: str, time: str, published: str, rng: random.Random) -> tuple[str, str | None]:
    """A time expression for ``time`` (year or month) or for now; (phrase, ISO time)."""
    if time == "now":
        return rng.choice(
            (" حالياً", " حتى الآن") if lang == "ar" else (" currently", " so far", " now")
        ), published
    if len(time) == 4:
        return (f" عام {time}" if lang == "ar" else f" in {time}"), time
    year, month = time.split("-")
    if lang == "ar":
        return f" في {AR_MONTHS[int(month) - 1]} {year}", time
    return f" in {EN_MONTHS[int(month) - 1]} {year}", time


def _distractor(lang: str, rng: random.Random, year: int) -> str:
    """A sentence whose numbers are not claims."""
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    clock = f"{rng.randint(8, 11)}:{rng.choice(('00', '15', '30', '45'))}"
    res = rng.choice((2254, 2139, 2401, 1701))
    if lang == "ar":
        choices = (
            f"وجاء ذلك في بيان صدر في {day} {AR_MONTHS[month - 1]}.",
            f"ويأتي ذلك في إطار تنفيذ قرار مجلس الأمن رقم {res}.",
            f"وعُقد الاجتماع عند الساعة {clock} صباحاً بتوقيت دمشق.",
            "وتعد هذه المرحلة الثالثة من الخطة التي أُعلن عنها العام الماضي.",
            f"وتشهد المنطقة توتراً متصاعداً منذ عام {year - rng.randint(2, 8)}.",
            f"ويمكن التواصل مع غرفة العمليات على الرقم 0933{rng.randint(100000, 999999)}.",
        )
    else:
        choices = (
            f"The statement was issued on {EN_MONTHS[month - 1]} {day}.",
            f"The move follows UN Security Council Resolution {res}.",
            f"The meeting began at {clock} a.m. local time.",
            "Officials described it as the third phase of the plan announced last year.",
            f"Tensions in the area have been rising since {year - rng.randint(2, 8)}.",
            f"A hotline has been set up on +963 11 {rng.randint(1000000, 9999999)}.",
        )
    return rng.choice(choices)


def _figure(rng: random.Random, topic: Topic, where: str, time: str) -> tuple[str, dict[str, object]]:
    """Choose how the article states a fact: (bound, numbers and variation)."""
    true = truth(topic, where, time)
    roll = rng.random()
    if roll < 0.04:
        variation, stated = "conflict", true * rng.choice((0.6, 0.7, 1.4, 1.6))
    elif roll < 0.2:
        variation, stated = "drift", true * rng.uniform(0.96, 1.04)
    elif roll < 0.55:
        variation, stated = "rounded", true
    else:
        variation, stated = "exact", true
    if topic.noun == "percent":
        stated = round(stated, 1)
    elif variation != "exact":
        stated = _round_to(stated, _step_for(stated))
    else:
        stated = round(stated)
    stated = max(stated, 3.0 if topic.noun != "percent" else 0.5)
    bound = "exact"
    b = rng.random()
    if variation in ("rounded", "drift") and b < 0.7:
        bound = "approx"
    elif b < 0.78:
        bounds = (
            ("more_than", "less_than") if topic.noun == "percent" else ("more_than", "at_least", "at_most")
        )
        bound = rng.choice(bounds)
    elif topic.key == "fighters" and b < 0.95:
        bound = "range"
    return bound, {"truth": true, "variation": variation, "stated": _plain(stated)}


def article(seed: int, *, lang: str | None = None, paragraphs: tuple[int, int] = (3, 7)) -> Article:
    """The article of ``seed`` (Arabic for even seeds unless ``lang`` is given)."""
    rng = random.Random(seed * 7919 + 17)
    lang = lang or ("ar" if seed % 2 == 0 else "en")
    year = rng.choice((2024, 2025))
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    place_ar, place_en = rng.choice(PLACES)
    publisher = rng.choice(AR_PUBLISHERS if lang == "ar" else EN_PUBLISHERS)
    markdown = rng.random() < (0.5 if lang == "en" else 0.1)
    w = _Writer()
    title = (
        f"أرقام جديدة حول الوضع الإنساني في {place_ar}"
        if lang == "ar"
        else f"New figures on the situation in {place_en}"
    )
    if markdown:
        w.add(f"---\ntitle: {title}\nsource: {publisher}\npublished: {published}\nlang: {lang}\n---\n\n")
    else:
        w.add(f"date {published} {publisher}- {place_ar if lang == 'ar' else place_en}\n\n")
    for p in range(rng.randint(*paragraphs)):
        sentences = rng.randint(1, 2)
        for s in range(sentences):
            _claim_sentence(w, rng, lang, published, first=p == 0 and s == 0)
            w.add(" ")
        if rng.random() < 0.6:
            w.add(_distractor(lang, rng, year))
        w.add("\n\n")
    text = w.text.rstrip() + "\n"
    ext = "md" if markdown else "txt"
    return Article(
        seed=seed,
        lang=lang,
        name=f"{lang}-{seed:06d}.{ext}",
        text=text,
        publisher=publisher,
        published=published,
        dateline=place_ar if lang == "ar" else place_en,
        title=title,
        claims=tuple(w.claims),
    )


def _claim_sentence(w: _Writer, rng: random.Random, lang: str, published: str, *, first: bool) -> None:
    topic = rng.choice(TOPICS)
    noun = NOUNS[topic.noun]
    if topic.key == "camp_population":
        where_ar, where_en = rng.choice(CAMPS)
    else:
        where_ar, where_en = rng.choice(PLACES)
    pub_year = int(published[:4])
    time = rng.choice(
        ("now", "now", str(pub_year - rng.randint(0, 6)), f"{pub_year}-{rng.randint(1, 12):02d}")
    )
    if time != "now" and time > published:
        time = str(pub_year - 1)
    phrase, iso_time = _time_phrase(lang, time, published, rng)
    world_time = published[:4] if time == "now" else time
    bound, fig = _figure(rng, topic, where_en, world_time)
    stated = fig["stated"]
    src_ar, src_en, src, src_feminine = rng.choice(SOURCES)
    subject = (topic.ar if lang == "ar" else topic.en).format(
        place=where_ar if lang == "ar" else where_en, camp=where_ar if lang == "ar" else where_en
    )
    count = _ar_count if lang == "ar" else _en_count
    low = high = value = stated
    if bound == "range":
        step = _step_for(float(stated))
        low = _plain(_round_to(float(stated) * 0.85, step))
        high = _plain(_round_to(float(stated) * 1.05, step))
        if low == high:
            high = _plain(float(low) + step)
        value = None
        surface_high, unit_text = count(float(high), noun, rng)
        low_text = _group(low)
        if lang == "ar":
            surface = (
                f"{low_text}–{surface_high}" if rng.random() < 0.5 else f"بين {low_text} و{surface_high}"
            )
        else:
            surface = (
                f"between {low_text} and {surface_high}"
                if rng.random() < 0.5
                else f"{low_text}-{surface_high}"
            )
    else:
        surface, unit_text = count(float(stated), noun, rng)
        if bound != "exact":
            hedges = _AR_HEDGES if lang == "ar" else _EN_HEDGES
            surface = f"{rng.choice(hedges[bound])} {surface}"
        if bound in ("more_than", "at_least"):
            high = None
        elif bound in ("less_than", "at_most"):
            low = None
    attributed = rng.random() < 0.85
    fields = dict(
        value=value, low=low, high=high, bound=bound, approx=bound in ("approx", "range"), unit=noun.unit,
        unit_text=unit_text, topic=f"{topic.key}:{where_en}:{world_time}", source=src if attributed else None,
        source_text=(src_ar if lang == "ar" else src_en) if attributed else None, time=iso_time,
        truth=fig["truth"], variation=fig["variation"],
    )  # fmt: skip
    if lang == "ar":
        verb = "بلغت" if topic.ar_feminine else "بلغ"
        if attributed:
            lead = rng.choice(("قال", "أعلن", "ذكر", "أوضح")) + ("ت" if src_feminine else "")
            w.add(f"{'' if first else 'و'}{lead} {src_ar} في بيان إن {subject} {verb} ")
        elif rng.random() < 0.3:
            w.add(f"{'' if first else 'و'}يُقدَّر {subject} بـ")
        else:
            w.add(f"{'' if first else 'و'}{verb} {subject} ")
        w.claim(surface, **fields)
        w.add(phrase + rng.choice(("، وفق البيانات المتاحة.", ".", "، بحسب التقديرات الأخيرة.")))
    else:
        subject_cap = subject[0].upper() + subject[1:]
        if attributed:
            pattern = rng.random()
            if pattern < 0.5:
                w.add(f"{src_en[0].upper() + src_en[1:]} said {subject} stood at ")
                w.claim(surface, **fields)
                w.add(phrase + ".")
            else:
                w.add(f"According to {src_en}, {subject} reached ")
                w.claim(surface, **fields)
                w.add(phrase + ".")
        else:
            w.add(f"{subject_cap} was estimated at ")
            w.claim(surface, **fields)
            w.add(phrase + ".")


def corpus(
    count: int, start: int = 0, *, lang: str | None = None, paragraphs: tuple[int, int] = (3, 7)
) -> Iterator[Article]:
    """Articles ``start`` .. ``start + count - 1``."""
    for seed in range(start, start + count):
        yield article(seed, lang=lang, paragraphs=paragraphs)


def write_corpus(
    folder: str | Path,
    count: int,
    start: int = 0,
    *,
    lang: str | None = None,
    paragraphs: tuple[int, int] = (3, 7),
) -> list[Path]:
    """Write ``count`` articles into ``folder`` (created); their paths, in seed order."""
    base = Path(folder)
    base.mkdir(parents=True, exist_ok=True)
    return [a.write(base) for a in corpus(count, start, lang=lang, paragraphs=paragraphs)]
