"""ocop: Vietnam's OCOP programme (Mỗi xã một sản phẩm) as a library.

The capabilities live in subpackages, imported when used:

* [`ocop.budget`][ocop.budget] — programme budgets: flat lines, derived tree, checks, rollups;
* [`ocop.rating`][ocop.rating] — criteria sets as data, council scoring, stars, certificates;
* [`ocop.cycle`][ocop.cycle] — the product's life as a pure state machine, per legal regime;
* [`ocop.plan`][ocop.plan] — a province's annual plan and its progress from the cycle's records;

and the shared core: [`ocop.money`][ocop.money] (đồng in figures and words),
[`ocop.periods`][ocop.periods] (quarters), [`ocop.text`][ocop.text] (Vietnamese text),
[`ocop.problems`][ocop.problems] (located problems), [`ocop.regimes`][ocop.regimes] (who evaluates
and recognises what, by date), [`ocop.errors`][ocop.errors].
"""

from ocop._version import __version__

__all__ = ["__version__"]
