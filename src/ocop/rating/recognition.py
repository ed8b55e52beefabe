"""Recognition: who recognises a council's result, and where the dossier goes next.

After the council's classification ([`ocop.rating.classify`][ocop.rating.classify]), the regime in
force ([`ocop.regimes`][ocop.regimes]) says which level recognises (công nhận) the stars and whether
the dossier goes on to the next level. The certificate that follows is
[`ocop.certificates.Certificate`][ocop.certificates.Certificate].
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from ocop.errors import OcopValueError
from ocop.regimes import Level, Regime, as_regime

__all__ = ["Recognition", "recognize"]


@attrs.frozen(kw_only=True)
class Recognition:
    """What follows from a level's result under a regime (công nhận, chuyển cấp trên).

    Attributes:
        regime: The regime's id, e.g. ``"26/2026/QĐ-TTg"``.
        level: The level whose council gave the result.
        stars: The stars of the result.
        mean: The council's mean score.
        recognized_by: The level that may recognise these stars on this result and issue the
            certificate, or ``None`` (1★/2★, or stars recognised higher up the chain).
        forward_to: The level the dossier is sent on to (đề nghị cấp trên đánh giá), or
            ``None``.
    """

    regime: str
    level: Level
    stars: int
    mean: Fraction
    recognized_by: Level | None
    forward_to: Level | None

    @property
    def certificate(self) -> bool:
        """``True`` when a certificate is issued on this result."""
        return self.recognized_by is not None


def recognize(
    regime: Regime | str, *, level: Level, mean: int | Fraction, stars: int
) -> Recognition:
    """Who recognises a result of ``level`` and where the dossier goes next.

    - The stars are recognised by the level the regime gives them to
      (`Regime.recognises`) when that level is ``level`` or below it: a higher council's
      result can serve a lower level's recognition (26/2026/QĐ-TTg art. 7.4.g: a product
      under 90 points at the ministry may be recognised 3★/4★ by the province).
    - The dossier goes to the next level of the chain when the mean reaches the regime's
      forwarding threshold for ``level`` (`Regime.forward_at`: 26/2026 art. 7.3.e, a
      province sends products of 90 points or more to the ministry).

    Raises:
        OcopValueError: ``level`` is not in the regime's chain or ``stars`` is not 1–5.
    """
    reg = as_regime(regime)
    if level not in reg.chain:
        chain = " → ".join(lv.value for lv in reg.chain)
        raise OcopValueError(f"{reg.id} has no {level.value} level (chain: {chain})")
    if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5:
        raise OcopValueError(f"'stars' must be 1–5 (got {stars!r})")
    mean = Fraction(mean)
    by = reg.recognising_level(stars)
    if by is not None and reg.chain.index(by) > reg.chain.index(level):
        by = None
    threshold = reg.forward_at.get(level)
    forward = reg.next_level(level) if threshold is not None and mean >= threshold else None
    return Recognition(
        regime=reg.id, level=level, stars=stars, mean=mean, recognized_by=by, forward_to=forward
    )
