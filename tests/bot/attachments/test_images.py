"""Pictures are read by their bytes and redrawn: no location, no camera, no notes survive."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from bot.attachments.images import (
    MAX_SIDE,
    Refused,
    allowed_formats,
    clean,
)
from tests.support.pictures import PDF, leaks, metadata_of, phone_photo, screenshot

FORMATS = allowed_formats("png,jpeg,gif,webp")


def test_a_phone_photo_loses_its_location_and_camera_and_is_turned_upright() -> None:
    picture = clean(phone_photo(400, 300, rotated=True), FORMATS)
    found = metadata_of(picture.data)
    assert picture.media_type == "image/jpeg" and found["format"] == "JPEG"
    assert found["exif"] == {}  # no GPS, no make, no orientation left to misread
    assert found["size"] == (300, 400)  # the orientation was applied to the pixels
    assert leaks(picture.data) == []


def test_a_screenshot_stays_a_sharp_png_without_its_text_chunks() -> None:
    picture = clean(screenshot(), FORMATS)
    found = metadata_of(picture.data)
    assert picture.media_type == "image/png" and found["format"] == "PNG"
    assert found["exif"] == {} and found["info"] == []
    assert leaks(picture.data) == []


def test_a_large_photo_is_stored_at_most_two_thousand_pixels_wide() -> None:
    picture = clean(phone_photo(4000, 3000, rotated=False), FORMATS)
    assert metadata_of(picture.data)["size"] == (MAX_SIDE, 1500)


@pytest.mark.parametrize(("data", "reason"), [
    (PDF, "not_image"),  # whatever the file is called or claims to be
    (b"GIF89a" + b"\x00" * 10, "not_image"),  # starts like a GIF, is not one
    (phone_photo()[:400], "unreadable"),  # cut off halfway
])
def test_what_is_not_a_readable_picture_is_refused_by_its_bytes(data: bytes, reason: str) -> None:
    with pytest.raises(Refused) as refused:
        clean(data, FORMATS)
    assert refused.value.reason == reason


def test_a_picture_of_a_format_the_district_did_not_allow_is_not_a_picture() -> None:
    with pytest.raises(Refused) as refused:
        clean(phone_photo(), allowed_formats("png"))
    assert refused.value.reason == "not_image"


def test_a_decompression_bomb_is_refused_before_its_pixels_are_read() -> None:
    out = BytesIO()
    Image.new("1", (12_000, 10_000)).save(out, "PNG")  # 120 megapixels in a few kilobytes
    assert out.tell() < 100_000
    with pytest.raises(Refused) as refused:
        clean(out.getvalue(), FORMATS)
    assert refused.value.reason == "too_big"


def test_an_unknown_format_in_the_setting_is_an_error_at_start() -> None:
    with pytest.raises(ValueError, match="PREPBOT_ATTACHMENT_TYPES"):
        allowed_formats("png,heic")
