import { afterEach, describe, expect, it } from "vitest";
import { pageCovers } from "../../src/content/covered";

/** Gives an element a box, as layout would. */
const place = (el: Element, left: number, top: number, width: number, height: number): void => {
  el.getBoundingClientRect = () => new DOMRect(left, top, width, height);
};

describe("pageCovers: the page's own top layer over the panel", () => {
  afterEach(() => document.body.replaceChildren());
  const panel = new DOMRect(900, 0, 380, 800);

  it("finds an open dialog of the page's over the panel, and not one beside it", () => {
    const ours = document.body.appendChild(document.createElement("div"));
    const dialog = document.body.appendChild(document.createElement("dialog"));
    dialog.setAttribute("open", "");
    place(dialog, 950, 100, 200, 40);
    expect(pageCovers(document, panel, ours)).toBe(true);
    place(dialog, 100, 100, 200, 40);
    expect(pageCovers(document, panel, ours)).toBe(false);
  });

  it("looks inside the page's shadow roots, and never counts Tidyread's own element", () => {
    const ours = document.body.appendChild(document.createElement("div"));
    ours.setAttribute("open", "");
    const holder = document.body.appendChild(document.createElement("div"));
    const dialog = holder.attachShadow({ mode: "open" }).appendChild(document.createElement("dialog"));
    dialog.setAttribute("open", "");
    place(dialog, 1000, 300, 100, 100);
    expect(pageCovers(document, panel, ours)).toBe(true);
    dialog.removeAttribute("open");
    const ourDialog = ours.appendChild(document.createElement("dialog"));
    ourDialog.setAttribute("open", "");
    place(ourDialog, 1000, 300, 100, 100);
    expect(pageCovers(document, panel, ours)).toBe(false);
  });

  it("ignores what has no size (a closed or empty popover)", () => {
    const ours = document.body.appendChild(document.createElement("div"));
    const dialog = document.body.appendChild(document.createElement("dialog"));
    dialog.setAttribute("open", "");
    place(dialog, 1000, 300, 0, 0);
    expect(pageCovers(document, panel, ours)).toBe(false);
  });
});
