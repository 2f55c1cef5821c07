/**
 * Whether something of the page's lies over `box` in the top layer: a popover, a dialog or a
 * fullscreen element it opened after Tidyread's element (the top layer stacks in order of entry,
 * so the page's is drawn over Tidyread's). The page may draw a decoy there ("Click here to win")
 * over a button of the panel; a click then reaches the panel, but the reader meant the decoy.
 * Read when the reader acts, not kept up to date.
 */
export function pageCovers(doc: Document, box: DOMRect, ours: Element): boolean {
  for (const el of topLayerCandidates(doc)) {
    if (el === ours || ours.contains(el)) continue;
    // A modal dialog's backdrop covers the whole window.
    if (isModal(el)) return true;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top) return true;
  }
  return false;
}

/** The browsers' way into a closed shadow root, for an extension (Firefox: on the element; Chrome: chrome.dom). */
function shadowOf(el: Element): ShadowRoot | null {
  const firefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  const chromeDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: Element): ShadowRoot | null } } }).chrome?.dom;
  return chromeDom?.openOrClosedShadowRoot?.(el) ?? el.shadowRoot;
}

const TOP_LAYER = ":popover-open, dialog[open], :fullscreen";

function* topLayerCandidates(doc: Document): Generator<Element> {
  const roots: (Document | ShadowRoot)[] = [doc];
  for (let i = 0; i < roots.length; i += 1) {
    const root = roots[i];
    if (!root) continue;
    yield* safeQuery(root, TOP_LAYER);
    // The page may open its decoy inside a shadow root of its own.
    for (const el of root.querySelectorAll("*")) {
      const shadow = shadowOf(el);
      if (shadow) roots.push(shadow);
    }
  }
}

/** A browser that does not know one of the selectors (an older :popover-open) throws. */
function safeQuery(root: Document | ShadowRoot, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [...root.querySelectorAll("dialog[open]")];
  }
}

function isModal(el: Element): boolean {
  try {
    return el.matches("dialog:modal");
  } catch {
    return false;
  }
}
