/**
 * A rate as published (DESIGN, "Statistics"): numerator and denominator beside the value, so a
 * reader can recompute it or another variant over a different base. `value` is the unrounded
 * fraction from 0 to 1, null when the denominator is 0.
 */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  readonly value: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}
