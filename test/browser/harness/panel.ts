import type { TestPage } from "./browsers";

/** A part of the panel's shadow root, by its data-part, as a selector for click() and focus(). */
export const panelPart = (name: string): string => `[data-tidyread-panel] >>> [data-part="${name}"]`;

/** Runs in the page: is the panel open (its handle says so)? */
export function panelOpen(): boolean {
  const root = document.querySelector("[data-tidyread-panel]")?.shadowRoot;
  return root?.querySelector('[data-part="handle"]')?.getAttribute("aria-expanded") === "true";
}

/** Waits for the panel, opens it with its handle if it is closed, and waits until it is open. */
export async function openPanel(page: TestPage): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector("[data-tidyread-panel]"));
  if (!(await page.evaluate(panelOpen))) await page.click(panelPart("handle"));
  await page.waitForFunction(panelOpen);
}
