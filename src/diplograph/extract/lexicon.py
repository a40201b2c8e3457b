"""Trigger phrases and markers, Arabic and English.

Arabic patterns are written in folded form (:func:`diplograph.text.normalize`:
no diacritics, ا for every alef, ه for teh marbuta, ي for alef maqsura) and
matched against the folded text, so "عُقدت" and "عقدت", "مكالمة" and "مكالمه"
are one word to them. Arabic nouns may carry a proclitic (و ف ب ل ك), the
article, and a possessive pronoun ("لقائه", "اتصالهما", "مكالمته"); the
pronoun is kept, since it names who took part ("his", "their"). English
patterns are matched case-insensitively.

Markers are matched in the few words before a trigger (or after a noun), so
that "agreed to ..." elsewhere in a clause does not make a held call a plan.

Examples
--------
>>> [t.kind for t in TRIGGERS if t.pattern.fullmatch("مكالمه هاتفيه")]
['phoneCall']
>>> bool(next(t for t in TRIGGERS if t.kind == "inPersonMeeting" and t.pattern.fullmatch("لقائهما")))
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "AGREED",
    "ATTEMPT",
    "ATTENDING",
    "ATTRIBUTION",
    "BY_PHONE",
    "CONDUCT",
    "DEFINITE",
    "DENIAL",
    "DENIAL_WORDS",
    "DUAL",
    "FUTURE",
    "GATHERING_LINK",
    "HEDGES",
    "HOPE",
    "INDIRECT",
    "INVITED",
    "JOINT",
    "KIND_PRIORITY",
    "NEGATION",
    "NEW_EVENT",
    "NUMBER_WORDS",
    "OFFERED",
    "PLAN",
    "PLAN_NOUN",
    "POSSIBLE",
    "PURPOSE",
    "QUANTIFIED",
    "REFUSAL",
    "RELATIONAL",
    "REPORTED",
    "SENDING",
    "SIDELINES",
    "SPEAKER_TITLE",
    "SPEECH_NOUN",
    "TRAVEL",
    "TRIGGERS",
    "Trig",
]


@dataclass(frozen=True)
class Trig:
    """A trigger pattern: the contact kind it signals and how strongly."""

    pattern: re.Pattern[str]
    kind: str
    weak: bool = False  # a word that often refers back to a contact already reported ("talks", "تحدث")
    plural: bool = False  # a plural noun: a contact only after a verb of holding ("أجريا اتصالات")
    summit: bool = False  # "قمة"/"summit": a bilateral summit, or the gathering of a sidelines meeting
    noun: bool = False  # a noun ("لقاء", "call"), whose participants are named around it, not as a verb's subject


_SUFFIX = r"(?:ه|ها|هما|هم|ي|نا|كما)?"


def _ar(p: str, suffix: bool = False) -> re.Pattern[str]:
    # Arabic words may carry one or two proclitic letters (و ف ب ل ك) and the article.
    end = _SUFFIX if suffix else ""
    return re.compile(rf"(?<![\w])(?:[وفبلك]{{0,2}})(?:ال)?(?:{p}){end}(?![\w])")


def _en(p: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{p})\b", re.IGNORECASE)


_TA = r"(?:ه|ت(?=ه|ها|هما|هم|ي|نا|كما))"  # a teh marbuta, which becomes ت before a pronoun

TRIGGERS: list[Trig] = [
    # -- Arabic --
    Trig(_ar(rf"مكالم{_TA}(?: هاتفيه)?(?: مباشره)?", True), "phoneCall", noun=True),
    Trig(_ar(r"مكالمات(?: هاتفيه)?"), "phoneCall", plural=True, noun=True),
    Trig(_ar(r"اتصالا?(?: هاتفيا?)?(?: مباشرا?)?", True), "phoneCall", noun=True),
    Trig(_ar(r"اتصالات هاتفيه(?: مباشره)?"), "phoneCall", plural=True, noun=True),
    Trig(_ar(r"محادث(?:ه|ت(?=ه|هما)) هاتفيه", True), "phoneCall", noun=True),
    Trig(_ar(r"(?:س?[يت])?(?:ا)?تصل(?:ت|ا|وا)?(?: هاتفيا)?"), "phoneCall"),
    Trig(_ar(r"(?:س?[يت])?تحدث(?:ت|ا|وا)? هاتفيا|(?:س?[يت])?تحادث(?:ا|وا)?(?: هاتفيا)?"), "phoneCall"),
    Trig(_ar(r"(?:س?[يت])?تلقي(?:ت)? (?:اتصالا|مكالمه)(?: هاتفيه| هاتفيا)?"), "phoneCall"),
    Trig(_ar(r"(?:س?[يت])?لتقي(?:ا|ان)?|التق(?:ي|ت|يا|وا)"), "inPersonMeeting"),
    Trig(_ar(r"لقا(?:ء|ئ|ؤ)(?: مباشر)?", True), "inPersonMeeting", noun=True),
    Trig(_ar(r"لقاءات(?: مباشره)?"), "inPersonMeeting", plural=True, noun=True),
    Trig(_ar(r"اجتماع(?:ا)?", True), "inPersonMeeting", noun=True),
    Trig(_ar(r"اجتماعات"), "inPersonMeeting", plural=True, noun=True),
    Trig(_ar(r"(?:س?[يت])?جتمع(?:ان|ا|وا)?|اجتمع(?:ت|ا|وا)?"), "inPersonMeeting"),
    Trig(_ar(r"(?:س?[يت])?ستقبل(?:ت|ان)?|استقبل(?:ت|ا)?|(?:س?[يت])?ستضيف|استضاف(?:ت)?"), "visit"),
    Trig(_ar(rf"قم{_TA}", True), "bilateralSummit", summit=True, noun=True),
    Trig(_ar(rf"زيار{_TA}", True), "visit", noun=True),
    Trig(_ar(r"زيارات"), "visit", plural=True, noun=True),
    Trig(_ar(r"زار(?:ت)?|(?:س?[يت])زور|وصل(?:ت)? الي|وصوله الي|توجه(?:ت)? الي"), "visit"),
    Trig(_ar(r"محادثات|مباحثات|مشاورات|تشاور|مفاوضات", True), "talks", noun=True),
    Trig(_ar(r"(?:س?[يت])?بحث(?:ا|ت|وا)?|(?:س?[يت])?باحث(?:ا|وا)?"), "talks", weak=True),
    Trig(_ar(r"اتصالات"), "talks", plural=True, noun=True),
    Trig(_ar(r"(?:س?[يت])?تحدث(?:ت|ا|وا)?"), "talks", weak=True),
    Trig(_ar(r"تواصل"), "talks", weak=True),
    Trig(_ar(r"اتصالات غير مباشره|اتصال غير مباشر|محادثات غير مباشره"), "indirectContact", noun=True),
    Trig(_ar(r"رسال(?:ه|ت(?=ه)) (?:شفويه|خطيه|مكتوبه)(?: من)?"), "indirectContact", noun=True),
    Trig(_ar(r"رسائل|رساله"), "indirectContact", noun=True, plural=True),
    Trig(_ar(r"استقبالا?", True), "visit", noun=True),
    # -- English --
    Trig(_en(r"(?:tele)?phone (?:call|conversation|talks?)|telephonic conversation|call"), "phoneCall", noun=True),
    Trig(_en(r"(?:tele)?phone calls|calls"), "phoneCall", plural=True, noun=True),
    Trig(_en(r"called(?!\s+(?:for|on|it|the|upon|off))|phoned|rang|spoke (?:by|on the|over the) (?:tele)?phone|"
             r"talked by (?:tele)?phone|will call|to call"), "phoneCall"),
    Trig(_en(r"met|meet|meets|talked in person|sat down with"), "inPersonMeeting"),
    Trig(_en(r"meeting|encounter|audience|(?:working |official |state )?(?:breakfast|lunch|dinner)(?= with)"),
         "inPersonMeeting", noun=True),
    Trig(_en(r"meetings"), "inPersonMeeting", plural=True, noun=True),
    Trig(_en(r"received|hosted|hosts|host|welcomed"), "visit"),
    Trig(_en(r"summit"), "bilateralSummit", summit=True, noun=True),
    Trig(_en(r"visited|visiting|travell?ed to|arrived in|flew to"), "visit"),
    Trig(_en(r"visit|visits"), "visit", noun=True),
    Trig(_en(r"talks|negotiations|consultations|discussions"), "talks", noun=True),
    Trig(_en(r"spoke|spoken|speak|speaks|speaking|talked|talk|discussed"), "talks", weak=True),
    Trig(_en(r"contacts"), "talks", plural=True, noun=True),
    Trig(_en(r"indirect (?:talks|contacts?)|through intermediaries|via intermediaries|through mediators|"
             r"(?:an? )?(?:oral |written )?message from"), "indirectContact", noun=True),
    Trig(_en(r"messages?|letters?"), "indirectContact", noun=True, plural=True),
]

#: When triggers of several kinds describe one contact, the first kind listed wins.
KIND_PRIORITY = ["sidelinesMeeting", "bilateralSummit", "phoneCall", "visit", "inPersonMeeting", "talks",
                 "indirectContact"]

NEGATION = re.compile(r"(?<![\w])(?:لم|لن|لا|ما|عدم|دون|بدون|ليس|ليست|رفض|رفضت)(?![\w])|"
                      r"\b(?:not|never|no|n't|without|did not|has not|have not|refused to|declined to)\b",
                      re.IGNORECASE)
#: A denial: "نفى الكرملين ... حصول اتصال", "denied ... a call", "لا توجد خطط لإجراء اتصال".
DENIAL = re.compile(r"(?<![\w])(?:[وف]?(?:نفي|نفت|ينفي|تنفي|نفيا|نفيه)|لا توجد|لا يوجد|ليس هناك|لا خطط|لا نيه|"
                    r"كذب|كذبت)(?![\w])|\b(?:no plans?|not planning|denied|denies|deny|denying|ruled out|"
                    r"dismissed|rejected|refuted)\b", re.IGNORECASE)
#: Words that call a report false: the contact it reports did not take place.
DENIAL_WORDS = re.compile(r"(?<![\w])(?:لا يمت للواقع|مجرد اختلاق|اختلاق|خبر كاذب|نبا كاذب|غير صحيح|عار عن الصحه|"
                          r"عاريه عن الصحه|لم تكن هناك (?:محادثه|مكالمه|اي)|لم يحدث|لم تحدث)(?![\w])|"
                          r"\b(?:pure fiction|false information|completely untrue|absolutely untrue|untrue|"
                          r"not true|there was no (?:conversation|call|meeting)|no such (?:conversation|call|meeting)|"
                          r"fake news|an absolute lie|did not have a phone conversation)\b", re.IGNORECASE)
#: A call by its medium: "spoke ... by telephone", "تحدثا ... هاتفيا".
BY_PHONE = re.compile(r"(?<![\w])(?:هاتفيا|هاتفيًا|عبر الهاتف)(?![\w])|\b(?:by (?:tele)?phone|on the (?:tele)?phone|"
                      r"over the (?:tele)?phone)\b", re.IGNORECASE)
QUANTIFIED = re.compile(r"(?<![\w])(?:عده|عدد من|سلسله|جمله|عددا من|عددًا من)(?![\w])|\b(?:several|many|multiple|"
                        r"a series of|numerous|previous|past|\d+|eleven|twelve|a dozen)\b", re.IGNORECASE)
CONDUCT = re.compile(r"(?<![\w])[وف]?(?:اجري|اجرت|اجريا|اجروا|اجراء|عقد|عقدت|عقدا|عقدوا|يجري|يجريان|تجري|جري|جرت)"
                     r"(?![\w])|\b(?:held|hold|holds|conducted|had|placed|made)\b", re.IGNORECASE)
#: Verbs of sending, after which a message is an indirect contact ("أرسل X رسائل إلى Y", "sent a letter to").
SENDING = re.compile(r"(?<![\w])[وف]?(?:ارسل|ارسلت|بعث|بعثت|نقل|نقلت|تلقي|تلقت|وجه|وجهت|سلم|سلمت)(?![\w])|"
                     r"\b(?:sent|sends|conveyed|delivered|received|passed)\b", re.IGNORECASE)
INDIRECT = re.compile(r"(?<![\w])(?:غير مباشره?|عبر وسطاء|بوساطه|وسطاء|فرق التفاوض|فريق التفاوض|فريقي التفاوض|"
                      r"عبر مستشاريه|عبر مستشاريها|رسائل|رساله)(?![\w])|\b(?:indirect(?:ly)?|intermediar(?:y|ies)|"
                      r"mediators?|negotiating teams?|messages?)\b", re.IGNORECASE)
SIDELINES = re.compile(r"(?<![\w])(?:علي هامش|هامش)(?![\w])|\bon the (?:sidelines|margins) of\b", re.IGNORECASE)
#: Words that tie a meeting to a gathering ("خلال قمة", "at the summit").
GATHERING_LINK = re.compile(r"(?<![\w])(?:خلال|في|علي هامش|اثناء|ضمن)\s*$|\b(?:at|during|on the sidelines of)\s+"
                            r"(?:the\s+)?$", re.IGNORECASE)
DEFINITE = re.compile(r"(?<![\w])(?:هذه|هذا|تلك|ذلك|خلال)\s*$|\b(?:the|this|that|during the|their|his|her|its)"
                      r"(?:\s+(?:last|first|latest|previous))?\s+$", re.IGNORECASE)
#: "the two leaders", "بينهما": the participants are those of the context.
DUAL = re.compile(r"(?<![\w])(?:[وف]?ال(?:زعيمان|زعيمين|رئيسان|رئيسين|جانبان|جانبين|طرفان|طرفين|وزيران|وزيرين)|"
                  r"بينهما|[وف]?ناقشا|[وف]?بحثا|[وف]?اتفقا|[وف]?تشاورا|زعيمي البلدين|زعيما البلدين|رئيسي البلدين|"
                  r"[وف]?الرجلان|الرجلين|كلاهما)(?![\w])|"
                  r"\b(?:the two (?:leaders|presidents|sides|men|ministers|heads of state)|both leaders|the pair|"
                  r"the duo|the leaders|they)\b", re.IGNORECASE)
#: Markers that a trigger names a contact not reported before ("another call", "for a second time").
NEW_EVENT = re.compile(r"(?<![\w])(?:اخري|اخر|ثانيه|ثاني|جديده|جديد|مجددا|مره اخري|الثاني|الثانيه)(?![\w])|"
                       r"\b(?:another|second|again|new|latest|fresh|earlier|previous|last)\b", re.IGNORECASE)
#: Future and schedule markers governing a trigger ("سيلتقي", "من المقرر أن", "will", "is due to").
FUTURE = re.compile(r"(?<![\w])(?:سوف|من المقرر|من المتوقع|من المنتظر|يعتزم|تعتزم|يعتزمان|ينوي|تنوي|يستعد|تستعد|"
                    r"يستعدان|المقرر|المنتظر|المزمع|المزمعه|يرتقب|غدا|غدًا|علي ان|يرتب|ترتب|يرتبان|خطط|خططه|خطه|"
                    r"خططها|لعقد|لاجراء|يجري|تجري|يعقد|تعقد|يجريان|يعقدان)(?![\w])|"
                    r"\b(?:will|'ll|would|shall|is to|are to|is due to|are due to|due to|is expected to|"
                    r"are expected to|expected to|plans? to|planned to|planning to|is set to|are set to|set to|"
                    r"scheduled to|is scheduled|intends? to|is going to|are going to|to be held|tomorrow|plans|"
                    r"to hold|arranging|preparing)\b",
                    re.IGNORECASE)
#: Adjectives after (or before) a noun that make it a plan ("القمة المرتقبة", "the upcoming summit").
PLAN_NOUN = re.compile(r"(?<![\w])(?:مرتقبه?|المرتقبه?|مقبله?|المقبله?|القادمه?|المزمعه?|المنتظره?|المخطط لها|"
                       r"المقرره?|المقترحه?|مقترحه?|قريبه?|قريبا|لاحقه?|لاحقا|جدول|برنامج)(?![\w])|\b(?:upcoming|anticipated|planned|proposed|expected|"
                       r"next week's|next month's|future|forthcoming|scheduled|soon|later)\b", re.IGNORECASE)
#: The predicate of a contact noun that makes it a plan ("... is scheduled for", "... will be held").
PLANNED_PREDICATE = re.compile(r"\b(?:is|are|was|were|has been|have been|will be)\s+(?:\w+ly\s+)?"
                               r"(?:planned|scheduled|expected|set|slated|due|to be held|to take place)\b|"
                               r"\bwill\s+(?:take place|be held)\b", re.IGNORECASE)
PLAN = re.compile(FUTURE.pattern + "|" + PLAN_NOUN.pattern, re.IGNORECASE)
INVITED = re.compile(r"(?<![\w])(?:دعوه|دعا|دعاه|يدعو|وجه دعوه)(?![\w])|\b(?:invited|invitation|invites|invite)\b",
                     re.IGNORECASE)
OFFERED = re.compile(r"(?<![\w])(?:منفتح|منفتحه|مستعد|مستعده|مستعدون|مستعدان|استعداده|استعدادها|استعدادهما|استعداد|"
                     r"عرض|اقترح|اقترحت)(?![\w])|\b(?:open to|ready to|ready for|offered|proposed|willing to|"
                     r"readiness)\b", re.IGNORECASE)
AGREED = re.compile(r"(?<![\w])(?:[وف]?اتفق(?:ا|وا|ت)?|اتفاق|اتفقا|وافقا|وافق|[وف]?تم الاتفاق)(?![\w])|"
                    r"\b(?:agreed|agree|agreement)\b", re.IGNORECASE)
#: A contact that may or may not come: not a plan ("قد يلتقي", "could meet", "did not rule out").
#: ("قد" before a past verb of the forms تفعّل/تفاعل, "قد تلقى اتصالا", is a pluperfect, not "may").
POSSIBLE = re.compile(r"(?<![\w])(?:قد(?= (?!تلق|تحدث|تباحث|تبادل|تسلم|تمت?(?![\w])|توجه|تواصل|تناول|تطرق|تشاور)"
                      r"[يتن]\w{2,})|ربما|احتمال|امكانيه|محتمل|المحتمل|يستبعد|تستبعد|مرجح)(?![\w])|"
                      r"\b(?:could|(?<!\d )may(?! \d)|might|possible|possibility|potential|possibly|not rule out|"
                      r"did not rule out|"
                      r"rule out|likely|whether)\b", re.IGNORECASE)
#: An attempt, which may have failed ("حاول تنسيق مكالمة", "tried to arrange a call").
ATTEMPT = re.compile(r"(?<![\w])(?:حاول|حاولت|يحاول|محاوله|سعي|يسعي|تسعي|مساعي|جهود)(?![\w])|"
                     r"\b(?:tried|tries|try|attempt(?:s|ed)?|sought|seeking|seeks|efforts?)\b", re.IGNORECASE)
#: A refusal in the words before a trigger ("رفض الخروج ... والرد على المكالمة").
REFUSAL = re.compile(r"(?<![\w])(?:[وف]?رفض|رفضت|يرفض|ترفض|امتنع)(?![\w])|\b(?:refused|refuses|declined|rejected)\b",
                     re.IGNORECASE)
#: A hope, not a plan ("يأمل", "hoped to meet").
HOPE = re.compile(r"(?<![\w])(?:يامل|تامل|امال|امل|يتطلع|تتطلع|يرغب|ترغب|رغبه)(?![\w])|"
                  r"\b(?:hopes?|hoped|hoping|wants? to|wanted to|wish(?:es|ed)?|looks? forward|look forward)\b",
                  re.IGNORECASE)
#: A contact that is the purpose of a journey ("وصل ... للقاء", "travels to ... to meet").
PURPOSE = re.compile(r"(?<![\w])(?:ل|لاجراء|لعقد|لبحث)$|\bto$", re.IGNORECASE)
#: Verbs of travel, after which a contact "to" be held is a purpose.
TRAVEL = re.compile(r"(?<![\w])(?:وصل|وصلت|يصل|تصل|سيصل|ستصل|توجه|يتوجه|سيتوجه|يزور|يغادر|غادر|زياره|جوله|يبدا|بدا)"
                    r"(?![\w])|\b(?:arriv\w*|travel\w*|fl(?:y|ies|ew)|head(?:s|ed|ing)?|trip|tour|visit)\b",
                    re.IGNORECASE)
#: Words after which the people named only attend ("بحضور", "in the presence of").
ATTENDING = re.compile(r"(?<![\w])(?:بحضور|وحضر|حضر|يرافقه|ترافقه|ويرافقه|برفقه|حضور)(?![\w])|"
                       r"\b(?:in the presence of|attended by|accompanied by|were present|was present|"
                       r"were at the|sat next to|was seated next to)\b", re.IGNORECASE)
#: Nouns that relate a person to the one named after them ("صهر ترامب", "مستشار بوتين", "Trump's son-in-law").
RELATIONAL = re.compile(r"(?<![\w])[وف]?(?:صهر|نجل|ابن|زوجه|شقيق|مستشار|مساعد|مبعوث|ممثل|لدي|باسم|مكتب|ادارة|"
                        r"بدعوه من|بدعوه|تلبيه لدعوه|تلبيه لدعوه من)\s*$|"
                        r"\b(?:son-in-law of|adviser to|aide to|envoy of|spokesman for|at the invitation of)\s*$",
                        re.IGNORECASE)
#: Titles of people who speak for others, never parties by that title alone.
SPEAKER_TITLE = re.compile(r"(?<![\w])(?:المتحدث|المتحدثه|متحدث|الناطق|الناطقه)(?![\w])|"
                           r"\b(?:spokes(?:man|woman|person)|press secretary|communications director)\b",
                           re.IGNORECASE)
#: Nouns of meetings of three or more, whose participants are one contact, not several.
JOINT = re.compile(r"(?<![\w])(?:ثلاثي|ثلاثيه|رباعي|رباعيه|موسع|جماعي|مشترك)(?![\w])|"
                   r"\b(?:trilateral|three-way|four-way|joint|working (?:breakfast|lunch|dinner)|breakfast|lunch|"
                   r"dinner)\b", re.IGNORECASE)
#: Words that make the partners listed after one subject separate contacts ("met A and B separately").
SEPARATE = re.compile(r"(?<![\w])(?:كل علي حده|منفصله|منفصلين|منفصلتين|ثنائيه|ثنائيين|التوالي)(?![\w])|"
                      r"\b(?:separately|separate|individually|respectively|bilateral|one-on-one|one-to-one)\b",
                      re.IGNORECASE)
#: Words attributing a report to unnamed sources ("أفادت تقارير", "reportedly").
REPORTED = re.compile(r"(?<![\w])(?:افادت|ذكرت|نقلت|تقارير|تقرير|مصادر|مصدر|صحيفه|وكاله|وسائل اعلام|نقلا عن)(?![\w])|"
                      r"\b(?:reported|reportedly|according to|sources?|report|reports|people familiar)\b",
                      re.IGNORECASE)
#: Verbs that attribute words to a speaker.
ATTRIBUTION = re.compile(
    r"(?<![\w])[وف]?(?:قال|قالت|اكد|اكدت|اوضح|اوضحت|اعلن|اعلنت|اشار|اشارت|صرح|صرحت|ذكر|ذكرت|افاد|افادت|"
    r"اعرب|اعربت|نقل|نقلت|نفي|نفت|اضاف|اضافت|كشف|كشفت|لفت|لفتت|شدد|شددت)(?![\w])|"
    r"\b(?:said|says|told|stated|announced|confirmed|"
    r"added|noted|according to|reported|revealed|tweeted|wrote)\b", re.IGNORECASE)
#: Nouns of speech whose date is the date of the words, not of a contact.
SPEECH_NOUN = re.compile(r"(?<![\w])(?:مقابله|بيان|تصريح|تصريحات|مؤتمر صحفي)(?![\w])|\b(?:interview|statement|"
                         r"press conference|remarks)\b", re.IGNORECASE)
#: Number words in durations, to their values (folded Arabic, English).
NUMBER_WORDS: dict[str, float] = {
    "واحد": 1, "واحده": 1, "اثنين": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5,
    "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10,
    "عشره": 10, "عشرين": 20, "ثلاثين": 30, "اربعين": 40, "خمسين": 50,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "ninety": 90,
}
#: Hedges by the words that express them.
HEDGES: list[tuple[str, re.Pattern[str]]] = [
    ("availableInformation", re.compile(r"(?:(?<![\w])|(?<=[وف]))(?:وفقا للمعلومات المتاحه|حسب المعلومات المتاحه)"
                                        r"(?![\w])|"
                                        r"\baccording to (?:the )?available information\b", re.IGNORECASE)),
    ("reportsSaid", re.compile(r"(?:(?<![\w])|(?<=[وف]))(?:افادت تقارير|تقارير تفيد|ذكرت تقارير|وفقا لتقارير)"
                               r"(?![\w])|"
                               r"\b(?:reports said|according to reports|reportedly|reports suggested)\b",
                               re.IGNORECASE)),
    ("alleged", re.compile(r"(?:(?<![\w])|(?<=[وف]))(?:المزعومه?|مزعومه?|يزعم)(?![\w])|\ballege(?:d|dly)\b",
                           re.IGNORECASE)),
    ("possiblyOutdated", re.compile(r"(?:(?<![\w])|(?<=[وف]))(?:قد تكون هناك تطورات جديده)(?![\w])|"
                                    r"\b(?:may be out of date|may have changed since)\b", re.IGNORECASE)),
]
