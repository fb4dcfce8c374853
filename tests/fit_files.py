"""A minimal FIT writer (file_id, session, a few records) for test files no device made."""

from __future__ import annotations

import datetime as dt
import struct

_FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
_CRC_TABLE = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
              0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)
# (field number, struct format, FIT base type)
_FILE_ID = ((0, "B", 0x00), (4, "I", 0x86))
_SESSION = ((253, "I", 0x86), (2, "I", 0x86), (5, "B", 0x00), (6, "B", 0x00), (7, "I", 0x86),
            (8, "I", 0x86), (9, "I", 0x86), (22, "H", 0x84), (18, "B", 0x02), (92, "B", 0x02))
_RECORD = ((253, "I", 0x86), (5, "I", 0x86))


def fit_crc(data: bytes, crc: int = 0) -> int:
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = _CRC_TABLE[crc & 0xF]
            crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[nibble]
    return crc


def _message(local: int, global_num: int, fields: tuple, values: tuple) -> bytes:
    definition = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_num, len(fields))
    definition += b"".join(struct.pack("<BBB", num, struct.calcsize(fmt), base) for num, fmt, base in fields)
    data = struct.pack("<B" + "".join(fmt for _, fmt, _ in fields), local, *values)
    return definition + data


def make_fit(start: dt.datetime, *, sport: int = 1, sub_sport: int = 0, timer_s: float = 2832.0,
             elapsed_s: float = 3000.0, distance_m: float = 9008.22, ascent: int = 64,
             cadence: int = 81, fraction: float = 0.5, file_type: int = 4) -> bytes:
    """A valid FIT activity file whose session says exactly what the arguments say."""
    stamp = int((start - _FIT_EPOCH).total_seconds())
    end = stamp + int(elapsed_s)
    body = _message(0, 0, _FILE_ID, (file_type, stamp))
    body += _message(1, 18, _SESSION, (end, stamp, sport, sub_sport, round(elapsed_s * 1000), round(timer_s * 1000),
                                       round(distance_m * 100), ascent, cadence, round(fraction * 128)))
    body += b"".join(_message(2, 20, _RECORD, (stamp + i, i * 300)) for i in range(5))
    header = struct.pack("<BBHI4s", 14, 0x20, 2093, len(body), b".FIT")
    header += struct.pack("<H", fit_crc(header))
    return header + body + struct.pack("<H", fit_crc(header + body))
