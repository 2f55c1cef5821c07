import { MESSAGE_LIMITS } from "../shared/messages";

/**
 * "Find the original": the query handed to the reader's own default search engine (the browser's
 * search API). Tidyread itself sends nothing anywhere.
 */
export function originalQuery(title: string, source: string | null): string {
  const clean = (s: string, max: number): string => s.replace(/["\s]+/g, " ").trim().slice(0, max);
  const quoted = `"${clean(title, MESSAGE_LIMITS.title)}"`;
  return source ? `${quoted} ${clean(source, MESSAGE_LIMITS.source)}` : quoted;
}
