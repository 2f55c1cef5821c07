import { describe, expect, it } from "vitest";
import { arrange, toStories } from "../../src/panel/stories";
import type { PanelTeaser } from "../../src/shared/frame-protocol";
import type { Teaser } from "../../src/shared/types";

const at = (hoursAgo: number): { text: string; iso: string } => ({
  text: `${hoursAgo} hours ago`,
  iso: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
});
const t = (title: string, source: string, hoursAgo: number, url = `https://a.test/${title.length}`): Teaser => ({
  title,
  url,
  source,
  time: at(hoursAgo),
  summary: `${title} summary`,
});

const teasers = [
  t("Oil edges higher after EU sanctions", "Asharq Al-Awsat", 2),
  t("Hamas says no interim truce", "Al Arabiya", 1, "https://a.test/hamas-1"),
  t("Oil edges higher after EU sanctions!", "Reuters", 3, "https://b.test/oil"),
  t("Russia convicts dozens for riots", "Al Arabiya", 5),
];

/** The teasers as the panel gets them: those at `fresh` positions were not seen on the last visit. */
const asSeen = (list: Teaser[], fresh: number[]): PanelTeaser[] => list.map((teaser, i) => ({ ...teaser, isNew: fresh.includes(i) }));

describe("stories in the panel", () => {
  it("group one story from several outlets, keeping page order and the newest time", () => {
    const stories = toStories(asSeen(teasers, []));
    expect(stories.map((s) => [s.title, s.sources])).toEqual([
      ["Oil edges higher after EU sanctions", ["Asharq Al-Awsat", "Reuters"]],
      ["Hamas says no interim truce", ["Al Arabiya"]],
      ["Russia convicts dozens for riots", ["Al Arabiya"]],
    ]);
    expect(stories[0]?.time?.text).toBe("2 hours ago");
  });

  it("sort newest first, and filter on title, source or summary", () => {
    const stories = toStories(asSeen(teasers, []));
    expect(arrange(stories, "newest", "").map((s) => s.title[0])).toEqual(["H", "O", "R"]);
    expect(arrange(stories, "page", "reuters").map((s) => s.title)).toEqual(["Oil edges higher after EU sanctions"]);
    expect(arrange(stories, "page", "al arabiya riots").map((s) => s.title)).toEqual(["Russia convicts dozens for riots"]);
    expect(arrange(stories, "page", "nothing like this")).toEqual([]);
  });

  it("mark a story new only when none of its teasers was seen on the last visit", () => {
    expect(toStories(asSeen(teasers, [])).some((s) => s.isNew)).toBe(false);
    expect(toStories(asSeen(teasers, [0, 2, 3])).map((s) => s.isNew)).toEqual([true, false, true]);
    expect(toStories(asSeen(teasers, [0, 3])).map((s) => s.isNew)).toEqual([false, false, true]);
  });
});
