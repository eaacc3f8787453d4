/** The logistic function, shared by scoring, calibration and training (its own file so they need not import each other). */

/**
 * Logistic function 1 / (1 + e^-x) without overflow: for negative x it is
 * computed as e^x / (1 + e^x). Saturates to exactly 0 or 1 only when the true
 * value is closer to them than a double can tell; never NaN for finite x.
 */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
