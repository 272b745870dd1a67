"""Files teachers share, made with Pillow: a phone photo that says where it was taken, a
screenshot with a text chunk, a PDF in disguise, and what a reader of the bytes checks."""

from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageDraw, PngImagePlugin

CAMERA = "SecretCam 3000"  # the EXIF Make a cleaned picture must not keep
WHERE = (40.0, 26.0, 46.0)  # GPS latitude in the EXIF of `phone_photo`
NOTE = "written by Ms Rivera's laptop"  # a PNG text chunk a cleaned picture must not keep
GPS_IFD, MAKE, ORIENTATION = 0x8825, 0x010F, 0x0112
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _exif(rotated: bool) -> bytes:
    exif = Image.Exif()
    exif[MAKE] = CAMERA
    if rotated:
        exif[ORIENTATION] = 6  # the camera was held sideways: turn 90 degrees to show it
    exif[GPS_IFD] = {1: "N", 2: WHERE, 3: "W", 4: (79.0, 58.0, 56.0)}
    return exif.tobytes()


def phone_photo(width: int = 400, height: int = 300, rotated: bool = True) -> bytes:
    """A JPEG as a phone takes it: camera make, GPS location, sideways orientation."""
    out = BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(out, "JPEG",
                                                          exif=_exif(rotated))
    return out.getvalue()


def screenshot(width: int = 320, height: int = 200) -> bytes:
    """A PNG screenshot of an error, with a text chunk and EXIF of its own."""
    image = Image.new("RGB", (width, height), "white")
    image.paste((30, 30, 160), (20, 20, width - 20, 60))
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", NOTE)
    out = BytesIO()
    image.save(out, "PNG", pnginfo=info, exif=_exif(False))
    return out.getvalue()


def metadata_of(data: bytes) -> dict[str, object]:
    """What a reader of the cleaned bytes finds: format, size, EXIF tags, info keys."""
    image = Image.open(BytesIO(data))
    return {"format": image.format, "size": image.size, "exif": dict(image.getexif()),
            "info": sorted(image.info)}


def leaks(data: bytes) -> list[str]:
    """Which of the planted secrets still appear anywhere in the bytes."""
    return [name for name, planted in (("camera", CAMERA.encode()), ("note", NOTE.encode()))
            if planted in data]


def error_screen(width: int = 480, height: int = 270) -> bytes:
    """A phone photo of a projector's "No signal" screen (with the phone's EXIF and GPS)."""
    image = Image.new("RGB", (width, height), (20, 60, 170))
    draw = ImageDraw.Draw(image)
    draw.rectangle((width // 2 - 90, height // 2 - 30, width // 2 + 90, height // 2 + 30),
                   fill=(10, 30, 90), outline="white", width=3)
    draw.text((width // 2, height // 2), "NO SIGNAL", fill="white", anchor="mm",
              font_size=28)
    out = BytesIO()
    image.save(out, "JPEG", quality=90, exif=_exif(False))
    return out.getvalue()
