import type { UserRule } from "../shared/settings";
import type { Block } from "./classify";

const isElement = (n: Node | null): n is Element => n?.nodeType === Node.ELEMENT_NODE;

/**
 * A selector for `el` from tag names and positions only (an id where the page gives a stable
 * one): class names change with every redesign, the page's structure less often.
 */
export function structuralSelector(el: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = el; node && node !== node.ownerDocument.body && node !== node.ownerDocument.documentElement; node = node.parentElement) {
    const id = node.id;
    // Plain ids only (no escaping needed); ids with long digit runs are usually generated per load.
    if (/^[A-Za-z][\w-]*$/.test(id) && !/\d{3,}/.test(id) && node.ownerDocument.querySelectorAll(`#${id}`).length === 1) {
      parts.unshift(`#${id}`);
      return parts.join(" > ");
    }
    const tag = node.localName;
    let index = 1;
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.localName === tag) index += 1;
    }
    parts.unshift(`${tag}:nth-of-type(${index})`);
  }
  parts.unshift("body");
  return parts.join(" > ");
}

/**
 * The reader's rules as blocks for the same engine. A rule never hides the article: an element
 * holding the title is skipped, as is one inside a block the engine already marked.
 */
export function ruleBlocks(doc: Document, rules: readonly UserRule[], title: Element | null, taken: readonly Block[]): Block[] {
  const inBlock = new Set(taken.flatMap((b) => b.elements));
  const blocks: Block[] = [];
  for (const rule of rules) {
    let found: Element | null = null;
    try {
      found = doc.querySelector(rule.selector);
    } catch {
      continue; // A stored selector this browser cannot parse: ignored, never an error on the page.
    }
    if (!isElement(found) || (title && found.contains(title))) continue;
    if ([...inBlock].some((el) => el.contains(found))) continue;
    blocks.push({ category: rule.category, elements: [found], reason: "your rule for this site" });
  }
  return blocks;
}
