/**
 * Calls `onChange` when the page's URL changes without a new document (History API).
 * A content script cannot see the page's pushState calls, but it sees the DOM change
 * that follows them, and popstate for back and forward.
 */
export function watchNavigation(doc: Document, onChange: () => void): () => void {
  let url = doc.location?.href ?? "";
  const check = (): void => {
    const now = doc.location?.href ?? "";
    if (now === url) return;
    url = now;
    onChange();
  };
  const observer = new MutationObserver(check);
  observer.observe(doc, { childList: true, subtree: true });
  doc.defaultView?.addEventListener("popstate", check);
  return () => {
    observer.disconnect();
    doc.defaultView?.removeEventListener("popstate", check);
  };
}
