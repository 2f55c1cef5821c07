// Who may ask the background for something: Tidyread's own content script in a tab's top frame,
// or one of Tidyread's own pages (its frames inside a tab, its options page). A page, another
// extension or a sub-frame's copy of the content script is not.

/** The parts of runtime.MessageSender (or a Port's sender) the check reads. */
export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: unknown;
  frameId?: number;
}

/** Tidyread itself: its id and the URL prefixes its own pages load from. */
export interface OwnExtension {
  id: string;
  /** Each ends with "/", so that a longer id cannot pass for ours by sharing its start. */
  bases: readonly string[];
}

export type SenderKind = "content" | "extension-page";

/**
 * The bases of our pages: runtime.getURL(""), and the static-id address Chrome reports for a
 * web-accessible frame even when it was loaded through its use_dynamic_url address.
 */
export function ownExtension(id: string, pageBase: string): OwnExtension {
  const bases = [pageBase, `chrome-extension://${id}/`].filter((base) => base.endsWith("/"));
  return { id, bases: [...new Set(bases)] };
}

/** What sent a message, or null when the background must not act for it. */
export function senderKind(sender: SenderFacts, own: OwnExtension): SenderKind | null {
  if (!own.id || sender.id !== own.id || typeof sender.url !== "string") return null;
  const url = sender.url;
  if (own.bases.some((base) => url.startsWith(base))) return "extension-page";
  // A content script reports the page's URL; only the top frame's copy speaks for the tab.
  if (sender.tab && sender.frameId === 0 && /^https?:\/\//i.test(url)) return "content";
  return null;
}
