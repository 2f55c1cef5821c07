// The stories a site showed on the reader's last visit, so that the panel can mark the others "New".
import browser from "webextension-polyfill";

/**
 * Story hashes kept per site, most recent first. A hash is at most 7 characters, so a site's item
 * stays under 2 KB however long the page's links or titles are, and storage.local (10 MB) holds
 * thousands of sites. A listing of more stories than this marks the ones past it "New" again.
 */
export const MAX_SEEN_PER_SITE = 200;

const storageKey = (siteId: string): string => `seen:${siteId}`;
/** What storyHash gives: 32 bits in base 36. */
const HASH = /^[0-9a-z]{1,7}$/;

/** A short stand-in for a story's key (its link or title): 32-bit FNV-1a of its UTF-16 units, in base 36. */
export function storyHash(storyKey: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < storyKey.length; i++) hash = Math.imul(hash ^ storyKey.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** Whether a story (by the panel's story key) is among `seen`. */
export function isSeen(seen: ReadonlySet<string>, storyKey: string): boolean {
  return seen.has(storyHash(storyKey));
}

/**
 * The hashes of the stories seen on the last visit to the site, most recent first; empty on a
 * first visit (or when storage cannot be read), where nothing should be marked new. Early builds
 * stored the keys themselves: they are hashed on reading.
 */
export async function loadSeen(siteId: string): Promise<ReadonlySet<string>> {
  const items: Record<string, unknown> = await browser.storage.local.get(storageKey(siteId)).catch(() => ({}));
  const stored = items[storageKey(siteId)];
  if (!Array.isArray(stored)) return new Set();
  const hashes = stored.filter((k): k is string => typeof k === "string").map((k) => (HASH.test(k) ? k : storyHash(k)));
  return new Set(hashes.slice(0, MAX_SEEN_PER_SITE));
}

/**
 * Remembers this visit's stories (the panel's story keys, in page order) before `previous` (what
 * loadSeen gave at the start of the visit), at most MAX_SEEN_PER_SITE hashes; nothing is written
 * when that changes nothing. Contract: call it only once the reader opened the panel, so a page
 * (or a visit the reader never looked at) cannot mark stories seen or write storage at will; pass
 * every story listed so far on each call. Never throws.
 */
export async function rememberSeen(siteId: string, storyKeys: readonly string[], previous: ReadonlySet<string>): Promise<void> {
  const hashes = [...new Set([...storyKeys.map(storyHash), ...previous])].slice(0, MAX_SEEN_PER_SITE);
  const before = [...previous];
  if (hashes.length === before.length && hashes.every((h, i) => h === before[i])) return;
  await browser.storage.local.set({ [storageKey(siteId)]: hashes }).catch(() => undefined);
}
