import type messages from "../_locales/en/messages.json";

/** Every UI string has a key in src/_locales/en/messages.json (a test checks the other languages). */
export type MessageKey = keyof typeof messages;

interface I18n {
  getMessage(key: string, substitutions?: string[]): string;
}
// i18n is synchronous and the same in both browsers, so no polyfill (and no promise) is needed.
const api = (): I18n | undefined =>
  (globalThis as { browser?: { i18n?: I18n }; chrome?: { i18n?: I18n } }).browser?.i18n ??
  (globalThis as { chrome?: { i18n?: I18n } }).chrome?.i18n;

/** The UI string in the browser's language; `$1`, `$2` take the substitutions. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return api()?.getMessage(key, substitutions.map(String)) || key;
}

/** The direction of the browser's UI language: the extension's own pages mirror with it. */
export function uiDir(): "ltr" | "rtl" {
  return api()?.getMessage("@@bidi_dir") === "rtl" ? "rtl" : "ltr";
}

export function uiLang(): string {
  return api()?.getMessage("@@ui_locale").replace("_", "-") || "en";
}
