import { ATTR } from "../shared/attributes";
import { el } from "../shared/dom";
import { RepairBudget } from "../shared/budget";
import { CATEGORY_REGISTRY } from "../shared/categories";
import { t, uiDir, uiLang, type MessageKey } from "../shared/i18n";
import { formatRelative } from "../shared/time";
import { CATEGORIES, type Category, type Teaser } from "../shared/types";
import styles from "./panel.css?inline";
import { arrange, toStories, type SortOrder, type Story } from "./stories";

export interface PanelOptions {
  /** The page's language: teaser times are written in it. */
  lang: string;
  /** The screen side the panel sits on (the page's end side unless the options say otherwise). */
  side: "left" | "right";
  open: boolean;
  /** The reader toggled the panel (handle, Escape). */
  onToggle(open: boolean): void;
  /** The reader asked for the original page back. */
  onRestore(): void;
  /** The reader switched a category: `hidden` false shows its blocks again on this page. */
  onCategory(category: Category, hidden: boolean): void;
  /** The reader turned Tidyread off for this site. */
  onSiteOff(): void;
  /** The reader asked for the reader view (or to leave it). */
  onReader(): void;
  /** The reader asked to search for a story at its source outlet. */
  onFindOriginal(title: string, source: string | null): void;
  /** The reader asked to pick a block on the page and say what it is. */
  onPick(): void;
}

/** The story on the page: its title, and the outlet it credits, when it names one. */
export interface ArticleCredit {
  title: string;
  source: string | null;
}

/** What Tidyread did on the page, for the panel to explain. */
export interface PanelReport {
  kind: "article" | "listing";
  signals: string[];
  counts: Record<Category, number>;
  /** Categories the reader chose to see on this page. */
  shown: ReadonlySet<Category>;
}

/** Stories rendered at first, and added by each "Show more": a page with 10,000 teasers opens and filters at once. */
export const PAGE_SIZE = 50;
/** A page that removes the panel gets it back 10 times at once, then once every 500 ms (see RepairBudget). */
const REATTACH_BUDGET = 10;
const REATTACH_REFILL_MS = 500;

/**
 * The side panel: an open shadow root on one host element, so the page's styles
 * cannot reach in and assistive technology (and tests) can.
 */
export class SidePanel {
  readonly host: HTMLElement;
  /** Inside the shadow root: a box drawn over the block being picked, or hidden. */
  readonly highlight: HTMLElement;
  /** Inside the shadow root: the picker's instructions and choices. */
  readonly pickerArea: HTMLElement;
  private readonly aside: HTMLElement;
  private readonly handle: HTMLButtonElement;
  private readonly body: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly more: HTMLButtonElement;
  private readonly count: HTMLElement;
  private readonly note: HTMLElement;
  private readonly did: HTMLElement;
  private readonly readerButton: HTMLButtonElement;
  /** "Find this story's original": shown once the story's title is known. */
  private readonly findArticle: HTMLButtonElement;
  private article: ArticleCredit | null = null;
  private teasers: readonly Teaser[] = [];
  /** The list has been filled once: the handle can give its count. */
  private counted = false;
  private stories: Story[] = [];
  /** The stories matching the filter, in the chosen order; the list renders the first `limit`. */
  private arranged: Story[] = [];
  private limit = PAGE_SIZE;
  /** Puts the host back when the page removes it (see keep()). */
  private readonly keeper: MutationObserver;
  private readonly reattach = new RepairBudget(REATTACH_BUDGET, REATTACH_REFILL_MS, () => this.keep());
  private destroyed = false;
  private sort: SortOrder = "page";
  private filter = "";
  private readonly clock: ReturnType<typeof setInterval>;
  private open: boolean;

  constructor(
    private readonly doc: Document,
    private readonly options: PanelOptions,
  ) {
    this.open = options.open;
    this.host = el(doc, "div", { [ATTR.panel]: "" });
    const root = this.host.attachShadow({ mode: "open" });
    const style = el(doc, "style", {}, styles);
    // The panel speaks the browser's language (and mirrors with it); teasers keep the page's.
    this.aside = el(doc, "aside", { class: "panel", dir: uiDir(), lang: uiLang(), "aria-label": t("panelName") });
    this.setSide(options.side);
    this.handle = el(doc, "button", { type: "button", class: "handle", "data-part": "handle", "aria-controls": "tidyread-body" });
    // Not a tab stop of its own (Firefox makes a scrolling box one): its buttons and links are.
    this.body = el(doc, "div", { id: "tidyread-body", class: "body", tabindex: "-1" });
    this.list = el(doc, "ul", { "data-part": "teasers", "aria-label": t("relatedArticles") });
    this.note = el(doc, "p", { class: "note" });
    const controls = el(doc, "div", { class: "controls" });
    const filter = el(doc, "input", { type: "search", "data-part": "filter", "aria-label": t("filterLabel"), placeholder: t("filterPlaceholder") });
    const sortLabel = el(doc, "label", {}, `${t("sortLabel")} `);
    const sort = el(doc, "select", { "data-part": "sort" });
    sort.append(el(doc, "option", { value: "page" }, t("sortPage")), el(doc, "option", { value: "newest" }, t("sortNewest")));
    sortLabel.append(sort);
    controls.append(filter, sortLabel);
    // The filter and the sort work on all stories, rendered or not; the list starts over at one page.
    filter.addEventListener("input", () => {
      this.filter = filter.value;
      this.renderList(true);
    });
    sort.addEventListener("change", () => {
      this.sort = sort.value === "newest" ? "newest" : "page";
      this.renderList(true);
    });
    this.more = el(doc, "button", { type: "button", class: "action more", "data-part": "show-more" });
    this.count = el(doc, "p", { class: "note", "data-part": "list-count" });
    this.more.addEventListener("click", () => {
      // Focus moves to the first story added: the button may be gone, and the reader reads on from there.
      this.showMore()?.focus();
    });
    // Up and Down move between stories; Home and End to the first and last rendered. Down from the
    // last rendered one renders the next page first, so the keyboard reaches every story.
    this.list.addEventListener("keydown", (e) => {
      let links = [...this.list.querySelectorAll<HTMLElement>("li > a")];
      const at = links.indexOf(e.target as HTMLElement);
      if (e.key === "ArrowDown" && at === links.length - 1 && this.list.children.length < this.arranged.length) {
        this.showMore();
        links = [...this.list.querySelectorAll<HTMLElement>("li > a")];
      }
      const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[e.key];
      if (at < 0 || to === undefined || !links[to]) return;
      e.preventDefault();
      links[to].focus();
    });
    // Relative times stay true while the page stays open.
    this.clock = setInterval(() => this.refreshTimes(), 60_000);
    const button = (part: string, key: MessageKey): HTMLButtonElement => el(doc, "button", { type: "button", class: "action", "data-part": part }, t(key));
    this.readerButton = button("reader", "readerOpen");
    this.readerButton.setAttribute("aria-pressed", "false");
    this.findArticle = button("find-article-original", "findStoryOriginal");
    this.findArticle.hidden = true;
    const pick = button("pick", "pickStart");
    const restore = button("restore", "showOriginal");
    const siteOff = button("site-off", "siteOff");
    this.pickerArea = el(doc, "div", { class: "picker", "data-part": "picker", role: "status" });
    this.did = el(doc, "section", { class: "did", "aria-labelledby": "tidyread-did" });
    const actions = el(doc, "div", { class: "actions" });
    actions.append(this.readerButton, this.findArticle, pick, restore, siteOff);
    this.body.append(
      actions,
      el(doc, "h2", {}, t("relatedArticles")),
      this.note,
      controls,
      this.list,
      this.count,
      this.more,
      el(doc, "h2", { id: "tidyread-did" }, t("whatTidyreadDid")),
      this.did,
      this.pickerArea,
    );
    this.aside.append(this.handle, this.body);
    this.highlight = el(doc, "div", { class: "highlight", hidden: "" });
    root.append(style, this.aside, this.highlight);

    this.handle.addEventListener("click", () => this.toggle());
    this.readerButton.addEventListener("click", () => options.onReader());
    this.findArticle.addEventListener("click", () => {
      if (this.article) options.onFindOriginal(this.article.title, this.article.source);
    });
    pick.addEventListener("click", () => options.onPick());
    restore.addEventListener("click", () => options.onRestore());
    siteOff.addEventListener("click", () => options.onSiteOff());
    this.did.addEventListener("change", (e) => {
      const box = e.target as HTMLInputElement;
      const category = CATEGORIES.find((c) => c === box.dataset["category"]);
      if (category) options.onCategory(category, box.checked);
    });
    this.keeper = new MutationObserver(() => this.keep());
    this.aside.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && this.open) {
        this.toggle(false);
        this.handle.focus();
      }
    });
    this.render();
  }

  attach(): void {
    if (this.destroyed) return;
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    // The host's parent and the document (a page may replace <html>): a removed panel comes back.
    this.keeper.observe(this.doc, { childList: true });
    if (this.host.parentNode) this.keeper.observe(this.host.parentNode, { childList: true });
  }

  destroy(): void {
    this.destroyed = true;
    clearInterval(this.clock);
    this.keeper.disconnect();
    this.reattach.cancel();
    this.host.remove();
  }

  /** The page removed the panel: put it back, within the re-attach budget. */
  private keep(): void {
    if (this.host.isConnected || this.destroyed || this.reattach.waiting) return;
    if (this.reattach.take()) this.attach();
  }

  /** "light" or "dark" forces the panel's colours; "system" follows prefers-color-scheme. */
  setTheme(theme: "system" | "light" | "dark"): void {
    this.aside.dataset["theme"] = theme;
  }

  setSide(side: "left" | "right"): void {
    this.aside.dataset["side"] = side;
  }

  /** The reader view is open: the button says so, and leaves it. */
  setReading(reading: boolean): void {
    this.readerButton.setAttribute("aria-pressed", String(reading));
    this.readerButton.textContent = t(reading ? "readerClose" : "readerOpen");
  }

  /** The story's title and credited outlet, for "Find this story's original"; null hides the button. */
  setArticle(article: ArticleCredit | null): void {
    this.article = article;
    this.findArticle.hidden = !article;
    if (article) this.findArticle.textContent = article.source ? t("findStoryOriginalAt", article.source) : t("findStoryOriginal");
  }

  /** A short message in the panel's status area (a saved rule, no article for the reader view). */
  say(text: string): void {
    this.pickerArea.textContent = text;
  }

  isOpen(): boolean {
    return this.open;
  }

  /** `notify` false: a state the reader did not choose (the options' start state) is not reported. */
  toggle(open = !this.open, notify = true): void {
    if (open === this.open) return;
    this.open = open;
    this.render();
    if (notify) this.options.onToggle(open);
  }

  /** `seen`: teaser keys of the reader's last visit to this site (null on the first), to mark what is new. */
  setContent(teasers: readonly Teaser[], hiddenBlocks: number, seen: ReadonlySet<string> | null = null): void {
    this.counted = true;
    this.teasers = teasers;
    this.stories = toStories(teasers, seen);
    this.note.textContent = t("panelNote", teasers.length, hiddenBlocks);
    this.renderList();
    this.render();
  }

  /** `restart`: back to the first page (a new filter or sort); otherwise as many as were shown. */
  private renderList(restart = false): void {
    if (restart) this.limit = PAGE_SIZE;
    this.arranged = arrange(this.stories, this.sort, this.filter);
    this.list.replaceChildren(...this.arranged.slice(0, this.limit).map((s) => this.item(s)));
    this.updateMore();
  }

  /** Renders the next page of stories; returns the first one's link, if it has one. */
  private showMore(): HTMLElement | null {
    const from = this.list.children.length;
    const next = this.arranged.slice(from, from + PAGE_SIZE).map((s) => this.item(s));
    this.list.append(...next);
    this.limit = from + next.length;
    this.updateMore();
    return next[0]?.querySelector("a") ?? null;
  }

  private updateMore(): void {
    const shown = this.list.children.length;
    const total = this.arranged.length;
    this.more.hidden = shown >= total;
    this.more.textContent = t("showMore", total - shown);
    this.count.textContent = shown < total ? t("listCount", shown, total) : "";
    this.count.hidden = shown >= total;
  }

  private refreshTimes(now = new Date()): void {
    for (const time of this.list.querySelectorAll("time")) {
      const iso = time.getAttribute("datetime");
      if (iso) time.textContent = formatRelative(iso, now, this.options.lang);
    }
  }

  /** The page kind and why, and a switch per hidden category (checked: hidden). */
  setReport(report: PanelReport): void {
    const doc = this.doc;
    const why = el(doc, "details");
    const reasons = el(doc, "ul", { class: "signals" });
    reasons.append(...report.signals.map((s) => el(doc, "li", { dir: "auto" }, s)));
    why.append(el(doc, "summary", {}, t(report.kind === "article" ? "kindArticle" : "kindListing")), reasons);
    const switches = CATEGORY_REGISTRY.filter(({ id }) => report.counts[id] > 0).map(({ id, nameKey }) => {
      const label = el(doc, "label", { class: "switch" });
      const box = el(doc, "input", { type: "checkbox", "data-category": id });
      box.checked = !report.shown.has(id);
      label.append(box, ` ${t("categoryHidden", t(nameKey), report.counts[id])}`);
      return label;
    });
    this.did.replaceChildren(why, ...(switches.length ? switches : [el(doc, "p", { class: "note" }, t("nothingHidden"))]));
  }

  private item(story: Story): HTMLLIElement {
    const doc = this.doc;
    const li = el(doc, "li", { lang: this.options.lang, dir: "auto" });
    li.append(
      story.url
        ? el(doc, "a", { href: story.url, target: "_blank", rel: "noopener noreferrer" }, story.title)
        : el(doc, "span", { class: "title" }, story.title),
    );
    const meta = el(doc, "div", { class: "meta" });
    if (story.isNew) meta.append(el(doc, "span", { class: "new", "data-part": "new" }, t("newMark")), " ");
    if (story.sources.length) meta.append(el(doc, "span", { "data-part": "source" }, story.sources.join(", ")));
    if (story.sources.length > 1) meta.append(" ", el(doc, "span", { "data-part": "source-count" }, t("sourceCount", story.sources.length)));
    if (story.time) {
      if (story.sources.length) meta.append(" · ");
      const shown = story.time.text || formatRelative(story.time.iso, new Date(), this.options.lang);
      meta.append(el(doc, "time", { datetime: story.time.iso }, shown));
    }
    li.append(meta);
    const source = story.sources[0] ?? null;
    const find = el(doc, "button", { type: "button", class: "link", "data-part": "find-original" }, source ? t("findOriginalAt", source) : t("findOriginal"));
    find.addEventListener("click", () => this.options.onFindOriginal(story.title, source));
    li.append(find);
    if (story.summary) {
      const details = el(doc, "details");
      details.append(el(doc, "summary", {}, t("summary")), el(doc, "p", {}, story.summary));
      li.append(details);
    }
    return li;
  }

  private render(): void {
    this.body.hidden = !this.open;
    this.handle.setAttribute("aria-expanded", String(this.open));
    // Until the list is first filled (at idle, within a second of load) there is no count to give: not "(0)".
    const uncounted = !this.open && !this.counted;
    this.handle.textContent = uncounted ? t("handleOpenUncounted") : t(this.open ? "handleClose" : "handleOpen", this.teasers.length);
    this.handle.setAttribute("aria-label", uncounted ? t("handleOpenUncountedLabel") : t(this.open ? "handleCloseLabel" : "handleOpenLabel", this.teasers.length));
  }
}
