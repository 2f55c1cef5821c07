import type { LanguageWords } from "../lang";
import type { SiteProfile } from "../sites";
import type { Detection, Teaser } from "../shared/types";
import { siteNamesOf, teasersOfBlock } from "./cards";
import { classify, findTitle, type Block, type Classification, type Proofs, type StructureCache } from "./classify";
import { storyOutlet } from "./generic";
import { isTidyreadNode } from "./ours";
import { ATTR } from "../shared/attributes";
import { Marks } from "./hide";
import { buildVocabulary, findMarkers, type Marker, type Vocabulary } from "./markers";
import { ruleBlocks, storyGuard, type StoryGuard } from "./rules";
import type { Story } from "./structure";
import { teaserKey, type TeaserContext } from "./teasers";
import { RepairBudget } from "../shared/budget";
import type { UserRule } from "../shared/settings";

export interface SessionHooks {
  /** Blocks or teasers changed (after the page finished loading). */
  changed(): void;
  /**
   * For pages no site profile knows: decides what the page is once it is parsed (the
   * generic detector). Until then possible blocks are held back as on an article page.
   */
  decide?(): Detection;
}

const isOurs = isTidyreadNode;
const isElement = (n: Node): n is Element => n.nodeType === Node.ELEMENT_NODE;
/** Does an added node bring a link or a paragraph's worth of text (a card, a story's line)? */
const bringsStructure = (n: Node): boolean =>
  isElement(n) ? n.localName === "a" || n.getElementsByTagName("a").length > 0 || (n.textContent ?? "").length >= 80 : (n.nodeValue ?? "").length >= 80;

/**
 * How often a session marks again what the page undid (stripped its attribute, or replaced a
 * hidden block with a fresh copy): FIGHT_BUDGET times at once, then once every FIGHT_REFILL_MS
 * (see RepairBudget). Past the budget the page reads clean again within FIGHT_REFILL_MS of
 * stopping.
 */
export const FIGHT_BUDGET = 10;
export const FIGHT_REFILL_MS = 2_000;
/** How often the words of quietly changing text (a ticker) are read; see PageSession.quietTextChange. */
export const WORDS_CHECK_MS = 250;

/** The nodes not inside another of them: a batch's markers are found once, not once per ancestor added with it. */
function outermost(nodes: Node[]): Node[] {
  if (nodes.length < 2) return nodes;
  const added = new Set(nodes);
  /** Whether a node has an ancestor in `added`, for the ancestors already looked at. */
  const inside = new Map<Node, boolean>();
  return nodes.filter((n) => {
    const chain: Node[] = [];
    let answer = false;
    for (let p = n.parentNode; p; p = p.parentNode) {
      if (added.has(p)) {
        answer = true;
        break;
      }
      const known = inside.get(p);
      if (known !== undefined) {
        answer = known;
        break;
      }
      chain.push(p);
    }
    for (const c of chain) inside.set(c, answer);
    return !answer;
  });
}

/** Has `el` text, or has the page text after it? Then we know which block it belongs to. */
function placed(el: Element): boolean {
  if (/\S/.test(el.textContent ?? "")) return true;
  const walker = el.ownerDocument.createTreeWalker(el.ownerDocument.documentElement, NodeFilter.SHOW_TEXT);
  walker.currentNode = el;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!el.contains(n) && /\S/.test(n.nodeValue ?? "")) return true;
  }
  return false;
}

/**
 * Tidyread on one page (one URL): finds markers as the parser adds nodes, keeps the
 * page's marks equal to the current classification, and reads the related teasers.
 * Nothing it does is observed by itself: it only changes attributes and its own panel.
 */
export class PageSession {
  readonly marks = new Marks();
  /** Teasers read so far (see `teasers`). */
  private readonly read: Teaser[] = [];
  /** Cards not read yet: related blocks, and cards added to them, in the order they came. */
  private queuedCards: Block[] = [];
  /** Cards of lists found by structure that were queued once: a list found again reads only its new cards. */
  private readonly queuedListCards = new WeakSet<Element>();
  private readonly vocab: Vocabulary;
  private readonly teaserContext: TeaserContext;
  private readonly labels: Set<string>;
  private markers: Marker[] = [];
  private title: Element | null = null;
  private loading: boolean;
  /** Elements with no text yet, after the title: held back until we know what block they start. */
  private readonly waiting = new Set<Element>();
  private readonly proofs = new WeakMap<Element, Proofs>();
  /** The page's structure from the last pass (see classify's StructureCache). */
  private readonly structure: StructureCache = { value: null };
  private readonly readBlocks = new WeakSet<Element>();
  private readonly teaserKeys = new Map<string, Teaser>();
  private readonly observer: MutationObserver;
  /** The reader's own rules for this site (options page, picked in the panel). */
  private rules: readonly UserRule[] = [];
  /** Rules the last pass did not apply because their element holds the story (see refusedRules). */
  private refused: readonly UserRule[] = [];
  /** The story the last classification protected (its title and prose), and its guard, built on first use. */
  private story: Story | null = null;
  private guard: { story: Story; holds: StoryGuard } | null = null;
  private started = false;
  private readonly fights = new RepairBudget(FIGHT_BUDGET, FIGHT_REFILL_MS, () => this.catchUp());
  private readonly onLoaded = (): void => this.finishLoading();
  /** What the last classification read (see Classification.regions), to tell which changes need a new one. */
  private lastPass: Pick<Classification, "regions" | "articleEnd" | "endBlock"> | null = null;
  /** Text-only elements whose last change was quiet, with the pass that said so (see quietTextChange). */
  private readonly quietTexts = new WeakMap<Element, PageSession["lastPass"]>();
  /** Such elements changed since their words were last read, and the timer that reads them. */
  private readonly wordsDue = new Set<Element>();
  private wordsTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Document,
    public detection: Detection,
    site: SiteProfile | null,
    languages: LanguageWords[],
    private readonly hooks: SessionHooks,
  ) {
    this.vocab = buildVocabulary(languages, site);
    this.labels = new Set(this.vocab.phrases.keys());
    this.teaserContext = { languages, order: site?.dateOrder ?? "dmy", now: new Date(), baseURI: doc.baseURI };
    this.loading = doc.readyState === "loading";
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  /**
   * The related blocks' teasers, in page order. Their details (title, link, source, time,
   * summary) are read here, the first time they are asked for: hiding a block only needs to know
   * it holds a card, so the pass before the first paint reads a card or two, not all of them.
   */
  get teasers(): readonly Teaser[] {
    if (this.queuedCards.length) this.readQueued();
    return this.read;
  }

  /** Are there cards the next `teasers` will read (the panel's list is out of date)? */
  get teasersDue(): boolean {
    return this.queuedCards.length > 0;
  }

  start(): void {
    this.started = true;
    this.markers = findMarkers(this.doc, this.vocab);
    // Our own attributes too: to put back what the page strips (within the fight budget).
    this.observer.observe(this.doc, { childList: true, subtree: true, attributeFilter: [ATTR.hidden, ATTR.pending] });
    if (this.loading) this.doc.addEventListener("DOMContentLoaded", this.onLoaded, { once: true });
    else this.finishLoading();
  }

  /** Restores the page exactly: every attribute Tidyread set is removed. */
  stop(): void {
    this.observer.disconnect();
    this.fights.cancel();
    if (this.wordsTimer !== null) clearTimeout(this.wordsTimer);
    this.wordsTimer = null;
    this.wordsDue.clear();
    this.doc.removeEventListener("DOMContentLoaded", this.onLoaded);
    this.marks.clear();
    // Copies of marked elements the page made (cloneNode keeps attributes) are not in the marks.
    for (const attr of [ATTR.hidden, ATTR.pending]) for (const el of this.doc.querySelectorAll(`[${attr}]`)) el.removeAttribute(attr);
  }

  /** The outlet the story credits beside its title ("Russia Today16-05-2025"), for "Find the original". */
  articleSource(): string | null {
    return this.title ? storyOutlet(this.title, this.teaserContext) : null;
  }

  /** The article's title element, once found: what a picked block must never contain. */
  articleTitle(): Element | null {
    return this.title;
  }

  /**
   * Does `el` hold story text: is it, does it hold, or does it sit inside the story's title or a
   * line of its prose? The story is the one the last classification protected; on a listing page
   * (no story) only the title counts. A picked block or a rule's element that does is refused.
   */
  holdsStory(el: Element): boolean {
    return this.storyGuard()(el);
  }

  /** The site's rules the last pass refused because their element holds the story (for the panel to say so). */
  refusedRules(): readonly UserRule[] {
    return this.refused;
  }

  /** The guard for the current story, rebuilt only when a pass found another story. */
  private storyGuard(): StoryGuard {
    const story = this.story ?? { title: this.title, body: null, prose: [] };
    if (this.guard?.story !== story) this.guard = { story, holds: storyGuard(story) };
    return this.guard.holds;
  }

  setRules(rules: readonly UserRule[]): void {
    if (rules === this.rules) return;
    this.rules = rules;
    if (this.started && !this.loading && this.detection.kind !== "none") this.reconcile();
  }

  /** The fight budget was spent and a repair is due again: mark again what the page undid meanwhile. */
  private catchUp(): void {
    if (!this.fights.take()) return;
    this.marks.repairAll();
    if (!this.loading && this.detection.kind !== "none") this.reconcile();
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.quietTextChange(records)) return;
    const added: Node[] = [];
    const tampered = new Set<Element>();
    let undone = false;
    for (const r of records) {
      if (r.type === "attributes") {
        // Our own changes match the marks; anything else is the page's.
        if (isElement(r.target) && this.marks.differs(r.target)) tampered.add(r.target);
        continue;
      }
      // It holds elements now: its next change is not text alone (see quietTextChange).
      if (isElement(r.target) && r.target.childElementCount > 0) this.quietTexts.delete(r.target);
      for (const n of r.addedNodes) if (!isOurs(n)) added.push(n);
      if (!this.loading) for (const n of r.removedNodes) if (this.marks.holds(n)) undone = true;
    }
    if (tampered.size && this.fights.take()) for (const el of tampered) if (this.marks.differs(el)) this.marks.repair(el);
    this.consider(added, undone);
  }

  /** What nodes the page added (and whether it took away something hidden) mean for the page's blocks. */
  private consider(added: Node[], undone: boolean): void {
    if (added.length === 0) return;
    const roots = outermost(added);
    const found = roots.flatMap((n) => findMarkers(n, this.vocab));
    this.markers.push(...found);
    // A hidden block replaced by a fresh copy: mark the copy, within the fight budget. Past it the
    // page keeps its copy (until it changes something else); its markers are kept for then.
    if (undone && !this.fights.take()) return;
    // Look for the title only in what was added: a page without one is not scanned again and again.
    const hadTitle = !!this.title;
    for (const n of roots) {
      if (this.title) break;
      const el = isElement(n) ? n : n.parentElement;
      if (el) this.title = findTitle(el, this.doc, false);
    }
    if (this.loading && this.title) {
      const title = this.title;
      for (const n of added) {
        if (isElement(n) && title.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) this.waiting.add(n);
      }
    }
    if (!this.loading && this.detection.kind === "none") {
      // Undecided pages decide again when a label arrives (blocks inserted after load).
      if (!this.hooks.decide || !found.some((m) => m.label)) return;
      this.detection = this.hooks.decide();
      if (this.detection.kind === "none") return;
    }
    // A ticker, a clock, a counter: no new clue, nothing the last classification read. Classifying
    // the whole page again for each of them made busy pages cost ~0.4 ms a change.
    const quiet = !this.loading && found.length === 0 && !undone && (hadTitle || !this.title) && this.rules.length === 0;
    if (quiet && roots.every((n) => this.outsideLastPass(n))) {
      this.rememberQuiet(roots);
      return;
    }
    this.reconcile(roots);
  }

  /**
   * A ticker, a clock or a counter rewriting the text of an element that holds only text, whose
   * last change was quiet under the same pass: the new text sits where the old one did, so only
   * its words can matter, and they are read at most every WORDS_CHECK_MS (readDueWords).
   * - Nothing new is painted meanwhile but that text. A block it might name (a "Comments" label
   *   arriving late in a box of its own) is made of elements already on screen; an element added
   *   anywhere takes the full path before the next paint.
   * - The records' nodes are not even read. The element holds no element now and held none at
   *   the last batch (the full path forgets an element once it holds one), so an element that
   *   came and went in between was never painted nor marked.
   * Why: on a page that changes 100 times a second the full path cost ~0.1 ms a change, most of
   * it code gone cold again 10 ms later (npm run bench, "busy page").
   */
  private quietTextChange(records: MutationRecord[]): boolean {
    for (const r of records) {
      const target = r.target as Element;
      if (r.type !== "childList" || this.quietTexts.get(target) !== this.lastPass || target.childElementCount > 0) return false;
    }
    for (const r of records) this.wordsDue.add(r.target as Element);
    this.wordsTimer ??= setTimeout(() => this.readDueWords(), WORDS_CHECK_MS);
    return true;
  }

  private readDueWords(): void {
    this.wordsTimer = null;
    const texts = [...this.wordsDue].flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.isConnected));
    this.wordsDue.clear();
    this.consider(texts, false);
  }

  /** Remembers the text-only elements whose new text was quiet (see quietTextChange). */
  private rememberQuiet(roots: Node[]): void {
    // Without a title, a text may yet be the title (the full path looks for it).
    if (!this.title) return;
    for (const n of roots) {
      const el = n.parentElement;
      if (n.nodeType === Node.TEXT_NODE && el && el.childElementCount === 0) this.quietTexts.set(el, this.lastPass);
    }
  }

  /** Is `node` (just added) outside all the last classification read? */
  private outsideLastPass(node: Node): boolean {
    const pass = this.lastPass;
    if (!pass) return false;
    if (!node.isConnected) return true;
    for (let p = node.parentElement; p; p = p.parentElement) if (pass.regions.has(p)) return false;
    // Text between the article's last text and the first block moves the article's end.
    const { articleEnd: end, endBlock } = pass;
    if (end && endBlock && (end.contains(node) || (end.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING && node.compareDocumentPosition(endBlock) & Node.DOCUMENT_POSITION_FOLLOWING))) return false;
    return true;
  }

  private reconcile(added: Node[] = []): void {
    // A label the page has since rewritten ("Download the app", now a ticker's "DOW 40010") says
    // what its element says now: the element is searched again.
    const rewritten = new Set<Element>();
    for (const m of this.markers) if (m.text !== null && m.element.isConnected && m.element.textContent !== m.text) rewritten.add(m.element);
    if (rewritten.size) {
      this.markers = this.markers.filter((m) => m.text === null || !rewritten.has(m.element));
      for (const el of rewritten) this.markers.push(...findMarkers(el, this.vocab));
    }
    // Connected, and each once (a node the page removes and inserts again is scanned again).
    const seen = new Map<Element, Marker[]>();
    this.markers = this.markers.filter((m) => {
      if (!m.element.isConnected) return false;
      const same = seen.get(m.element) ?? [];
      if (same.some((o) => o.category === m.category && o.from === m.from && o.label === m.label && o.evidence === m.evidence)) return false;
      seen.set(m.element, [...same, m]);
      return true;
    });
    this.teaserContext.now = new Date();
    // Links or prose added anywhere may make or change a list, or the story: read the structure again.
    if (added.some(bringsStructure)) this.structure.value = null;
    const pass = classify(this.doc, this.markers, {
      structure: this.structure,
      kind: this.detection.kind,
      structural: this.detection.verdict !== "none",
      teasers: this.teaserContext,
      labels: this.labels,
      provisional: this.loading,
      proofs: this.proofs,
      title: this.title,
    });
    this.lastPass = pass;
    this.story = pass.story;
    const found = pass.blocks;
    const ruled = this.rules.length ? ruleBlocks(this.doc, this.rules, this.storyGuard(), found) : null;
    const blocks = ruled?.blocks.length ? [...found, ...ruled.blocks] : found;
    const refusedBefore = this.refused;
    this.refused = ruled?.refused ?? [];
    if (this.loading) {
      // Until the parser is done, anything that may be a block is held back, unlabelled.
      for (const el of this.waiting) if (!el.isConnected || placed(el)) this.waiting.delete(el);
      this.marks.setPending([...blocks.flatMap((b) => b.elements), ...this.waiting]);
      return;
    }
    const changedBlocks = this.marks.setBlocks(blocks);
    const changedTeasers = this.collectTeasers(added);
    const changedRefusals = this.refused.length !== refusedBefore.length || this.refused.some((r, i) => r !== refusedBefore[i]);
    if (changedBlocks || changedTeasers || changedRefusals) this.hooks.changed();
  }

  private finishLoading(): void {
    this.loading = false;
    this.waiting.clear();
    this.title ??= this.doc.body ? findTitle(this.doc.body, this.doc) : null;
    if (this.hooks.decide) this.detection = this.hooks.decide();
    if (this.detection.kind === "none") {
      // Not an aggregator page, as far as it has loaded: change nothing, but listen for late blocks.
      this.marks.clear();
      this.hooks.changed();
      return;
    }
    this.reconcile();
    this.marks.setPending([]);
    this.hooks.changed();
  }

  /** Queues related blocks not read yet, and cards added to blocks already read. Returns whether it queued any. */
  private collectTeasers(added: Node[]): boolean {
    const queued = this.queuedCards.length;
    for (const block of this.marks.currentBlocks()) {
      const first = block.elements[0];
      if (block.category !== "related" || !first) continue;
      if (block.cards) {
        const fresh = block.cards.filter((c) => !this.queuedListCards.has(c.card));
        for (const c of fresh) this.queuedListCards.add(c.card);
        if (fresh.length) this.queuedCards.push({ ...block, cards: fresh });
        continue;
      }
      if (!this.readBlocks.has(first)) {
        this.readBlocks.add(first);
        this.queuedCards.push(block);
        continue;
      }
      const inBlock = added.filter((n): n is Element => isElement(n) && block.elements.some((el) => el.contains(n)));
      if (inBlock.length) this.queuedCards.push({ ...block, elements: inBlock, holds: undefined });
    }
    return this.queuedCards.length > queued;
  }

  /** Reads the queued cards, once each; a story already listed (same link or title) is not listed again. */
  private readQueued(): void {
    const queue = this.queuedCards;
    this.queuedCards = [];
    this.teaserContext.now = new Date();
    const siteNames = siteNamesOf(this.doc);
    for (const block of queue) {
      for (const t of teasersOfBlock(block, this.teaserContext, this.labels, siteNames)) {
        const key = teaserKey(t);
        const known = this.teaserKeys.get(key);
        if (known) {
          // The same story listed again (a second copy of a list) may say what the first did not: its time, its outlet.
          known.time ??= t.time;
          known.source ??= t.source;
          known.summary ??= t.summary;
          continue;
        }
        this.teaserKeys.set(key, t);
        this.read.push(t);
      }
    }
  }
}
