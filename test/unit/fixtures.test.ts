import { describe, expect, it } from "vitest";
import { zeroCounts } from "../../src/content/hide";
import { siteFor } from "../../src/sites";
import { CATEGORIES } from "../../src/shared/types";
import { fixtureSlugs, loadFixture } from "../fixture-data";
import { hiddenUnder, pathOf, runSession } from "./support";

it("there are fixtures", () => {
  expect(fixtureSlugs().length).toBeGreaterThanOrEqual(9);
});

describe.each(fixtureSlugs())("fixture %s", (slug) => {
  const { html, expected } = loadFixture(slug);
  const detected = runSession(html, expected.url);
  // A page the generic detector turns down is still tidied when the reader asks (toolbar button):
  // the article must survive that too.
  const forced = expected.kind === "none" && !siteFor(new URL(expected.url).hostname);
  const { doc, session } = forced ? runSession(html, expected.url, true) : detected;
  const counts = session?.marks.counts() ?? zeroCounts();

  // Late blocks are inserted by the page's script, which does not run here; the browser tests cover them.
  if (!expected.late) {
    it("is detected as its kind", () => {
      expect(detected.session?.detection.kind ?? "none", detected.session?.detection.signals.join("\n")).toBe(expected.kind);
    });
  }

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
    for (const c of CATEGORIES) expect(counts[c], c).toBe(expected.hidden[c] ?? 0);
  });

  it("puts the related teasers in the panel list, in page order", () => {
    const got = (session?.teasers ?? []).map((t) => ({ title: t.title, url: t.url, source: t.source }));
    expect(got).toEqual(expected.teasers.map((t) => ({ title: t.title, url: t.url, source: t.source })));
    session?.teasers.forEach((t, i) => {
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
