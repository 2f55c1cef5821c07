import { describe, expect, it, vi } from "vitest";

vi.mock("webextension-polyfill", () => ({ default: {} }));
const { DEFAULTS, sanitize } = await import("../../src/shared/settings");

describe("settings", () => {
  it("are the defaults when nothing, or nonsense, is stored", () => {
    expect(sanitize(undefined)).toEqual(DEFAULTS);
    expect(sanitize("oops")).toEqual(DEFAULTS);
    expect(sanitize({ hide: "all", sitesOff: [1, 2] })).toEqual(DEFAULTS);
  });

  it("keep good values, drop unknown keys, and fix bad values one by one", () => {
    const s = sanitize({ hide: { comments: false, related: "no", extra: true }, sitesOff: ["WWW.Daily8.com", "www.daily8.com"], theme: 3 });
    expect(s).toEqual({ ...DEFAULTS, hide: { ...DEFAULTS.hide, comments: false }, sitesOff: ["www.daily8.com"] });
    expect(sanitize({ theme: "dark", panelStart: "open" })).toMatchObject({ theme: "dark", panelStart: "open" });
    expect(sanitize({ theme: "neon", panelStart: 1 })).toMatchObject({ theme: "system", panelStart: "remember" });
  });

  it("keep the reader view's choices within range, and only well-formed rules", () => {
    expect(sanitize({ reader: { size: 99, width: "wide", theme: "sepia" } }).reader).toEqual({ size: 32, width: "wide", theme: "sepia" });
    expect(sanitize({ reader: { size: "big", width: 3 } }).reader).toEqual(DEFAULTS.reader);
    const rules = sanitize({
      rules: {
        "WWW.Example.org": [{ category: "comments", selector: "body > div:nth-of-type(2)" }, { category: "ads", selector: "x" }, { selector: "" }],
        "empty.example": [{ category: "related" }],
        "bad.example": "nope",
      },
    }).rules;
    expect(rules).toEqual({ "www.example.org": [{ category: "comments", selector: "body > div:nth-of-type(2)" }] });
  });

  it("migrate renamed keys", () => {
    expect(sanitize({ disabledSites: ["a.example"] }).sitesOff).toEqual(["a.example"]);
    expect(sanitize({ disabledSites: ["old.example"], sitesOff: ["new.example"] }).sitesOff).toEqual(["new.example"]);
  });
});
