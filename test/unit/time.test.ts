import { afterEach, describe, expect, it, vi } from "vitest";
import { ar } from "../../src/lang/ar";
import { de } from "../../src/lang/de";
import { en } from "../../src/lang/en";
import { es } from "../../src/lang/es";
import { fr } from "../../src/lang/fr";
import { findTime, formatRelative, isoFromAttribute } from "../../src/shared/time";

const now = new Date("2026-11-22T12:00:00Z");
const ago = (seconds: number): string => new Date(now.getTime() - seconds * 1000).toISOString();

describe("findTime: relative times", () => {
  it.each([
    ["an hour ago", 3600],
    ["a minute ago", 60],
    ["9 minutes ago", 540],
    ["2 hours ago", 7200],
    ["2 days ago", 172_800],
    ["1 week ago", 604_800],
    ["just now", 0],
    ["Yesterday", 86_400],
    ["3 mins ago", 180],
    ["two hours ago", 7200],
  ])("%s is %i seconds before it was read", (text, seconds) => {
    const found = findTime(text, en, now);
    expect(found).toMatchObject({ iso: ago(seconds), relative: true, start: 0, text });
  });

  it("finds a time run into a source name and says where it starts", () => {
    expect(findTime("Newsweek2 days ago", en, now)).toMatchObject({ start: 8, text: "2 days ago", iso: ago(172_800) });
    expect(findTime("Russia Todayan hour ago", en, now)).toMatchObject({ start: 12, text: "an hour ago" });
  });

  it("reads Arabic-Indic digits", () => {
    expect(findTime("٥ minutes ago", en, now)?.iso).toBe(ago(300));
  });
});

describe("findTime: absolute dates", () => {
  it("reads Daily8's day-month-year and a source run into it", () => {
    expect(findTime("16-05-2025", en, now)).toMatchObject({ iso: "2025-05-16", relative: false, start: 0 });
    expect(findTime("Russia Today16-05-2025", en, now)).toMatchObject({ iso: "2025-05-16", start: 12 });
  });

  it("follows the site's order only when the date is ambiguous", () => {
    expect(findTime("05-06-2025", en, now, "dmy")?.iso).toBe("2025-06-05");
    expect(findTime("05-06-2025", en, now, "mdy")?.iso).toBe("2025-05-06");
    expect(findTime("25-12-2025", en, now, "mdy")?.iso).toBe("2025-12-25");
  });

  it("reads ISO stamps and month names", () => {
    expect(findTime("2025-05-16T10:30:00Z", en, now)?.iso).toBe("2025-05-16T10:30:00.000Z");
    expect(findTime("2025-05-16T12:30:00+02:00", en, now)?.iso).toBe("2025-05-16T10:30:00.000Z");
    expect(findTime("May 16, 2025", en, now)?.iso).toBe("2025-05-16");
    expect(findTime("16 May 2025", en, now)?.iso).toBe("2025-05-16");
  });

  it("shows absolute dates as a relative time in the page's language", () => {
    expect(findTime("20-11-2026", en, now)?.text).toBe("2 days ago");
    expect(formatRelative(ago(3600), now, "en")).toBe("1 hour ago");
  });

  it("rejects what is not a time", () => {
    for (const text of ["Russia Today", "31-02-2025", "hours", "Comments", "the 2 hours that changed everything", "riots at the airport years ago", "DC News Now", "Ask Yesterday", ""]) {
      expect(findTime(text, en, now), text).toBeNull();
    }
  });

  it("accepts only valid datetime attributes", () => {
    expect(isoFromAttribute("2025-05-16")).toBe("2025-05-16");
    expect(isoFromAttribute("2025-05-16T10:00:00Z")).toBe("2025-05-16T10:00:00.000Z");
    expect(isoFromAttribute("soon")).toBeNull();
    expect(isoFromAttribute(null)).toBeNull();
  });
});

describe("findTime: other languages", () => {
  it.each([
    ["منذ ساعة", 3600],
    ["منذ ساعتين", 7200],
    ["منذ 3 ساعات", 10_800],
    ["منذ ١١ ساعة", 39_600],
    ["منذ دقيقتين", 120],
    ["منذ يوم", 86_400],
    ["منذ اسبوع", 604_800],
    ["قبل 5 دقائق", 300],
    ["الآن", 0],
    ["أمس", 86_400],
  ])("Arabic %s", (text, seconds) => {
    expect(findTime(text, ar, now)?.iso).toBe(ago(seconds));
  });

  it("shows the stamp as the page wrote it, Arabic-Indic digits included", () => {
    expect(findTime("منذ ٣ ساعات", ar, now)).toMatchObject({ text: "منذ ٣ ساعات", iso: ago(10_800) });
  });

  it("reads an Arabic source run into its time, and Arabic month names", () => {
    expect(findTime("العربيةمنذ ساعة", ar, now)).toMatchObject({ start: 7, iso: ago(3600) });
    expect(findTime("16 مايو 2025", ar, now)?.iso).toBe("2025-05-16");
    expect(findTime("ساعات", ar, now)).toBeNull();
  });

  it.each([
    [fr, "il y a une heure", 3600],
    [fr, "il y a 5 min", 300],
    [fr, "hier", 86_400],
    [es, "hace 2 horas", 7200],
    [es, "hace un día", 86_400],
    [de, "vor 2 Stunden", 7200],
    [de, "vor einer Stunde", 3600],
    [de, "vor 3 Tagen", 259_200],
  ])("%s: %s", (words, text, seconds) => {
    expect(findTime(text, words, now)?.iso).toBe(ago(seconds));
  });

  it("reads month names in French", () => {
    expect(findTime("16 mai 2025", fr, now)?.iso).toBe("2025-05-16");
  });
});

describe("findTime: compact feed stamps", () => {
  it("reads 3h, 5 min, 2d alone or after a bullet, and keeps the source before the bullet", () => {
    expect(findTime("3h", en, now)).toMatchObject({ iso: ago(10_800), text: "3h", start: 0 });
    expect(findTime("5 min", en, now)?.iso).toBe(ago(300));
    expect(findTime("Reuters • 2d", en, now)).toMatchObject({ iso: ago(172_800), text: "2d", start: 10 });
  });

  it("does not read a number run into a word as a time", () => {
    expect(findTime("Covid19 3m", en, now)).toBeNull();
    expect(findTime("Route 66", en, now)).toBeNull();
    expect(findTime("Reuters3h", en, now)).toBeNull();
  });
});

describe("formatRelative", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("makes one Intl.RelativeTimeFormat per language, not one per call", () => {
    const Real = Intl.RelativeTimeFormat;
    let made = 0;
    class Counting extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        made += 1;
      }
    }
    vi.stubGlobal("Intl", Object.assign(Object.create(Intl) as typeof Intl, { RelativeTimeFormat: Counting }));
    // A language no other test formats in, so the cache starts empty for it.
    const texts = [1, 2, 3, 4, 5].map((h) => formatRelative(ago(h * 3600), now, "it"));
    expect(texts[0]).toBe(new Real("it", { numeric: "auto" }).format(-1, "hour"));
    expect(made).toBe(1);
    formatRelative(ago(60), now, "it");
    expect(made).toBe(1);
  });
});
