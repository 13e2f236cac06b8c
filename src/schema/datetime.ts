// OCPP date-time handling.
//
// OCPP messages carry date-times as RFC 3339 text. Two rules on top of RFC 3339 apply here:
//  - a time zone designator is mandatory (`Z` or `+hh:mm` / `-hh:mm`), a local time without offset is rejected;
//  - in strict mode the fraction of a second has at most 3 digits (millisecond precision); more digits are a
//    FormatViolation. Lenient mode accepts any number of fraction digits but still requires the zone.

const DATE_TIME_SHAPE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})?$/;

/** Largest fraction precision OCPP allows in strict mode. */
export const MAX_FRACTION_DIGITS = 3;

export interface DateTimeCheckOptions {
  /** Default true: at most 3 fraction digits. */
  strict?: boolean;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Checks one date-time string. Returns undefined when it is acceptable, otherwise a short reason
 * (lower-case, no subject) such as `has 6 fraction digits, at most 3 are allowed`.
 */
export function checkOcppDateTime(text: string, opts: DateTimeCheckOptions = {}): string | undefined {
  const strict = opts.strict ?? true;
  const m = DATE_TIME_SHAPE.exec(text);
  if (!m) return 'is not an RFC 3339 date-time (expected YYYY-MM-DDThh:mm:ss[.sss] followed by Z or ±hh:mm)';
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  if (month < 1 || month > 12) return `has month ${mos} out of range 01-12`;
  if (day < 1 || day > daysInMonth(year, month)) return `has day ${ds} out of range for ${ys}-${mos}`;
  if (Number(hs) > 23) return `has hour ${hs} out of range 00-23`;
  if (Number(mis) > 59) return `has minute ${mis} out of range 00-59`;
  // 60 is RFC 3339's leap second.
  if (Number(ss) > 60) return `has second ${ss} out of range 00-60`;
  if (zone === undefined) return 'has no time zone (append Z or ±hh:mm)';
  if (zone.length === 6) {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return `has time zone offset ${zone} out of range`;
  }
  if (strict && frac !== undefined && frac.length > MAX_FRACTION_DIGITS) {
    return `has ${frac.length} fraction digits in the seconds, at most ${MAX_FRACTION_DIGITS} are allowed`;
  }
  return undefined;
}

export function isOcppDateTime(text: string, opts?: DateTimeCheckOptions): boolean {
  return checkOcppDateTime(text, opts) === undefined;
}

/** UTC, always exactly 3 fraction digits and `Z`, e.g. 2024-05-06T10:11:12.345Z. */
export function formatOcppDateTime(d: Date): string {
  // Date#toISOString already produces this exact shape for years 0000-9999 and throws on invalid dates.
  const iso = d.toISOString();
  if (iso.length !== 24) throw new RangeError(`date ${iso} cannot be written as an OCPP date-time (year outside 0000-9999)`);
  return iso;
}
