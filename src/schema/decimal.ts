// OCPP `decimal` values (JSON numbers with schema type "number") carry at most 6 digits after the decimal point.
//
// The JSON text is gone once JSON.parse has run, so the count is taken from the value itself: we use
// the shortest decimal string that converts back to the same double (what Number#toString produces,
// per ECMAScript's Number::toString). That string has no trailing zeros, so `1.500` counts as 1 place,
// and a literal longer than a double can hold (`0.12345678901234567890`) counts as the 17 places of the
// nearest double, which is still more than 6, as intended. Exponent forms are handled: `1.5e-7` is
// 8 places, `1e+21` is 0.

export const MAX_DECIMAL_PLACES = 6;

/** Number of digits after the decimal point in the shortest round-trip form of n (0 for integers, NaN, Infinity). */
export function countDecimalPlaces(n: number): number {
  if (!Number.isFinite(n)) return 0;
  const text = Math.abs(n).toString();
  const e = text.indexOf('e');
  const mantissa = e === -1 ? text : text.slice(0, e);
  const exponent = e === -1 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const fractionDigits = dot === -1 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, fractionDigits - exponent);
}
