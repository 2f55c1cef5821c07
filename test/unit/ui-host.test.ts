// Tidyread's one element in the page: it joins the page with its first UI, comes back when the page
// removes it, and leaves the page whole when Tidyread takes its UI out (a page that is not its business).
import { describe, expect, it } from "vitest";
import { PageUi } from "../../src/content/ui-host";

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe("PageUi", () => {
  it("joins the page on first use, is put back when the page removes it, and clear() takes it out for good until the next use", async () => {
    const abort = new AbortController();
    const ui = new PageUi(document, abort.signal);
    const before = document.documentElement.outerHTML;
    expect(ui.host.isConnected).toBe(false);
    ui.add(document.createElement("button"));
    expect(ui.host.parentNode).toBe(document.documentElement);

    ui.host.remove();
    await tick();
    expect(ui.host.parentNode).toBe(document.documentElement);

    ui.clear();
    expect(ui.host.isConnected).toBe(false);
    // The page changing <html> now does not bring it back.
    document.documentElement.append(document.createElement("p"));
    await tick();
    document.documentElement.lastElementChild?.remove();
    expect(ui.host.isConnected).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);

    ui.add(document.createElement("button"));
    expect(ui.host.parentNode).toBe(document.documentElement);
    abort.abort();
    expect(ui.host.isConnected).toBe(false);
  });
});
