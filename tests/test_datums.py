"""Dates as a Dutch student writes them: one parser for every date field of a form."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from basismodel_edu.taal.datums import DatumFout, lees_datum, schrijf_datum


@pytest.mark.parametrize(
    ("invoer", "waarde"),
    [
        ("31-12-2027", dt.date(2027, 12, 31)),
        ("1-9-2027", dt.date(2027, 9, 1)),
        ("01-09-2027", dt.date(2027, 9, 1)),
        ("31/12/2027", dt.date(2027, 12, 31)),
        ("29.02.2028", dt.date(2028, 2, 29)),
        (" 5-3-2027 ", dt.date(2027, 3, 5)),
    ],
)
def test_dutch_dates_are_read_day_first(invoer, waarde):
    assert lees_datum(invoer) == waarde


@pytest.mark.parametrize(
    ("invoer", "soort"),
    [
        ("31-02-2027", "bestaat_niet"),
        ("29-02-2027", "bestaat_niet"),
        ("01-13-2027", "bestaat_niet"),
        ("15032027", "vorm"),
        ("2027-13-01", "jaar_eerst"),
        ("2027-03-15", "jaar_eerst"),
        ("15-03/2027", "vorm"),
        ("15-03-27", "vorm"),
        ("morgen", "vorm"),
    ],
)
def test_impossible_or_ambiguous_dates_are_refused_with_a_dutch_message(invoer, soort):
    with pytest.raises(DatumFout) as fout:
        lees_datum(invoer)
    assert fout.value.soort == soort
    assert repr(invoer) in str(fout.value) and "dd-mm-jjjj" in str(fout.value)


def test_empty_is_no_date_unless_one_is_required():
    assert lees_datum("") is None and lees_datum("  ") is None
    with pytest.raises(DatumFout, match="datum nodig"):
        lees_datum(" ", verplicht=True)


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_what_the_form_shows_is_read_back_as_the_same_date(d):
    getoond = schrijf_datum(d)
    assert lees_datum(getoond) == d
    assert lees_datum(f"{d.day}-{d.month}-{d.year}") == d
    assert lees_datum(getoond.replace("-", "/")) == d
