import type { UserRule } from "../shared/settings";
import type { Block } from "./classify";
import type { Story } from "./structure";

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

/** A stored selector this browser cannot parse matches nothing: never an error on the page. */
function firstMatch(doc: Document, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null;
  }
}

/** Is `el` one of `tops`, or inside one? */
function insideAny(el: Element, tops: ReadonlySet<Element>): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (tops.has(e)) return true;
  return false;
}

/** Whether an element holds story text: it is, holds or sits inside the story's title or a line of its prose. */
export type StoryGuard = (el: Element) => boolean;

/**
 * The guard for a story as classify found it (its title and prose lines). Two sets, built once:
 * the lines, and every element holding one; a question then walks only the element's ancestors.
 */
export function storyGuard(story: Pick<Story, "title" | "prose">): StoryGuard {
  const lines = new Set<Element>(story.prose);
  if (story.title) lines.add(story.title);
  const holding = new Set<Element>();
  for (const line of lines) for (let e: Element | null = line; e && !holding.has(e); e = e.parentElement) holding.add(e);
  return (el) => {
    if (holding.has(el)) return true;
    for (let e = el.parentElement; e; e = e.parentElement) if (lines.has(e)) return true;
    return false;
  };
}

/**
 * The reader's rules as blocks for the same engine. A rule never hides the story: an element
 * holding its title or prose is refused (a stale rule, or one planted in storage), and said so;
 * one inside a block the engine already marked is skipped, as is a selector this browser cannot parse.
 */
export function ruleBlocks(
  doc: Document,
  rules: readonly UserRule[],
  holdsStory: StoryGuard,
  taken: readonly Block[],
): { blocks: Block[]; refused: UserRule[] } {
  const inBlock = new Set(taken.flatMap((b) => b.elements));
  const blocks: Block[] = [];
  const refused: UserRule[] = [];
  for (const rule of rules) {
    const found = firstMatch(doc, rule.selector);
    if (!isElement(found)) continue;
    if (holdsStory(found)) {
      refused.push(rule);
      continue;
    }
    if (insideAny(found, inBlock)) continue;
    blocks.push({ category: rule.category, elements: [found], reason: "your rule for this site" });
  }
  return { blocks, refused };
}
