"""Pictures checked by their bytes and cleaned with Pillow before anything is stored.

The platform's media type and the file name are never believed: Pillow reads the bytes, only
with the decoders of the allowed formats. What is kept is a new image made of the pixels
alone, turned the way the camera meant (EXIF orientation applied), no larger than MAX_SIDE,
saved as PNG (screenshots stay sharp) or JPEG (photos stay small). Nothing of the original
file's metadata survives: no EXIF (camera, time, GPS location), no XMP, no text chunks, no
ICC profile, no comments.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow's names for the formats a district may allow (PREPBOT_ATTACHMENT_TYPES).
FORMATS = {"png": "PNG", "jpeg": "JPEG", "jpg": "JPEG", "gif": "GIF", "webp": "WEBP",
           "bmp": "BMP", "tiff": "TIFF"}
DEFAULT_TYPES = "png,jpeg,gif,webp"
MAX_PIXELS = 50_000_000  # a 12-megapixel phone photo is far below; a decompression bomb is not
MAX_SIDE = 2000  # pixels on the longest side: enough to read an error dialog, small to store
MAX_PNG = 1_500_000  # a larger PNG (a photo saved as PNG) is stored as JPEG instead
JPEG_QUALITY = 85
SHARP = {"PNG", "GIF", "BMP"}  # formats screenshots come in: kept lossless


class Refused(Exception):
    """A file that is not kept; `reason` is one of the keys of bot/attachments/notes.py."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Picture:
    """A cleaned picture, ready to store."""

    data: bytes
    media_type: str


def allowed_formats(setting: str) -> tuple[str, ...]:
    """Pillow's format names for a comma-separated setting such as `png,jpeg`; unknown names
    are an error at start-up, not a surprise on the first upload."""
    names = [name.strip().lower() for name in setting.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise ValueError(f"PREPBOT_ATTACHMENT_TYPES: use some of {', '.join(sorted(FORMATS))}")
    return tuple(dict.fromkeys(FORMATS[name] for name in names))


def clean(data: bytes, formats: tuple[str, ...]) -> Picture:
    """The picture in `data`, cleaned; Refused("not_image"), ("unreadable") or ("too_big")."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            source = Image.open(BytesIO(data), formats=formats)
            if source.width * source.height > MAX_PIXELS:
                raise Refused("too_big")
            source.load()
            kind = source.format or ""
            turned = ImageOps.exif_transpose(source)
    except Refused:
        raise
    except UnidentifiedImageError as error:
        raise Refused("not_image") from error
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise Refused("too_big") from error
    except (OSError, ValueError, SyntaxError, EOFError) as error:  # truncated or corrupt
        raise Refused("unreadable") from error
    return _save(_pixels_only(turned), kind)


def _pixels_only(image: Image.Image) -> Image.Image:
    """A new image holding only the pixels: no info, no EXIF, no profile can come along."""
    mode = "RGBA" if image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info) else "RGB"
    pixels = image.convert(mode)
    pixels.thumbnail((MAX_SIDE, MAX_SIDE))
    fresh = Image.new(mode, pixels.size)
    fresh.paste(pixels)
    return fresh


def _save(image: Image.Image, kind: str) -> Picture:
    if kind in SHARP or image.mode == "RGBA":
        out = BytesIO()
        image.save(out, "PNG", optimize=True)
        if out.tell() <= MAX_PNG:
            return Picture(out.getvalue(), "image/png")
    out = BytesIO()
    flat = image if image.mode == "RGB" else _on_white(image)
    flat.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return Picture(out.getvalue(), "image/jpeg")


def _on_white(image: Image.Image) -> Image.Image:
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    return background
