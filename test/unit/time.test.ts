import { afterEach, describe, expect, it, vi } from "vitest";
import { ar } from "../../src/lang/ar";
import { de } from "../../src/lang/de";
import { en } from "../../src/lang/en";
import { es } from "../../src/lang/es";
import { fr } from "../../src/lang/fr";
import { id } from "../../src/lang/id";
import { ja } from "../../src/lang/ja";
import { ko } from "../../src/lang/ko";
import { pt } from "../../src/lang/pt";
import { ro } from "../../src/lang/ro";
import { ru } from "../../src/lang/ru";
import { zh } from "../../src/lang/zh";
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

describe("findTime: CJK relative times, spaces or none", () => {
  it.each([
    [ja, "3時間前", 10_800],
    [ja, "5分前", 300],
    [ja, "2日前", 172_800],
    [zh, "3小时前", 10_800],
    [zh, "3小時前", 10_800],
    [zh, "2分钟前", 120],
    [zh, "21小时前", 75_600],
    [zh, "两天前", 172_800],
    [zh, "半小时前", 1800],
    [zh, "一个月前", 30 * 86_400],
    [ko, "3시간 전", 10_800],
    [ko, "4시간전", 14_400],
    [ko, "1일전", 86_400],
    [ko, "1시간 30분 전", 5400],
    [zh, "刚刚", 0],
    [zh, "方才", 0],
    [zh, "昨天", 86_400],
    [ko, "어제", 86_400],
    [ko, "방금 전", 0],
    [ja, "たった今", 0],
  ])("%#: %s", (words, text, seconds) => {
    expect(findTime(text, words, now)).toMatchObject({ iso: ago(seconds), relative: true, start: 0, text });
  });

  it("says where a time run into a source starts", () => {
    expect(findTime("新京报21小时前", zh, now)).toMatchObject({ start: 3, text: "21小时前", iso: ago(75_600) });
    expect(findTime("뉴스타파 4시간전", ko, now)).toMatchObject({ start: 5, text: "4시간전" });
  });

  it("reads a year, not a stamp, in a thousand units back, and needs an amount", () => {
    expect(findTime("2019年前", zh, now)).toBeNull();
    expect(findTime("小时前", zh, now)).toBeNull();
    expect(findTime("以前", zh, now)).toBeNull();
  });
});

describe("findTime: relative times in the other new languages", () => {
  it.each([
    [pt, "há 2 horas", 7200],
    [pt, "2 horas atrás", 7200],
    [pt, "há um dia", 86_400],
    [pt, "ontem", 86_400],
    [ro, "acum o oră", 3600],
    [ro, "Acum 5 minute", 300],
    [ro, "acum 3 zile", 259_200],
    [ro, "ieri", 86_400],
    [ru, "5 минут назад", 300],
    [ru, "час назад", 3600],
    [ru, "21 час назад", 75_600],
    [ru, "вчера", 86_400],
    [id, "2 jam yang lalu", 7200],
    [id, "sejam yang lalu", 3600],
    [id, "3 hari lalu", 259_200],
    [en, "1 hr 4 mins ago", 3840],
  ])("%#: %s", (words, text, seconds) => {
    expect(findTime(text, words, now)?.iso).toBe(ago(seconds));
  });

  it("keeps a source before a compound English stamp", () => {
    expect(findTime("AP - 53 mins ago", en, now)).toMatchObject({ start: 5, text: "53 mins ago", iso: ago(3180) });
    expect(findTime("AP – 1 hr 4 mins ago", en, now)).toMatchObject({ start: 5, text: "1 hr 4 mins ago" });
  });
});

/** The reader's local time, as an ISO instant: zone-less clocks are read so. */
const local = (y: number, mo: number, d: number, h = 0, mi = 0): string => new Date(y, mo - 1, d, h, mi).toISOString();

describe("findTime: dates and date-times as pages write them", () => {
  it.each([
    [zh, "2019-09-07 09:44", local(2019, 9, 7, 9, 44), 0],
    [zh, "2019年09月07日 09:44", local(2019, 9, 7, 9, 44), 0],
    [zh, "TNW中文站 2016年10月14日07:17", local(2016, 10, 14, 7, 17), 7],
    [ja, "2月11日（火）12時0分", local(2026, 2, 11, 12, 0), 0],
    [ja, "KPOP monster 2月11日（火）12時0分", local(2026, 2, 11, 12, 0), 13],
    [ja, "3/9(木) 18:01", local(2026, 3, 9, 18, 1), 0],
    [pt, "14/03/2020 20h00", local(2020, 3, 14, 20, 0), 0],
    [pt, "14/03/2020 às 20h00", local(2020, 3, 14, 20, 0), 0],
    [en, "December 1, 2016 at 3:45 PM", local(2016, 12, 1, 15, 45), 0],
    [en, "Dec 1st 2016 1:01PM", local(2016, 12, 1, 13, 1), 0],
    [ro, "Unica.md, 20 septembrie 2020 16:20", local(2020, 9, 20, 16, 20), 10],
    [ko, "입력2023.11.02. 오후 8:06", local(2023, 11, 2, 20, 6), 2],
    [ko, "2023년 11월 2일 오전 12:30", local(2023, 11, 2, 0, 30), 0],
    [ru, "вчера в 15:30", local(2026, 11, 21, 15, 30), 0],
  ])("%#: %s", (words, text, iso, start) => {
    expect(findTime(text, words, now)).toMatchObject({ iso, start, relative: false });
  });

  it("reads a zone the page names, and keeps the source before the date", () => {
    expect(findTime("Nov. 20, 2019 12:00 AM EST", en, now)?.iso).toBe("2019-11-20T05:00:00.000Z");
    expect(findTime("Nov. 20, 2019 6:02 AM EST", en, now)).toMatchObject({ iso: "2019-11-20T11:02:00.000Z", start: 0 });
    expect(findTime("Kompas.com - 02/11/2023, 21:34 WIB", en, now)).toMatchObject({ iso: "2023-11-02T14:34:00.000Z", start: 13 });
    expect(findTime("Oct 9, 2019, 11:05 IST", en, now)?.iso).toBe("2019-10-09T05:35:00.000Z");
    expect(findTime("14 May 2020 17:55 UTC", en, now)?.iso).toBe("2020-05-14T17:55:00.000Z");
  });

  it("reads a zone-less ISO clock as the reader's local time, like every other clock", () => {
    expect(findTime("2019-09-07 13:43:45", zh, now)?.iso).toBe(new Date(2019, 8, 7, 13, 43, 45).toISOString());
    expect(findTime("2025-05-16T10:30:00Z", en, now)?.iso).toBe("2025-05-16T10:30:00.000Z");
  });

  it("reads date-only forms as days", () => {
    expect(findTime("2019年9月7日", zh, now)?.iso).toBe("2019-09-07");
    expect(findTime("20 septembrie 2020", ro, now)?.iso).toBe("2020-09-20");
    expect(findTime("14 de março de 2020", pt, now)?.iso).toBe("2020-03-14");
    expect(findTime("16. Mai 2025", de, now)?.iso).toBe("2025-05-16");
  });

  it("gives a year-less date the latest year not after the reference day", () => {
    // now is 2026-11-22: 2月11日 is this year's, 12月1日 last year's, today's date is today's.
    expect(findTime("2月11日", ja, now)?.iso).toBe("2026-02-11");
    expect(findTime("12月1日", ja, now)?.iso).toBe("2025-12-01");
    expect(findTime("11月22日", zh, now)?.iso).toBe("2026-11-22");
    // A story published 2017-03-09 dates its lists by that day, not by the reader's.
    const reference = new Date(2017, 2, 9, 18, 45);
    expect(findTime("3/9(木) 18:01", ja, now, "dmy", true, { reference })?.iso).toBe(local(2017, 3, 9, 18, 1));
    expect(findTime("3/4(土) 20:10", ja, now, "dmy", true, { reference })?.iso).toBe(local(2017, 3, 4, 20, 10));
    expect(findTime("12/28(水)", ja, now, "dmy", true, { reference })?.iso).toBe("2016-12-28");
    // Feb 29 goes back to the last leap year.
    expect(findTime("2月29日", ja, now, "dmy", true, { reference })?.iso).toBe("2016-02-29");
  });

  it("reads month/day before a weekday in brackets: CJK always month first, '(Thu)' by the site's order", () => {
    expect(findTime("3/9(木)", ja, now, "dmy")?.iso).toBe("2026-03-09");
    expect(findTime("3/9 (Thu)", en, now, "dmy")?.iso).toBe("2026-09-03");
    expect(findTime("3/9 (Thu)", en, now, "mdy")?.iso).toBe("2026-03-09");
    expect(findTime("3/9", ja, now)).toBeNull();
  });

  it("rejects clocks and dates that cannot be", () => {
    for (const [words, text] of [
      [en, "December 1, 2016 at 25:45"],
      [en, "December 1, 2016 at 13:45 PM"],
      [ja, "2月30日（火）12時0分"],
      [en, "31-02-2025 10:00"],
      [en, "Score 12:61"],
    ] as const) {
      expect(findTime(text, words, now, "dmy", true, { bareClock: true }), text).toBeNull();
    }
  });
});

describe("findTime: a clock alone", () => {
  // Local noon-ish: 12:00Z may be another hour here, so today and yesterday are read from local parts.
  const at = new Date(2026, 10, 22, 16, 0);

  it("is not a time unless the caller says so", () => {
    expect(findTime("15:50", ro, at)).toBeNull();
    expect(findTime("John 3:16", en, at)).toBeNull();
  });

  it("is today, or yesterday when today's would be later than now", () => {
    const bare = { bareClock: true };
    expect(findTime("15:50", ro, at, "dmy", true, bare)).toMatchObject({ iso: local(2026, 11, 22, 15, 50), start: 0, relative: false });
    expect(findTime("23:00", ro, at, "dmy", true, bare)?.iso).toBe(local(2026, 11, 21, 23, 0));
    expect(findTime("Unica.md 17:40", ro, at, "dmy", true, bare)).toMatchObject({ iso: local(2026, 11, 21, 17, 40), start: 9 });
  });
});

describe("findTime: a weekday before the date belongs to it", () => {
  it("starts the date at its weekday, so the weekday is not read as a source", () => {
    expect(findTime("Sat, May 17, 2025, 9:02 AM", en, now)).toMatchObject({ start: 0, iso: local(2025, 5, 17, 9, 2) });
    expect(findTime("The Grayzone Thu, 14 May 2020 17:55 UTC", en, now)).toMatchObject({ start: 13, iso: "2020-05-14T17:55:00.000Z" });
    expect(findTime("الإثنين، 24 أغسطس 2020", ar, now)?.iso).toBe("2020-08-24");
  });
});
