"""ocop: Vietnam's OCOP programme (Mỗi xã một sản phẩm) as a library.

The capabilities live in subpackages, imported when used:

* :mod:`ocop.budget` — programme budgets: flat lines, derived tree, checks, rollups;
* :mod:`ocop.rating` — criteria sets as data, council scoring, stars, certificates;
* :mod:`ocop.cycle` — the product's life as a pure state machine, per legal regime;
* :mod:`ocop.plan` — a province's annual plan and its progress from the cycle's records;

and the shared core: :mod:`ocop.money` (đồng in figures and words), :mod:`ocop.periods`
(quarters), :mod:`ocop.text` (Vietnamese text), :mod:`ocop.problems` (located problems),
:mod:`ocop.regimes` (who evaluates and recognises what, by date), :mod:`ocop.errors`.
"""

from ocop._version import __version__

__all__ = ["__version__"]
