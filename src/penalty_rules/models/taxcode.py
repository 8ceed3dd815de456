"""Vietnamese tax codes (mã số thuế) of offenders, checked with python-stdnum.

A tax code is 10 digits, the last one a check digit over the first nine; a
branch or dependent unit adds three digits, usually written after a dash
(``0100109106-001``). :func:`check_tax_code` accepts spaces, dots and dashes as
separators, verifies the length and the check digit with :mod:`stdnum.vn.mst`,
and returns the code in its usual written form.

>>> check_tax_code("0100109106")
'0100109106'
>>> check_tax_code("0100109106 001")
'0100109106-001'
>>> check_tax_code("0100109107")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: 0100109107 is not a valid Vietnamese tax code (mã số thuế): its check digit ...
"""

from __future__ import annotations

__all__ = ["check_tax_code"]


def check_tax_code(value: str) -> str:
    """The tax code in its written form; ``ValueError`` saying why an invalid one is refused."""
    # Imported here: python-stdnum (and what it imports) is needed only for a case that
    # gives a tax code, not to import the models.
    from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError
    from stdnum.vn import mst

    text = value.strip()
    why = None
    try:
        compact = mst.validate(text)
    except InvalidLength:
        why = "it must have 10 digits, or 13 for a branch (10 + 3)"
    except InvalidChecksum:
        why = "its check digit (the 10th digit) is wrong"
    except InvalidFormat:
        why = "it may hold only digits, with spaces, dots or a dash as separators"
    except ValidationError as exc:  # pragma: no cover - any other refusal of stdnum
        why = str(exc)
    else:
        return str(mst.format(compact))
    raise ValueError(f"{text} is not a valid Vietnamese tax code (mã số thuế): {why}")
