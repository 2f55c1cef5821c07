/**
 * `https://news.example.org/*` for a page's URL (any port: match patterns have none), or null
 * for pages that are not on the web.
 */
export function originPattern(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url.includes("://") ? url : `https://${url}`);
    return protocol === "http:" || protocol === "https:" ? `${protocol}//${hostname}/*` : null;
  } catch {
    return null;
  }
}

/** Access to every site: the opt-in "all news sites" switch. */
export const ALL_SITES = "*://*/*";
