"""Language-aware formatting of dates, money, figures and file sizes (here, never in templates)."""

from __future__ import annotations

import re
from datetime import date, datetime

from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time
from babel.numbers import format_decimal

from plansite.data.documents import DocumentFacts
from plansite.data.model import COPENHAGEN, KeyFigure, Period
from plansite.i18n.languages import LOCALES
from plansite.i18n.strings import Strings


def format_day(day: date, language: str) -> str:
    """`10. september 2018` / `10 September 2018`."""
    return babel_format_date(day, format="long", locale=LOCALES[language])


def format_month(year: int, month: int, language: str) -> str:
    """`september 2018` / `September 2018`."""
    return babel_format_date(date(year, month, 1), format="LLLL y", locale=LOCALES[language])


def format_moment(moment: datetime, language: str, strings: Strings) -> str:
    """A date and time in Copenhagen time: `10. september 2018 kl. 12.47`."""
    local = moment.astimezone(COPENHAGEN)
    return strings.format(
        "published_at",
        date=format_day(local.date(), language),
        time=babel_format_time(local.time(), format="short", locale=LOCALES[language]),
    )


def format_period(period: Period, language: str) -> str:
    """`1. januar 2019 – 31. december 2021`, or `2026–2029` for a period given in years."""
    if period.in_years:
        return f"{period.start.year}–{period.end.year}"
    return f"{format_day(period.start, language)} – {format_day(period.end, language)}"


def format_number(value: float, language: str) -> str:
    """`1.234,5` / `1,234.5`."""
    # `+ 0` turns YAML's `-0.0`, which passes the schema's `minimum: 0`, into 0 (not "-0").
    return format_decimal(value + 0, locale=LOCALES[language])


def format_money(amount: float, language: str, strings: Strings) -> str:
    """DKK in millions, as Danish public finance shows it: `63 mio. kr.` / `DKK 63 million`."""
    return strings.format("money_million", amount=format_number(amount / 1_000_000, language))


def format_figure(figure: KeyFigure, language: str, strings: Strings) -> str:
    """A key figure's value with its unit: `63 mio. kr.`, `25 %`."""
    if figure.unit == "dkk":
        return format_money(figure.value, language, strings)
    return strings.format(f"unit_{figure.unit}", value=format_number(figure.value, language))


def format_ordinal(number: int, language: str) -> str:
    """`5.` / `5th`."""
    if language == "da":
        return f"{number}."
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def format_size(size: int, language: str, strings: Strings) -> str:
    """`214 kB` below a megabyte, `1,2 MB` from there (decimal units, as file managers use)."""
    if size < 1_000_000:
        return strings.format(
            "document_size_kb", value=format_number(max(1, round(size / 1000)), language)
        )
    return strings.format(
        "document_size_mb", value=format_number(round(size / 1_000_000, 1), language)
    )


def describe_document(
    facts: DocumentFacts, document_language: str, language: str, strings: Strings
) -> str:
    """`PDF, 214 kB, 18 sider, på dansk`, in the page's `language`."""
    pages = (
        strings["document_pages_one"]
        if facts.pages == 1
        else strings.format("document_pages", count=format_number(facts.pages, language))
    )
    return strings.format(
        "document_details",
        format="PDF",
        size=format_size(facts.size, language, strings),
        pages=pages,
        language=strings[f"document_in_{document_language}"],
    )


def format_tel_uri(phone: str) -> str:
    """`+45 33 92 16 81` → `tel:+4533921681`."""
    return "tel:" + phone.replace(" ", "")


_DANISH_LETTERS = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"}
)


def file_name_part(text: str) -> str:
    """`Handlingsplan mod Menneskehandel` → `handlingsplan-mod-menneskehandel`: a-z, 0-9, -."""
    letters = text.casefold().translate(_DANISH_LETTERS)
    return "-".join(word for word in re.split(r"[^a-z0-9]+", letters) if word) or "plan"
