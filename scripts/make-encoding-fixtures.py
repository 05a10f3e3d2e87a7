#!/usr/bin/env python3
"""Makes tests/fixtures/encodings/ from the shared corpus: real Chinese feeds transcoded to
the legacy encodings Chinese publishers still declare, with the declaration changed to say
so. tests/xml_encodings.rs reads each and compares it with the UTF-8 original.

  chinanews-gb18030.xml  corpus/xml/01-chinanews-scroll-news.xml (Simplified) in GB18030
  steachs-big5.xml       corpus/xml/05-steachs-zh-tw.xml (Traditional) in Big5, after the
                         BIG5_STAND_INS below (Big5 has no ™ ® ～ or no-break space)
  chinanews-utf16le.xml  the chinanews feed in UTF-16LE with a byte-order mark

Run from the repository root: python3 scripts/make-encoding-fixtures.py [SHARED_DIR]
"""
import pathlib
import sys

# Keep in step with tests/xml_encodings.rs.
BIG5_STAND_INS = {"\u2122": "(TM)", "\u00ae": "(R)", "\uff5e": "~", "\u00a0": " "}

shared = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
corpus = shared / "corpus" / "xml"
out = pathlib.Path("tests/fixtures/encodings")
out.mkdir(parents=True, exist_ok=True)


def redeclared(text, label):
    head, rest = text.split("?>", 1)
    for written in ('encoding="utf-8"', 'encoding="UTF-8"'):
        head = head.replace(written, f'encoding="{label}"')
    assert label in head, "the source must declare UTF-8"
    return head + "?>" + rest


chinanews = (corpus / "01-chinanews-scroll-news.xml").read_text(encoding="utf-8")
(out / "chinanews-gb18030.xml").write_bytes(redeclared(chinanews, "GB18030").encode("gb18030"))
(out / "chinanews-utf16le.xml").write_bytes(
    b"\xff\xfe" + redeclared(chinanews, "UTF-16").encode("utf-16-le")
)

steachs = (corpus / "05-steachs-zh-tw.xml").read_text(encoding="utf-8")
for character, stand_in in BIG5_STAND_INS.items():
    steachs = steachs.replace(character, stand_in)
(out / "steachs-big5.xml").write_bytes(redeclared(steachs, "Big5").encode("big5"))
