"""Author the comparator test cases and write ``compare_pairs.jsonl``.

Each case is a call to :func:`case` with a note, one or two documents (:func:`doc`: publisher,
publication date, text; ids ``a`` and ``b`` in order) and one or more pairs (:func:`pair`: the exact
claim span in each document and the expected verdict of DESIGN.md section 5, or ``no_pair`` for
look-alikes that must never be compared). A pair links document ``a`` with ``b`` when the case has two
documents and ``a`` with itself (an in-article restatement) when it has one; ``docs="bb"`` etc. says
otherwise. The case language is derived from the documents: ``ar``, ``en`` or ``mixed``.

Conventions:

* every span is the extractor's claim span: hedge + number + unit or counted noun, with a clitic glued
  to the hedge or number (``بحوالي 31,000 شخص``, ``بـ3.5 مليار دولار``) and a trailing bound
  (``20 شخصاً على الأقل``) included; a span occurs exactly once in its document;
* a positive pair counts the same noun in both texts (شخص/people -> person, نازح/displaced ->
  displaced, قتيلاً/dead -> killed), so that only subject, place, party and time tell pairs apart;
* times are explicit where they matter: a year, a month, "حالياً"/"now" (the publication date), "منتصف
  2025"/"mid-2025", "الأسبوع الماضي"/"last week"; drift, conflict and consistent pairs are less than six
  months apart, trend pairs at least two years apart (never two adjacent calendar years);
* values are chosen away from the edges: drift pairs differ at the coarser stated precision under any
  reading of "round" numbers (620 vs 650, not 600 vs 640) and stay within the hedges' widths; conflict
  pairs are beyond every hedge and rounding allowance; no ``.5`` rounding ties;
* percent vs count, different currency codes, different counted nouns, different places or parties,
  different events at the same place (destroyed vs damaged, displaced vs returned) are ``no_pair``.

Run ``python tests/cases/make_compare_cases.py`` to regenerate the file (validated structurally);
``--verify`` also runs ``factcheck.extract`` on every document and reports each span it does not give.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "compare_pairs.jsonl"
VERDICTS = ("consistent", "drift", "conflict", "trend", "no_pair")
ARABIC = re.compile(r"[\u0600-\u06FF]")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MINIMUM = {
    "cases": 150,
    "ar": 40,
    "en": 40,
    "mixed": 25,
    "no_pair_cases": 45,
    "consistent": 20,
    "drift": 20,
    "conflict": 20,
    "trend": 20,
}

CASES: list[dict[str, Any]] = []


def doc(source: str, published: str, text: str) -> dict[str, str]:
    """A document: its publisher, publication date (ISO) and text (1-3 sentences of news prose)."""
    return {"source": source, "published": published, "text": text}


def pair(a: str, b: str, expect: str, docs: str | None = None) -> dict[str, str]:
    """Two claim spans and the expected verdict; ``docs`` names their documents (``"ab"``, ``"aa"``)."""
    assert expect in VERDICTS, expect
    return {"a": a, "b": b, "expect": expect, "docs": docs}


def case(note: str, *parts: dict[str, Any]) -> None:
    """Record a case: documents first, then pairs."""
    docs = [p for p in parts if "published" in p]
    pairs = [p for p in parts if "expect" in p]
    assert docs and pairs and len(docs) + len(pairs) == len(parts), note
    CASES.append({"note": note, "docs": docs, "pairs": pairs})


# ---------------------------------------------------------------------------------------------------------
# Arabic - Arabic
# ---------------------------------------------------------------------------------------------------------
# --- consistent ---
case(
    "ar consistent: hedged thousands vs a census figure that rounds to it (al-Hol, same month)",
    doc(
        "Shafaq News",
        "2025-11-13",
        "قالت الأمم المتحدة إن نحو 30 ألف شخص يعيشون حالياً في مخيم الهول بريف الحسكة، معظمهم من النساء "
        "والأطفال.",
    ),
    doc(
        "Enab Baladi",
        "2025-11-06",
        "وذكرت المفوضية أن عدد المقيمين في مخيم الهول بلغ 29,800 شخص مطلع تشرين الثاني/نوفمبر 2025، بحسب "
        "آخر إحصاء للمخيم.",
    ),
    pair("نحو 30 ألف شخص", "29,800 شخص", "consistent"),
)
case(
    "ar consistent: '1.5 مليون' vs '1,500,000' (refugees in Lebanon, same month, clitic ب on the digits)",
    doc(
        "An-Nahar",
        "2025-09-18",
        "أعلن الأمن العام اللبناني أن 1.5 مليون لاجئ سوري يقيمون في لبنان حتى أيلول/سبتمبر 2025، داعياً "
        "إلى تسريع خطط العودة.",
    ),
    doc(
        "Al-Araby Al-Jadeed",
        "2025-09-25",
        "وقدّر وزير الشؤون الاجتماعية اللبناني في مؤتمر صحافي ببيروت عدد السوريين المقيمين في لبنان خلال "
        "أيلول/سبتمبر 2025 بـ1,500,000 لاجئ.",
    ),
    pair("1.5 مليون لاجئ", "بـ1,500,000 لاجئ", "consistent"),
)
case(
    "ar consistent: tonnes vs kilograms (the same flour convoy to Deir ez-Zor)",
    doc(
        "SANA",
        "2025-10-12",
        "أعلن برنامج الأغذية العالمي وصول قافلة تحمل 120 طناً من الطحين إلى مدينة دير الزور يوم الأحد 12 "
        "تشرين الأول/أكتوبر 2025.",
    ),
    doc(
        "Enab Baladi",
        "2025-10-13",
        "وقال مسؤول في الهلال الأحمر العربي السوري إن قافلة الطحين التي دخلت دير الزور يوم الأحد حملت 120 "
        "ألف كيلوغرام، وُزعت على المخابز العامة.",
    ),
    pair("120 طناً", "120 ألف كيلوغرام", "consistent"),
)
case(
    "ar consistent: 'أكثر من 22' vs 25 (CENTCOM operations in October 2025)",
    doc(
        "Shafaq News",
        "2025-11-13",
        "أعلنت القيادة المركزية الأمريكية (سنتكوم) تنفيذ أكثر من 22 عملية أمنية ضد تنظيم داعش في سوريا "
        "خلال تشرين الأول/أكتوبر 2025، بالتعاون مع شركاء محليين.",
    ),
    doc(
        "Anadolu Arabic",
        "2025-11-15",
        "ونقلت وكالة الأناضول عن مسؤول في وزارة الدفاع الأمريكية أن القوات الأمريكية وشركاءها نفذوا 25 "
        "عملية ضد داعش في سوريا خلال تشرين الأول/أكتوبر 2025.",
    ),
    pair("أكثر من 22 عملية", "25 عملية", "consistent"),
)
case(
    "ar consistent: a value inside a stated range (ISIS fighters in Syria and Iraq, 2025)",
    doc(
        "Asharq Al-Awsat",
        "2025-08-02",
        "وتشير تقديرات الأمم المتحدة إلى أن عدد مقاتلي داعش الناشطين في سوريا والعراق يتراوح بين 2,500 "
        "و3,000 مقاتل خلال عام 2025.",
    ),
    doc(
        "Al Jazeera",
        "2025-07-28",
        "وقدّر تقرير لفريق رصد العقوبات في مجلس الأمن عدد عناصر التنظيم الناشطين في سوريا والعراق عام 2025 "
        "بـ2,800 مقاتل.",
    ),
    pair("بين 2,500 و3,000 مقاتل", "بـ2,800 مقاتل", "consistent"),
)
case(
    "ar consistent in-article: 'قرابة 18 ألف' restated as 17,800 (children in al-Hol)",
    doc(
        "North Press",
        "2025-11-02",
        "قالت إدارة مخيم الهول إن المخيم يضم حالياً قرابة 18 ألف طفل دون سن الثامنة عشرة. وأوضحت في بيانها "
        "أن عدد الأطفال المسجلين في المخيم بلغ 17,800 طفل حتى نهاية تشرين الأول/أكتوبر 2025.",
    ),
    pair("قرابة 18 ألف طفل", "17,800 طفل", "consistent"),
)
case(
    "ar consistent: number word vs digits ('ثلاثة ملايين' vs '3 ملايين', displaced in Idlib)",
    doc(
        "Syria TV",
        "2025-06-10",
        "قال فريق منسقو استجابة سوريا إن ثلاثة ملايين نازح يعيشون في محافظة إدلب وريفها حتى حزيران/يونيو "
        "2025.",
    ),
    doc(
        "Al Jazeera",
        "2025-06-14",
        "وبحسب مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا)، تستضيف محافظة إدلب 3 ملايين نازح خلال "
        "حزيران/يونيو 2025.",
    ),
    pair("ثلاثة ملايين نازح", "3 ملايين نازح", "consistent"),
)
case(
    "ar consistent: '1.2 مليون طن' vs '1,200,000 طن' (Syria's 2025 wheat harvest)",
    doc(
        "SANA",
        "2025-08-20",
        "أعلنت وزارة الزراعة السورية أن إنتاج القمح في سوريا لموسم 2025 بلغ 1.2 مليون طن، متأثراً بموجة "
        "الجفاف.",
    ),
    doc(
        "Enab Baladi",
        "2025-08-25",
        "وقالت منظمة الأغذية والزراعة (فاو) إن سوريا حصدت 1,200,000 طن من القمح في موسم 2025، وهو أدنى "
        "محصول منذ عقود.",
    ),
    pair("1.2 مليون طن", "1,200,000 طن", "consistent"),
)
case(
    "ar consistent: 'ما لا يقل عن 500' vs 540 (families returning to Raqqa the same week)",
    doc(
        "North Press",
        "2025-10-20",
        "قال مجلس الرقة المدني إن ما لا يقل عن 500 عائلة عادت إلى مدينة الرقة خلال الأسبوع الماضي قادمة من "
        "المخيمات.",
    ),
    doc(
        "Rudaw",
        "2025-10-21",
        "وأفادت المفوضية بأن 540 عائلة عادت إلى مدينة الرقة من المخيمات خلال الأسبوع الثاني من تشرين "
        "الأول/أكتوبر 2025.",
    ),
    pair("ما لا يقل عن 500 عائلة", "540 عائلة", "consistent"),
)
case(
    "ar consistent: '3.5 مليار دولار' vs '3500 مليون دولار' (World Bank estimate for Syria's grid)",
    doc(
        "Asharq Al-Awsat",
        "2025-10-22",
        "قدّر البنك الدولي كلفة إعادة تأهيل شبكة الكهرباء في سوريا بـ3.5 مليار دولار، وفق تقرير صدر في "
        "تشرين الأول/أكتوبر 2025.",
    ),
    doc(
        "Enab Baladi",
        "2025-10-24",
        "وقالت وزارة الطاقة السورية إن شبكة الكهرباء في سوريا تحتاج إلى استثمارات تبلغ 3500 مليون دولار "
        "لإعادة تأهيلها، في تعليق على تقرير البنك الدولي الصادر هذا الشهر.",
    ),
    pair("بـ3.5 مليار دولار", "3500 مليون دولار", "consistent"),
)
case(
    "ar consistent in-article: 'نحو 80 في المئة' vs 79.8 في المئة (unemployment in Gaza, Q2 2025)",
    doc(
        "Al Jazeera",
        "2025-07-15",
        "قال البنك الدولي إن نسبة البطالة في قطاع غزة بلغت نحو 80 في المئة خلال الربع الثاني من عام 2025. "
        "وأوضح التقرير أن المعدل الدقيق للبطالة في غزة خلال الفترة نفسها بلغ 79.8 في المئة.",
    ),
    pair("نحو 80 في المئة", "79.8 في المئة", "consistent"),
)

# --- drift ---
case(
    "ar drift (the seed): about 30,000 now (CENTCOM) vs about 31,000 in mid-2025 (UN reports), al-Hol and "
    "Roj",
    doc(
        "Shafaq News",
        "2025-11-13",
        "وذكرت القيادة المركزية الأمريكية (سنتكوم) أن عدد المقيمين في مخيمي الهول والروج يبلغ حالياً نحو "
        "30 ألف شخص، معظمهم من عائلات مقاتلي التنظيم.",
    ),
    doc(
        "Enab Baladi",
        "2025-07-20",
        "وبحسب تقارير أممية صدرت منتصف عام 2025، يُقدَّر عدد الأشخاص في مخيمي الهول والروج بحوالي 31,000 شخص.",
    ),
    pair("نحو 30 ألف شخص", "بحوالي 31,000 شخص", "drift"),
)
case(
    "ar drift: about 45,000 vs 48,000 newly displaced in Hasakah the same week (6.7%, within 'نحو')",
    doc(
        "North Press",
        "2025-03-10",
        "قدّرت الإدارة الذاتية عدد النازحين الجدد الذين وصلوا إلى محافظة الحسكة خلال الأسبوع الماضي بنحو "
        "45 ألف نازح.",
    ),
    doc(
        "Enab Baladi",
        "2025-03-12",
        "وقال مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا) إن 48 ألف نازح وصلوا إلى محافظة الحسكة "
        "خلال الأسبوع الأول من آذار/مارس 2025.",
    ),
    pair("بنحو 45 ألف نازح", "48 ألف نازح", "drift"),
)
case(
    "ar drift: about 1.3 million vs 1.4 million people in need in Idlib, same month (7.7%)",
    doc(
        "Syria TV",
        "2025-05-05",
        "قال برنامج الأغذية العالمي إن ما يقارب 1.3 مليون شخص في محافظة إدلب يحتاجون إلى مساعدات غذائية "
        "عاجلة خلال أيار/مايو 2025.",
    ),
    doc(
        "Al Jazeera",
        "2025-05-08",
        "وأفاد مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا) بأن 1.4 مليون شخص في محافظة إدلب بحاجة "
        "إلى مساعدات غذائية هذا الشهر.",
    ),
    pair("ما يقارب 1.3 مليون شخص", "1.4 مليون شخص", "drift"),
)
case(
    "ar drift: about 620 vs 650 Iraqi families leaving al-Hol on the same day (4.8%)",
    doc(
        "Rudaw",
        "2025-09-03",
        "أعلنت وزارة الهجرة العراقية إعادة نحو 620 عائلة عراقية من مخيم الهول ضمن الدفعة التي وصلت يوم "
        "الثلاثاء 2 أيلول/سبتمبر 2025.",
    ),
    doc(
        "Shafaq News",
        "2025-09-03",
        "وقالت إدارة مخيم الهول إن 650 عائلة عراقية غادرت المخيم يوم الثلاثاء 2 أيلول/سبتمبر 2025 متوجهة "
        "إلى العراق.",
    ),
    pair("نحو 620 عائلة", "650 عائلة", "drift"),
)
case(
    "ar drift in-article: 'قرابة 12 ألف' then 12,600 detainees in SDF prisons (5%)",
    doc(
        "Asharq Al-Awsat",
        "2025-06-30",
        "تحتجز قوات سوريا الديمقراطية (قسد) في سجونها شمال شرقي سوريا قرابة 12 ألف معتقل يشتبه بانتمائهم "
        "لتنظيم داعش. وقال مسؤول في الإدارة الذاتية إن السجون تضم حالياً 12,600 معتقل من عشرات الجنسيات.",
    ),
    pair("قرابة 12 ألف معتقل", "12,600 معتقل", "drift"),
)
case(
    "ar drift: death toll of the Tartus migrant boat, about 90 on Friday vs 97 on Saturday (7.8%)",
    doc(
        "BBC Arabic",
        "2022-09-23",
        "أعلنت وزارة الصحة السورية ارتفاع حصيلة ضحايا غرق مركب المهاجرين قبالة سواحل طرطوس إلى نحو 90 "
        "قتيلاً حتى مساء الجمعة 23 أيلول/سبتمبر 2022.",
    ),
    doc(
        "Al-Araby Al-Jadeed",
        "2022-09-24",
        "وقالت المفوضية إن حصيلة غرق مركب المهاجرين قبالة طرطوس بلغت 97 قتيلاً حتى السبت 24 أيلول/سبتمبر "
        "2022، فيما لا يزال آخرون في عداد المفقودين.",
    ),
    pair("نحو 90 قتيلاً", "97 قتيلاً", "drift"),
)
case(
    "ar drift: about 6,000 vs 6,600 tents damaged by the same January storm in Idlib (within hedge + "
    "rounding)",
    doc(
        "Syria TV",
        "2025-01-20",
        "قال الدفاع المدني السوري إن العاصفة الثلجية التي ضربت ريف إدلب الأسبوع الماضي ألحقت أضراراً بنحو "
        "6 آلاف خيمة في مخيمات النازحين.",
    ),
    doc(
        "Enab Baladi",
        "2025-01-22",
        "وأحصى فريق منسقو استجابة سوريا تضرر 6,600 خيمة في مخيمات ريف إدلب جراء العاصفة الثلجية منتصف "
        "كانون الثاني/يناير 2025.",
    ),
    pair("بنحو 6 آلاف خيمة", "6,600 خيمة", "drift"),
)
case(
    "ar drift: percent vs percent, about 62% vs 66% facing acute food insecurity in Gaza, same month",
    doc(
        "Al Jazeera",
        "2025-05-12",
        "قال برنامج الأغذية العالمي إن نحو 62 في المئة من سكان قطاع غزة يواجهون انعدام الأمن الغذائي الحاد "
        "خلال أيار/مايو 2025.",
    ),
    doc(
        "Sky News Arabia",
        "2025-05-14",
        "وأفاد تقرير مشترك لوكالات الأمم المتحدة بأن 66 في المئة من سكان غزة يعانون انعدام الأمن الغذائي "
        "الحاد هذا الشهر.",
    ),
    pair("نحو 62 في المئة", "66 في المئة", "drift"),
)
case(
    "ar drift: about 520 vs 560 aid trucks into Gaza in the same week (7.7%)",
    doc(
        "Al-Araby Al-Jadeed",
        "2025-10-27",
        "قال المكتب الإعلامي الحكومي في غزة إن نحو 520 شاحنة مساعدات دخلت القطاع خلال الأسبوع الماضي.",
    ),
    doc(
        "Asharq Al-Awsat",
        "2025-10-28",
        "وذكرت الأمم المتحدة أن 560 شاحنة مساعدات عبرت إلى قطاع غزة خلال الأسبوع الماضي، أي في الأسبوع "
        "الأخير من تشرين الأول/أكتوبر 2025.",
    ),
    pair("نحو 520 شاحنة", "560 شاحنة", "drift"),
)
case(
    "ar drift in-article: a range vs a hedged figure just above it (ISIS fighters in Syria, 2025)",
    doc(
        "Shafaq News",
        "2025-09-01",
        "وتشير التقديرات الاستخباراتية إلى أن عدد مقاتلي داعش الناشطين في سوريا يتراوح بين 2,500 و3,000 "
        "مقاتل خلال عام 2025. غير أن مسؤولاً عسكرياً عراقياً قدّر عدد مقاتلي التنظيم في سوريا هذا العام "
        "بنحو 3,200 مقاتل.",
    ),
    pair("بين 2,500 و3,000 مقاتل", "بنحو 3,200 مقاتل", "drift"),
)

# --- conflict ---
case(
    "ar conflict: exact 45 vs exact 60 killed in the same Idlib market blast on the same morning",
    doc(
        "Al Jazeera",
        "2025-08-04",
        "وقال الدفاع المدني السوري إن 45 شخصاً قُتلوا في الانفجار الذي ضرب سوق مدينة إدلب صباح الاثنين 4 "
        "آب/أغسطس 2025.",
    ),
    doc(
        "Syria TV",
        "2025-08-04",
        "وأعلنت مديرية صحة إدلب مقتل 60 شخصاً في انفجار سوق مدينة إدلب صباح الاثنين، في حصيلة نهائية "
        "للانفجار.",
    ),
    pair("45 شخصاً", "60 شخصاً", "conflict"),
)
case(
    "ar conflict: about 30,000 vs 45,000 in al-Hol now (50% apart)",
    doc(
        "Shafaq News",
        "2025-11-13",
        "قالت القيادة المركزية الأمريكية (سنتكوم) إن عدد المقيمين في مخيم الهول انخفض إلى نحو 30 ألف شخص "
        "حالياً.",
    ),
    doc(
        "Rudaw",
        "2025-11-10",
        "في المقابل، قال مسؤول في إدارة مخيم الهول لشبكة رووداو إن المخيم يؤوي حالياً 45 ألف شخص من جنسيات "
        "مختلفة.",
    ),
    pair("نحو 30 ألف شخص", "45 ألف شخص", "conflict"),
)
case(
    "ar conflict: 'أكثر من 22' vs 15 operations in the same month",
    doc(
        "Shafaq News",
        "2025-11-13",
        "أعلنت سنتكوم تنفيذ أكثر من 22 عملية ضد خلايا داعش في سوريا خلال تشرين الأول/أكتوبر 2025.",
    ),
    doc(
        "North Press",
        "2025-11-14",
        "لكن مصدراً في قوات سوريا الديمقراطية قال إن التحالف وشركاءه نفذوا 15 عملية ضد خلايا داعش في سوريا "
        "خلال تشرين الأول/أكتوبر 2025.",
    ),
    pair("أكثر من 22 عملية", "15 عملية", "conflict"),
)
case(
    "ar conflict: range 2,500-3,000 vs about 5,000 fighters in the same year",
    doc(
        "Asharq Al-Awsat",
        "2025-08-02",
        "وبحسب تقرير للأمم المتحدة، يتراوح عدد مقاتلي داعش في سوريا والعراق عام 2025 بين 2,500 و3,000 مقاتل.",
    ),
    doc(
        "Al-Mayadeen",
        "2025-08-05",
        "غير أن مسؤولاً أمنياً عراقياً قال إن عدد مقاتلي التنظيم في سوريا والعراق خلال عام 2025 يبلغ قرابة "
        "5 آلاف مقاتل.",
    ),
    pair("بين 2,500 و3,000 مقاتل", "قرابة 5 آلاف مقاتل", "conflict"),
)
case(
    "ar conflict: 1.5 million vs 800,000 Syrian refugees in Lebanon in the same month",
    doc(
        "Al-Araby Al-Jadeed",
        "2025-09-18",
        "قالت الحكومة اللبنانية إن 1.5 مليون لاجئ سوري يقيمون في لبنان حتى أيلول/سبتمبر 2025.",
    ),
    doc(
        "BBC Arabic",
        "2025-09-20",
        "في حين تقول المفوضية إن عدد اللاجئين السوريين في لبنان خلال أيلول/سبتمبر 2025 يبلغ 800 ألف لاجئ.",
    ),
    pair("1.5 مليون لاجئ", "800 ألف لاجئ", "conflict"),
)
case(
    "ar conflict in-article: about 30,000 early, 42,000 later in the same statement (al-Hol, now)",
    doc(
        "Syria TV",
        "2025-10-05",
        "قالت إدارة مخيم الهول في بيان إن المخيم يضم حالياً نحو 30 ألف شخص بعد إعادة آلاف العائلات إلى "
        "بلدانها. وفي الفقرة الأخيرة من البيان نفسه، ذكرت الإدارة أن مخيم الهول يؤوي هذا الشهر 42 ألف شخص "
        "من جنسيات مختلفة.",
    ),
    pair("نحو 30 ألف شخص", "42 ألف شخص", "conflict"),
)
case(
    "ar conflict: 'ما لا يقل عن 500' vs 300 families returning to Raqqa the same week",
    doc(
        "North Press",
        "2025-10-20",
        "قال مجلس الرقة المدني إن ما لا يقل عن 500 عائلة عادت إلى مدينة الرقة خلال الأسبوع الماضي قادمة من "
        "مخيمات الشمال.",
    ),
    doc(
        "Syria TV",
        "2025-10-20",
        "وقال مسؤول محلي في الرقة إن 300 عائلة عادت إلى المدينة خلال الأسبوع الماضي، معظمها من مخيمات "
        "الشمال.",
    ),
    pair("ما لا يقل عن 500 عائلة", "300 عائلة", "conflict"),
)
case(
    "ar conflict: 120 vs 80 tonnes of flour on the same convoy",
    doc(
        "SANA",
        "2025-10-12",
        "أعلن برنامج الأغذية العالمي وصول قافلة تحمل 120 طناً من الطحين إلى مدينة دير الزور يوم الأحد.",
    ),
    doc(
        "Enab Baladi",
        "2025-10-13",
        "وأوضح الهلال الأحمر العربي السوري أن قافلة برنامج الأغذية التي وصلت دير الزور يوم الأحد حملت 80 "
        "طناً من الطحين وُزعت على المخابز.",
    ),
    pair("120 طناً", "80 طناً", "conflict"),
)
case(
    "ar conflict: $3.5bn vs $7bn for the same World Bank estimate of the grid (October 2025)",
    doc(
        "Asharq Al-Awsat",
        "2025-10-22",
        "قدّر البنك الدولي كلفة إعادة تأهيل شبكة الكهرباء في سوريا بـ3.5 مليار دولار، وفق تقرير صدر في "
        "تشرين الأول/أكتوبر 2025.",
    ),
    doc(
        "Al-Mayadeen",
        "2025-10-23",
        "ونقلت وسائل إعلام عن تقرير البنك الدولي الصادر هذا الشهر أن إعادة تأهيل شبكة الكهرباء في سوريا "
        "تتطلب 7 مليارات دولار.",
    ),
    pair("بـ3.5 مليار دولار", "7 مليارات دولار", "conflict"),
)
case(
    "ar conflict: percent vs percent, about 80% vs 45% unemployment in Gaza in the same quarter",
    doc(
        "Al Jazeera",
        "2025-07-15",
        "قال البنك الدولي إن نسبة البطالة في قطاع غزة بلغت نحو 80 في المئة خلال الربع الثاني من عام 2025.",
    ),
    doc(
        "Sky News Arabia",
        "2025-07-17",
        "لكن الجهاز المركزي للإحصاء الفلسطيني قال إن معدل البطالة في غزة بلغ 45 في المئة في الربع الثاني "
        "من عام 2025.",
    ),
    pair("نحو 80 في المئة", "45 في المئة", "conflict"),
)

# --- trend ---
case(
    "ar trend in-article (the seed): 70,000 in 2019 vs about 30,000 now; the unit is inherited by 'نحو 30 "
    "ألفاً'",
    doc(
        "Shafaq News",
        "2025-11-13",
        "وذكرت القيادة المركزية الأمريكية أن عدد النازحين في مخيمي الهول والروج انخفض من 70 ألف شخص عام "
        "2019 إلى نحو 30 ألفاً حالياً.",
    ),
    pair("70 ألف شخص", "نحو 30 ألفاً", "trend"),
)
case(
    "ar trend: al-Hol in April 2019 (73,000) vs now in 2025 (about 30,000)",
    doc(
        "BBC Arabic",
        "2019-04-10",
        "قالت الأمم المتحدة إن عدد المقيمين في مخيم الهول ارتفع إلى 73 ألف شخص في نيسان/أبريل 2019، بعد "
        "وصول الفارين من الباغوز.",
    ),
    doc("Enab Baladi", "2025-10-28", "وبحسب إدارة المخيم، يقيم في مخيم الهول حالياً نحو 30 ألف شخص."),
    pair("73 ألف شخص", "نحو 30 ألف شخص", "trend"),
)
case(
    "ar trend: registered Syrian refugees in Lebanon, June 2019 vs June 2025",
    doc(
        "Al Jazeera",
        "2019-06-20",
        "قالت المفوضية إن عدد اللاجئين السوريين المسجلين لديها في لبنان بلغ 914 ألف لاجئ في حزيران/يونيو "
        "2019.",
    ),
    doc(
        "An-Nahar",
        "2025-06-20",
        "وأعلنت المفوضية أن عدد اللاجئين السوريين المسجلين في لبنان تراجع إلى نحو 750 ألف لاجئ في "
        "حزيران/يونيو 2025.",
    ),
    pair("914 ألف لاجئ", "نحو 750 ألف لاجئ", "trend"),
)
case(
    "ar trend: displaced people in Idlib, March 2021 vs March 2025",
    doc(
        "Syria TV",
        "2021-03-15",
        "قال فريق منسقو استجابة سوريا إن 2.8 مليون نازح كانوا يقيمون في محافظة إدلب في آذار/مارس 2021.",
    ),
    doc(
        "Enab Baladi",
        "2025-03-15",
        "وأفاد مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا) بأن عدد النازحين في محافظة إدلب انخفض "
        "إلى 1.9 مليون نازح في آذار/مارس 2025 مع بدء موجات العودة.",
    ),
    pair("2.8 مليون نازح", "1.9 مليون نازح", "trend"),
)
case(
    "ar trend: yearly totals of ISIS attacks in Syria, 2020 vs 2024",
    doc(
        "Asharq Al-Awsat",
        "2021-01-10",
        "وأحصى المرصد السوري لحقوق الإنسان 294 هجوماً لتنظيم داعش في سوريا خلال عام 2020.",
    ),
    doc(
        "Enab Baladi",
        "2025-01-08",
        "وقالت قوات سوريا الديمقراطية إن تنظيم داعش شن 121 هجوماً في سوريا خلال عام 2024.",
    ),
    pair("294 هجوماً", "121 هجوماً", "trend"),
)
case(
    "ar trend: Syria's wheat harvest, 2019 season vs 2025 season",
    doc(
        "SANA",
        "2019-08-15",
        "أعلنت وزارة الزراعة السورية أن إنتاج القمح في سوريا بلغ 2.2 مليون طن في موسم 2019.",
    ),
    doc(
        "Enab Baladi",
        "2025-08-25",
        "وقالت منظمة الأغذية والزراعة (فاو) إن إنتاج سوريا من القمح تراجع إلى 1.2 مليون طن في موسم 2025.",
    ),
    pair("2.2 مليون طن", "1.2 مليون طن", "trend"),
)
case(
    "ar trend: the dollar in Damascus in Syrian pounds, March 2021 vs October 2025",
    doc(
        "Al-Araby Al-Jadeed",
        "2021-03-10",
        "سجّل سعر صرف الدولار في دمشق 3,000 ليرة سورية في آذار/مارس 2021، بحسب مواقع رصد العملات.",
    ),
    doc(
        "Enab Baladi",
        "2025-10-15",
        "وبلغ سعر صرف الدولار في السوق السوداء بدمشق 11,500 ليرة سورية في منتصف تشرين الأول/أكتوبر 2025.",
    ),
    pair("3,000 ليرة سورية", "11,500 ليرة سورية", "trend"),
)
case(
    "ar trend: percent vs percent, unemployment in Iraq 2021 vs 2024",
    doc(
        "Shafaq News",
        "2022-05-10",
        "قالت وزارة التخطيط العراقية إن نسبة البطالة في العراق بلغت 16.5 في المئة عام 2021.",
    ),
    doc(
        "Rudaw", "2025-04-10", "وأفاد البنك الدولي بأن معدل البطالة في العراق بلغ 13.8 في المئة في عام 2024."
    ),
    pair("16.5 في المئة", "13.8 في المئة", "trend"),
)
case(
    "ar trend in-article: detainees in SDF prisons, 2020 vs mid-2025",
    doc(
        "Asharq Al-Awsat",
        "2025-07-15",
        "كانت سجون قوات سوريا الديمقراطية (قسد) تضم 12 ألف معتقل من عناصر داعش عام 2020، بحسب التحالف "
        "الدولي. أما اليوم فيُقدَّر عدد المحتجزين في هذه السجون بنحو 9 آلاف معتقل، وفق بيانات منتصف 2025.",
    ),
    pair("12 ألف معتقل", "بنحو 9 آلاف معتقل", "trend"),
)
case(
    "ar trend: CENTCOM operations in October 2025 vs October 2024 (a year apart)",
    doc(
        "Shafaq News",
        "2025-11-13",
        "أعلنت سنتكوم تنفيذ أكثر من 22 عملية ضد داعش في سوريا خلال تشرين الأول/أكتوبر 2025.",
    ),
    doc(
        "North Press",
        "2024-11-10",
        "وكانت القيادة المركزية الأمريكية قد أعلنت تنفيذ 8 عمليات ضد التنظيم في سوريا خلال تشرين "
        "الأول/أكتوبر 2024.",
    ),
    pair("أكثر من 22 عملية", "8 عمليات", "trend"),
)

# --- no_pair (look-alikes) ---
case(
    "ar no_pair in-article (the seed): 9,000 detainees vs 31,000 camp residents",
    doc(
        "Shafaq News",
        "2025-11-13",
        "وبحسب آخر البيانات المتاحة حتى منتصف صيف 2025، يقدر عدد المحتجزين لدى شركاء التحالف في السجون "
        "والمخيمات بشمال شرق سوريا بنحو 9,000 معتقل، وعدد الأشخاص في مخيمي الهول والروج بحوالي 31,000 شخص.",
    ),
    pair("بنحو 9,000 معتقل", "بحوالي 31,000 شخص", "no_pair"),
)
case(
    "ar no_pair in-article: 5 killed vs 5 arrested in the same raid (same number, same counted noun)",
    doc(
        "North Press",
        "2025-10-09",
        "وأعلنت قوات سوريا الديمقراطية (قسد) مقتل 5 عناصر من تنظيم داعش واعتقال 5 آخرين خلال عملية أمنية "
        "في ريف دير الزور الشرقي فجر الخميس.",
    ),
    pair("5 عناصر", "5 آخرين", "no_pair"),
)
case(
    "ar no_pair: the same number displaced in two different places the same week (Idlib vs Aleppo)",
    doc(
        "Syria TV",
        "2025-10-08",
        "قال فريق منسقو استجابة سوريا إن 20 ألف شخص نزحوا من قرى ريف إدلب الجنوبي خلال الأسبوع الماضي جراء "
        "القصف.",
    ),
    doc(
        "Enab Baladi",
        "2025-10-09",
        "وأفادت مصادر محلية في حلب بأن 20 ألف شخص نزحوا من حيي الشيخ مقصود والأشرفية داخل مدينة حلب خلال "
        "الأسبوع الماضي.",
    ),
    pair("20 ألف شخص", "20 ألف شخص", "no_pair"),
)
case(
    "ar no_pair in-article: fighters vs civilians killed in the same province and period",
    doc(
        "Al Jazeera",
        "2025-07-01",
        "وقال المرصد السوري لحقوق الإنسان إن المعارك في ريف دير الزور أودت منذ بداية العام بحياة 300 مقاتل "
        "من الطرفين. كما وثق المرصد مقتل 300 مدني في المحافظة نفسها خلال الفترة ذاتها.",
    ),
    pair("300 مقاتل", "300 مدني", "no_pair"),
)
case(
    "ar no_pair: a percentage change vs a head count with no stated base (al-Hol)",
    doc(
        "Enab Baladi",
        "2025-11-01",
        "قالت الأمم المتحدة إن عدد سكان مخيم الهول تراجع بنسبة 60 في المئة منذ عام 2019.",
    ),
    doc("Shafaq News", "2025-11-13", "وذكرت سنتكوم أن مخيم الهول يضم حالياً نحو 30 ألف شخص."),
    pair("60 في المئة", "نحو 30 ألف شخص", "no_pair"),
)
case(
    "ar no_pair: euros vs dollars (Brussels pledges; different currency codes are never compared)",
    doc(
        "Al Jazeera",
        "2025-03-17",
        "أعلن الاتحاد الأوروبي أن المانحين تعهدوا خلال مؤتمر بروكسل التاسع بتقديم 5.8 مليار يورو لدعم "
        "السوريين في عام 2025.",
    ),
    doc(
        "Asharq Al-Awsat",
        "2025-03-18",
        "وقالت الأمم المتحدة إن تعهدات مؤتمر بروكسل لدعم سوريا بلغت 5.8 مليار دولار هذا العام.",
    ),
    pair("5.8 مليار يورو", "5.8 مليار دولار", "no_pair"),
)
case(
    "ar no_pair: ISIS attacks vs coalition operations, same number, same month",
    doc(
        "North Press",
        "2025-11-05",
        "قالت قوات سوريا الديمقراطية إن خلايا داعش نفذت 22 هجوماً في مناطق شمال شرق سوريا خلال تشرين "
        "الأول/أكتوبر 2025.",
    ),
    doc(
        "Shafaq News",
        "2025-11-13",
        "وأعلنت سنتكوم أن قوات التحالف نفذت 22 عملية ضد التنظيم في سوريا خلال تشرين الأول/أكتوبر 2025.",
    ),
    pair("22 هجوماً", "22 عملية", "no_pair"),
)
case(
    "ar no_pair: a year-long total in al-Hol vs a one-day transfer from Roj",
    doc(
        "Enab Baladi",
        "2025-01-12",
        "قالت إدارة مخيم الهول إن 1,200 شخص غادروا المخيم خلال عام 2024 ضمن رحلات العودة المنظمة.",
    ),
    doc(
        "North Press",
        "2025-01-13",
        "ونقلت الإدارة الذاتية 1,200 شخص من مخيم الروج إلى مراكز إيواء في القامشلي يوم الأحد.",
    ),
    pair("1,200 شخص", "1,200 شخص", "no_pair"),
)
case(
    "ar no_pair in-article: killed vs wounded in the same blast (close values)",
    doc(
        "SANA",
        "2025-04-15",
        "أعلنت وزارة الصحة السورية أن انفجار سيارة مفخخة في مدينة الرقة أسفر عن سقوط 12 قتيلاً، فيما بلغ "
        "عدد الجرحى 14 جريحاً بينهم أطفال.",
    ),
    pair("12 قتيلاً", "14 جريحاً", "no_pair"),
)
case(
    "ar no_pair in-article: women vs children in al-Hol (same figure)",
    doc(
        "Rudaw",
        "2025-06-01",
        "قالت الإدارة الذاتية إن مخيم الهول يضم نحو 7 آلاف امرأة من جنسيات أجنبية. ويقيم في القسم المخصص "
        "للأجانب أيضاً 7 آلاف طفل، بحسب الإدارة.",
    ),
    pair("نحو 7 آلاف امرأة", "7 آلاف طفل", "no_pair"),
)
case(
    "ar no_pair: SDF fighters killed vs ISIS fighters killed in the same clash (two parties)",
    doc(
        "North Press",
        "2025-08-21",
        "أعلنت قوات سوريا الديمقراطية (قسد) مقتل 14 مقاتلاً من صفوفها في هجوم شنه تنظيم داعش على نقطة "
        "عسكرية في ريف دير الزور يوم الأربعاء.",
    ),
    doc(
        "Syria TV",
        "2025-08-21",
        "وقالت قسد إنها قتلت 14 مقاتلاً من تنظيم داعش خلال الاشتباكات التي أعقبت الهجوم في ريف دير الزور "
        "يوم الأربعاء.",
    ),
    pair("14 مقاتلاً", "14 مقاتلاً", "no_pair"),
)
case(
    "ar no_pair: tonnes of flour vs tonnes of medicine to Deir ez-Zor the same day",
    doc(
        "SANA",
        "2025-10-12",
        "وصلت إلى مدينة دير الزور قافلة تابعة لبرنامج الأغذية العالمي تحمل 120 طناً من الطحين.",
    ),
    doc(
        "Enab Baladi",
        "2025-10-12",
        "وسلمت منظمة الصحة العالمية 120 طناً من الأدوية والمستلزمات الطبية إلى مستشفيات دير الزور يوم الأحد.",
    ),
    pair("120 طناً", "120 طناً", "no_pair"),
)
case(
    "ar no_pair: hospitals out of service in Gaza vs in Lebanon, same date",
    doc(
        "Al Jazeera",
        "2024-11-20",
        "قالت منظمة الصحة العالمية إن 18 مستشفى في قطاع غزة خرجت عن الخدمة بشكل كامل حتى 20 تشرين "
        "الثاني/نوفمبر 2024.",
    ),
    doc(
        "An-Nahar",
        "2024-11-20",
        "وأعلنت وزارة الصحة اللبنانية أن 18 مستشفى في لبنان أُغلقت أو أُخليت جراء الغارات الإسرائيلية حتى "
        "20 تشرين الثاني/نوفمبر 2024.",
    ),
    pair("18 مستشفى", "18 مستشفى", "no_pair"),
)
case(
    "ar no_pair: a tunnel's length vs a distance, both 12 km in the Aleppo countryside",
    doc(
        "SANA",
        "2025-02-03",
        "أعلنت وزارة الدفاع السورية العثور على شبكة أنفاق يبلغ طولها 12 كيلومتراً في ريف حلب الشمالي.",
    ),
    doc(
        "Enab Baladi",
        "2025-02-04",
        "وتقع بلدة دير حافر على بعد 12 كيلومتراً إلى الشرق من خطوط التماس في ريف حلب.",
    ),
    pair("12 كيلومتراً", "12 كيلومتراً", "no_pair"),
)
case(
    "ar no_pair: aid trucks into Gaza vs into Idlib on the same day",
    doc(
        "Al-Araby Al-Jadeed",
        "2025-10-21",
        "قالت الأمم المتحدة إن 200 شاحنة مساعدات دخلت قطاع غزة يوم الثلاثاء عبر معبر كرم أبو سالم.",
    ),
    doc(
        "Syria TV",
        "2025-10-21",
        "وعبرت 200 شاحنة مساعدات أممية من تركيا إلى محافظة إدلب يوم الثلاثاء عبر معبر باب الهوى.",
    ),
    pair("200 شاحنة", "200 شاحنة", "no_pair"),
)
case(
    "ar no_pair in-article: houses destroyed vs houses damaged (close values, same place and month)",
    doc(
        "Al Jazeera",
        "2025-03-20",
        "قال الدفاع المدني إن الغارات دمرت 1,200 منزل بشكل كامل في ريف إدلب خلال آذار/مارس 2025. وأضاف أن "
        "القصف ألحق أضراراً جزئية بـ1,250 منزلاً في المنطقة ذاتها.",
    ),
    pair("1,200 منزل", "بـ1,250 منزلاً", "no_pair"),
)
case(
    "ar no_pair: refugees hosted by Lebanon vs by Jordan (close values, same month)",
    doc(
        "An-Nahar",
        "2025-06-20",
        "قالت الحكومة اللبنانية إن لبنان يستضيف 1.5 مليون لاجئ سوري حتى حزيران/يونيو 2025.",
    ),
    doc(
        "Al-Ghad",
        "2025-06-20",
        "وقالت الحكومة الأردنية إن الأردن يستضيف 1.3 مليون لاجئ سوري حتى حزيران/يونيو 2025.",
    ),
    pair("1.5 مليون لاجئ", "1.3 مليون لاجئ", "no_pair"),
)
case(
    "ar no_pair in-article: displaced from vs returned to the same place in the same month",
    doc(
        "Enab Baladi",
        "2025-02-10",
        "قال فريق منسقو استجابة سوريا إن 20 ألف شخص نزحوا من ريف حماة الشمالي خلال كانون الثاني/يناير "
        "2025. وفي الشهر نفسه عاد 21 ألف شخص إلى قراهم في ريف حماة بعد توقف المعارك.",
    ),
    pair("20 ألف شخص", "21 ألف شخص", "no_pair"),
)
case(
    "ar no_pair: Iraqi dinars vs US dollars (different currency codes and payers)",
    doc(
        "Shafaq News",
        "2025-05-05",
        "خصصت الحكومة العراقية 3 مليارات دينار عراقي لإعادة إعمار البنى التحتية في الموصل القديمة خلال عام "
        "2025.",
    ),
    doc(
        "Rudaw",
        "2025-05-06",
        "وأعلن البنك الدولي تقديم 3 مليارات دولار لدعم مشاريع إعادة الإعمار في العراق خلال عام 2025.",
    ),
    pair("3 مليارات دينار عراقي", "3 مليارات دولار", "no_pair"),
)
case(
    "ar no_pair in-article: a price rise in percent vs a count of families (no base stated)",
    doc(
        "Enab Baladi",
        "2025-04-03",
        "ارتفعت أسعار الخبز في مدينة حلب بنسبة 40 في المئة خلال آذار/مارس 2025، بحسب برنامج الأغذية "
        "العالمي. وقال البرنامج إن 40 ألف عائلة في حلب تعتمد على الخبز المدعوم.",
    ),
    pair("40 في المئة", "40 ألف عائلة", "no_pair"),
)

# ---------------------------------------------------------------------------------------------------------
# English - English
# ---------------------------------------------------------------------------------------------------------
# --- consistent ---
case(
    "en consistent: 12 km vs 7.5 miles (the same Aleppo airport road)",
    doc(
        "SANA",
        "2025-05-12",
        "The newly reopened road between Aleppo and its international airport is 12 km long, the Syrian "
        "transport ministry said on Monday.",
    ),
    doc(
        "Reuters",
        "2025-05-13",
        "Engineers from the Aleppo governorate said the airport road, which reopened this week, runs 7.5 "
        "miles from the city centre to the terminal.",
    ),
    pair("12 km", "7.5 miles", "consistent"),
)
case(
    "en consistent: '2.5 million' vs '2,500,000' (Syrian refugees in Turkey, July 2025)",
    doc(
        "AP",
        "2025-07-10",
        "UNHCR says 2.5 million Syrian refugees were registered in Turkey as of July 2025.",
    ),
    doc(
        "Daily Sabah",
        "2025-07-12",
        "Turkey's interior ministry said 2,500,000 Syrian refugees lived in Turkey in July 2025, down from "
        "last year.",
    ),
    pair("2.5 million Syrian refugees", "2,500,000 Syrian refugees", "consistent"),
)
case(
    "en consistent: 'About 40,000' vs 39,700 (al-Hol, two weeks apart in 2024)",
    doc(
        "AP",
        "2024-09-12",
        "About 40,000 people, most of them women and children, live in the al-Hol camp in northeast Syria, "
        "according to the UN.",
    ),
    doc(
        "Human Rights Watch",
        "2024-08-30",
        "Human Rights Watch said 39,700 people were held in al-Hol camp in August 2024, many of them "
        "children under 12.",
    ),
    pair("About 40,000 people", "39,700 people", "consistent"),
)
case(
    "en consistent: 'More than 4,000' vs 4,200 trucks into Gaza in the first ceasefire week",
    doc(
        "Reuters",
        "2025-01-27",
        "More than 4,000 aid trucks entered Gaza during the first week of the ceasefire, the UN said on "
        "Monday.",
    ),
    doc(
        "AFP",
        "2025-01-27",
        "Egypt's Red Crescent said 4,200 trucks crossed into Gaza in the first week of the ceasefire.",
    ),
    pair("More than 4,000 aid trucks", "4,200 trucks", "consistent"),
)
case(
    "en consistent: a hedged figure inside a range (ISIS fighters held in SDF prisons, February 2025)",
    doc(
        "Al-Monitor",
        "2025-02-14",
        "Between 8,000 and 10,000 ISIS fighters are held in SDF-run prisons in northeast Syria, US "
        "officials said this month.",
    ),
    doc(
        "The National",
        "2025-02-20",
        "The SDF says it holds some 9,000 ISIS fighters in its prisons in northeast Syria.",
    ),
    pair("Between 8,000 and 10,000 ISIS fighters", "some 9,000 ISIS fighters", "consistent"),
)
case(
    "en consistent: 2.5 tonnes vs 2,500 kg (the same Jordanian airdrop over Gaza)",
    doc(
        "AFP",
        "2024-03-05",
        "The Jordanian air force dropped 2.5 tonnes of food over northern Gaza on Tuesday, the army said.",
    ),
    doc(
        "Arab News",
        "2024-03-06",
        "Tuesday's Jordanian airdrop over northern Gaza delivered 2,500 kg of food, a military spokesman "
        "said.",
    ),
    pair("2.5 tonnes", "2,500 kg", "consistent"),
)
case(
    "en consistent: '$3.5bn' vs '$3,500 million' (the World Bank's October estimate for the grid)",
    doc(
        "Reuters",
        "2025-10-22",
        "The World Bank estimated the cost of repairing Syria's power grid at $3.5bn in a report published "
        "in October 2025.",
    ),
    doc(
        "Al-Monitor",
        "2025-10-24",
        "Syria's energy ministry said rebuilding the power grid would require $3,500 million, citing the "
        "World Bank's October report.",
    ),
    pair("$3.5bn", "$3,500 million", "consistent"),
)
case(
    "en consistent: percent vs percent, about 70 vs 69.6 percent of Gaza's structures damaged (September "
    "2024)",
    doc(
        "The Guardian",
        "2024-10-03",
        "About 70 percent of all structures in Gaza have been damaged or destroyed, according to UN "
        "satellite analysis published in September 2024.",
    ),
    doc(
        "Al Jazeera English",
        "2024-10-01",
        "UNOSAT said 69.6 percent of Gaza's structures were damaged or destroyed as of September 2024.",
    ),
    pair("About 70 percent", "69.6 percent", "consistent"),
)
case(
    "en consistent in-article: about 1,000 then 1,040 families returning to Raqqa in March",
    doc(
        "The New Humanitarian",
        "2025-04-02",
        "About 1,000 families returned to Raqqa city in March 2025, the local council said. The council "
        "later put the exact number of returning families in March at 1,040 families.",
    ),
    pair("About 1,000 families", "1,040 families", "consistent"),
)
case(
    "en consistent: 'at least 11' vs 13 killed in the same Raqqa car bombing",
    doc(
        "AP",
        "2025-04-15",
        "A car bomb killed at least 11 people near a market in Raqqa on Tuesday, the Syrian civil defence "
        "said.",
    ),
    doc(
        "Rudaw English",
        "2025-04-16",
        "Local health officials said 13 people were killed in Tuesday's car bombing near the Raqqa market.",
    ),
    pair("at least 11 people", "13 people", "consistent"),
)
case(
    "en consistent: hectares vs square kilometres (the July 2025 Latakia wildfires)",
    doc(
        "Reuters",
        "2025-07-14",
        "Wildfires in Syria's Latakia province have burned about 15,000 hectares of forest since July 3, "
        "the environment ministry said.",
    ),
    doc(
        "The National",
        "2025-07-15",
        "Satellite data from the EU's Copernicus service showed the Latakia fires had scorched 150 square "
        "kilometres of forest by mid-July.",
    ),
    pair("about 15,000 hectares", "150 square kilometres", "consistent"),
)

# --- drift ---
case(
    "en drift (the seed in English): about 30,000 now (CENTCOM) vs about 31,000 in mid-2025 (UN reports)",
    doc(
        "Reuters",
        "2025-11-13",
        "US Central Command said about 30,000 people now live in the al-Hol and Roj camps in northeast "
        "Syria.",
    ),
    doc(
        "AP",
        "2025-07-18",
        "According to UN reports from mid-2025, about 31,000 people were living in the al-Hol and Roj camps.",
    ),
    pair("about 30,000 people", "about 31,000 people", "drift"),
)
case(
    "en drift: around 4.5 million vs 4.8 million internally displaced in Syria, same month (6.7%)",
    doc(
        "Reuters",
        "2025-06-20",
        "Around 4.5 million people remain internally displaced inside Syria, UNHCR said in June 2025.",
    ),
    doc(
        "AFP",
        "2025-06-25",
        "The International Organization for Migration said this month that 4.8 million people are still "
        "internally displaced in Syria.",
    ),
    pair("Around 4.5 million people", "4.8 million people", "drift"),
)
case(
    "en drift: nearly 2,100 vs 2,260 households displaced by the same fighting (7.6%)",
    doc(
        "The New Humanitarian",
        "2025-02-11",
        "Nearly 2,100 households fled the fighting around Tishreen Dam in early February 2025, OCHA said.",
    ),
    doc(
        "Syria Direct",
        "2025-02-12",
        "The Kurdish Red Crescent said 2,260 households were displaced by the fighting near Tishreen Dam "
        "in the first week of February.",
    ),
    pair("Nearly 2,100 households", "2,260 households", "drift"),
)
case(
    "en drift in-article: roughly 16,000 then 17,200 children in al-Hol in the same month (7.5%)",
    doc(
        "Middle East Eye",
        "2025-05-20",
        "Roughly 16,000 children live in al-Hol camp, Save the Children said in May 2025. A camp census "
        "cited in the same report counted 17,200 children in al-Hol that month.",
    ),
    pair("Roughly 16,000 children", "17,200 children", "drift"),
)
case(
    "en drift: an estimated 15,000 vs 16,200 cholera cases in Syria since September 2022 (8%)",
    doc(
        "Reuters",
        "2022-11-02",
        "An estimated 15,000 cholera cases have been recorded in Syria since the outbreak began in "
        "September, the WHO said on Tuesday.",
    ),
    doc(
        "AP",
        "2022-11-03",
        "Syria's health ministry and the Kurdish-led administration together reported 16,200 cholera cases "
        "nationwide since September 2022.",
    ),
    pair("An estimated 15,000 cholera cases", "16,200 cholera cases", "drift"),
)
case(
    "en drift: a range vs a hedged figure just above it (families displaced by the March floods in Hama)",
    doc(
        "The New Humanitarian",
        "2025-03-31",
        "Between 1,500 and 1,800 families were displaced by flooding in Hama province in late March 2025, "
        "OCHA said.",
    ),
    doc(
        "Syria Direct",
        "2025-04-02",
        "The Syrian Arab Red Crescent said about 1,900 families were displaced by the March floods in Hama "
        "province.",
    ),
    pair("Between 1,500 and 1,800 families", "about 1,900 families", "drift"),
)
case(
    "en drift: about 430 vs 456 megawatts from the same gas deal, same month (6%)",
    doc(
        "Reuters",
        "2025-08-03",
        "Qatar-funded gas supplies via Jordan will add about 430 megawatts to Syria's grid from August "
        "2025, the energy ministry said.",
    ),
    doc(
        "The National",
        "2025-08-04",
        "Jordan's energy ministry said the same gas deliveries would generate 456 megawatts for Syria's "
        "grid starting in August 2025.",
    ),
    pair("about 430 megawatts", "456 megawatts", "drift"),
)
case(
    "en drift: roughly $216bn vs $230bn for rebuilding Syria, same month (6.5%)",
    doc(
        "Reuters",
        "2025-10-21",
        "The World Bank put the cost of rebuilding Syria at roughly $216bn in a report released in October "
        "2025.",
    ),
    doc(
        "Al-Monitor",
        "2025-10-23",
        "A Syrian government adviser said this month that rebuilding Syria would cost $230bn.",
    ),
    pair("roughly $216bn", "$230bn", "drift"),
)
case(
    "en drift in-article: about 3,400 then 3,660 tonnes of food delivered in February (7.6%)",
    doc(
        "The New Humanitarian",
        "2025-03-10",
        "WFP delivered about 3,400 tonnes of food to northeast Syria in February 2025, the agency said. "
        "Its monthly bulletin put February food deliveries to northeast Syria at 3,660 tonnes.",
    ),
    pair("about 3,400 tonnes", "3,660 tonnes", "drift"),
)

# --- conflict ---
case(
    "en conflict: exact 20 vs exact 32 killed in the same Deir ez-Zor car bombing",
    doc(
        "AP",
        "2025-02-03",
        "A car bomb killed 20 people at a market in Deir ez-Zor on Monday, the Syrian civil defence said.",
    ),
    doc(
        "Rudaw English",
        "2025-02-03",
        "Kurdish health officials said 32 people were killed in Monday's car bombing at the Deir ez-Zor "
        "market.",
    ),
    pair("20 people", "32 people", "conflict"),
)
case(
    "en conflict: about 30,000 vs 45,000 in al-Hol now",
    doc("Reuters", "2025-11-13", "CENTCOM said about 30,000 people now live in al-Hol camp."),
    doc(
        "Kurdistan24",
        "2025-11-11",
        "The camp's administration told Kurdistan24 that al-Hol currently houses 45,000 people.",
    ),
    pair("about 30,000 people", "45,000 people", "conflict"),
)
case(
    "en conflict: 'More than 4,000' vs 2,300 trucks in the same ceasefire week",
    doc(
        "Reuters",
        "2025-01-27",
        "More than 4,000 aid trucks entered Gaza during the first week of the ceasefire, the UN said on "
        "Monday.",
    ),
    doc(
        "Times of Israel",
        "2025-01-28",
        "Israel's COGAT said 2,300 trucks crossed into Gaza during the first week of the ceasefire.",
    ),
    pair("More than 4,000 aid trucks", "2,300 trucks", "conflict"),
)
case(
    "en conflict: range 8,000-10,000 vs 15,000 ISIS fighters in SDF prisons, same month",
    doc(
        "Al-Monitor",
        "2025-02-14",
        "Between 8,000 and 10,000 ISIS fighters are held in SDF-run prisons in northeast Syria, US "
        "officials said this month.",
    ),
    doc(
        "Middle East Eye",
        "2025-02-16",
        "A Syrian government official claimed this month that 15,000 ISIS fighters are held in SDF prisons "
        "in northeast Syria.",
    ),
    pair("Between 8,000 and 10,000 ISIS fighters", "15,000 ISIS fighters", "conflict"),
)
case(
    "en conflict: 2.5 vs 25 tonnes for the same airdrop (a factor of ten)",
    doc(
        "AFP",
        "2024-03-05",
        "The Jordanian air force dropped 2.5 tonnes of food over northern Gaza on Tuesday, the army said.",
    ),
    doc(
        "Middle East Eye",
        "2024-03-05",
        "Jordanian officials said Tuesday's airdrop over northern Gaza delivered 25 tonnes of food.",
    ),
    pair("2.5 tonnes", "25 tonnes", "conflict"),
)
case(
    "en conflict: $3.5bn vs $1.2bn for the same World Bank estimate",
    doc(
        "Reuters",
        "2025-10-22",
        "The World Bank estimated the cost of repairing Syria's power grid at $3.5bn in a report published "
        "in October 2025.",
    ),
    doc(
        "Arab News",
        "2025-10-23",
        "Citing the same World Bank report, a Syrian official said repairing the country's power grid "
        "would cost $1.2bn.",
    ),
    pair("$3.5bn", "$1.2bn", "conflict"),
)
case(
    "en conflict: percent vs percent, about 70 vs 40 percent of Gaza's structures damaged (September 2024)",
    doc(
        "The Guardian",
        "2024-10-03",
        "About 70 percent of all structures in Gaza have been damaged or destroyed, according to UN "
        "satellite analysis published in September 2024.",
    ),
    doc(
        "Jerusalem Post",
        "2024-10-04",
        "An Israeli official disputed the UN analysis, saying 40 percent of Gaza's structures were damaged "
        "or destroyed as of September 2024.",
    ),
    pair("About 70 percent", "40 percent", "conflict"),
)
case(
    "en conflict in-article: 12 km vs 9 miles for the same road stretch (14.5 km, a unit conversion)",
    doc(
        "Syria Direct",
        "2025-05-14",
        "The rebuilt stretch of the M4 highway east of Idlib is 12 km long, the governorate said. A "
        "contractor quoted later in the statement said the same stretch measured 9 miles.",
    ),
    pair("12 km", "9 miles", "conflict"),
)
case(
    "en conflict: 'Fewer than 8,000' vs 11,000 children in al-Hol, same month",
    doc(
        "AFP",
        "2025-06-01",
        "Fewer than 8,000 children are living in al-Hol camp, a UNICEF official said in June 2025.",
    ),
    doc(
        "The National",
        "2025-06-03",
        "The camp administration said this month that 11,000 children live in al-Hol.",
    ),
    pair("Fewer than 8,000 children", "11,000 children", "conflict"),
)
case(
    "en conflict: 'at least 11' vs exact 7 killed in the same Raqqa car bombing",
    doc(
        "AP",
        "2025-04-15",
        "A car bomb killed at least 11 people near a market in Raqqa on Tuesday, the Syrian civil defence "
        "said.",
    ),
    doc(
        "SANA",
        "2025-04-15",
        "The health ministry said 7 people were killed in Tuesday's car bombing near a market in Raqqa.",
    ),
    pair("at least 11 people", "7 people", "conflict"),
)

# --- trend ---
case(
    "en trend: al-Hol in April 2019 (73,000) vs now in 2025 (about 30,000)",
    doc(
        "AP",
        "2019-04-12",
        "The UN said 73,000 people were living in al-Hol camp in April 2019, after the fall of Baghouz.",
    ),
    doc("Reuters", "2025-11-13", "About 30,000 people now live in al-Hol camp, CENTCOM said on Thursday."),
    pair("73,000 people", "About 30,000 people", "trend"),
)
case(
    "en trend in-article (the seed in English): from 70,000 people in 2019 to about 30,000 now",
    doc(
        "Reuters",
        "2025-11-13",
        "CENTCOM said the population of the al-Hol and Roj camps fell from 70,000 people in 2019 to about "
        "30,000 now.",
    ),
    pair("70,000 people", "about 30,000", "trend"),
)
case(
    "en trend: internally displaced people in Syria, 2021 vs June 2025",
    doc(
        "AFP", "2021-12-01", "The UN said 6.7 million people were internally displaced inside Syria in 2021."
    ),
    doc(
        "Reuters",
        "2025-06-20",
        "Around 4.5 million people remain internally displaced inside Syria, UNHCR said in June 2025.",
    ),
    pair("6.7 million people", "Around 4.5 million people", "trend"),
)
case(
    "en trend: yearly totals of ISIS attacks in Syria, 2020 vs 2024",
    doc(
        "AP",
        "2021-01-15",
        "ISIS carried out 294 attacks in Syria in 2020, according to the Syrian Observatory for Human "
        "Rights.",
    ),
    doc("Al-Monitor", "2025-01-10", "The SDF said ISIS carried out 121 attacks in Syria in 2024."),
    pair("294 attacks", "121 attacks", "trend"),
)
case(
    "en trend: the dollar in Syrian pounds, early 2011 vs October 2025",
    doc("Reuters", "2011-03-01", "The dollar traded at 47 Syrian pounds in Damascus in early 2011."),
    doc(
        "AFP",
        "2025-10-15",
        "The dollar fetched 11,500 Syrian pounds on the Damascus black market in October 2025.",
    ),
    pair("47 Syrian pounds", "11,500 Syrian pounds", "trend"),
)
case(
    "en trend: percent vs percent, unemployment in Gaza 2021 vs Q2 2025",
    doc("AP", "2022-06-01", "Unemployment in Gaza stood at 45 percent in 2021, the World Bank said."),
    doc(
        "Reuters",
        "2025-07-15",
        "The World Bank said unemployment in Gaza reached about 80 percent in the second quarter of 2025.",
    ),
    pair("45 percent", "about 80 percent", "trend"),
)
case(
    "en trend: Syria's oil output in barrels per day, 2010 vs September 2025",
    doc(
        "Reuters",
        "2011-06-01",
        "Syria produced 380,000 barrels per day of oil in 2010, according to the oil ministry.",
    ),
    doc(
        "The National",
        "2025-09-10",
        "Syria's oil output is now about 100,000 barrels per day, the energy ministry said in September "
        "2025.",
    ),
    pair("380,000 barrels per day", "about 100,000 barrels per day", "trend"),
)
case(
    "en trend: Syrian refugees registered in Jordan, 2019 vs June 2025",
    doc("AP", "2019-06-20", "UNHCR said 660,000 Syrian refugees were registered in Jordan in 2019."),
    doc(
        "Arab News",
        "2025-06-20",
        "About 500,000 Syrian refugees were still registered with UNHCR in Jordan in June 2025.",
    ),
    pair("660,000 Syrian refugees", "About 500,000 Syrian refugees", "trend"),
)
case(
    "en trend: detainees in SDF prisons, 2020 vs mid-2025",
    doc(
        "AP",
        "2020-10-10",
        "The SDF held 12,000 detainees in its prisons in northeast Syria in 2020, coalition officials said.",
    ),
    doc(
        "Reuters",
        "2025-07-15",
        "About 9,000 detainees remain in SDF prisons in northeast Syria as of mid-2025, US officials said.",
    ),
    pair("12,000 detainees", "About 9,000 detainees", "trend"),
)
case(
    "en trend: CENTCOM operations in October 2025 vs October 2024 (a year apart)",
    doc(
        "Reuters",
        "2025-11-13",
        "CENTCOM said it conducted more than 22 operations against ISIS in Syria in October 2025.",
    ),
    doc(
        "AP", "2024-11-08", "CENTCOM said it carried out 8 operations against ISIS in Syria in October 2024."
    ),
    pair("more than 22 operations", "8 operations", "trend"),
)

# --- no_pair (look-alikes) ---
case(
    "en no_pair in-article (the seed in English): 9,000 detainees vs 31,000 camp residents",
    doc(
        "Reuters",
        "2025-07-20",
        "As of mid-2025, about 9,000 detainees were held in SDF prisons in northeast Syria, while about "
        "31,000 people lived in the al-Hol and Roj camps, according to UN reports.",
    ),
    pair("about 9,000 detainees", "about 31,000 people", "no_pair"),
)
case(
    "en no_pair in-article: five killed vs five arrested in the same raid (same number, same counted noun)",
    doc(
        "AP",
        "2025-10-09",
        "The SDF said five ISIS members were killed and five others were arrested in a raid in eastern "
        "Deir ez-Zor on Thursday.",
    ),
    pair("five ISIS members", "five others", "no_pair"),
)
case(
    "en no_pair: the same number displaced in two different places the same week (Idlib vs Aleppo)",
    doc(
        "Reuters",
        "2025-10-08",
        "The UN said 20,000 people were displaced in southern Idlib last week by shelling.",
    ),
    doc(
        "AFP",
        "2025-10-09",
        "Local officials said 20,000 people were displaced within Aleppo city last week as clashes spread.",
    ),
    pair("20,000 people", "20,000 people", "no_pair"),
)
case(
    "en no_pair in-article: fighters vs civilians killed in the same province and period",
    doc(
        "AFP",
        "2025-07-01",
        "Fighting in Deir ez-Zor has killed 300 fighters from both sides since January, the Syrian "
        "Observatory for Human Rights said. The monitor also documented the deaths of 300 civilians in the "
        "province over the same period.",
    ),
    pair("300 fighters", "300 civilians", "no_pair"),
)
case(
    "en no_pair: a price rise in percent vs a count of people (no base stated), Aleppo",
    doc("AP", "2025-03-04", "Bread prices in Aleppo rose 40 percent in February 2025, WFP said."),
    doc("Reuters", "2025-03-05", "WFP said 40,000 people in Aleppo rely on subsidised bread."),
    pair("40 percent", "40,000 people", "no_pair"),
)
case(
    "en no_pair: euros vs dollars, same figure, different payers",
    doc("Reuters", "2025-06-30", "The EU announced €146m in new humanitarian aid for Syria this week."),
    doc(
        "AP",
        "2025-07-01",
        "The World Bank approved a $146m grant to restore Syria's electricity network this week.",
    ),
    pair("€146m", "$146m", "no_pair"),
)
case(
    "en no_pair: ISIS attacks vs coalition operations, same number, same month",
    doc(
        "Al-Monitor",
        "2025-11-05",
        "The SDF said ISIS cells carried out 22 attacks in northeast Syria in October 2025.",
    ),
    doc(
        "Reuters",
        "2025-11-13",
        "CENTCOM said coalition forces conducted 22 operations against ISIS in Syria in October 2025.",
    ),
    pair("22 attacks", "22 operations", "no_pair"),
)
case(
    "en no_pair: a year-long total leaving al-Hol vs a one-day transfer from Roj",
    doc(
        "AFP",
        "2025-01-12",
        "Camp officials said 1,200 people left al-Hol during 2024 on organised return trips.",
    ),
    doc(
        "Kurdistan24",
        "2025-01-13",
        "The Kurdish-led administration moved 1,200 people out of Roj camp on Sunday.",
    ),
    pair("1,200 people", "1,200 people", "no_pair"),
)
case(
    "en no_pair in-article: dead vs wounded in the same blast (close values)",
    doc("AP", "2025-04-15", "The blast left 12 dead and 14 wounded in Raqqa, the health ministry said."),
    pair("12 dead", "14 wounded", "no_pair"),
)
case(
    "en no_pair in-article: women vs children in al-Hol's foreign annex (same figure)",
    doc(
        "The Guardian",
        "2025-06-01",
        "About 7,000 foreign women remain in al-Hol, the Kurdish-led administration said. The camp's "
        "foreign annex also holds 7,000 children, officials said.",
    ),
    pair("About 7,000 foreign women", "7,000 children", "no_pair"),
)
case(
    "en no_pair: SDF fighters killed vs ISIS fighters killed in the same clash (two parties)",
    doc(
        "Rudaw English",
        "2025-08-21",
        "The SDF said 14 SDF fighters were killed in an ISIS attack on a checkpoint in Deir ez-Zor on "
        "Wednesday.",
    ),
    doc(
        "Kurdistan24",
        "2025-08-21",
        "The SDF said its forces killed 14 ISIS fighters in clashes after Wednesday's attack in Deir ez-Zor.",
    ),
    pair("14 SDF fighters", "14 ISIS fighters", "no_pair"),
)
case(
    "en no_pair: tonnes of flour vs tonnes of medicines to Deir ez-Zor on the same day",
    doc("Reuters", "2025-10-12", "A WFP convoy carrying 120 tonnes of flour reached Deir ez-Zor on Sunday."),
    doc(
        "AP", "2025-10-12", "The WHO delivered 120 tonnes of medicines to hospitals in Deir ez-Zor on Sunday."
    ),
    pair("120 tonnes", "120 tonnes", "no_pair"),
)
case(
    "en no_pair: a tunnel's length vs a distance, both 12 km in the Aleppo countryside",
    doc(
        "SANA",
        "2025-02-03",
        "Syria's defence ministry said troops found a tunnel network stretching 12 km in the northern "
        "Aleppo countryside.",
    ),
    doc(
        "Syria Direct",
        "2025-02-04",
        "The town of Deir Hafer lies 12 km east of the front line in the Aleppo countryside.",
    ),
    pair("12 km", "12 km", "no_pair"),
)
case(
    "en no_pair: aid trucks into Gaza vs into Idlib on the same day",
    doc(
        "Reuters",
        "2025-10-21",
        "The UN said 200 aid trucks entered Gaza on Tuesday through the Kerem Shalom crossing.",
    ),
    doc(
        "AFP",
        "2025-10-21",
        "Another 200 UN trucks crossed from Turkey into Idlib through Bab al-Hawa on Tuesday.",
    ),
    pair("200 aid trucks", "200 UN trucks", "no_pair"),
)
case(
    "en no_pair in-article: homes destroyed vs homes damaged (close values, same place and month)",
    doc(
        "AFP",
        "2025-03-20",
        "Airstrikes destroyed 1,200 homes in rural Idlib in March 2025, the civil defence said. A further "
        "1,250 homes in the same area were partly damaged.",
    ),
    pair("1,200 homes", "1,250 homes", "no_pair"),
)
case(
    "en no_pair: refugees hosted by Lebanon vs by Jordan (close values, same month)",
    doc(
        "Reuters",
        "2025-06-20",
        "Lebanon's government said the country hosts 1.5 million Syrian refugees as of June 2025.",
    ),
    doc(
        "Arab News",
        "2025-06-20",
        "Jordan's government said it hosts 1.3 million Syrian refugees as of June 2025.",
    ),
    pair("1.5 million Syrian refugees", "1.3 million Syrian refugees", "no_pair"),
)
case(
    "en no_pair in-article: displaced from vs returned to the same place in the same month",
    doc(
        "The New Humanitarian",
        "2025-02-10",
        "OCHA said 20,000 people were displaced from northern Hama in January 2025. In the same month, "
        "21,000 people returned to their villages in Hama after the fighting stopped.",
    ),
    pair("20,000 people", "21,000 people", "no_pair"),
)
case(
    "en no_pair: output of two different power plants (close values, same month)",
    doc(
        "SANA",
        "2025-09-01",
        "The Deir Ali power station near Damascus is producing 450 megawatts, the electricity ministry "
        "said in September 2025.",
    ),
    doc(
        "Syria Direct",
        "2025-09-02",
        "The Jandar power plant in Homs province is generating 470 megawatts this month, its director said.",
    ),
    pair("450 megawatts", "470 megawatts", "no_pair"),
)
case(
    "en no_pair: active ISIS fighters (a range) vs SDF fighters deployed (two parties)",
    doc(
        "Reuters",
        "2025-08-02",
        "The UN estimates that 2,500 to 3,000 ISIS fighters remain active in Syria and Iraq in 2025.",
    ),
    doc(
        "Al-Monitor",
        "2025-08-05",
        "The SDF deployed 3,000 fighters to Deir ez-Zor this month to secure the Euphrates valley.",
    ),
    pair("2,500 to 3,000 ISIS fighters", "3,000 fighters", "no_pair"),
)
case(
    "en no_pair: cholera cases in Lebanon vs in Raqqa province (same figure, same period)",
    doc(
        "Reuters",
        "2022-11-20",
        "Lebanon has recorded 4,000 cholera cases since October 2022, the health ministry said.",
    ),
    doc(
        "AP",
        "2022-11-21",
        "Health officials in Raqqa province said they have recorded 4,000 cholera cases since October 2022.",
    ),
    pair("4,000 cholera cases", "4,000 cholera cases", "no_pair"),
)
case(
    "en no_pair: percentage points vs percent (an inflation rate's fall vs a price rise), same month",
    doc(
        "Reuters",
        "2025-09-15",
        "Syria's annual inflation rate fell 5 percentage points in August 2025, the central bank said.",
    ),
    doc("AP", "2025-09-16", "Fuel prices in Damascus rose 5 percent in August 2025, traders said."),
    pair("5 percentage points", "5 percent", "no_pair"),
)

# ---------------------------------------------------------------------------------------------------------
# Arabic - English (the same camp, event or figure reported in both languages)
# ---------------------------------------------------------------------------------------------------------
# --- consistent ---
case(
    "mixed consistent: 'نحو 30 ألف' vs 29,800 people in al-Hol, same month",
    doc(
        "Shafaq News",
        "2025-11-13",
        "قالت القيادة المركزية الأمريكية (سنتكوم) إن نحو 30 ألف شخص يعيشون حالياً في مخيم الهول.",
    ),
    doc(
        "Reuters", "2025-11-07", "UNHCR said 29,800 people were living in al-Hol camp in early November 2025."
    ),
    pair("نحو 30 ألف شخص", "29,800 people", "consistent"),
)
case(
    "mixed consistent: '1.5 مليون' vs '1,500,000' Syrian refugees in Lebanon, September 2025",
    doc(
        "An-Nahar",
        "2025-09-25",
        "قال الأمن العام اللبناني إن 1.5 مليون لاجئ سوري يقيمون في لبنان حتى أيلول/سبتمبر 2025.",
    ),
    doc(
        "Reuters",
        "2025-09-26",
        "Lebanon's social affairs minister said 1,500,000 Syrian refugees were living in Lebanon in "
        "September 2025.",
    ),
    pair("1.5 مليون لاجئ", "1,500,000 Syrian refugees", "consistent"),
)
case(
    "mixed consistent: 12 كيلومتراً vs 7.5 miles (the same Aleppo airport road)",
    doc(
        "SANA",
        "2025-05-12",
        "أعلنت وزارة النقل السورية إعادة افتتاح طريق مطار حلب الدولي البالغ طوله 12 كيلومتراً يوم الاثنين.",
    ),
    doc(
        "Reuters",
        "2025-05-13",
        "The Aleppo airport road, which reopened on Monday, runs 7.5 miles from the city centre to the "
        "terminal, engineers said.",
    ),
    pair("12 كيلومتراً", "7.5 miles", "consistent"),
)
case(
    "mixed consistent: 'أكثر من 22 عملية' vs 25 operations in October 2025",
    doc(
        "Shafaq News",
        "2025-11-13",
        "أعلنت القيادة المركزية الأمريكية (سنتكوم) تنفيذ أكثر من 22 عملية أمنية ضد تنظيم داعش في سوريا "
        "خلال تشرين الأول/أكتوبر 2025.",
    ),
    doc(
        "AP",
        "2025-11-14",
        "A Pentagon official said US forces and partners carried out 25 operations against ISIS in Syria "
        "in October 2025.",
    ),
    pair("أكثر من 22 عملية", "25 operations", "consistent"),
)
case(
    "mixed consistent: the seed's range 'حوالي 2,500–3,000' vs 2,800 fighters in 2025",
    doc(
        "Shafaq News",
        "2025-11-13",
        "وتشير التقارير البحثية إلى أن العدد التقديري للمقاتلين النشطين في سوريا والعراق عام 2025 يبلغ "
        "حوالي 2,500–3,000 مقاتل.",
    ),
    doc(
        "Reuters",
        "2025-07-28",
        "A UN Security Council monitoring report put the number of active ISIS fighters in Syria and Iraq "
        "in 2025 at 2,800 fighters.",
    ),
    pair("حوالي 2,500–3,000 مقاتل", "2,800 fighters", "consistent"),
)
case(
    "mixed consistent: 120 طناً vs 120,000 kg (the same flour convoy)",
    doc(
        "SANA",
        "2025-10-12",
        "وصلت قافلة تابعة لبرنامج الأغذية العالمي تحمل 120 طناً من الطحين إلى مدينة دير الزور يوم الأحد.",
    ),
    doc(
        "Reuters",
        "2025-10-13",
        "The WFP convoy that reached Deir ez-Zor on Sunday carried 120,000 kg of flour, a Syrian Arab Red "
        "Crescent official said.",
    ),
    pair("120 طناً", "120,000 kg", "consistent"),
)
case(
    "mixed consistent: '3.5 مليار دولار' vs '$3.5bn' (the same World Bank estimate)",
    doc(
        "Asharq Al-Awsat",
        "2025-10-22",
        "قدّر البنك الدولي كلفة إعادة تأهيل شبكة الكهرباء في سوريا بـ3.5 مليار دولار في تقرير صدر في تشرين "
        "الأول/أكتوبر 2025.",
    ),
    doc(
        "Reuters",
        "2025-10-22",
        "The World Bank's October report put the cost of repairing Syria's power grid at $3.5bn.",
    ),
    pair("بـ3.5 مليار دولار", "$3.5bn", "consistent"),
)
case(
    "mixed consistent: 'نحو 80 في المئة' vs 79.8 percent unemployment in Gaza, Q2 2025",
    doc(
        "Al Jazeera",
        "2025-07-15",
        "قال البنك الدولي إن نسبة البطالة في قطاع غزة بلغت نحو 80 في المئة خلال الربع الثاني من عام 2025.",
    ),
    doc(
        "AP",
        "2025-07-16",
        "The World Bank's latest update put Gaza's unemployment rate at 79.8 percent in the second quarter "
        "of 2025.",
    ),
    pair("نحو 80 في المئة", "79.8 percent", "consistent"),
)
case(
    "mixed consistent: dual number word 'مليوني' vs '2 million' displaced in Idlib camps",
    doc(
        "Syria TV",
        "2025-06-10",
        "قال فريق منسقو استجابة سوريا إن نحو مليوني نازح يعيشون في مخيمات محافظة إدلب حتى حزيران/يونيو 2025.",
    ),
    doc(
        "The New Humanitarian",
        "2025-06-12",
        "OCHA said 2 million displaced people live in camps in Idlib province as of June 2025.",
    ),
    pair("نحو مليوني نازح", "2 million displaced", "consistent"),
)
case(
    "mixed consistent: 40 كيلومتراً vs 25 miles (the same Raqqa ring road)",
    doc(
        "North Press",
        "2025-09-08",
        "قال مجلس الرقة المدني إن الطريق الدائري الجديد حول مدينة الرقة يمتد على 40 كيلومتراً، وسيُفتتح "
        "مطلع العام المقبل.",
    ),
    doc(
        "Rudaw English",
        "2025-09-09",
        "The new ring road around Raqqa, which is 25 miles long, will open early next year, local "
        "officials said.",
    ),
    pair("40 كيلومتراً", "25 miles", "consistent"),
)

# --- drift ---
case(
    "mixed drift (the seed across languages): about 30,000 now vs about 31,000 in mid-2025, al-Hol and Roj",
    doc(
        "Shafaq News",
        "2025-11-13",
        "وذكرت القيادة المركزية الأمريكية (سنتكوم) أن عدد المقيمين في مخيمي الهول والروج يبلغ حالياً نحو "
        "30 ألف شخص.",
    ),
    doc(
        "AP",
        "2025-07-18",
        "According to UN reports from mid-2025, about 31,000 people were living in the al-Hol and Roj camps.",
    ),
    pair("نحو 30 ألف شخص", "about 31,000 people", "drift"),
)
case(
    "mixed drift: about 45,000 vs 48,000 displaced arriving in Hasakah the same week",
    doc(
        "North Press",
        "2025-03-10",
        "قدّرت الإدارة الذاتية عدد النازحين الجدد الذين وصلوا إلى محافظة الحسكة خلال الأسبوع الماضي بنحو "
        "45 ألف نازح.",
    ),
    doc(
        "Reuters",
        "2025-03-12",
        "OCHA said 48,000 displaced arrived in Hasakah province in the first week of March 2025.",
    ),
    pair("بنحو 45 ألف نازح", "48,000 displaced", "drift"),
)
case(
    "mixed drift: about 1.2 million vs 1.3 million people in need in Idlib, same month (8.3%)",
    doc(
        "Syria TV",
        "2025-05-05",
        "قال برنامج الأغذية العالمي إن قرابة 1.2 مليون شخص في محافظة إدلب يحتاجون إلى مساعدات غذائية خلال "
        "أيار/مايو 2025.",
    ),
    doc(
        "The New Humanitarian",
        "2025-05-07",
        "OCHA said 1.3 million people in Idlib province need food assistance this month.",
    ),
    pair("قرابة 1.2 مليون شخص", "1.3 million people", "drift"),
)
case(
    "mixed drift: the Tartus migrant boat toll, about 90 on Friday vs 97 dead on Saturday",
    doc(
        "BBC Arabic",
        "2022-09-23",
        "أعلنت وزارة الصحة السورية ارتفاع حصيلة ضحايا غرق مركب المهاجرين قبالة سواحل طرطوس إلى نحو 90 "
        "قتيلاً حتى مساء الجمعة.",
    ),
    doc(
        "AP",
        "2022-09-24",
        "The death toll from the migrant boat that sank off Tartus rose to 97 dead on Saturday, UNHCR said.",
    ),
    pair("نحو 90 قتيلاً", "97 dead", "drift"),
)
case(
    "mixed drift: percent vs percent, about 62 vs 66 percent facing acute food insecurity in Gaza",
    doc(
        "Al Jazeera",
        "2025-05-12",
        "قال برنامج الأغذية العالمي إن نحو 62 في المئة من سكان قطاع غزة يواجهون انعدام الأمن الغذائي الحاد "
        "خلال أيار/مايو 2025.",
    ),
    doc(
        "Reuters",
        "2025-05-14",
        "A joint UN report said 66 percent of Gaza's population faced acute food insecurity in May 2025.",
    ),
    pair("نحو 62 في المئة", "66 percent", "drift"),
)
case(
    "mixed drift: about 520 vs 560 aid trucks into Gaza in the same week",
    doc(
        "Al-Araby Al-Jadeed",
        "2025-10-27",
        "قال المكتب الإعلامي الحكومي في غزة إن نحو 520 شاحنة مساعدات دخلت القطاع خلال الأسبوع الماضي.",
    ),
    doc("AFP", "2025-10-28", "The UN said 560 aid trucks crossed into Gaza last week."),
    pair("نحو 520 شاحنة", "560 aid trucks", "drift"),
)
case(
    "mixed drift: a range vs a hedged figure just above it (ISIS fighters in Syria, 2025)",
    doc(
        "Asharq Al-Awsat",
        "2025-08-02",
        "وتشير تقديرات الأمم المتحدة إلى أن عدد مقاتلي داعش الناشطين في سوريا يتراوح بين 2,500 و3,000 "
        "مقاتل خلال عام 2025.",
    ),
    doc(
        "Al-Monitor",
        "2025-08-06",
        "An Iraqi military official put the number of ISIS fighters active in Syria this year at about "
        "3,200 fighters.",
    ),
    pair("بين 2,500 و3,000 مقاتل", "about 3,200 fighters", "drift"),
)
case(
    "mixed drift: about $216bn vs $230bn for rebuilding Syria, same month",
    doc(
        "Asharq Al-Awsat",
        "2025-10-21",
        "قدّر البنك الدولي كلفة إعادة إعمار سوريا بنحو 216 مليار دولار في تقرير صدر في تشرين الأول/أكتوبر "
        "2025.",
    ),
    doc(
        "Al-Monitor",
        "2025-10-23",
        "A Syrian government adviser said this month that rebuilding Syria would cost $230bn.",
    ),
    pair("بنحو 216 مليار دولار", "$230bn", "drift"),
)
case(
    "mixed drift: about 12,000 vs 12,600 detainees in SDF prisons, same month",
    doc(
        "Asharq Al-Awsat",
        "2025-06-30",
        "تحتجز قوات سوريا الديمقراطية (قسد) في سجونها قرابة 12 ألف معتقل يشتبه بانتمائهم لتنظيم داعش، بحسب "
        "الإدارة الذاتية.",
    ),
    doc(
        "Reuters",
        "2025-06-28",
        "A Kurdish official said SDF prisons currently hold 12,600 detainees from dozens of countries.",
    ),
    pair("قرابة 12 ألف معتقل", "12,600 detainees", "drift"),
)

# --- conflict ---
case(
    "mixed conflict: exact 45 vs exact 60 killed in the same Idlib market blast",
    doc(
        "Al Jazeera",
        "2025-08-04",
        "وقال الدفاع المدني السوري إن 45 شخصاً قُتلوا في الانفجار الذي ضرب سوق مدينة إدلب صباح الاثنين 4 "
        "آب/أغسطس 2025.",
    ),
    doc(
        "Reuters",
        "2025-08-04",
        "Health officials in Idlib said 60 people were killed in Monday morning's blast at the city market.",
    ),
    pair("45 شخصاً", "60 people", "conflict"),
)
case(
    "mixed conflict: about 30,000 vs 45,000 people in al-Hol now",
    doc(
        "Shafaq News",
        "2025-11-13",
        "قالت القيادة المركزية الأمريكية (سنتكوم) إن عدد المقيمين في مخيم الهول انخفض إلى نحو 30 ألف شخص "
        "حالياً.",
    ),
    doc(
        "Kurdistan24",
        "2025-11-11",
        "The camp's administration told Kurdistan24 that al-Hol currently houses 45,000 people.",
    ),
    pair("نحو 30 ألف شخص", "45,000 people", "conflict"),
)
case(
    "mixed conflict: 'أكثر من 22 عملية' vs 15 operations in the same month",
    doc(
        "Shafaq News",
        "2025-11-13",
        "أعلنت سنتكوم تنفيذ أكثر من 22 عملية ضد خلايا داعش في سوريا خلال تشرين الأول/أكتوبر 2025.",
    ),
    doc(
        "Al-Monitor",
        "2025-11-14",
        "An SDF source said the coalition and its partners carried out 15 operations against ISIS cells in "
        "Syria in October 2025.",
    ),
    pair("أكثر من 22 عملية", "15 operations", "conflict"),
)
case(
    "mixed conflict: 120 vs 80 tonnes of flour on the same convoy",
    doc(
        "SANA",
        "2025-10-12",
        "أعلن برنامج الأغذية العالمي وصول قافلة تحمل 120 طناً من الطحين إلى مدينة دير الزور يوم الأحد.",
    ),
    doc(
        "AP",
        "2025-10-13",
        "A Red Crescent official said Sunday's WFP convoy to Deir ez-Zor carried 80 tonnes of flour.",
    ),
    pair("120 طناً", "80 tonnes", "conflict"),
)
case(
    "mixed conflict: 40 كيلومتراً vs 40 miles for the same road (a unit conversion makes them 60% apart)",
    doc(
        "North Press",
        "2025-09-08",
        "قال مجلس الرقة المدني إن الطريق الدائري الجديد حول مدينة الرقة يمتد على 40 كيلومتراً.",
    ),
    doc(
        "Kurdistan24",
        "2025-09-09",
        "The new ring road around Raqqa will be 40 miles long, a contractor told Kurdistan24.",
    ),
    pair("40 كيلومتراً", "40 miles", "conflict"),
)
case(
    "mixed conflict: 1.5 million vs 800,000 Syrian refugees in Lebanon in the same month",
    doc(
        "Al-Araby Al-Jadeed",
        "2025-09-18",
        "قالت الحكومة اللبنانية إن 1.5 مليون لاجئ سوري يقيمون في لبنان حتى أيلول/سبتمبر 2025.",
    ),
    doc(
        "Reuters",
        "2025-09-20",
        "UNHCR said there were 800,000 refugees from Syria in Lebanon in September 2025.",
    ),
    pair("1.5 مليون لاجئ", "800,000 refugees", "conflict"),
)
case(
    "mixed conflict: 'ما يصل إلى 8 آلاف' vs 11,000 children in al-Hol, same month",
    doc(
        "Rudaw",
        "2025-06-01",
        "قال مسؤول في منظمة اليونيسف إن ما يصل إلى 8 آلاف طفل يعيشون في مخيم الهول خلال حزيران/يونيو 2025.",
    ),
    doc(
        "The National",
        "2025-06-03",
        "The camp administration said this month that 11,000 children live in al-Hol.",
    ),
    pair("ما يصل إلى 8 آلاف طفل", "11,000 children", "conflict"),
)

# --- trend ---
case(
    "mixed trend: al-Hol and Roj in December 2019 (70,000) vs now (about 30,000)",
    doc(
        "BBC Arabic",
        "2019-12-10",
        "قالت الأمم المتحدة إن مخيمي الهول والروج يضمان 70 ألف شخص في كانون الأول/ديسمبر 2019.",
    ),
    doc("Reuters", "2025-11-13", "CENTCOM said about 30,000 people now live in the al-Hol and Roj camps."),
    pair("70 ألف شخص", "about 30,000 people", "trend"),
)
case(
    "mixed trend: al-Hol in April 2019 (73,000) vs now in 2025 (about 30,000)",
    doc(
        "AP",
        "2019-04-12",
        "The UN said 73,000 people were living in al-Hol camp in April 2019, after the fall of Baghouz.",
    ),
    doc("Enab Baladi", "2025-10-28", "وبحسب إدارة المخيم، يقيم في مخيم الهول حالياً نحو 30 ألف شخص."),
    pair("73,000 people", "نحو 30 ألف شخص", "trend"),
)
case(
    "mixed trend: yearly totals of ISIS attacks in Syria, 2024 vs 2020",
    doc(
        "Enab Baladi",
        "2025-01-08",
        "وقالت قوات سوريا الديمقراطية إن تنظيم داعش شن 121 هجوماً في سوريا خلال عام 2024.",
    ),
    doc(
        "AP",
        "2021-01-15",
        "ISIS carried out 294 attacks in Syria in 2020, according to the Syrian Observatory for Human "
        "Rights.",
    ),
    pair("121 هجوماً", "294 attacks", "trend"),
)
case(
    "mixed trend: the dollar in Syrian pounds, October 2025 vs January 2020",
    doc(
        "Enab Baladi",
        "2025-10-15",
        "وبلغ سعر صرف الدولار في السوق السوداء بدمشق 11,500 ليرة سورية في منتصف تشرين الأول/أكتوبر 2025.",
    ),
    doc("Reuters", "2020-01-20", "The dollar traded at 1,250 Syrian pounds in Damascus in January 2020."),
    pair("11,500 ليرة سورية", "1,250 Syrian pounds", "trend"),
)
case(
    "mixed trend: displaced people in Idlib, March 2021 vs March 2025",
    doc(
        "Syria TV",
        "2021-03-15",
        "قال فريق منسقو استجابة سوريا إن 2.8 مليون نازح كانوا يقيمون في محافظة إدلب في آذار/مارس 2021.",
    ),
    doc(
        "The New Humanitarian",
        "2025-03-18",
        "OCHA said 1.9 million displaced were living in Idlib province in March 2025 as returns began.",
    ),
    pair("2.8 مليون نازح", "1.9 million displaced", "trend"),
)
case(
    "mixed trend: percent vs percent, unemployment in Gaza 2021 vs Q2 2025",
    doc(
        "Al Jazeera", "2022-06-01", "قال البنك الدولي إن نسبة البطالة في قطاع غزة بلغت 45 في المئة عام 2021."
    ),
    doc(
        "Reuters",
        "2025-07-15",
        "The World Bank said unemployment in Gaza reached about 80 percent in the second quarter of 2025.",
    ),
    pair("45 في المئة", "about 80 percent", "trend"),
)
case(
    "mixed trend: registered Syrian refugees in Lebanon, 2015 vs June 2025",
    doc(
        "AP",
        "2015-06-15",
        "UNHCR said 1.2 million refugees from Syria were registered in Lebanon in June 2015.",
    ),
    doc(
        "An-Nahar",
        "2025-06-20",
        "وأعلنت المفوضية أن عدد اللاجئين السوريين المسجلين في لبنان تراجع إلى نحو 750 ألف لاجئ في "
        "حزيران/يونيو 2025.",
    ),
    pair("1.2 million refugees", "نحو 750 ألف لاجئ", "trend"),
)

# --- no_pair (look-alikes) ---
case(
    "mixed no_pair: detainees in SDF prisons (English) vs people in the camps (Arabic), mid-2025",
    doc(
        "Reuters",
        "2025-07-20",
        "About 9,000 detainees were held in SDF prisons in northeast Syria as of mid-2025, according to UN "
        "reports.",
    ),
    doc(
        "Enab Baladi",
        "2025-07-20",
        "وبحسب تقارير أممية صدرت منتصف عام 2025، يُقدَّر عدد الأشخاص في مخيمي الهول والروج بحوالي 31,000 شخص.",
    ),
    pair("About 9,000 detainees", "بحوالي 31,000 شخص", "no_pair"),
)
case(
    "mixed no_pair: 5 killed (Arabic) vs 5 arrested (English) in the same raid",
    doc(
        "North Press",
        "2025-10-09",
        "أعلنت قوات سوريا الديمقراطية (قسد) مقتل 5 عناصر من تنظيم داعش في عملية أمنية بريف دير الزور "
        "الشرقي يوم الخميس.",
    ),
    doc(
        "AP",
        "2025-10-09",
        "The SDF said it arrested 5 ISIS members in Thursday's raid in eastern Deir ez-Zor.",
    ),
    pair("5 عناصر", "5 ISIS members", "no_pair"),
)
case(
    "mixed no_pair: the same number displaced in Idlib (Arabic) and in Aleppo (English)",
    doc(
        "Syria TV",
        "2025-10-08",
        "قال فريق منسقو استجابة سوريا إن 20 ألف شخص نزحوا من قرى ريف إدلب الجنوبي خلال الأسبوع الماضي جراء "
        "القصف.",
    ),
    doc(
        "AFP",
        "2025-10-09",
        "Local officials said 20,000 people were displaced within Aleppo city last week as clashes spread.",
    ),
    pair("20 ألف شخص", "20,000 people", "no_pair"),
)
case(
    "mixed no_pair: euros (Arabic) vs dollars (English), Brussels pledges",
    doc(
        "Al Jazeera",
        "2025-03-17",
        "أعلن الاتحاد الأوروبي أن المانحين تعهدوا خلال مؤتمر بروكسل التاسع بتقديم 5.8 مليار يورو لدعم "
        "السوريين في عام 2025.",
    ),
    doc(
        "AP",
        "2025-03-18",
        "The UN said pledges at the Brussels conference for Syria totalled $5.8bn this year.",
    ),
    pair("5.8 مليار يورو", "$5.8bn", "no_pair"),
)
case(
    "mixed no_pair: ISIS attacks (Arabic) vs coalition operations (English), same number and month",
    doc(
        "North Press",
        "2025-11-05",
        "قالت قوات سوريا الديمقراطية إن خلايا داعش نفذت 22 هجوماً في مناطق شمال شرق سوريا خلال تشرين "
        "الأول/أكتوبر 2025.",
    ),
    doc(
        "Reuters",
        "2025-11-13",
        "CENTCOM said coalition forces conducted 22 operations against ISIS in Syria in October 2025.",
    ),
    pair("22 هجوماً", "22 operations", "no_pair"),
)
case(
    "mixed no_pair: a percentage decline (Arabic) vs a head count (English), no base stated",
    doc(
        "Enab Baladi",
        "2025-11-01",
        "قالت الأمم المتحدة إن عدد سكان مخيم الهول تراجع بنسبة 60 في المئة منذ عام 2019.",
    ),
    doc("Reuters", "2025-11-13", "CENTCOM said about 30,000 people now live in al-Hol camp."),
    pair("60 في المئة", "about 30,000 people", "no_pair"),
)
case(
    "mixed no_pair: fighters (Arabic) vs civilians (English) killed in Deir ez-Zor since January",
    doc(
        "Al Jazeera",
        "2025-07-01",
        "وقال المرصد السوري لحقوق الإنسان إن المعارك في ريف دير الزور أودت منذ بداية العام بحياة 300 مقاتل "
        "من الطرفين.",
    ),
    doc(
        "AFP",
        "2025-07-01",
        "The Syrian Observatory for Human Rights documented the deaths of 300 civilians in Deir ez-Zor "
        "province since January.",
    ),
    pair("300 مقاتل", "300 civilians", "no_pair"),
)
case(
    "mixed no_pair: a year-long total leaving al-Hol (Arabic) vs a one-day transfer from Roj (English)",
    doc(
        "Enab Baladi",
        "2025-01-12",
        "قالت إدارة مخيم الهول إن 1,200 شخص غادروا المخيم خلال عام 2024 ضمن رحلات العودة المنظمة.",
    ),
    doc(
        "Kurdistan24",
        "2025-01-13",
        "The Kurdish-led administration moved 1,200 people out of Roj camp on Sunday.",
    ),
    pair("1,200 شخص", "1,200 people", "no_pair"),
)
case(
    "mixed no_pair: Roj's population (Arabic) vs departures from al-Hol this month (English)",
    doc(
        "Rudaw",
        "2025-09-15",
        "قالت الإدارة الذاتية إن مخيم الروج يؤوي حالياً 2,600 شخص معظمهم من عائلات مقاتلي داعش الأجانب.",
    ),
    doc(
        "Kurdistan24",
        "2025-09-16",
        "Camp officials said 2,600 people left al-Hol this month on organised return trips to Iraq.",
    ),
    pair("2,600 شخص", "2,600 people", "no_pair"),
)
case(
    "mixed no_pair: women (Arabic) vs children (English) in al-Hol, same figure",
    doc("Rudaw", "2025-06-01", "قالت الإدارة الذاتية إن مخيم الهول يضم نحو 7 آلاف امرأة من جنسيات أجنبية."),
    doc(
        "The Guardian",
        "2025-06-01",
        "The foreign annex of al-Hol holds 7,000 children, the Kurdish-led administration said.",
    ),
    pair("نحو 7 آلاف امرأة", "7,000 children", "no_pair"),
)

# --- several pairs in one case ---
case(
    "mixed, several pairs (the seed's claims vs an English wire story): drift, trend and the look-alikes",
    doc(
        "Shafaq News",
        "2025-11-13",
        "وذكرت القيادة المركزية الأمريكية أن عدد النازحين في مخيمي الهول والروج انخفض من 70 ألف شخص عام "
        "2019 إلى نحو 30 ألفاً حالياً. وأعلنت تنفيذ أكثر من 22 عملية ضد داعش في سوريا خلال الشهر الماضي، "
        "ما أدى إلى مقتل خمسة عناصر من التنظيم واعتقال 19 آخرين.",
    ),
    doc(
        "AP",
        "2025-07-18",
        "According to UN reports from mid-2025, about 31,000 people were living in the al-Hol and Roj "
        "camps, while about 9,000 detainees were held in SDF prisons. Researchers put the number of active "
        "ISIS fighters in Syria and Iraq in 2025 at 2,500 to 3,000 fighters.",
    ),
    pair("نحو 30 ألفاً", "about 31,000 people", "drift"),
    pair("70 ألف شخص", "about 31,000 people", "trend"),
    pair("70 ألف شخص", "نحو 30 ألفاً", "trend", docs="aa"),
    pair("about 9,000 detainees", "about 31,000 people", "no_pair", docs="bb"),
    pair("2,500 to 3,000 fighters", "about 31,000 people", "no_pair", docs="bb"),
    pair("خمسة عناصر", "19 آخرين", "no_pair", docs="aa"),
    pair("أكثر من 22 عملية", "about 9,000 detainees", "no_pair"),
)
case(
    "en, several pairs in one article: a restatement, a trend and a part-of-whole look-alike (al-Hol, 2025)",
    doc(
        "Reuters",
        "2025-11-13",
        "About 30,000 people now live in al-Hol camp, CENTCOM said on Thursday, down from 73,000 people in "
        "April 2019. Camp officials put the current population at 29,700 people, including about 18,000 "
        "children.",
    ),
    pair("About 30,000 people", "29,700 people", "consistent"),
    pair("73,000 people", "29,700 people", "trend"),
    pair("about 18,000 children", "About 30,000 people", "no_pair"),
)
case(
    "ar, several pairs in one article: restatement drift, a trend and a look-alike (Idlib, 2025)",
    doc(
        "Syria TV",
        "2025-06-10",
        "قال فريق منسقو استجابة سوريا إن نحو 1.9 مليون نازح يعيشون في محافظة إدلب حالياً، بعد أن كان عددهم "
        "2.8 مليون نازح في آذار/مارس 2021. وأضاف الفريق في البيان نفسه أن عدد النازحين في إدلب يبلغ هذا "
        "الشهر 2.05 مليون نازح، يقيم منهم 800 ألف شخص في المخيمات.",
    ),
    pair("نحو 1.9 مليون نازح", "2.05 مليون نازح", "drift"),
    pair("2.8 مليون نازح", "2.05 مليون نازح", "trend"),
    pair("800 ألف شخص", "نحو 1.9 مليون نازح", "no_pair"),
)


# ---------------------------------------------------------------------------------------------------------
# Building, validating and writing
# ---------------------------------------------------------------------------------------------------------
def lang_of(text: str) -> str:
    return "ar" if ARABIC.search(text) else "en"


def build() -> list[dict[str, Any]]:
    """The JSON objects, with ids, doc ids and languages filled in."""
    out = []
    for number, c in enumerate(CASES, 1):
        docs = [
            {"id": "ab"[i], "text": d["text"], "published": d["published"], "source": d["source"]}
            for i, d in enumerate(c["docs"])
        ]
        langs = {lang_of(d["text"]) for d in docs}
        lang = langs.pop() if len(langs) == 1 else "mixed"
        default = "ab" if len(docs) == 2 else "aa"
        pairs = []
        for p in c["pairs"]:
            da, db = p["docs"] or default
            pairs.append(
                {"a": {"doc": da, "text": p["a"]}, "b": {"doc": db, "text": p["b"]}, "expect": p["expect"]}
            )
        out.append({"id": f"cmp-{number:03d}", "lang": lang, "docs": docs, "pairs": pairs, "note": c["note"]})
    return out


def validate(cases: list[dict[str, Any]]) -> list[str]:
    """Structural checks: spans occur exactly once in their document, dates, ids, and the minimum counts."""
    problems = []
    for c in cases:
        texts = {d["id"]: d["text"] for d in c["docs"]}
        if not 1 <= len(texts) <= 2:
            problems.append(f"{c['id']}: {len(texts)} documents")
        for d in c["docs"]:
            if not DATE.match(d["published"]):
                problems.append(f"{c['id']}: published {d['published']!r} is not YYYY-MM-DD")
            if '"' in d["text"]:
                problems.append(f"{c['id']}: straight double quote in doc {d['id']}")
        if len(c["docs"]) == 2 and c["docs"][0]["source"] == c["docs"][1]["source"]:
            problems.append(f"{c['id']}: both documents from {c['docs'][0]['source']}")
        seen = set()
        for p in c["pairs"]:
            for side in ("a", "b"):
                ref = p[side]
                text = texts.get(ref["doc"])
                if text is None:
                    problems.append(f"{c['id']}: no document {ref['doc']!r}")
                elif text.count(ref["text"]) != 1:
                    times = text.count(ref["text"])
                    problems.append(f"{c['id']}: {ref['text']!r} occurs {times} times in doc {ref['doc']}")
            key = frozenset([(p["a"]["doc"], p["a"]["text"]), (p["b"]["doc"], p["b"]["text"])])
            if len(key) != 2 or key in seen:
                problems.append(
                    f"{c['id']}: pair {p['a']['text']!r} / {p['b']['text']!r} repeated or self-paired"
                )
            seen.add(key)
    counts = summary(cases)
    for key, low in MINIMUM.items():
        if counts[key] < low:
            problems.append(f"only {counts[key]} {key} (need {low})")
    return problems


def summary(cases: list[dict[str, Any]]) -> Counter:
    """Cases per language, pairs per verdict, and cases whose pairs are all look-alikes."""
    counts: Counter = Counter(cases=len(cases))
    for c in cases:
        counts[c["lang"]] += 1
        verdicts = [p["expect"] for p in c["pairs"]]
        counts.update(verdicts)
        counts["pairs"] += len(verdicts)
        if set(verdicts) == {"no_pair"}:
            counts["no_pair_cases"] += 1
        if len(c["docs"]) == 1:
            counts["in_article_cases"] += 1
    return counts


def verify(cases: list[dict[str, Any]]) -> list[str]:
    """Every span must be a claim ``factcheck.extract`` gives for its document, exactly."""
    import factcheck

    misses = []
    for c in cases:
        found = {
            d["id"]: {cl.text for cl in factcheck.extract(d["text"], published=d["published"])}
            for d in c["docs"]
        }
        for p in c["pairs"]:
            for side in ("a", "b"):
                ref = p[side]
                if ref["text"] not in found[ref["doc"]]:
                    got = sorted(found[ref["doc"]])
                    misses.append(f"{c['id']} doc {ref['doc']}: {ref['text']!r} not extracted; got {got}")
    return misses


def main(argv: list[str]) -> int:
    cases = build()
    problems = validate(cases)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    with OUT.open("w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    counts = summary(cases)
    print(f"wrote {len(cases)} cases, {counts['pairs']} pairs to {OUT.name}")
    print("  languages: " + ", ".join(f"{k} {counts[k]}" for k in ("ar", "en", "mixed")))
    print("  pairs: " + ", ".join(f"{v} {counts[v]}" for v in VERDICTS))
    print(f"  look-alike cases (all pairs no_pair): {counts['no_pair_cases']}")
    print(f"  in-article cases (one document): {counts['in_article_cases']}")
    if "--verify" in argv:
        misses = verify(cases)
        spans = counts["pairs"] * 2
        print(f"  extractor check: {spans - len(misses)} of {spans} spans extracted exactly")
        if misses:
            print("\n".join(misses), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
