import type { LanguageWords, TimeUnit } from "../lang";
import type { TeaserTime } from "./types";

/** A time stamp found at the end of a text ("2 hours ago", "16-05-2025"). */
export interface FoundTime extends TeaserTime {
  /** Where the time starts in the (whitespace-collapsed) text; text before it is e.g. a source name. */
  start: number;
  relative: boolean;
}

export type DateOrder = "dmy" | "mdy" | "ymd";

const SECONDS: Record<TimeUnit, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 7 * 86_400,
  month: 30 * 86_400,
  year: 365 * 86_400,
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (words: Iterable<string>): string =>
  [...words].sort((a, b) => b.length - a.length).map(escape).join("|");

/** Alef with or without hamza, the same letter to a reader: one length-preserving spelling. */
const foldAlef = (s: string): string => s.replace(/[أإآ]/g, "ا");

/** Latin digits for Arabic-Indic and Eastern Arabic-Indic ones. */
const latinDigits = (s: string): string =>
  s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));

interface Patterns {
  relative: RegExp;
  now: RegExp | null;
  yesterday: RegExp | null;
  monthFirst: RegExp;
  dayFirst: RegExp;
  unitOf: Map<string, { unit: TimeUnit; implied: number | null }>;
  numbers: Map<string, number>;
  monthOf: Map<string, number>;
}

const cache = new WeakMap<LanguageWords, Patterns>();

function patternsFor(words: LanguageWords): Patterns {
  const cached = cache.get(words);
  if (cached) return cached;
  const rt = words.relativeTime;
  const unitOf = new Map<string, { unit: TimeUnit; implied: number | null }>();
  for (const [unit, forms] of Object.entries(rt.units) as [TimeUnit, Record<string, number | null>][]) {
    for (const [form, implied] of Object.entries(forms)) unitOf.set(foldAlef(form), { unit, implied });
  }
  const num = `(\\d+|${alternation(Object.keys(rt.numbers))})`;
  const unit = `(${alternation(unitOf.keys())})`;
  // "2 hours ago" (amount then "ago") or "منذ ساعتين" ("since" then amount). No \b: sites run words together.
  const relative =
    rt.after.length > 0
      ? new RegExp(`(?:${num}\\s*)?${unit}\\s+(?:${alternation(rt.after)})$`, "iu")
      : new RegExp(`(?:${alternation(rt.before.map(foldAlef))})\\s+(?:${num}\\s+)?${unit}$`, "iu");
  const monthOf = new Map<string, number>();
  words.months.forEach((names, i) => names.forEach((n) => monthOf.set(foldAlef(n), i + 1)));
  const month = `(${alternation(monthOf.keys())})\\.?`;
  const patterns: Patterns = {
    relative,
    // Whole text only: "DC News Now" is a name, not a time.
    now: rt.now.length ? new RegExp(`^(?:${alternation(rt.now.map(foldAlef))})$`, "iu") : null,
    yesterday: rt.yesterday.length ? new RegExp(`^(?:${alternation(rt.yesterday.map(foldAlef))})$`, "iu") : null,
    monthFirst: new RegExp(`${month}\\s+(\\d{1,2}),?\\s+(\\d{4})$`, "iu"),
    dayFirst: new RegExp(`(\\d{1,2})\\s+${month},?\\s+(\\d{4})$`, "iu"),
    unitOf,
    numbers: new Map(Object.entries(rt.numbers)),
    monthOf,
  };
  cache.set(words, patterns);
  return patterns;
}

/** "3h", "5 min", "2d" as feed cards print them, alone or after a bullet: the same in every language. */
const COMPACT = /(?:^|[•·|]\s*)(\d+)\s?(s|m|min|mins|h|hr|hrs|d|w|mo|y)$/i;
const COMPACT_UNITS: Record<string, TimeUnit> = {
  s: "second", m: "minute", min: "minute", mins: "minute", h: "hour", hr: "hour", hrs: "hour",
  d: "day", w: "week", mo: "month", y: "year",
};

const ISO = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$/;

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function numericDate(a: number, b: number, c: number, order: DateOrder): string | null {
  if (a > 999) return isoDate(a, b, c); // 2025-05-16 whatever the site's habit
  if (c < 1000) return null;
  // Unambiguous when one part cannot be a month; otherwise the site's habit decides.
  if (a > 12) return isoDate(c, b, a);
  if (b > 12) return isoDate(c, a, b);
  return order === "mdy" ? isoDate(c, a, b) : isoDate(c, b, a);
}

/**
 * Finds a relative or absolute time at the end of `raw`, read at `now`.
 * Returns null when the text does not end with a time. `shown` false: a date's text is left
 * empty (writing it makes the page's first Intl formatter, tens of ms) for callers that only
 * ask whether there is a time.
 */
export function findTime(raw: string, words: LanguageWords, now: Date, order: DateOrder = "dmy", shown = true): FoundTime | null {
  const squashed = raw.replace(/\s+/g, " ").trim();
  // Both foldings keep every character's place, so a match's position is the same in `squashed`.
  const text = foldAlef(latinDigits(squashed));
  if (!text || text.length > 200) return null;
  const p = patternsFor(words);
  const relative = (m: RegExpExecArray, seconds: number): FoundTime => ({
    text: squashed.slice(m.index, m.index + m[0].length).trim(),
    iso: new Date(now.getTime() - seconds * 1000).toISOString(),
    start: m.index,
    relative: true,
  });

  let m = p.relative.exec(text);
  if (m) {
    const [, amount, unitWord = ""] = m;
    const unit = p.unitOf.get(unitWord.toLowerCase());
    // "years ago" alone is the end of a sentence, not a time stamp; "ساعتين" (two hours) says its count.
    const n = amount ? (/^\d+$/.test(amount) ? Number(amount) : p.numbers.get(amount.toLowerCase())) : unit?.implied;
    if (unit && n !== undefined && n !== null) return relative(m, n * SECONDS[unit.unit]);
  }
  if ((m = COMPACT.exec(text))) {
    const unit = COMPACT_UNITS[(m[2] ?? "").toLowerCase()];
    if (unit) {
      const stamp = relative(m, Number(m[1]) * SECONDS[unit]);
      const lead = m[0].length - m[0].replace(/^[•·|]\s*/, "").length;
      return { ...stamp, text: stamp.text.slice(lead), start: m.index + lead };
    }
  }
  if ((m = p.now?.exec(text) ?? null)) return relative(m, 0);
  if ((m = p.yesterday?.exec(text) ?? null)) return relative(m, SECONDS.day);

  const absolute = (m: RegExpExecArray, iso: string | null): FoundTime | null =>
    iso ? { text: shown ? formatRelative(iso, now, words.lang) : "", iso, start: m.index, relative: false } : null;

  if ((m = ISO.exec(text))) {
    const [, y, mo, d, h, mi, s, zone] = m;
    if (h === undefined) return absolute(m, isoDate(Number(y), Number(mo), Number(d)));
    const parsed = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}${zone ?? "Z"}`);
    return Number.isNaN(parsed) ? null : absolute(m, new Date(parsed).toISOString());
  }
  if ((m = NUMERIC.exec(text))) return absolute(m, numericDate(Number(m[1]), Number(m[2]), Number(m[3]), order));
  if ((m = p.monthFirst.exec(text))) {
    return absolute(m, isoDate(Number(m[3]), p.monthOf.get((m[1] ?? "").toLowerCase()) ?? 0, Number(m[2])));
  }
  if ((m = p.dayFirst.exec(text))) {
    return absolute(m, isoDate(Number(m[3]), p.monthOf.get((m[2] ?? "").toLowerCase()) ?? 0, Number(m[1])));
  }
  return null;
}

/** A `datetime` attribute's value as ISO, or null. */
export function isoFromAttribute(value: string | null): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", SECONDS.year],
  ["month", SECONDS.month],
  ["week", SECONDS.week],
  ["day", SECONDS.day],
  ["hour", SECONDS.hour],
  ["minute", SECONDS.minute],
  ["second", 1],
];

/** One formatter per language: making one loads locale data (tens of ms for a page's first). */
const formatters = new Map<string, Intl.RelativeTimeFormat>();

/** "3 days ago" in the page's language, for stamps the page gave as dates. */
export function formatRelative(iso: string, now: Date, lang: string): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  const [unit, size] = STEPS.find(([, size]) => Math.abs(seconds) >= size) ?? ["second", 1];
  let format = formatters.get(lang);
  if (!format) {
    format = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
    formatters.set(lang, format);
  }
  return format.format(Math.round(seconds / size), unit);
}
