import type { PanelTeaser } from "../shared/frame-protocol";
import type { Teaser } from "../shared/types";

/** Cut before they leave for the panel: a page's 36,000-character link is not a story's. */
export const LIMITS = { title: 300, source: 100, summary: 600, url: 2_000, teasers: 5_000 } as const;

export const cut = (s: string | null, max: number): string | null => (s === null || s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** A teaser as the panel gets it: its strings cut to size, its link only if http(s) and not absurdly long. */
export function toPanelTeaser(teaser: Teaser, isNew: boolean): PanelTeaser {
  return {
    title: cut(teaser.title, LIMITS.title) ?? "",
    url: teaser.url && teaser.url.length <= LIMITS.url && /^https?:/i.test(teaser.url) ? teaser.url : null,
    source: cut(teaser.source, LIMITS.source),
    time: teaser.time,
    summary: cut(teaser.summary, LIMITS.summary),
    isNew,
  };
}
