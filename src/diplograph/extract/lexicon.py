"""Trigger phrases and markers, Arabic and English.

Arabic patterns are written in folded form (:func:`diplograph.text.normalize`:
no diacritics, ا for every alef, ه for teh marbuta, ي for alef maqsura) and
matched against the folded text, so "عُقدت" and "عقدت", "مكالمة" and "مكالمه"
are one word to them. English patterns are matched case-insensitively.

Examples
--------
>>> [t.kind for t in TRIGGERS if t.pattern.fullmatch("مكالمه هاتفيه")]
['phoneCall']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "AGREED",
    "ATTRIBUTION",
    "BY_PHONE",
    "CONDUCT",
    "DEFINITE",
    "DENIAL",
    "DUAL",
    "GATHERING_LINK",
    "HEDGES",
    "INDIRECT",
    "INVITED",
    "KIND_PRIORITY",
    "NEGATION",
    "OFFERED",
    "PLAN",
    "QUANTIFIED",
    "SIDELINES",
    "SPEECH_NOUN",
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


def _ar(p: str) -> re.Pattern[str]:
    # Arabic words may carry one or two proclitic letters (و ف ب ل ك) and the article.
    return re.compile(rf"(?<![\w])(?:[وفبلك]{{0,2}})(?:ال)?(?:{p})(?![\w])")


def _en(p: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{p})\b", re.IGNORECASE)


TRIGGERS: list[Trig] = [
    # -- Arabic --
    Trig(_ar(r"مكالمه(?: هاتفيه)?(?: مباشره)?"), "phoneCall"),
    Trig(_ar(r"مكالمات(?: هاتفيه)?"), "phoneCall", plural=True),
    Trig(_ar(r"اتصالا? هاتفيا?(?: مباشرا?)?"), "phoneCall"),
    Trig(_ar(r"اتصالات هاتفيه(?: مباشره)?"), "phoneCall", plural=True),
    Trig(_ar(r"(?:س?[يت])?(?:ا)?تصل(?:ت|ا|وا)?(?: هاتفيا)?"), "phoneCall"),
    Trig(_ar(r"(?:س?[يت])?تحدث(?:ت|ا|وا)? هاتفيا"), "phoneCall"),
    Trig(_ar(r"(?:س?[يت])?تلقي(?:ت)? (?:اتصالا|مكالمه)(?: هاتفيه| هاتفيا)?"), "phoneCall"),
    Trig(_ar(r"(?:س?[يت])?لتقي(?:ا|ان)?|التق(?:ي|ت|يا|وا)"), "inPersonMeeting"),
    Trig(_ar(r"لقاء(?: مباشر)?"), "inPersonMeeting"),
    Trig(_ar(r"لقاءات(?: مباشره)?"), "inPersonMeeting", plural=True),
    Trig(_ar(r"اجتماع(?:ا)?"), "inPersonMeeting"),
    Trig(_ar(r"اجتماعات"), "inPersonMeeting", plural=True),
    Trig(_ar(r"(?:س?[يت])?جتمع(?:ان|ا|وا)?|اجتمع(?:ت|ا|وا)?"), "inPersonMeeting"),
    Trig(_ar(r"(?:س?[يت])?ستقبل(?:ت)?|استقبل(?:ت)?"), "visit"),  # a host receives a visitor
    Trig(_ar(r"قمه"), "bilateralSummit", summit=True),
    Trig(_ar(r"زياره"), "visit"),
    Trig(_ar(r"زيارات"), "visit", plural=True),
    Trig(_ar(r"زار(?:ت)?|(?:س?[يت])زور|وصل(?:ت)? الي|وصوله الي|توجه(?:ت)? الي"), "visit"),
    Trig(_ar(r"محادثات|مباحثات|مشاورات|تشاور"), "talks"),
    Trig(_ar(r"اتصالات"), "talks", plural=True),
    Trig(_ar(r"(?:س?[يت])?تحدث(?:ت|ا|وا)?"), "talks", weak=True),
    Trig(_ar(r"تواصل"), "talks", weak=True),
    Trig(_ar(r"اتصالات غير مباشره|اتصال غير مباشر|محادثات غير مباشره"), "indirectContact"),
    # -- English --
    Trig(_en(r"(?:tele)?phone (?:call|conversation)|call"), "phoneCall"),
    Trig(_en(r"(?:tele)?phone calls|calls"), "phoneCall", plural=True),
    Trig(_en(r"called(?!\s+(?:for|on|it|the|upon))|phoned|spoke (?:by|on the) (?:tele)?phone|will call|to call"),
         "phoneCall"),
    Trig(_en(r"met|meet|meets|meeting|talked in person"), "inPersonMeeting"),
    Trig(_en(r"meetings"), "inPersonMeeting", plural=True),
    Trig(_en(r"received|hosted"), "visit"),
    Trig(_en(r"summit"), "bilateralSummit", summit=True),
    Trig(_en(r"visit|visited|visits|visiting|travell?ed to|arrived in|flew to"), "visit"),
    Trig(_en(r"talks|negotiations|consultations"), "talks"),
    Trig(_en(r"spoke|spoken|speak|speaks|speaking|talked|talk"), "talks", weak=True),
    Trig(_en(r"contacts"), "talks", plural=True),
    Trig(_en(r"indirect (?:talks|contacts?)|through intermediaries|via intermediaries|through mediators"),
         "indirectContact"),
]

#: When triggers of several kinds describe one contact, the first kind listed wins.
KIND_PRIORITY = ["sidelinesMeeting", "bilateralSummit", "phoneCall", "visit", "inPersonMeeting", "talks",
                 "indirectContact"]

NEGATION = re.compile(r"(?<![\w])(?:لم|لن|لا|ما|عدم|دون|بدون|ليس|ليست)(?![\w])|"
                      r"\b(?:not|never|no|n't|without|did not|has not|have not)\b", re.IGNORECASE)
#: A denial earlier in the clause: "لا توجد خطط لإجراء اتصال", "there are no plans for a call".
DENIAL = re.compile(r"(?<![\w])(?:لا توجد|لا يوجد|ليس هناك|لا خطط|لا نيه|نفي|نفت|ينفي)(?![\w])|"
                    r"\b(?:no plans?|not planning|denied|ruled out)\b", re.IGNORECASE)
#: A call by its medium: "spoke ... by telephone", "تحدثا ... هاتفيا".
BY_PHONE = re.compile(r"(?<![\w])(?:هاتفيا|عبر الهاتف)(?![\w])|\b(?:by (?:tele)?phone|on the (?:tele)?phone|"
                      r"over the (?:tele)?phone)\b", re.IGNORECASE)
QUANTIFIED = re.compile(r"(?<![\w])(?:عده|عدد من|سلسله|جمله)(?![\w])|\b(?:several|many|multiple|a series of|"
                        r"numerous|previous|past)\b", re.IGNORECASE)
CONDUCT = re.compile(r"(?<![\w])[وف]?(?:اجري|اجرت|اجريا|اجروا|اجراء|عقد|عقدت|عقدا|عقدوا|يجري|يجريان|تجري)(?![\w])|"
                     r"\b(?:held|hold|holds|conducted|had|placed|made)\b", re.IGNORECASE)
INDIRECT = re.compile(r"(?<![\w])(?:غير مباشره?|عبر وسطاء|بوساطه|وسطاء|فرق التفاوض|فريق التفاوض|فريقي التفاوض)"
                      r"(?![\w])|\b(?:indirect(?:ly)?|intermediar(?:y|ies)|mediators?|negotiating teams?)\b",
                      re.IGNORECASE)
SIDELINES = re.compile(r"(?<![\w])(?:علي هامش|هامش)(?![\w])|\bon the (?:sidelines|margins) of\b", re.IGNORECASE)
#: Words that tie a meeting to a gathering ("خلال قمة", "at the summit").
GATHERING_LINK = re.compile(r"(?<![\w])(?:خلال|في|علي هامش|اثناء|ضمن)\s*$|\b(?:at|during|on the sidelines of)\s+"
                            r"(?:the\s+)?$", re.IGNORECASE)
DEFINITE = re.compile(r"(?<![\w])(?:هذه|هذا|تلك|ذلك|خلال)\s*$|\b(?:the|this|that|during the|their|his|her|its)"
                      r"(?:\s+(?:last|first|latest|previous))?\s+$", re.IGNORECASE)
#: "the two leaders", "بينهما": the participants are those of the context.
DUAL = re.compile(r"(?<![\w])(?:[وف]?ال(?:زعيمان|زعيمين|رئيسان|رئيسين|جانبان|جانبين|طرفان|طرفين)|بينهما|"
                  r"[وف]?ناقشا|اخري|مجددا|مره اخري|زعيمي البلدين|زعيما البلدين|رئيسي البلدين)(?![\w])|"
                  r"\b(?:the two (?:leaders|presidents|sides|men)|"
                  r"both leaders|the pair|another|again|both)\b", re.IGNORECASE)
PLAN = re.compile(r"(?<![\w])(?:سوف|مرتقبه?|المرتقبه?|مقبله?|المقبله?|مزمعه?|يعتزم|تعتزم|يعتزمان|من المقرر|"
                  r"من المتوقع|سي(?:لتقي|جتمع|زور|جري|عقد|تحدث|تصل)|ست(?:لتقي|جتمع|زور|جري|عقد)|"
                  r"سيلتقيان|سيجتمعان|سيستضيف|ستستضيف|غدا)(?![\w])|"
                  r"\b(?:will|would|to be held|plans? to|planned|scheduled|expected to|upcoming|"
                  r"next (?:week|month|year)|intends? to|tomorrow)\b", re.IGNORECASE)
INVITED = re.compile(r"(?<![\w])(?:دعوه|دعا|دعاه|يدعو)(?![\w])|\b(?:invited|invitation|invites)\b",
                     re.IGNORECASE)
OFFERED = re.compile(r"(?<![\w])(?:منفتح|منفتحه|مستعد|مستعده|استعداده|استعدادها|عرض|اقترح)(?![\w])|"
                     r"\b(?:open to|ready to|offered|proposed|willing to)\b", re.IGNORECASE)
AGREED = re.compile(r"(?<![\w])(?:[وف]?اتفق(?:ا|وا|ت)?|اتفاق|اتفقا)(?![\w])|\b(?:agreed|agree)\b", re.IGNORECASE)
#: Verbs that attribute words to a speaker.
ATTRIBUTION = re.compile(
    r"(?<![\w])[وف]?(?:قال|قالت|اكد|اكدت|اوضح|اوضحت|اعلن|اعلنت|اشار|اشارت|صرح|صرحت|ذكر|ذكرت|افاد|افادت|"
    r"اعرب|اعربت|نقل|نقلت|نفي|نفت)(?![\w])|\b(?:said|says|told|stated|announced|confirmed|added|noted|"
    r"according to|reported)\b", re.IGNORECASE)
#: Nouns of speech whose date is the date of the words, not of a contact.
SPEECH_NOUN = re.compile(r"(?<![\w])(?:مقابله|بيان|تصريح|تصريحات|مؤتمر صحفي)(?![\w])|\b(?:interview|statement|"
                         r"press conference|remarks)\b", re.IGNORECASE)
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
