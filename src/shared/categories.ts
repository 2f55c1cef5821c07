import type { MessageKey } from "./i18n";

/** What the extension knows about one kind of block it hides. */
export interface CategoryEntry {
  /** The value of `data-tidyread-hidden` and `data-tidyread-show`, and the name in messages and rules. */
  readonly id: string;
  /** Its name in the UI: the panel's switch, the picker's button, the options' rules list. */
  readonly nameKey: MessageKey;
  /** Its switch's words under "Hide by default" on the options page. */
  readonly optionLabelKey: MessageKey;
  /** Its key in the settings' `hide` object (stored: renaming one needs a migration). */
  readonly optionKey: string;
  /** How a block of it is proved, in English, for explanations; the detection code holds the proof itself. */
  readonly proof: string;
  /** Its blocks' teasers are listed in the panel as related stories. */
  readonly listedInPanel: boolean;
  /** Its name in the detector's English signals, e.g. "a comments block (text “No comments yet”)". */
  readonly signalName: string;
}

/** Every category, one entry each, in the order the UI lists them. */
export const CATEGORY_REGISTRY = [
  {
    id: "comments",
    nameKey: "categoryComments",
    optionLabelKey: "categoryComments",
    optionKey: "comments",
    proof: "a comment box or “No comments yet”",
    listedInPanel: false,
    signalName: "a comments block",
  },
  {
    id: "ai-promo",
    nameKey: "categoryAiPromo",
    optionLabelKey: "optionsHideAiPromo",
    optionKey: "ai-promo",
    proof: "the promo's own wording about AI features",
    listedInPanel: false,
    signalName: "an AI-features promo",
  },
  {
    id: "app-banner",
    nameKey: "categoryAppBanner",
    optionLabelKey: "optionsHideAppBanner",
    optionKey: "app-banner",
    // The site's own channels: its app, newsletter, social accounts, extension, "read in <app>".
    proof: "a store link or badge, an e-mail sign-up box, a follow link, or the promo's own call (“Subscribe to …”)",
    listedInPanel: false,
    signalName: "an app or newsletter promo",
  },
  {
    id: "sponsored",
    nameKey: "categorySponsored",
    optionLabelKey: "optionsHideSponsored",
    optionKey: "sponsored",
    proof: "a sponsored label over teaser-shaped cards",
    listedInPanel: false,
    signalName: "a sponsored list",
  },
  {
    id: "related",
    nameKey: "categoryRelated",
    optionLabelKey: "optionsHideRelated",
    optionKey: "related",
    proof: "a teaser card with a title",
    listedInPanel: true,
    signalName: "related-article teasers",
  },
] as const satisfies readonly CategoryEntry[];

type Registered = (typeof CATEGORY_REGISTRY)[number];
export type Category = Registered["id"];
/** A key of the settings' `hide` object. */
export type OptionKey = Registered["optionKey"];

export const CATEGORIES: readonly Category[] = CATEGORY_REGISTRY.map((c) => c.id);

/** One value per category, keyed by `key` (the id unless told): built from the registry, so none is missing. */
export function perCategory<K extends string, V>(value: (entry: Registered) => V, key: (entry: Registered) => K): Record<K, V>;
export function perCategory<V>(value: (entry: Registered) => V): Record<Category, V>;
export function perCategory<V>(value: (entry: Registered) => V, key: (entry: Registered) => string = (c) => c.id): Record<string, V> {
  return Object.fromEntries(CATEGORY_REGISTRY.map((c) => [key(c), value(c)]));
}

/** A category's entry, by id. */
export const CATEGORY: Record<Category, Registered> = perCategory((c) => c);
