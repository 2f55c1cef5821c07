import type { LanguageWords, TimeUnit } from "./language-words";
import type { TeaserTime } from "./types";
import { escapeRegExp } from "./regexp";

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

const alternation = (words: Iterable<string>): string =>
  [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");

/** Alef with or without hamza, the same letter to a reader: one length-preserving spelling. */
const foldAlef = (s: string): string => s.replace(/[أإآ]/g, "ا");

/** Latin digits for Arabic-Indic and Eastern Arabic-Indic ones. */
const latinDigits = (s: string): string =>
  s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));

interface Patterns {
  /** "2 hours ago", "1 hr 4 mins ago", "3小时前" (after-words) and "منذ ساعتين" (before-words). */
  relative: RegExp[];
  now: RegExp | null;
  yesterday: RegExp | null;
  monthFirst: RegExp;
  dayFirst: RegExp;
  /** A weekday just before a date ("Sat, "), to move the date's start over it. */
  weekday: RegExp | null;
  /** A clock at the end: "18:01", "20h00", "12時0分", "3:45 PM EST", "오후 8:06". */
  clock: RegExp;
  /** What joins a date to its clock, at the end of the date part: "at", "à", ",". */
  joiner: RegExp;
  am: Set<string>;
  unitOf: Map<string, { unit: TimeUnit; implied: number | null }>;
  numbers: Map<string, number>;
  monthOf: Map<string, number>;
}

const cache = new WeakMap<LanguageWords, Patterns>();

/** Zone abbreviations news pages print after a clock, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, msk: 180, ist: 330,
  wib: 420, wita: 480, wit: 540, hkt: 480, sgt: 480, jst: 540, kst: 540, aest: 600, aedt: 660,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};
const ZONE = `(${alternation(Object.keys(ZONES))})(?:\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?)?`;

function patternsFor(words: LanguageWords): Patterns {
  const cached = cache.get(words);
  if (cached) return cached;
  const rt = words.relativeTime;
  const unitOf = new Map<string, { unit: TimeUnit; implied: number | null }>();
  for (const [unit, forms] of Object.entries(rt.units) as [TimeUnit, Record<string, number | null>][]) {
    for (const [form, implied] of Object.entries(forms)) unitOf.set(foldAlef(form).toLowerCase(), { unit, implied });
  }
  const num = `(\\d+|${alternation(Object.keys(rt.numbers))})`;
  const unit = `(${alternation(unitOf.keys())})`;
  // No \b: sites run words together ("Newsweek2 days ago", "4시간전"). An amount and unit may
  // come first ("1 hr 4 mins ago"): groups 1-2 are that part, 3-4 the last amount and unit. The
  // first part needs digits after it, or "2 horas" would read as "2 hora" and "s" (seconds).
  const lead = `(?:${num}\\s*${unit}\\s*(?=\\d))?`;
  const relative: RegExp[] = [];
  if (rt.after.length) relative.push(new RegExp(`${lead}(?:${num}\\s*)?${unit}\\s*(?:${alternation(rt.after)})$`, "iu"));
  if (rt.before.length) relative.push(new RegExp(`(?:${alternation(rt.before.map(foldAlef))})\\s+${lead}(?:${num}\\s+)?${unit}$`, "iu"));
  const monthOf = new Map<string, number>();
  words.months.forEach((names, i) => names.forEach((n) => monthOf.set(foldAlef(n).toLowerCase(), i + 1)));
  const month = `(${alternation(monthOf.keys())})\\.?`;
  const { am, pm, at } = words.clock;
  // A group that never matches where the language has no halves, so the group numbers stay put.
  const half = am.length + pm.length ? `(${alternation([...am, ...pm])})` : "((?!x)x)";
  const patterns: Patterns = {
    relative,
    // Whole text only: "DC News Now" is a name, not a time.
    now: rt.now.length ? new RegExp(`^(?:${alternation(rt.now.map(foldAlef))})$`, "iu") : null,
    yesterday: rt.yesterday.length ? new RegExp(`^(?:${alternation(rt.yesterday.map(foldAlef))})$`, "iu") : null,
    monthFirst: new RegExp(`${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, "iu"),
    dayFirst: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:de\\s+)?${month},?\\s+(?:de\\s+)?(\\d{4})$`, "iu"),
    // Groups: 1 half before ("오후 8:06"), 2 hour, 3-4 minute and second after a colon, 5 minute
    // after "h" or 時, 6 half after ("3:45 PM"), 7-10 zone and offset.
    clock: new RegExp(
      `(?:${half}\\s*)?(?<![\\d:.])(\\d{1,2})(?:[:：](\\d{2})(?:[:：](\\d{2}))?|\\s*[h時时點点시]\\s*(\\d{1,2})\\s*[分분]?)(?:\\s*${half})?(?:\\s*(?<![\\p{L}])${ZONE})?$`,
      "iu",
    ),
    weekday: words.weekdays?.length ? new RegExp(`(?:^|[\\s,])(?:${alternation(words.weekdays.map(foldAlef))})\\.?[,،]?\\s*$`, "iu") : null,
    joiner: new RegExp(`(?:[\\s,]|^)(?:${at.length ? alternation(at) : "(?!)"})[\\s,]*$|[\\s,]+$`, "iu"),
    am: new Set(am.map((w) => w.toLowerCase())),
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
/** "16-05-2025", "2019/09/07", "2023.11.02." (Korean pages end a date with a dot). */
const NUMERIC = /(?<!\d)(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})\.?$/;
/** A weekday in brackets after a date: "(木)", "（火）", "(Thu)". */
const WEEKDAY = "(?:\\s*[(（]([^()（）\\d]{1,4})[)）])?";
/** "2019年09月07日", "2月11日（火）", "2023년 11월 2일 (목)": the year may be left out. */
const CJK_DATE = new RegExp(`(?<!\\d)(?:(\\d{4})\\s*[年년]\\s*)?(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日号號일]${WEEKDAY}$`, "u");
/** "3/9(木)": month and day, then the weekday that makes it a date (a bare "3/9" is a fraction or a score). */
const SLASH_WEEKDAY = /(?<![\d/])(\d{1,2})\/(\d{1,2})\s*[(（]([^()（）\d]{1,4})[)）]$/u;
const CJK = /[\p{sc=Han}\p{sc=Hangul}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/** Options a caller may set; each is off (or `now`) by default. */
export interface TimeOptions {
  /**
   * A clock alone ("15:50", "Unica.md 15:50") is a time today, or yesterday when today's would be
   * in the future. Off by default: verses and scores end in clocks too ("John 3:16"), and findTime
   * also answers "does this short text end in a time?" for texts that are not cards' stamps.
   */
  bareClock?: boolean;
  /**
   * Year-less dates ("2月11日", "3/9(木)") take the year that makes them the latest date not after
   * this day (the reader's calendar day); the story's own publication date is a good one for its
   * lists. Default: `now`.
   */
  reference?: Date;
}

/** A calendar day as "YYYY-MM-DD", or null when there is no such day (31-02). */
function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** The year that puts month/day last on or before `reference`'s day (Feb 29 goes back to a leap year). */
function yearFor(m: number, d: number, reference: Date): number {
  let y = reference.getFullYear();
  if (m > reference.getMonth() + 1 || (m === reference.getMonth() + 1 && d > reference.getDate())) y -= 1;
  for (let i = 0; i < 8 && !isoDate(y, m, d); i++) y -= 1;
  return y;
}

function numericDate(a: number, b: number, c: number, order: DateOrder): string | null {
  if (a > 999) return isoDate(a, b, c); // 2025-05-16 whatever the site's habit
  if (c < 1000) return null;
  // Unambiguous when one part cannot be a month; otherwise the site's habit decides.
  if (a > 12) return isoDate(c, b, a);
  if (b > 12) return isoDate(c, a, b);
  return order === "mdy" ? isoDate(c, a, b) : isoDate(c, b, a);
}

/** A clock read from the end of a text: hours and minutes of the day, and the zone when the page says it. */
interface Clock {
  index: number;
  h: number;
  mi: number;
  s: number;
  /** Minutes east of UTC; null: the page gave none (read as the reader's local time). */
  offset: number | null;
}

function readClock(text: string, p: Patterns): Clock | null {
  const m = p.clock.exec(text);
  if (!m) return null;
  const [, before, hour, colonMinute, second, markMinute, after, zone, sign, offH, offM] = m;
  const half = (before || after || "").toLowerCase();
  let h = Number(hour);
  const mi = Number(colonMinute ?? markMinute);
  if (half) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (p.am.has(half) ? 0 : 12);
  }
  if (h > 23 || mi > 59 || Number(second ?? 0) > 59) return null;
  let offset: number | null = null;
  if (zone) {
    const extra = offH ? (Number(offH) * 60 + Number(offM ?? 0)) * (sign === "-" ? -1 : 1) : 0;
    offset = (ZONES[zone.toLowerCase()] ?? 0) + extra;
  }
  return { index: m.index, h, mi, s: Number(second ?? 0), offset };
}

/** A day ("YYYY-MM-DD") at a clock, as an ISO instant: in the page's zone if it gave one, else the reader's. */
function atClock(day: string, c: Clock): string {
  const [y = 0, mo = 1, d = 1] = day.split("-").map(Number);
  const t = c.offset === null ? new Date(y, mo - 1, d, c.h, c.mi, c.s).getTime() : Date.UTC(y, mo - 1, d, c.h, c.mi, c.s) - c.offset * 60_000;
  return new Date(t).toISOString();
}

/** The reader's calendar day of `date`, as "YYYY-MM-DD". */
const localDay = (date: Date): string => isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate()) ?? "";

/** A date at the very end of `text` (a clock already cut off): where it starts and its day. */
function dateAtEnd(text: string, p: Patterns, order: DateOrder, reference: Date): { index: number; day: string | null } | null {
  const found = dateOnly(text, p, order, reference);
  const weekday = found && p.weekday ? p.weekday.exec(text.slice(0, found.index)) : null;
  if (!found || !weekday) return found;
  return { ...found, index: weekday.index + (/^[\s,]/.test(weekday[0]) ? 1 : 0) };
}

function dateOnly(text: string, p: Patterns, order: DateOrder, reference: Date): { index: number; day: string | null } | null {
  let m: RegExpExecArray | null;
  if ((m = NUMERIC.exec(text))) return { index: m.index, day: numericDate(Number(m[1]), Number(m[2]), Number(m[3]), order) };
  if ((m = CJK_DATE.exec(text))) {
    const mo = Number(m[2]);
    const d = Number(m[3]);
    return { index: m.index, day: isoDate(m[1] ? Number(m[1]) : yearFor(mo, d, reference), mo, d) };
  }
  if ((m = SLASH_WEEKDAY.exec(text))) {
    // A CJK weekday means a Japanese-style month/day; "(Thu)" follows the site's habit.
    const monthFirst = CJK.test(m[3] ?? "") || order === "mdy";
    const mo = Number(monthFirst ? m[1] : m[2]);
    const d = Number(monthFirst ? m[2] : m[1]);
    return { index: m.index, day: isoDate(yearFor(mo, d, reference), mo, d) };
  }
  if ((m = p.monthFirst.exec(text))) {
    return { index: m.index, day: isoDate(Number(m[3]), p.monthOf.get((m[1] ?? "").toLowerCase()) ?? 0, Number(m[2])) };
  }
  if ((m = p.dayFirst.exec(text))) {
    return { index: m.index, day: isoDate(Number(m[3]), p.monthOf.get((m[2] ?? "").toLowerCase()) ?? 0, Number(m[1])) };
  }
  return null;
}

/**
 * Finds a relative or absolute time at the end of `raw`, read at `now`.
 * Returns null when the text does not end with a time. `shown` false: a date's text is left
 * empty (writing it makes the page's first Intl formatter, tens of ms) for callers that only
 * ask whether there is a time. A clock without a zone ("2019-09-07 09:44", "3/9(木) 18:01") is
 * the reader's local time: a page's own readers mostly live in its zone, and no zone is better
 * guessed from the language (Portuguese is Lisbon and São Paulo).
 */
export function findTime(
  raw: string,
  words: LanguageWords,
  now: Date,
  order: DateOrder = "dmy",
  shown = true,
  options: TimeOptions = {},
): FoundTime | null {
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
  const amountOf = (amount: string | undefined, unit: { implied: number | null } | undefined): number | null | undefined =>
    amount ? (/^\d+$/.test(amount) ? Number(amount) : p.numbers.get(amount.toLowerCase())) : unit?.implied;

  for (const pattern of p.relative) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [, firstAmount, firstUnitWord, amount, unitWord = ""] = m;
    const unit = p.unitOf.get(unitWord.toLowerCase());
    // "years ago" alone is the end of a sentence, not a time stamp; "ساعتين" (two hours) says its count.
    const n = amountOf(amount, unit);
    const first = firstUnitWord ? p.unitOf.get(firstUnitWord.toLowerCase()) : undefined;
    const n1 = first ? amountOf(firstAmount, first) : 0;
    // "2019年前" is a year, not a stamp: no card counts a thousand units back.
    if (!unit || n === undefined || n === null || n >= 1000 || n1 === undefined || n1 === null) continue;
    return relative(m, n * SECONDS[unit.unit] + (first ? n1 * SECONDS[first.unit] : 0));
  }
  let m: RegExpExecArray | null;
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
  // Every absolute form has a digit; most texts a page holds have none.
  if (!/\d/.test(text)) return null;

  const absolute = (start: number, iso: string | null): FoundTime | null =>
    iso ? { text: shown ? formatRelative(iso, now, words.lang) : "", iso, start, relative: false } : null;

  if ((m = ISO.exec(text))) {
    const [, y, mo, d, h, mi, s, zone] = m;
    if (h === undefined) return absolute(m.index, isoDate(Number(y), Number(mo), Number(d)));
    // No zone: the reader's local time, as for every other clock (Date.parse reads it so).
    const parsed = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}${zone ?? ""}`);
    return Number.isNaN(parsed) ? null : absolute(m.index, new Date(parsed).toISOString());
  }
  const reference = options.reference ?? now;
  const clock = readClock(text, p);
  if (clock) {
    // The date part ends where the clock and its joiner ("at", ",") begin.
    const head = text.slice(0, clock.index);
    const datePart = head.slice(0, head.length - (p.joiner.exec(head)?.[0].length ?? 0));
    const date = dateAtEnd(datePart, p, order, reference);
    if (date) return date.day ? absolute(date.index, atClock(date.day, clock)) : null;
    if (p.yesterday?.test(datePart)) {
      return absolute(0, atClock(localDay(new Date(now.getTime() - SECONDS.day * 1000)), clock));
    }
    if (!options.bareClock) return null;
    const today = atClock(localDay(now), clock);
    // Later today than now: the stamp is yesterday's (a list read just after midnight).
    const iso = Date.parse(today) > now.getTime() ? atClock(localDay(new Date(now.getTime() - SECONDS.day * 1000)), clock) : today;
    return absolute(clock.index, iso);
  }
  const date = dateAtEnd(text, p, order, reference);
  return date ? absolute(date.index, date.day) : null;
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
