import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../../src/shared/types";
import { fixtureSlugs, loadFixture } from "../fixture-data";
import { hiddenUnder, pathOf, runSession } from "./support";

it("there are fixtures", () => {
  expect(fixtureSlugs().length).toBeGreaterThanOrEqual(9);
});

describe.each(fixtureSlugs())("fixture %s", (slug) => {
  const { html, expected } = loadFixture(slug);
  // Late blocks are inserted by the page's script, which does not run here; the browser tests cover them.
  const { doc, session } = runSession(html, expected.url);

  it("is detected as its kind", () => {
    expect(session.detection.kind).toBe(expected.kind);
  });

  it("keeps every word of the article visible", () => {
    const hidden = [...doc.querySelectorAll("[data-expect=article]")].filter((el) => hiddenUnder(el) !== null);
    expect(hidden.map((el) => `${pathOf(el)}: ${el.textContent?.trim().slice(0, 60)}`)).toEqual([]);
  });

  if (expected.late) {
    it("hides nothing before the page's own script inserts the blocks", () => {
      expect(doc.querySelectorAll("[data-tidyread-hidden]")).toHaveLength(0);
    });
    return;
  }

  it("hides every expected block, in the expected number, with the right category", () => {
    const wrong = [...doc.querySelectorAll("[data-expect-hidden]")].filter(
      (el) => hiddenUnder(el) !== el.getAttribute("data-expect-hidden"),
    );
    expect(wrong.map((el) => `${pathOf(el)} (${el.getAttribute("data-expect-hidden")}) is under ${hiddenUnder(el)}`)).toEqual([]);
    const counts = session.marks.counts();
    for (const c of CATEGORIES) expect(counts[c], c).toBe(expected.hidden[c] ?? 0);
  });

  it("puts the related teasers in the panel list, in page order", () => {
    const got = session.teasers.map((t) => ({ title: t.title, url: t.url, source: t.source }));
    expect(got).toEqual(expected.teasers.map((t) => ({ title: t.title, url: t.url, source: t.source })));
    session.teasers.forEach((t, i) => {
      const want = expected.teasers[i];
      if (!want) return;
      if (want.summaryStartsWith) expect(t.summary ?? "").toContain(want.summaryStartsWith);
      else expect(t.summary).toBeNull();
      if (want.time && "agoSeconds" in want.time) {
        expect(t.time?.text).toBe(want.time.text);
        const age = (Date.now() - Date.parse(t.time?.iso ?? "")) / 1000;
        expect(Math.abs(age - want.time.agoSeconds)).toBeLessThan(60);
      } else if (want.time) {
        expect(t.time?.iso).toBe(want.time.iso);
      }
    });
  });
});
