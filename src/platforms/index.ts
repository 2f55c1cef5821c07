// Comment and recommendation platforms that sites embed. What identifies them is their public
// interface, the container a site is told to put on its page (Disqus: <div id="disqus_thread">)
// and the addresses their ad cards link through: data, one entry per platform.
import type { Category } from "../shared/types";

export interface Platform {
  name: string;
  category: Extract<Category, "comments" | "sponsored">;
  /** The documented container's selectors (an id or class the platform's embed code names). */
  containers: string[];
  /** Pieces of the addresses its paid cards link through (a host, a tracking parameter). */
  adLinks?: string[];
}

export const PLATFORMS: readonly Platform[] = [
  { name: "Disqus", category: "comments", containers: ["#disqus_thread"] },
  { name: "Facebook comments", category: "comments", containers: [".fb-comments"] },
  { name: "Coral", category: "comments", containers: ["#coral_thread", "#coral-comments"] },
  { name: "OpenWeb", category: "comments", containers: ["[data-spotim-module]", "#spotim-specific"] },
  { name: "Viafoura", category: "comments", containers: [".viafoura", "vf-conversations"] },
  { name: "Livefyre", category: "comments", containers: ["#livefyre-comments", "#livefyre"] },
  { name: "Hyvor Talk", category: "comments", containers: ["#hyvor-talk-view", "hyvor-talk-comments"] },
  { name: "Commento", category: "comments", containers: ["#commento"] },
  { name: "giscus", category: "comments", containers: [".giscus"] },
  { name: "utterances", category: "comments", containers: [".utterances"] },
  { name: "Changyan", category: "comments", containers: ["#SOHUCS"] },
  { name: "Taboola", category: "sponsored", containers: [], adLinks: ["utm_source=taboola", "taboola.com/", "tblci="] },
  { name: "Outbrain", category: "sponsored", containers: [], adLinks: ["outbrain.com/", "utm_source=outbrain", "obOrigUrl="] },
  { name: "Revcontent", category: "sponsored", containers: [], adLinks: ["revcontent.com/"] },
  { name: "MGID", category: "sponsored", containers: [], adLinks: ["mgid.com/"] },
  { name: "Zergnet", category: "sponsored", containers: [], adLinks: ["zergnet.com/"] },
  { name: "Yahoo Gemini", category: "sponsored", containers: [], adLinks: ["beap.gemini.yahoo.com/", "beap-bc.yahoo.com/"] },
  { name: "Google Ads", category: "sponsored", containers: [], adLinks: ["googleadservices.com/", "doubleclick.net/", "adclick.g."] },
];

/** Social networks: a page links them everywhere (share buttons, follow links); they are never a story's outlet. */
export const SOCIAL_HOSTS = ["twitter.com", "x.com", "facebook.com", "instagram.com", "linkedin.com", "pinterest.com", "reddit.com", "whatsapp.com", "t.me", "weibo.com", "line.me", "vk.com", "youtube.com", "tiktok.com"];

/** Every platform container, as one selector (for a single query per page). */
export const CONTAINER_SELECTOR = PLATFORMS.flatMap((p) => p.containers).join(", ");

/** The comment platform whose container `el` is, if any. */
export function platformOf(el: Element): Platform | null {
  return PLATFORMS.find((p) => p.containers.some((c) => el.matches(c))) ?? null;
}

/** Does an address go through an ad platform (a paid card's link)? */
export function isAdLink(href: string): boolean {
  return PLATFORMS.some((p) => p.adLinks?.some((piece) => href.includes(piece)));
}
