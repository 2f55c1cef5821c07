/**
 * "Find the original": the query handed to the reader's own default search engine (the browser's
 * search API). Tidyread itself sends nothing anywhere.
 */
export function originalQuery(title: string, source: string | null): string {
  const clean = (s: string): string => s.replace(/["\s]+/g, " ").trim().slice(0, 300);
  const quoted = `"${clean(title)}"`;
  return source ? `${quoted} ${clean(source)}` : quoted;
}
