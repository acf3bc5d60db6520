"""Language-aware formatting of dates, money and figures (computed here, never in templates)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time
from babel.numbers import format_decimal

from plansite.data.model import KeyFigure, Period
from plansite.i18n.strings import Strings

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
_LOCALES = {"da": "da_DK", "en": "en_GB"}


def format_day(day: date, language: str) -> str:
    """`10. september 2018` / `10 September 2018`."""
    return babel_format_date(day, format="long", locale=_LOCALES[language])


def format_month(year: int, month: int, language: str) -> str:
    """`september 2018` / `September 2018`."""
    return babel_format_date(date(year, month, 1), format="LLLL y", locale=_LOCALES[language])


def format_moment(moment: datetime, language: str, strings: Strings) -> str:
    """A date and time in Copenhagen time: `10. september 2018 kl. 12.47`."""
    local = moment.astimezone(COPENHAGEN)
    return strings.format("published_at", date=format_day(local.date(), language), time=babel_format_time(local.time(), format="short", locale=_LOCALES[language]))


def format_period(period: Period, language: str) -> str:
    return f"{format_day(period.start, language)} – {format_day(period.end, language)}"


def format_number(value: float, language: str) -> str:
    return format_decimal(value, locale=_LOCALES[language])


def format_money(amount: float, language: str, strings: Strings) -> str:
    """Amounts in DKK, shown in millions as Danish public finance does: `63 mio. kr.` / `DKK 63 million`."""
    return strings.format("money_million", amount=format_number(amount / 1_000_000, language))


def format_figure(figure: KeyFigure, language: str, strings: Strings) -> str:
    if figure.unit == "dkk":
        return format_money(figure.value, language, strings)
    return strings.format(f"unit_{figure.unit}", value=format_number(figure.value, language))


def format_ordinal(number: int, language: str) -> str:
    """`5.` / `5th`."""
    if language == "da":
        return f"{number}."
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
