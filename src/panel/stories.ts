import { teaserKey } from "../shared/teaser-key";
import type { Teaser, TeaserTime } from "../shared/types";

/** One story in the panel: teasers of the same story from several outlets are one story. */
export interface Story {
  key: string;
  title: string;
  url: string | null;
  sources: string[];
  /** The newest stamp among its teasers. */
  time: TeaserTime | null;
  summary: string | null;
  /** Position on the page (first teaser). */
  order: number;
  /** Not among the stories seen on the last visit to this site. */
  isNew: boolean;
}

export type SortOrder = "page" | "newest";

const sameStory = (title: string): string => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Teasers as stories, in page order; `seen` holds teaser keys of the last visit (null: first visit). */
export function toStories(teasers: readonly Teaser[], seen: ReadonlySet<string> | null): Story[] {
  const byTitle = new Map<string, Story>();
  teasers.forEach((t, order) => {
    const id = sameStory(t.title);
    const story = byTitle.get(id);
    const isNew = seen !== null && !seen.has(teaserKey(t));
    if (!story) {
      byTitle.set(id, { key: teaserKey(t), title: t.title, url: t.url, sources: t.source ? [t.source] : [], time: t.time, summary: t.summary, order, isNew });
      return;
    }
    if (t.source && !story.sources.includes(t.source)) story.sources.push(t.source);
    if (t.time && (!story.time || Date.parse(t.time.iso) > Date.parse(story.time.iso))) story.time = t.time;
    story.url ??= t.url;
    story.summary ??= t.summary;
    story.isNew &&= isNew;
  });
  return [...byTitle.values()];
}

/** The stories to show: those matching the filter (title, source or summary), in the chosen order. */
export function arrange(stories: readonly Story[], sort: SortOrder, filter: string): Story[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = stories.filter((s) => {
    const text = `${s.title} ${s.sources.join(" ")} ${s.summary ?? ""}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const time = (s: Story): number => (s.time ? Date.parse(s.time.iso) : -Infinity);
  return sort === "newest" ? matching.sort((a, b) => time(b) - time(a) || a.order - b.order) : matching.sort((a, b) => a.order - b.order);
}
