"""Amounts of money written out in Vietnamese words, as decisions state them.

A sanctioning decision gives each fine twice: in figures and in words
("bằng chữ"). This module writes a whole amount of đồng in the formal style
of administrative documents and reads such a text back.

How an amount is written
------------------------

* The digits are cut into groups of three from the right. The groups carry the
  scale words *nghìn* (10³) and *triệu* (10⁶); everything from 10⁹ up is a count
  of *tỷ*, so 10¹² is *nghìn tỷ* and 10¹⁵ is *triệu tỷ*. Amounts up to
  10¹⁸ − 1 are supported.
* A group that is all zeros is left out together with its scale word.
* The first (highest) group is read without leading zeros. Every later group is
  read in full: a zero hundreds digit is said as *không trăm*.
* Inside a group a zero tens digit before a non-zero unit is *linh* (this module
  never writes the synonym *lẻ*).
* Tens: 10 is *mười*; 20 to 90 are *hai mươi* … *chín mươi*.
* Units after the tens word: 1 becomes *mốt* after *mươi* (21, 31, …) but stays
  *một* after *mười* (11); 5 becomes *lăm* after *mười* or *mươi* (15, 25) but
  stays *năm* after *linh* (105); 4 becomes *tư* after *mươi* (24, 34, …) and
  stays *bốn* after *mười* and *linh* (14, 104).

  The *tư* choice is a house rule: many official texts write *hai mươi bốn*
  instead. Both are correct Vietnamese; :func:`parse_amount_words` reads both.
* Zero alone is *không*. With ``currency=True`` the word *đồng* ends the text;
  with ``capitalize=True`` its first letter is upper case, as the line
  "Bằng chữ: …" of a decision writes it.

>>> amount_in_words(1_005_000)
'Một triệu không trăm linh năm nghìn đồng'
>>> amount_in_words(42_500_000)
'Bốn mươi hai triệu năm trăm nghìn đồng'
>>> amount_in_words(2_010_000_000)
'Hai tỷ không trăm mười triệu đồng'
>>> amount_in_words(24, currency=False, capitalize=False)
'hai mươi tư'
>>> amount_in_words(1_500_000_000_000)
'Một nghìn năm trăm tỷ đồng'

Reading words back
------------------

:func:`parse_amount_words` is the inverse. It ignores case and diacritics
("mot trieu dong" is read), accepts the usual variants (*lẻ* for *linh*,
*ngàn* for *nghìn*, *tỉ* for *tỷ*, *bốn* or *tư*, *một* or *mốt*, *năm*,
*lăm* or *nhăm* after the tens word, a final *chẵn*) and refuses text whose
value is not certain. Spoken short forms are such text: "một trăm năm" means 150 in speech
but would be 105 digit by digit, and "một triệu hai" means 1,200,000. So a lone
unit right after *trăm*, or a last group of a lone unit after a scale word, is
refused with a message saying how to write it.

>>> parse_amount_words("Một triệu không trăm linh năm nghìn đồng")
1005000
>>> parse_amount_words("hai muoi bon trieu dong chan")
24000000
>>> parse_amount_words("một trăm năm")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: cannot read amount 'một trăm năm': 'năm' right after 'trăm' is ambiguous; ...
"""

from __future__ import annotations

from ..citations.parse import fold

__all__ = ["MAX_AMOUNT", "amount_in_words", "parse_amount_words"]

#: The largest amount the module writes: 10¹⁸ − 1.
MAX_AMOUNT = 10**18 - 1

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES = ((10**6, "triệu"), (10**3, "nghìn"))
_BILLION = 10**9


# -- writing ----------------------------------------------------------------------------------
def _group(value: int, full: bool) -> list[str]:
    """Words of one group 0–999; ``full`` reads a zero hundreds digit (a higher group precedes)."""
    hundreds, tens, units = value // 100, value // 10 % 10, value % 10
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
        return words
    words += [_DIGITS[tens], "mươi"]
    if units:
        words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(units, _DIGITS[units]))
    return words


def _below_billion(value: int, full: bool) -> list[str]:
    """Words of 0 < ``value`` < 10⁹; ``full`` as in :func:`_group`."""
    words: list[str] = []
    for scale, name in _SCALES:
        count, value = divmod(value, scale)
        if count:
            words += [*_group(count, full), name]
            full = True
    if value:
        words += _group(value, full)
    return words


def amount_in_words(amount: int, *, currency: bool = True, capitalize: bool = True) -> str:
    """Write ``amount`` (whole đồng, 0 to 10¹⁸ − 1) in Vietnamese words.

    Raises :class:`TypeError` for anything but an ``int`` (a ``bool`` or a
    ``float`` is refused) and :class:`ValueError` for an amount out of range.

    >>> amount_in_words(0)
    'Không đồng'
    >>> amount_in_words(105, currency=False)
    'Một trăm linh năm'
    """
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(
            f"amount must be a whole number of đồng (int), not {type(amount).__name__}: {amount!r}"
        )
    if amount < 0:
        raise ValueError(f"amount must not be negative: {amount}")
    if amount > MAX_AMOUNT:
        raise ValueError(f"amount {amount} is above the largest supported amount {MAX_AMOUNT}")
    if amount == 0:
        words = ["không"]
    else:
        billions, rest = divmod(amount, _BILLION)
        words = []
        if billions:
            words += [*_below_billion(billions, False), "tỷ"]
        if rest:
            words += _below_billion(rest, bool(billions))
    if currency:
        words.append("đồng")
    text = " ".join(words)
    return text[0].upper() + text[1:] if capitalize else text


# -- reading ----------------------------------------------------------------------------------
# Folded spellings (lower case, no diacritics) of the digit words.
_DIGIT_WORDS = {
    "khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5,
    "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}  # fmt: skip
# Unit words accepted only after a tens word (mười/mươi) or linh.
_AFTER_TENS = {**_DIGIT_WORDS, "tu": 4, "lam": 5, "nham": 5}
_SCALE_WORDS = {"nghin": 10**3, "ngan": 10**3, "trieu": 10**6}
_BILLION_WORDS = ("ty", "ti")
_ZERO_TENS = ("linh", "le")


class _Reader:
    """A cursor over the folded words of an amount."""

    def __init__(self, text: str, words: list[str]) -> None:
        self.text = text
        self.words = words
        self.at = 0

    def peek(self, ahead: int = 0) -> str | None:
        i = self.at + ahead
        return self.words[i] if i < len(self.words) else None

    def take(self) -> str:
        word = self.words[self.at]
        self.at += 1
        return word

    def fail(self, reason: str) -> ValueError:
        return ValueError(f"cannot read amount {self.text!r}: {reason}")

    def unit_after(self, marker: str, *, allow: dict[str, int]) -> int:
        """An optional unit word after ``marker`` (a tens word or linh); 0 when absent."""
        word = self.peek()
        if word is None or word not in allow or self.peek(1) in ("tram", "muoi"):
            return 0
        value = allow[word]
        if value == 0:
            raise self.fail(f"'không' cannot follow '{marker}'")
        self.take()
        return value

    def group(self, after_scale: bool) -> int:
        """One group 0–999 starting at the cursor."""
        value = 0
        hundreds = False
        word = self.peek()
        if word in _DIGIT_WORDS and self.peek(1) == "tram":
            value = _DIGIT_WORDS[self.take()] * 100
            self.take()
            hundreds = True
        word = self.peek()
        if word in _ZERO_TENS:
            if not hundreds:
                raise self.fail(f"'{word}' (zero tens) needs a hundreds digit before it")
            self.take()
            unit = self.unit_after(word, allow=_AFTER_TENS)
            if unit == 0:
                raise self.fail(f"'{word}' must be followed by a unit 1–9")
            return value + unit
        if word == "muoi":
            self.take()
            return value + 10 + self.unit_after("mười", allow=_AFTER_TENS)
        if word in _DIGIT_WORDS and self.peek(1) == "muoi":
            tens = _DIGIT_WORDS[self.take()]
            self.take()
            if tens < 2:
                raise self.fail(f"{_DIGITS[tens]!r} cannot be a tens digit before 'mươi'")
            return value + tens * 10 + self.unit_after("mươi", allow=_AFTER_TENS)
        if word in _DIGIT_WORDS and _DIGIT_WORDS[word] > 0:
            if hundreds:
                shown = _DIGITS[_DIGIT_WORDS[word]]
                raise self.fail(
                    f"{shown!r} right after 'trăm' is ambiguous; write 'linh {shown}' for a zero "
                    f"tens digit or '{shown} mươi' for tens"
                )
            if after_scale and self.peek(1) not in (*_SCALE_WORDS, *_BILLION_WORDS):
                shown = _DIGITS[_DIGIT_WORDS[word]]
                raise self.fail(
                    f"a last group of only {shown!r} is ambiguous; write it in full "
                    f"('không trăm linh {shown}' or '{shown} trăm')"
                )
            self.take()
            return _DIGIT_WORDS[word]
        if hundreds:
            return value
        if word == "khong":
            raise self.fail("'không' stands alone only for zero, or before 'trăm'")
        raise self.fail(f"expected a number word, found {word!r}" if word else "it ends too early")


def parse_amount_words(text: str) -> int:
    """Read an amount written in Vietnamese words (the inverse of :func:`amount_in_words`).

    Raises :class:`ValueError` naming the problem when the text is not an
    amount or its value is not certain, :class:`TypeError` if it is not a string.

    >>> parse_amount_words("Hai mươi mốt đồng"), parse_amount_words("hai mươi một")
    (21, 21)
    >>> parse_amount_words("Một nghìn tỷ không trăm linh tư đồng")
    1000000000004
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    words = fold(text).split()
    if words[-1:] == ["chan"]:
        words.pop()
    if words[-1:] == ["dong"]:
        words.pop()
    if not words:
        raise ValueError(f"cannot read amount {text!r}: it holds no number words")
    reader = _Reader(text, words)
    known = {*_AFTER_TENS, *_SCALE_WORDS, *_BILLION_WORDS, *_ZERO_TENS, "tram", "muoi"}
    unknown = [w for w in words if w not in known]
    if unknown:
        raise reader.fail(f"{unknown[0]!r} is not a number word")
    if words == ["khong"]:
        return 0
    billions: int | None = None
    section = 0
    last_scale = _BILLION
    while reader.peek() is not None:
        if reader.peek() in (*_SCALE_WORDS, *_BILLION_WORDS):
            raise reader.fail(f"scale word {reader.peek()!r} has no count before it or is out of order")
        count = reader.group(after_scale=billions is not None or section > 0)
        word = reader.peek()
        if word in _SCALE_WORDS:
            scale = _SCALE_WORDS[reader.take()]
            if scale >= last_scale:
                raise reader.fail(f"scale word {word!r} is out of order")
            if count == 0:
                raise reader.fail(f"{word!r} needs a non-zero count before it")
            section += count * scale
            last_scale = scale
        else:
            section += count
            last_scale = 1
        word = reader.peek()
        if word in _BILLION_WORDS:
            reader.take()
            if billions is not None:
                raise reader.fail("'tỷ' appears twice; amounts stop below 10¹⁸")
            if section == 0:
                raise reader.fail("'tỷ' needs a non-zero count before it")
            billions, section, last_scale = section, 0, _BILLION
        elif last_scale == 1 and word is not None:
            raise reader.fail(f"unexpected {word!r} after the units")
    return (billions or 0) * _BILLION + section
