import type { Teaser } from "./types";

/** Identity of a teaser for merging duplicates: the content script's reading and the panel's list agree on it. */
export const teaserKey = (t: Teaser): string => t.url ?? `title:${t.title.toLowerCase()}`;
