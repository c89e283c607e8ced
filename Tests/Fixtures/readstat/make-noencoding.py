"""Makes kysely-noencoding.sav: kysely-cp1252.sav with its encoding record (subtype 20) removed
and its character code set to 2 (7-bit ASCII), as SPSS before version 16 wrote files that do not
say which encoding their text is in. Arvio must read it as Windows-1252 and say that it guessed.

    python3 make-noencoding.py
"""
import struct

data = open("kysely-cp1252.sav", "rb").read()
encoding = struct.pack("<iiii", 7, 20, 1, 12) + b"WINDOWS-1252"
assert data.count(encoding) == 1, "the encoding record is not where it was expected"
data = data.replace(encoding, b"")
machine = struct.pack("<iiii", 7, 3, 4, 8)
at = data.index(machine) + len(machine)
fields = list(struct.unpack("<8i", data[at:at + 32]))
assert fields[7] == 1252, fields
fields[7] = 2
data = data[:at] + struct.pack("<8i", *fields) + data[at + 32:]
open("kysely-noencoding.sav", "wb").write(data)
