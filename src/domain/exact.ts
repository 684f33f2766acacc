// Exact rational arithmetic on bigint (rules.md "Arithmetic": binary floating point is not good
// enough; 0.7 × 80 + 0.3 × 80.65 = 80.195 must round to 80.20). Every value is kept reduced with a
// positive denominator, so structural equality is numeric equality.

export interface Exact {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

/**
 * Zero, the one value a zero works out to (`ratio`): most persons have no 加分 or 减分 event, and a
 * city's run kept 80,000 zeros of its own, some 7 MB.
 */
export const ZERO: Exact = { n: 0n, d: 1n };

export function ratio(n: bigint, d: bigint = 1n): Exact {
  if (d === 0n) throw new RangeError("division by zero");
  if (n === 0n) return ZERO;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ONE: Exact = ratio(1n);

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-])?\.(\d+)(?:[eE]([+-]?\d+))?$/;

/** Reads a plain decimal ("95", "-1.5", "0.85", "1e-7"); null when the text is not one. */
export function parseDecimal(text: string): Exact | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const sign = (m[1] ?? m[5]) === "-" ? -1n : 1n;
  const whole = m[2] ?? "0";
  const frac = m[3] ?? m[6] ?? "";
  const exp = BigInt(m[4] ?? m[7] ?? "0");
  let n = BigInt(whole + frac) * sign;
  let d = 10n ** BigInt(frac.length);
  if (exp > 0n) n *= 10n ** exp;
  if (exp < 0n) d *= 10n ** -exp;
  return ratio(n, d);
}

/**
 * The decimal a person meant by a number: a spreadsheet or JSON number is a double, and its
 * shortest round-trip text ("0.85", "80.65") is what was typed, so that is what we take exactly.
 */
export function exact(value: number | bigint | string | Exact): Exact {
  if (typeof value === "object") return value;
  if (typeof value === "bigint") return ratio(value);
  if (typeof value === "number") {
    // A whole number is what it reads as, without its text read back (most score cells).
    if (Number.isSafeInteger(value)) return ratio(BigInt(value));
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    const parsed = parseDecimal(String(value));
    if (!parsed) throw new RangeError(`unreadable number: ${value}`);
    return parsed;
  }
  const parsed = parseDecimal(value);
  if (!parsed) throw new RangeError(`not a decimal: ${value}`);
  return parsed;
}

export function add(a: Exact, b: Exact): Exact {
  return ratio(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Exact, b: Exact): Exact {
  return ratio(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Exact, b: Exact): Exact {
  return ratio(a.n * b.n, a.d * b.d);
}

export function div(a: Exact, b: Exact): Exact {
  if (b.n === 0n) throw new RangeError("division by zero");
  return ratio(a.n * b.d, a.d * b.n);
}

export function sum(values: readonly Exact[]): Exact {
  // Values over one denominator (scores in tenths, say) are added as numerators and reduced once:
  // each `add` looks for a common divisor, and a city's run adds millions of values.
  let n = 0n;
  let d = 1n;
  for (const value of values) {
    if (value.d === d) {
      n += value.n;
    } else {
      const total = add({ n, d }, value);
      n = total.n;
      d = total.d;
    }
  }
  return ratio(n, d);
}

/** -1, 0 or 1, as a comparator. */
export function compare(a: Exact, b: Exact): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function equals(a: Exact, b: Exact): boolean {
  return a.n === b.n && a.d === b.d;
}

export function min(a: Exact, b: Exact): Exact {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Exact, b: Exact): Exact {
  return compare(a, b) >= 0 ? a : b;
}

export function clamp(x: Exact, low: Exact, high: Exact | null): Exact {
  const floored = max(x, low);
  return high === null ? floored : min(floored, high);
}

export function floor(x: Exact): bigint {
  const q = x.n / x.d;
  return x.n < 0n && q * x.d !== x.n ? q - 1n : q;
}

export function ceil(x: Exact): bigint {
  return -floor(ratio(-x.n, x.d));
}

/** Half up (away from zero at exactly .5), to a whole number. */
export function roundHalfUp(x: Exact): bigint {
  // ⌊|n|/d + ½⌋ = ⌊(2|n| + d) / 2d⌋: one division of non-negative integers, which truncates to
  // the floor; it needs no common divisor found, so x may be unreduced (`roundTo` passes one).
  const magnitude = (2n * (x.n < 0n ? -x.n : x.n) + x.d) / (2n * x.d);
  return x.n < 0n ? -magnitude : magnitude;
}

/** Rounded half up to `places` decimals, still exact: 80.195 → 80.20. */
export function roundTo(x: Exact, places = 2): Exact {
  const scale = 10n ** BigInt(places);
  return ratio(roundHalfUp({ n: x.n * scale, d: x.d }), scale);
}

/** Fixed-point text after rounding half up: fixed(ratio(160391n, 2000n)) === "80.20". */
export function fixed(x: Exact, places = 2): string {
  const scale = 10n ** BigInt(places);
  const scaled = roundHalfUp({ n: x.n * scale, d: x.d });
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  return `${negative ? "-" : ""}${whole}${places > 0 ? `.${frac}` : ""}`;
}

/** A JS number for JSON or a spreadsheet cell, after rounding half up to `places` decimals. */
export function toNumber(x: Exact, places = 2): number {
  return Number(fixed(x, places));
}

/** Shortest exact decimal text when the value has a finite decimal expansion, else a fraction. */
export function toText(x: Exact): string {
  let d = x.d;
  let places = 0;
  while (d % 10n === 0n) {
    d /= 10n;
    places++;
  }
  while (d % 2n === 0n || d % 5n === 0n) {
    d = d % 2n === 0n ? d / 2n : d / 5n;
    places++;
  }
  if (d !== 1n) return `${x.n}/${x.d}`;
  const text = fixed(x, places);
  return places > 0 ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}
