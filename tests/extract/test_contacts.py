"""Contacts, plans and denials from sentences written for each rule (none from a real page)."""

from __future__ import annotations

from datetime import datetime

import pytest

from diplograph.extract import extract_text

PUB = datetime(2025, 2, 13, 12)  # a Thursday


def events(text: str, registry, published: datetime = PUB) -> list[tuple[str, bool, list[str], str]]:
    draft = extract_text(text, registry, published=published)
    return [(e.kind, e.planned, sorted(p.en for p in e.participants), e.date.iso if e.date else "")
            for e in draft.events]


def held(text: str, registry, published: datetime = PUB) -> list[tuple[list[str], str]]:
    draft = extract_text(text, registry, published=published)
    return [(sorted(p.en for p in e.participants), e.date.iso if e.date else "") for e in draft.contacts]


# 1. Re-mentions are the contact already told

@pytest.mark.parametrize("text", [
    "أجرى ترامب أمس اتصالا هاتفيا مع بوتين. وخلال المكالمة بحث الرئيسان الحرب.",
    "Trump spoke by phone with Putin yesterday. The call lasted an hour.",
    "أجرى ترامب أمس اتصالا هاتفيا مع بوتين. واستمرت مكالمة ترامب وبوتين ساعة.",
])
def test_a_re_mention_is_the_contact_already_told(text, registry) -> None:
    assert held(text, registry) == [(["Donald Trump", "Vladimir Putin"], "2025-02-12")]


def test_another_call_is_another_contact(registry) -> None:
    text = "Trump called Putin on 1 May 2019, and another call followed on 3 July 2020."
    assert held(text, registry) == [(["Donald Trump", "Vladimir Putin"], "2019-05-01"),
                                    (["Donald Trump", "Vladimir Putin"], "2020-07-03")]


# 2. Dates

def test_a_contact_dated_from_another_one(registry) -> None:
    text = "يستقبل ترامب زيلينسكي اليوم في البيت الأبيض. وتأتي الزيارة بعد يوم واحد من مكالمة هاتفية بين ترامب وبوتين."
    calls = [e for e in extract_text(text, registry, published=PUB).events if e.kind == "phoneCall"]
    assert [(e.date.iso if e.date else None, e.date_how) for e in calls] == [("2025-02-12", "anchored")]


def test_a_day_ahead_in_the_page_is_a_plan_not_last_year(registry) -> None:
    assert events("Trump will meet Putin on Feb. 14.", registry) == [
        ("inPersonMeeting", True, ["Donald Trump", "Vladimir Putin"], "2025-02-14")]


def test_the_date_of_words_is_not_the_contact_s(registry) -> None:
    text = "The Kremlin said on Wednesday that Putin had spoken with Trump by phone."
    assert held(text, registry) == [(["Donald Trump", "Vladimir Putin"], "")]


@pytest.mark.parametrize(("text", "when"), [
    ("A meeting between Trump and Putin is planned for March.", "2025-03"),
    ("Trump will travel to Riyadh on Monday for talks with Putin.", "2025-02-17"),
])
def test_a_plan_s_date(text, when, registry) -> None:
    (ev,) = extract_text(text, registry, published=PUB).plans
    assert ev.date is not None and ev.date.iso == when


def test_a_date_after_a_closed_relative_clause_is_the_contact_s(registry) -> None:
    text = "The talks between Trump and Putin, which were expected to be tense, took place on Monday."
    assert held(text, registry) == [(["Donald Trump", "Vladimir Putin"], "2025-02-10")]


def test_a_heading_does_not_count_in_the_narration_s_reach(registry) -> None:
    text = ("تعرض أردوغان لموقف محرج أمس الأربعاء في نيويورك بعد خطابه.\n\nوقالت الشرطة إن كل شيء مغلق الآن.\n\n"
            "أردوغان يتصل ببوتين\n\nبدوره اتصل أردوغان ببوتين لتجاوز الموقف.")
    assert held(text, registry) == [(["Recep Tayyip Erdoğan", "Vladimir Putin"], "2025-02-12")]


def test_a_date_a_frame_holds_but_does_not_take_is_the_narration_s(registry) -> None:
    text = ("وجرت محاولة ترتيب المكالمة على هامش اجتماع الأمم المتحدة الذي انعقد في نيويورك الأسبوع الماضي.\n"
            "وأرسل ماكرون رسائل إلى أردوغان عبر مستشاريه.")
    assert held(text, registry) == [(["Emmanuel Macron", "Recep Tayyip Erdoğan"], "2025-02")]


def test_the_date_opening_a_report_is_not_the_narration_s(registry) -> None:
    text = "On 10 February, Turkish media reported that the economy grew.\nErdogan also spoke with Putin by phone."
    assert held(text, registry) == [(["Recep Tayyip Erdoğan", "Vladimir Putin"], "")]


def test_the_page_s_lead_news_is_of_its_day(registry) -> None:
    draft = extract_text("تلقى الرئيس السيسي اتصالا هاتفيا من الرئيس الفرنسي ماكرون.", registry, published=PUB)
    (ev,) = draft.contacts
    assert ev.date is not None and ev.date.iso == "2025-02-13" and ev.date_how == "lead"


@pytest.mark.parametrize(("text", "minutes"), [
    ("أجرى ترامب أمس اتصالا هاتفيا مع بوتين استمر ساعة ونصف.", 90.0),
    ("أجرى ترامب أمس اتصالا هاتفيا مع بوتين استمر ثلاث ساعات.", 180.0),
    ("Trump spoke by phone with Putin yesterday for about an hour and a half.", 90.0),
    ("Trump spoke by phone with Putin yesterday; the call lasted two and a half hours.", 150.0),
])
def test_durations_in_words(text, minutes, registry) -> None:
    (ev,) = extract_text(text, registry, published=PUB).contacts
    assert ev.duration is not None and ev.duration[0] == minutes


# 3. Participants are the trigger's own

def test_two_contacts_of_one_sentence_stay_two(registry) -> None:
    text = "Trump called Putin on Tuesday, and Trump met Zelensky on Monday."
    assert held(text, registry) == [(["Donald Trump", "Vladimir Putin"], "2025-02-11"),
                                    (["Donald Trump", "Volodymyr Zelensky"], "2025-02-10")]


def test_a_person_named_in_the_sentence_does_not_join(registry) -> None:
    text = "أجرى ترامب أمس اتصالا هاتفيا مع بوتين، بعد الإفراج عن المعلم الأمريكي مارك فوجل."
    assert held(text, registry) == [(["Donald Trump", "Vladimir Putin"], "2025-02-12")]


def test_a_speaker_and_someone_only_present_are_no_parties(registry) -> None:
    text = "قال لافروف إن بوتين التقى أردوغان أمس بحضور روبيو."
    assert held(text, registry) == [(["Recep Tayyip Erdoğan", "Vladimir Putin"], "2025-02-12")]


def test_partners_listed_after_one_subject_are_several_contacts(registry) -> None:
    text = "التقى أردوغان أمس، الرئيس الفرنسي ماكرون، والرئيس المصري السيسي، على هامش القمة."
    assert sorted(p for p, _ in held(text, registry)) == [["Abdel Fattah el-Sisi", "Recep Tayyip Erdoğan"],
                                                          ["Emmanuel Macron", "Recep Tayyip Erdoğan"]]


def test_a_pronoun_subject_is_the_last_contact_s_subject(registry) -> None:
    text = "Putin met Erdogan on Tuesday. He also met Macron on Wednesday."
    assert held(text, registry) == [(["Recep Tayyip Erdoğan", "Vladimir Putin"], "2025-02-11"),
                                    (["Emmanuel Macron", "Vladimir Putin"], "2025-02-12")]


def test_a_pronoun_subject_is_read_with_less_confidence(registry) -> None:
    first, second = extract_text("Putin met Erdogan on Tuesday. He also met Macron on Wednesday.", registry,
                                 published=PUB).contacts
    assert second.confidence < first.confidence


def test_whom_a_speaker_says_he_met_is_a_party(registry) -> None:
    assert held("Lavrov said he met Macron on Monday.", registry) == [
        (["Emmanuel Macron", "Sergey Lavrov"], "2025-02-10")]


@pytest.mark.parametrize("text", [
    "Putin met Erdogan and Macron separately on Monday.",
    "Putin held bilateral talks with Erdogan and Macron on Monday.",
    "Putin's meetings with Erdogan and Macron on Monday were productive.",
    "التقى بوتين أمس الأول أردوغان وماكرون كل على حدة.",
])
def test_separate_meetings_with_two_partners_are_two_contacts(text, registry) -> None:
    assert sorted(p for p, _ in held(text, registry)) == [["Emmanuel Macron", "Vladimir Putin"],
                                                          ["Recep Tayyip Erdoğan", "Vladimir Putin"]]


def test_a_gerund_after_before_goes_on_with_the_subject(registry) -> None:
    assert sorted(p for p, _ in held("Putin met Erdogan on Monday, before meeting Macron.", registry)) == [
        ["Emmanuel Macron", "Vladimir Putin"], ["Recep Tayyip Erdoğan", "Vladimir Putin"]]


def test_a_new_clause_between_two_triggers_ends_the_first_one_s_frame(registry) -> None:
    text = "وكان في استقبال أردوغان في المطار، لافروف، على أن يقيم بوتين بعد ساعة استقبالا رسميا لأردوغان."
    assert events(text, registry) == [
        ("visit", False, ["Recep Tayyip Erdoğan", "Sergey Lavrov"], "2025-02-13"),
        ("visit", True, ["Recep Tayyip Erdoğan", "Vladimir Putin"], "")]


def test_a_person_named_in_a_listed_partner_s_title_is_no_party(registry) -> None:
    text = ("وكان في استقبال أردوغان في المطار، سامر فاضل ممثلا خاصا للرئيس بوتين نائب وزير الخارجية، "
            "وألكسندر كوفاليف سفير روسيا في أنقرة.")
    (ev,) = extract_text(text, registry, published=PUB).contacts
    assert sorted(p.en for p in ev.participants) == ["Recep Tayyip Erdoğan", "ألكسندر كوفاليف", "سامر فاضل"]


def test_a_reception_is_of_the_arrival_s_day(registry) -> None:
    text = "وصل أردوغان إلى موسكو مساء أمس في زيارة رسمية. وكان في استقباله في المطار لافروف."
    assert held(text, registry) == [(["Recep Tayyip Erdoğan", "Sergey Lavrov"], "2025-02-12")]


def test_a_name_after_an_arabic_noun_holds_it_and_the_one_after_with_is_the_partner(registry) -> None:
    assert held("بحث لقاء بوتين مع أردوغان أمس الأزمة.", registry) == [
        (["Recep Tayyip Erdoğan", "Vladimir Putin"], "2025-02-12")]


def test_a_speaker_who_points_out_is_no_party(registry) -> None:
    draft = extract_text("ولفت لافروف إلى أن لقاء ترامب وبوتين أمس تناول أوكرانيا.", registry, published=PUB)
    assert [sorted(p.en for p in e.participants) for e in draft.contacts] == [["Donald Trump", "Vladimir Putin"]]


def test_a_lower_case_title_with_its_country_before_a_name_makes_a_new_person(registry) -> None:
    text = "Lavrov held talks with the foreign minister of Tajikistan, Amir Rahimov, on Monday."
    assert held(text, registry) == [(["Amir Rahimov", "Sergey Lavrov"], "2025-02-10")]


@pytest.mark.parametrize("again", ["The Minister also met Lavrov on Tuesday.",
                                   "External Affairs Minister held talks with Lavrov on Tuesday."])
def test_a_new_person_s_title_alone_names_them_again(again, registry) -> None:
    text = "The External Affairs Minister Ravi Kumar arrived in Moscow on Monday.\n" + again
    assert held(text, registry) == [(["Ravi Kumar", "Sergey Lavrov"], "2025-02-11")]


def test_a_pronoun_holding_a_meeting_is_the_last_contact_s_subject(registry) -> None:
    text = "Putin met Erdogan on Monday. On Tuesday he is expected to hold a bilateral meeting with Macron."
    assert events(text, registry)[1] == ("inPersonMeeting", True, ["Emmanuel Macron", "Vladimir Putin"], "2025-02-18")


def test_a_relative_named_with_a_conjunction_is_no_party(registry) -> None:
    text = "أعلن الكرملين أنه يستعد لاستقبال لافروف وصهر ترامب في موسكو الأسبوع المقبل."
    assert all("Donald Trump" not in [p.en for p in e.participants] for e in extract_text(
        text, registry, published=PUB).events)


def test_a_joint_meeting_is_one_contact(registry) -> None:
    text = "Putin held a working breakfast with Macron and Erdogan on Monday."
    assert held(text, registry) == [(["Emmanuel Macron", "Recep Tayyip Erdoğan", "Vladimir Putin"], "2025-02-10")]


# 4. Plan or held, by the words that govern the trigger

@pytest.mark.parametrize(("text", "planned"), [
    ("Trump called Putin yesterday and they agreed to cooperate on trade.", False),
    ("أجرى ترامب أمس اتصالا هاتفيا مع بوتين، واتفقا على العمل معا.", False),
    ("Trump is due to meet Putin next month.", True),
    ("من المقرر أن يلتقي ترامب بوتين الشهر المقبل.", True),
    ("اتفق ترامب وبوتين على عقد لقاء في الرياض.", True),
    ("A meeting between Trump and Putin is planned for March.", True),
    ("Trump will travel to Riyadh on Monday for talks with Putin.", True),
    ("Trump traveled to Riyadh on Monday for talks with Putin.", False),
    ("سيشارك ترامب في الرياض ببرنامج (لقاء) ثنائي مع بوتين.", True),
    ("نشر الكرملين جدول محادثات بوتين مع ترامب في الرياض.", True),
])
def test_plan_or_held(text, planned, registry) -> None:
    (ev,) = extract_text(text, registry, published=PUB).events
    assert ev.planned is planned


@pytest.mark.parametrize("text", [
    "وجه ترامب دعوة لبوتين لزيارة واشنطن.",
    "تلقى بوتين دعوة من ترامب لزيارة واشنطن.",
    "Putin accepted Trump's invitation to visit Washington.",
])
def test_an_invitation_is_a_plan_between_the_inviter_and_the_invited(text, registry) -> None:
    (ev,) = extract_text(text, registry, published=PUB).events
    assert ev.planned and sorted(p.en for p in ev.participants) == ["Donald Trump", "Vladimir Putin"]


def test_a_noun_trigger_after_a_modal_is_a_verb_with_its_subject(registry) -> None:
    assert events("Trump will visit Riyadh to meet Putin.", registry) == [
        ("inPersonMeeting", True, ["Donald Trump", "Vladimir Putin"], "")]


def test_a_meeting_plan_told_again_is_the_summit_planned(registry) -> None:
    text = "من المقرر أن يعقد ترامب وبوتين قمة يوم الجمعة.\nوسيشارك ترامب في لقاء مع بوتين."
    assert events(text, registry) == [("bilateralSummit", True, ["Donald Trump", "Vladimir Putin"], "2025-02-14")]


@pytest.mark.parametrize("text", [
    "Trump may soon meet Putin.",
    "Trump could meet Putin in Riyadh.",
    "قد يلتقي ترامب بوتين قريبا.",
    "هناك احتمال عقد لقاء بين ترامب وبوتين.",
    "Trump hopes to meet Putin soon.",
    "حاول ماكرون ترتيب مكالمة بين ترامب وبوتين.",
])
def test_possibilities_hopes_and_attempts_are_nothing(text, registry) -> None:
    assert extract_text(text, registry, published=PUB).events == []


def test_had_met_is_held(registry) -> None:
    assert held("وكان ترامب قد التقى بوتين في 16 تموز 2018.", registry) == [
        (["Donald Trump", "Vladimir Putin"], "2018-07-16")]


# 5. Denials

@pytest.mark.parametrize("text", [
    "نفى الكرملين، اليوم الخميس، تقارير تفيد بأن بوتين تحدث هاتفياً مع ترامب.",
    "The Kremlin denied that Putin had spoken with Trump by phone. \"There was no conversation,\" Peskov said.",
    "Kremlin spokesman Dmitry Peskov denied reports. The Washington Post reported that Trump spoke with Putin.",
])
def test_a_denied_contact_is_a_denial_never_a_contact(text, registry) -> None:
    draft = extract_text(text, registry, published=PUB)
    assert draft.contacts == [] or all({p.id for p in e.participants} != {"donald-trump", "vladimir-putin"}
                                       for e in draft.contacts)


def test_the_denier_is_named(registry) -> None:
    draft = extract_text("نفى الكرملين، اليوم الخميس، تقارير تفيد بأن بوتين تحدث هاتفياً مع ترامب.", registry,
                         published=PUB)
    (d,) = draft.denials
    assert d.denied_by is not None and d.denied_by.id == "kremlin"
    assert sorted(p.id for p in d.participants) == ["donald-trump", "vladimir-putin"]
    assert "denies:" in draft.to_yaml()


def test_a_refused_call_is_a_denial(registry) -> None:
    draft = extract_text("رفض بوتين الرد على مكالمة ترامب.", registry, published=PUB)
    assert draft.contacts == [] and len(draft.denials) == 1


# 6. New people by the titles around them; 9. their contacts kept

def test_a_contact_with_a_new_person_keeps_them(registry) -> None:
    draft = extract_text("التقى أردوغان أمس رئيس الوزراء الهولندي مارك روته في أنقرة.", registry, published=PUB)
    (ev,) = draft.contacts
    assert sorted(p.en for p in ev.participants) == ["Recep Tayyip Erdoğan", "مارك روته"]
    assert [c.name for c in draft.candidates] == ["مارك روته"]


def test_a_three_way_meeting_with_a_new_person_stays_three_way(registry) -> None:
    text = "Trump, Putin and Finnish President Sauli Niinisto met in Helsinki on Monday."
    assert held(text, registry) == [(["Donald Trump", "Sauli Niinisto", "Vladimir Putin"], "2025-02-10")]


def test_a_spokesman_is_no_party(registry) -> None:
    text = "Trump met Putin on Monday, Kremlin spokesman Dmitry Peskov told reporters."
    assert held(text, registry) == [(["Donald Trump", "Vladimir Putin"], "2025-02-10")]


def test_a_country_is_a_party_only_where_the_state_acts(registry) -> None:
    assert held("Talks between Russia and Ukraine took place in Istanbul on Monday.", registry) == [
        (["Russia", "Ukraine"], "2025-02-10")]
    assert held("US President Trump met Putin on Monday.", registry) == [
        (["Donald Trump", "Vladimir Putin"], "2025-02-10")]


# 7. Arabic clitics on trigger nouns

@pytest.mark.parametrize("text", [
    "وصل ترامب إلى موسكو أمس، وقال إن لقاءه مع بوتين كان مثمرا.",
    "قال ترامب إن اتصاله مع بوتين أمس كان جيدا.",
])
def test_triggers_with_a_pronoun(text, registry) -> None:
    assert [p for p, _ in held(text, registry)] == [["Donald Trump", "Vladimir Putin"]]


def test_a_dual_pronoun_names_the_two_of_the_contact_before(registry) -> None:
    text = "أجرى ترامب أمس اتصالا هاتفيا مع بوتين. وقال الكرملين إن لقاءهما المقبل سيعقد في الرياض."
    evs = events(text, registry)
    assert ("inPersonMeeting", True, ["Donald Trump", "Vladimir Putin"], "") in evs


# 8. Page furniture

def test_a_full_stop_without_a_space_still_ends_a_sentence(registry) -> None:
    text = "التقى ترامب بوتين أمس في الرياض.وقالت المتحدثة إن الرئيسين سيلتقيان مجددا."
    evs = events(text, registry)
    assert ("inPersonMeeting", False, ["Donald Trump", "Vladimir Putin"], "2025-02-12") in evs


def test_an_aggregator_footer_is_noise(registry) -> None:
    text = ("التقى ترامب بوتين أمس في الرياض.\n"
            "ظهرت المقالة التقى ترامب بوتين مجددا أولاً على موقع الأخبار.\n")
    draft = extract_text(text, registry, published=PUB)
    assert len(draft.contacts) == 1 and any("ظهرت المقالة" in n.text for n in draft.noise)


# 10. Offers, purposes, statements

def test_readiness_is_an_offered_plan(registry) -> None:
    for text in ("بوتين مستعد للقاء ترامب.", "Putin said he was ready to meet Trump."):
        (ev,) = extract_text(text, registry, published=PUB).events
        assert ev.planned and ev.status == "offered"


def test_a_journey_s_purpose_is_a_plan(registry) -> None:
    for text in ("وصل ترامب إلى الرياض أمس للقاء بوتين.", "Trump arrived in Riyadh yesterday to meet Putin."):
        evs = extract_text(text, registry, published=PUB).events
        assert [(e.planned, sorted(p.id for p in e.participants)) for e in evs] == [
            (True, ["donald-trump", "vladimir-putin"])]


def test_no_plans_yet_is_nothing(registry) -> None:
    assert extract_text("Peskov said there were no plans yet for a call between Putin and Trump.", registry,
                        published=PUB).events == []


# Confidence

def test_confidence_rests_on_the_evidence(registry) -> None:
    draft = extract_text("أجرى ترامب أمس اتصالا هاتفيا مع بوتين. وتحدث الزعيمان أيضا.", registry, published=PUB)
    (ev,) = draft.contacts
    assert ev.confidence >= draft.threshold and "an explicit date" in ev.reasons
    weak = extract_text("ذكرت صحيفة أن الزعيمين تحدثا.\nالتقى ترامب بوتين.", registry, published=PUB)
    assert all(e.confidence < 0.9 for e in weak.events)


def test_low_confidence_proposals_are_marked_for_review(registry) -> None:
    draft = extract_text("Trump met Putin.", registry, published=PUB, threshold=0.99)
    text = draft.to_yaml()
    assert "review:" in text and "confidence:" in text
