from datetime import date

import pytest

from diplograph.extract.dates import find_dates, parse_date, shift

PUB = date(2025, 2, 13)  # a Thursday


def one(text: str, published: date | None = PUB) -> tuple[str, str]:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0].iso, found[0].precision


@pytest.mark.parametrize(("text", "iso"), [
    ("في 3 آب 2019", "2019-08-03"),
    ("في 16 تموز 2018", "2018-07-16"),
    ("في 20 شباط 2022", "2022-02-20"),
    ("في ١٦ تشرين الأول ٢٠٢٤", "2024-10-16"),
    ("في ٧ يوليو ٢٠١٧", "2017-07-07"),
    ("في 12 فبراير، 2022", "2022-02-12"),
    ("يوم 5 جويلية 2021", "2021-07-05"),
    ("on March 3, 2025", "2025-03-03"),
    ("on 4 June 2025", "2025-06-04"),
])
def test_absolute_days(text: str, iso: str) -> None:
    assert one(text) == (iso, "day")


@pytest.mark.parametrize(("text", "iso", "precision"), [
    ("في فبراير 2024", "2024-02", "month"),
    ("في فبراير/شباط 2024", "2024-02", "month"),
    ("في شباط (فبراير) 2024", "2024-02", "month"),
    ("في يونيو/حزيران 2024", "2024-06", "month"),
    ("in May 2022", "2022-05", "month"),
    ("في عام 2017", "2017", "year"),
    ("وعام ٢٠١٩", "2019", "year"),
    ("in 2018", "2018", "year"),
])
def test_month_and_year_precision_invent_no_day(text: str, iso: str, precision: str) -> None:
    assert one(text) == (iso, precision)


@pytest.mark.parametrize(("text", "iso"), [
    ("اليوم", "2025-02-13"),
    ("أمس", "2025-02-12"),
    ("مساء أمس", "2025-02-12"),
    ("أول أمس", "2025-02-11"),
    ("يوم الثلاثاء", "2025-02-11"),
    ("الخميس الماضي", "2025-02-13"),
    ("yesterday", "2025-02-12"),
    ("on Monday", "2025-02-10"),
])
def test_relative_words_resolve_against_publication(text: str, iso: str) -> None:
    found = find_dates(text, PUB)
    assert [(d.iso, d.relative) for d in found] == [(iso, found[0].text)]


def test_last_week_is_the_month_it_lies_in() -> None:
    assert one("تحدثا الأسبوع الماضي", date(2025, 2, 19)) == ("2025-02", "month")
    assert find_dates("last week", date(2025, 3, 4)) == [] or one("last week", date(2025, 3, 4))[1] == "year"


def test_weekday_of_an_absolute_date_is_part_of_it() -> None:
    found = find_dates("الخميس، 13 فبراير 2025", PUB)
    assert [(d.text, d.iso) for d in found] == [("الخميس، 13 فبراير 2025", "2025-02-13")]


def test_no_date_is_invented() -> None:
    assert find_dates("التقى الرئيسان وبحثا التعاون", PUB) == []
    # without a publication date, relative words stay unresolved (never "today" by default)
    assert find_dates("اتصل به أمس", None) == []


def test_impossible_dates_are_dropped() -> None:
    assert find_dates("في 30 فبراير 2024", PUB) == []
    assert parse_date(31, 4, 2024) is None


def test_year_ranges_are_marked_not_taken_for_events() -> None:
    (d,) = find_dates("خلال فترة رئاسته (2017-2021)", PUB)
    assert d.kind == "range"


def test_day_month_without_year_takes_the_last_such_day() -> None:
    assert one("في 20 ديسمبر", PUB) == ("2024-12-20", "day")
    assert one("في 10 فبراير", PUB) == ("2025-02-10", "day")


def test_numeric_dates_are_day_first() -> None:
    assert one("الأربعاء ٢٥/١٠/٢٠٢٣") == ("2023-10-25", "day")  # the weekday belongs to the date
    assert one("on 03.05.2019") == ("2019-05-03", "day")
    assert find_dates("10/25/2023", PUB) == []  # month 25: not a date


def test_capitalised_english_names() -> None:
    assert one("WEDNESDAY, NOVEMBER 20, 2024") == ("2024-11-20", "day")
    assert find_dates("officials may 2025 review", PUB) == []  # "may" in lower case is a verb


@pytest.mark.parametrize(("text", "iso", "precision"), [
    ("في السابع من يوليو 2024", "2024-07-07", "day"),
    ("في الحادي والعشرين من مارس", "2025-03-21", "day"),
    ("في السابع والثامن من يوليو 2024", "2024-07", "month"),  # a span of days is its month
    ("July 7-8, 2024", "2024-07", "month"),
    ("in mid-March", "2025-03", "month"),
])
def test_ordinal_days_and_spans(text: str, iso: str, precision: str) -> None:
    assert one(text) == (iso, precision)


def test_weekdays_carry_their_reading_ahead() -> None:
    (d,) = find_dates("on Monday", PUB)
    assert (d.iso, d.ahead) == ("2025-02-10", "2025-02-17")  # the Monday before; the next one if told as a plan
    (d,) = find_dates("سيلتقيان الثلاثاء المقبل", PUB)
    assert (d.iso, d.ahead) == ("2025-02-18", None)
    (d,) = find_dates("يوم الثلاثاء الماضي", PUB)
    assert (d.iso, d.ahead) == ("2025-02-11", None)


def test_a_date_without_a_year_keeps_its_other_readings() -> None:
    (d,) = find_dates("في 20 ديسمبر", PUB)
    assert (d.iso, d.ahead, d.behind) == ("2024-12-20", "2025-12-20", None)


@pytest.mark.parametrize(("text", "offset"), [
    ("وتأتي الزيارة بعد يوم واحد من محادثة هاتفية", 1),
    ("غداة الاتصال", 1),
    ("قبل يومين من القمة", -2),
    ("the day before", -1),
    ("the same day", 0),
])
def test_dates_anchored_on_another_event_have_an_offset_and_no_day(text: str, offset: int) -> None:
    (d,) = find_dates(text, PUB)
    assert (d.kind, d.offset, d.iso) == ("anchored", offset, "")


@pytest.mark.parametrize(("text", "iso", "precision"), [
    ("next month", "2025-03", "month"),
    ("الشهر الماضي", "2025-01", "month"),
    ("الأسبوع المقبل", "2025-02", "month"),  # 17-23 February lie in one month
    ("نهاية العام", "2025", "year"),
    ("last year", "2024", "year"),
])
def test_periods_relative_to_publication_keep_their_precision(text: str, iso: str, precision: str) -> None:
    assert one(text) == (iso, precision)


def test_a_week_across_two_months_is_its_year() -> None:
    assert one("next week", date(2025, 2, 25)) == ("2025-03", "month")  # 3-9 March
    assert one("last week", date(2025, 3, 5)) == ("2025", "year")  # 24 February - 2 March
    assert find_dates("next week", date(2025, 12, 24)) == []  # 29 December - 4 January: no precision left


def test_parse_date_checks_the_calendar_and_shift_moves_days() -> None:
    assert parse_date(29, 2, 2024) == "2024-02-29"
    assert parse_date(29, 2, 2023) is None
    assert parse_date(None, 13, 2024) is None
    assert parse_date(None, 2, 2024) == "2024-02"
    assert parse_date(None, None, 2024) == "2024"
    assert shift("2025-02-28", 1) == "2025-03-01"
    assert shift("2025-02", 1) is None  # only a day moves by days
