// Tidyread's panel as a reader meets it: a handle at the page's edge (in a closed shadow root the
// page's main world cannot query) and an extension page in a frame. Tests reach both as a user
// does: a real click where the handle is drawn, and the frame through TestPage.extensionFrame.
import type { TestFrame, TestPage } from "./browsers";

export const PANEL_PATH = "/src/panel/panel.html";
export const READER_PATH = "/src/reader/reader.html";

/** Where the handle is drawn: at the middle of the page's end edge (the left one on right-to-left pages, or as the options say). */
export async function handlePoint(page: TestPage, side?: "left" | "right"): Promise<{ x: number; y: number }> {
  return page.evaluate((forced: "left" | "right" | null) => {
    const root = document.documentElement;
    const rtl = root.dir === "rtl" || getComputedStyle(root).direction === "rtl";
    const onLeft = forced ? forced === "left" : rtl;
    // clientWidth leaves out a classic scrollbar, which Firefox draws over the page's end edge.
    return { x: onLeft ? 8 : root.clientWidth - 8, y: Math.round(innerHeight / 2) };
  }, side ?? null);
}

/** Waits until Tidyread has tidied the page (the kind mark on <html>). */
export async function waitForTidy(page: TestPage, kind = "article"): Promise<void> {
  await page.waitForFunction((k: string) => document.documentElement.getAttribute("data-tidyread-kind") === k, { timeout: 15_000 }, kind);
}

/** The panel frame, once it exists (it is made at idle after load, or when the panel first opens). */
export function panelFrame(page: TestPage, timeout = 10_000): Promise<TestFrame> {
  return page.extensionFrame(PANEL_PATH, { timeout });
}

/** Whether the panel is shown: the frame is visible to the reader (its document has a size). */
export async function panelShown(frame: TestFrame): Promise<boolean> {
  return frame.evaluate(() => innerWidth > 0 && innerHeight > 0 && document.visibilityState === "visible");
}

/**
 * Opens the panel with a real click on its handle and returns its frame once it lists what the
 * content script sent (the first view arrived).
 */
export async function openPanel(page: TestPage, opts: { side?: "left" | "right" } = {}): Promise<TestFrame> {
  await waitForTidy(page);
  const point = await handlePoint(page, opts.side);
  await page.mouseClick(point.x, point.y);
  const frame = await panelFrame(page);
  await frame.waitForFunction(() => document.querySelector('[data-part="note"]')?.textContent !== "" || document.querySelector('[data-part="teasers"] > li') !== null, {
    timeout: 10_000,
  });
  return frame;
}

/** The panel's story titles, in the order shown. */
export function storyTitles(frame: TestFrame): Promise<string[]> {
  return frame.evaluate(() => [...document.querySelectorAll('[data-part="teasers"] > li')].map((li) => (li.querySelector("a, .title")?.textContent ?? "").trim()));
}
