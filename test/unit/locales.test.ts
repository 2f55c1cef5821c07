// The UI's strings: every language has every English string, with the same `$1`, `$2`, and every key
// the code, the manifest and the options page ask for exists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { localize } from "../../src/options/localize";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LOCALES_DIR = path.join(ROOT, "src/_locales");
const OPTIONS_HTML = path.join(ROOT, "src/options/options.html");

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, unknown>;
}
type Messages = Record<string, Entry>;

const read = (locale: string): Messages => JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, "messages.json"), "utf8")) as Messages;
const LOCALES = readdirSync(LOCALES_DIR).filter((d) => statSync(path.join(LOCALES_DIR, d)).isDirectory()).sort();
const EN = read("en");
const EN_KEYS = Object.keys(EN).sort();
/** The English message of a key ("" if there is none). */
const en = (key: string): string => EN[key]?.message ?? "";

/** The positional substitutions a message uses, sorted: "$2 of $1" → ["$1", "$2"]. */
const substitutions = (message: string): string[] => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

function walk(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "_locales" ? [] : walk(full, ext);
    return ext.test(d.name) ? [full] : [];
  });
}

describe("locales", () => {
  it("has English and Arabic at least", () => {
    expect(LOCALES).toEqual(expect.arrayContaining(["en", "ar"]));
  });

  describe.each(LOCALES)("%s", (locale) => {
    const messages = read(locale);

    it("has exactly the English keys", () => {
      const keys = Object.keys(messages);
      expect({ missing: EN_KEYS.filter((k) => !(k in messages)), extra: keys.filter((k) => !(k in EN)) }).toEqual({ missing: [], extra: [] });
    });

    it("has no empty message, and only the fields browsers know", () => {
      for (const [key, entry] of Object.entries(messages)) {
        expect(typeof entry.message, key).toBe("string");
        expect(entry.message.trim(), key).not.toBe("");
        expect(Object.keys(entry).filter((f) => !["message", "description", "placeholders"].includes(f)), key).toEqual([]);
      }
    });

    it("uses the same $1, $2 substitutions as English, and no other $", () => {
      const differ = Object.entries(messages)
        .filter(([key, entry]) => key in EN && substitutions(entry.message).join() !== substitutions(en(key)).join())
        .map(([key, entry]) => `${key}: "${entry.message}" vs "${en(key)}"`);
      expect(differ).toEqual([]);
      // A named $placeholder$ needs a "placeholders" entry; a lone $ is taken for one by the browsers.
      const strayDollars = Object.entries(messages)
        .filter(([, entry]) => /\$(?![1-9$])/.test(entry.message.replace(/\$\$/g, "")))
        .map(([key]) => key);
      expect(strayDollars).toEqual([]);
    });

    it("keeps the product name untranslated where English has it", () => {
      const lost = Object.entries(messages)
        .filter(([key, entry]) => EN[key]?.message.includes("Tidyread") && !entry.message.includes("Tidyread"))
        .map(([key]) => key);
      expect(lost).toEqual([]);
    });
  });
});

describe("keys the extension asks for", () => {
  /**
   * Every string literal in src/ that TypeScript reads as a MessageKey (t("key"), t(a ? "k1" : "k2"),
   * Record<…, MessageKey> maps, a parameter typed MessageKey, `"key" as MessageKey`), plus a plain grep
   * for t("key") / t('key') as a second net.
   */
  let used: Map<string, string>;
  beforeAll(() => {
    used = new Map();
    const files = walk(path.join(ROOT, "src"), /\.ts$/);
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config, ts.sys, ROOT);
    const program = ts.createProgram(files, { ...config.options, noEmit: true });
    const checker = program.getTypeChecker();
    const enKeys = new Set(EN_KEYS);
    const isMessageKey = (type: ts.Type | undefined): boolean =>
      !!type &&
      type.isUnion() &&
      type.types.every((m) => m.isStringLiteral()) &&
      type.types.length === enKeys.size &&
      type.types.every((m) => enKeys.has((m as ts.StringLiteralType).value));
    for (const file of files) {
      const source = program.getSourceFile(file);
      if (!source) throw new Error(`not in the program: ${file}`);
      const where = path.relative(ROOT, file);
      const visit = (node: ts.Node): void => {
        // Not a property's name ({ "ai-promo": "categoryAiPromo" }): TypeScript answers its value's type for it.
        const isName = (n: ts.Node): boolean => (ts.isPropertyAssignment(n.parent) || ts.isPropertySignature(n.parent)) && n.parent.name === n;
        if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isName(node)) {
          const asserted = ts.isAsExpression(node.parent) || ts.isTypeAssertionExpression(node.parent) ? checker.getTypeAtLocation(node.parent) : undefined;
          if (isMessageKey(checker.getContextualType(node)) || isMessageKey(asserted)) used.set(node.text, where);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      for (const [, key] of readFileSync(file, "utf8").matchAll(/\bt\(\s*["'`](\w+)["'`]/g)) if (key) used.set(key, where);
    }
  }, 60_000);

  it("finds the keys through every way the code names them", () => {
    // t("…"), a ternary, a Record<Category, MessageKey>, a parameter typed MessageKey, options.ts.
    for (const key of ["panelNote", "readerClose", "readerOpen", "categoryAiPromo", "readerWidthNarrow", "showOriginal", "optionsSaved"]) {
      expect(used.has(key), key).toBe(true);
    }
  });

  it("every key used in src/ is in the English messages", () => {
    expect([...used].filter(([key]) => !(key in EN)).map(([key, file]) => `${key} (${file})`)).toEqual([]);
  });

  const manifestKeys = (): string[] => [...readFileSync(path.join(ROOT, "manifest.json"), "utf8").matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] ?? "");

  it("every __MSG_key__ of manifest.json is in the English messages", () => {
    expect(manifestKeys().length).toBeGreaterThan(0);
    expect(manifestKeys().filter((k) => !(k in EN))).toEqual([]);
  });

  it("every English key is used (by src/, options.html or the manifest): no string for translators to keep for nothing", () => {
    const html = readFileSync(OPTIONS_HTML, "utf8");
    const inHtml = new Set([...html.matchAll(/data-i18n(?:-attr)?="([^"]*)"/g)].flatMap((m) => (m[1] ?? "").split(/\s+/).map((p) => p.split(":").pop() ?? "")));
    const known = new Set([...used.keys(), ...inHtml, ...manifestKeys()]);
    expect(EN_KEYS.filter((k) => !known.has(k))).toEqual([]);
  });
});

describe("options page", () => {
  const html = readFileSync(OPTIONS_HTML, "utf8");
  const parse = (): Document => new DOMParser().parseFromString(html, "text/html");

  it("every data-i18n and data-i18n-attr key is in the English messages, and a $n has its child element", () => {
    const doc = parse();
    const textKeys = [...doc.querySelectorAll<HTMLElement>("[data-i18n]")].map((el) => ({ key: el.dataset["i18n"] ?? "", children: el.children.length }));
    const attrKeys = [...doc.querySelectorAll<HTMLElement>("[data-i18n-attr]")].flatMap((el) =>
      (el.dataset["i18nAttr"] ?? "").split(/\s+/).filter(Boolean).map((pair) => pair.split(":")[1] ?? `(no key in "${pair}")`),
    );
    expect(textKeys.length).toBeGreaterThan(30);
    expect([...textKeys.map((k) => k.key), ...attrKeys].filter((k) => !(k in EN))).toEqual([]);
    // Message "Press $1 ($2)." on an element with <kbd> and <span>: each $n is one of its elements,
    // and an element with children keeps them all.
    for (const { key, children } of textKeys) {
      const subs = substitutions(en(key));
      expect(subs.length, `${key}: its $n and its ${children} child element(s)`).toBe(children);
    }
  });

  it("the page's visible text is all behind keys (nothing hard-coded but the product name)", () => {
    const doc = parse();
    for (const el of doc.querySelectorAll("[data-i18n], script, style, title")) el.remove();
    const stray = (doc.body.textContent ?? "").replace(/Tidyread|…|[\s()./]/g, "");
    expect(stray).toBe("");
    const attrs = [...doc.querySelectorAll("[aria-label], [placeholder], [title]")].filter((el) => !el.hasAttribute("data-i18n-attr"));
    expect(attrs.map((el) => el.outerHTML)).toEqual([]);
  });

  it("localize() fills in the strings, keeps the elements a $n stands for, and sets lang and dir", () => {
    const doc = parse();
    const kbd = doc.getElementById("shortcut");
    localize(doc);
    expect(doc.documentElement.lang).toBe("en");
    expect(doc.documentElement.dir).toBe("ltr");
    expect(doc.title).toBe(en("optionsTitle"));
    expect(doc.getElementById("shortcut")).toBe(kbd);
    expect(doc.querySelector('[data-i18n="optionsToggleShortcut"]')?.textContent).toBe("Press … ().");
    expect(doc.getElementById("site")?.getAttribute("placeholder")).toBe(en("optionsSitePlaceholder"));
    expect(doc.getElementById("sites")?.getAttribute("aria-label")).toBe(en("optionsSitesList"));
    // The category switches are made by options.ts from the registry: test/unit/categories.test.ts.
  });

  it("localize() mirrors the page in Arabic", () => {
    const ar = read("ar");
    const chrome = (globalThis as unknown as { chrome: { i18n: { getMessage(key: string, subs?: string[]): string } } }).chrome;
    const english = chrome.i18n.getMessage;
    chrome.i18n.getMessage = (key, subs = []) =>
      key === "@@bidi_dir" ? "rtl" : key === "@@ui_locale" ? "ar" : (ar[key]?.message ?? "").replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? "");
    try {
      const doc = parse();
      localize(doc);
      expect(doc.documentElement.dir).toBe("rtl");
      expect(doc.documentElement.lang).toBe("ar");
      expect(doc.querySelector("h2")?.textContent).toBe(ar["optionsToggleHeading"]?.message ?? "-");
      expect(doc.getElementById("shortcut")).not.toBeNull();
      expect(doc.getElementById("shortcut-help")).not.toBeNull();
      expect(doc.querySelector("#defaults legend")?.textContent?.trim()).toBe(ar["optionsDefaultsLegend"]?.message ?? "-");
    } finally {
      chrome.i18n.getMessage = english;
    }
  });
});
