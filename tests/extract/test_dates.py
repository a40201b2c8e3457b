from datetime import date

import pytest

from diplograph.extract.dates import find_dates, parse_date

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
