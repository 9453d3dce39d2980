"""Recognised platform exports (exports.py): one test per quirk, on the MADE-UP files in
tests/fixtures/exports/ (see its README) and on broken copies made in tmp_path."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from basismodel_edu.meten.exports import FORMATEN, herken_export, lees_export
from basismodel_edu.meten.importeren import ImportFout

MAP = Path(__file__).parent / "fixtures" / "exports"


def _waarden(metingen, kpi):
    return {m.datum: m.waarde for m in metingen if m.kpi == kpi}


def test_facebook_per_post_rows_added_up_per_day_and_caption_with_newline():
    m = lees_export(MAP / "facebook_posts_oud.csv", {"Reach": "K2"})
    # Two posts on 28 Sep (one caption runs over two lines inside quotes) add up.
    assert _waarden(m, "K2") == {dt.date(2026, 9, 28): 1150.0, dt.date(2026, 10, 2): 610.0}


def test_facebook_older_impressions_read_for_views_with_a_warning():
    with pytest.warns(UserWarning, match="Impressions"):
        m = lees_export(MAP / "facebook_posts_oud.csv", {"Views": "K1"})
    assert _waarden(m, "K1")[dt.date(2026, 9, 28)] == 1500.0  # "1,200" + 300


def test_instagram_lifetime_rows_dated_by_publish_time_and_thousands_comma():
    m = lees_export(MAP / "instagram_posts.csv", {"Views": "K1"})
    assert _waarden(m, "K1")[dt.date(2026, 9, 14)] == 12400.0


def test_instagram_empty_cell_is_no_measurement():
    m = lees_export(MAP / "instagram_posts.csv", {"Shares": "K2"})
    assert dt.date(2026, 9, 22) not in _waarden(m, "K2")


def test_per_week_dated_on_monday():
    m = lees_export(MAP / "instagram_posts.csv", {"Likes": "K3"}, per="week")
    assert _waarden(m, "K3") == {dt.date(2026, 9, 14): 695.0, dt.date(2026, 9, 21): 40.0}


def test_dutch_interface_read_but_flagged_unverified():
    with pytest.warns(UserWarning, match="niet geverifieerd"):
        m = lees_export(MAP / "instagram_posts_nl.csv", {"Weergaven": "K1"})
    assert _waarden(m, "K1") == {dt.date(2026, 9, 14): 12400.0, dt.date(2026, 9, 15): 1500.0}


def test_tiktok_k_suffix_and_post_time():
    m = lees_export(MAP / "tiktok_studio.csv", {"Total likes": "K1"})
    assert _waarden(m, "K1") == {dt.date(2026, 8, 2): 1840.0, dt.date(2026, 8, 9): 10.0}


def test_youtube_zip_prefers_totals_per_day():
    m = lees_export(MAP / "youtube_studio.zip", {"Views": "K1"})
    assert _waarden(m, "K1")[dt.date(2026, 10, 4)] == 3100.0


def test_youtube_table_data_skips_total_row_and_reads_month_name_dates():
    m = lees_export(MAP / "youtube_studio.zip", {"Subscribers": "K1"})
    # The row "Total" (14) is a sum of the rows below it, not a day.
    assert _waarden(m, "K1") == {dt.date(2026, 10, 3): 12.0, dt.date(2026, 10, 5): 2.0}


def test_ga4_comment_blocks_second_table_and_rates_as_percent():
    m = lees_export(MAP / "ga4_acquisitie.csv", {"Sessions": "K1", "Engagement rate": "K2"})
    assert _waarden(m, "K1") == {
        dt.date(2026, 10, 1): 240.0,
        dt.date(2026, 10, 2): 1010.0,
        dt.date(2026, 10, 3): 180.0,
    }
    assert _waarden(m, "K2")[dt.date(2026, 10, 1)] == 62.5


@pytest.mark.parametrize("naam", ["linkedin_content.xlsx", "linkedin_content.xls"])
def test_linkedin_workbook_several_sheets_title_row_above_header(naam):
    with pytest.warns(UserWarning, match="niet geverifieerd"):
        m = lees_export(MAP / naam, {"Impressions": "K1", "Click through rate (CTR)": "K2"})
    assert _waarden(m, "K1") == {dt.date(2026, 10, 1): 2000.0, dt.date(2026, 10, 8): 500.0}
    # A rate is averaged per day, not added up: (3.3 + 2.5) / 2 percent.
    assert _waarden(m, "K2")[dt.date(2026, 10, 1)] == pytest.approx(2.9)


def test_unknown_file_names_file_seen_columns_and_expected(tmp_path):
    pad = tmp_path / "eigen.csv"
    pad.write_text("Week;Volgers\n2026-09-07;100\n", encoding="utf-8")
    with pytest.raises(ImportFout) as e:
        lees_export(pad, {"Volgers": "K1"})
    tekst = str(e.value)
    assert "eigen.csv" in tekst and "'Volgers'" in tekst and "Post time" in tekst


def test_missing_mapped_column_names_it_and_the_columns(tmp_path):
    with pytest.raises(ImportFout, match="Total views") as e:
        lees_export(MAP / "tiktok_studio.csv", {"Plays": "K1"})
    assert e.value.kolom == "Plays"


def test_ambiguous_file_is_refused(tmp_path):
    pad = tmp_path / "beide.csv"
    pad.write_text(
        "Post ID,Page ID,Page name,Account ID,Account username,Publish time,Reach\n"
        "1,2,P,3,u,09/28/2026 18:12,5\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFout, match="meer dan één"):
        lees_export(pad, {"Reach": "K1"})


def test_bad_number_names_column_and_row(tmp_path):
    pad = tmp_path / "tt.csv"
    pad.write_text(
        "Video title,Video link,Post time,Total likes\nA,l,2026-08-02 19:05:00,veel\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFout) as e:
        lees_export(pad, {"Total likes": "K1"})
    assert (e.value.kolom, e.value.rij) == ("Total likes", 2)


def test_row_without_date_names_the_row(tmp_path):
    pad = tmp_path / "tt.csv"
    pad.write_text(
        "Video title,Video link,Post time,Total likes\nA,l,gisteren,5\n", encoding="utf-8"
    )
    with pytest.raises(ImportFout, match="gisteren"):
        lees_export(pad, {"Total likes": "K1"})


def test_broken_zip_is_a_clear_error(tmp_path):
    pad = tmp_path / "yt.zip"
    pad.write_bytes(b"geen zip")
    with pytest.raises(ImportFout):
        lees_export(pad, {"Views": "K1"})
    with zipfile.ZipFile(tmp_path / "leeg.zip", "w"):
        pass
    with pytest.raises(ImportFout, match="herken ik niet"):
        lees_export(tmp_path / "leeg.zip", {"Views": "K1"})


def test_recognition_reports_format_and_every_unverified_format_says_so():
    gevonden = herken_export(MAP / "tiktok_studio.csv")
    assert [(f.naam, f.taal) for f, _ in gevonden] == [("tiktok", "en")]
    assert all(f.bron for f in FORMATEN)
    assert {f.taal for f in FORMATEN if not f.geverifieerd} >= {"nl"}
