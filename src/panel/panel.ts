import { el } from "../shared/dom";
import { CATEGORY_REGISTRY } from "../shared/categories";
import type { PanelReport, PanelTeaser, PanelView, PickerState } from "../shared/frame-protocol";
import { t, uiDir, uiLang, type MessageKey } from "../shared/i18n";
import { formatRelative } from "../shared/time";
import { CATEGORIES, type Category } from "../shared/types";
import { arrange, toStories, type SortOrder, type Story } from "./stories";

type ArticleCredit = NonNullable<PanelView["article"]>;

/** What the panel's controls ask for; the panel page (main.ts) passes each on. */
export interface PanelActions {
  /** The reader closed the panel (×, Escape). */
  onClose(): void;
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
  /** "Hide a block…" and its choices: start, a wider block, cancel. */
  onPick(action: "start" | "cancel" | "wider"): void;
  /** The block being picked is this category. */
  onPickCategory(category: Category): void;
  /** While picking, a walking key pressed in the panel (the page's blocks move, not the panel's focus). */
  onPickKey(key: "ArrowDown" | "ArrowUp" | "Enter", shift: boolean): void;
}

/** Stories rendered at first, and added by each "Show more": a page with 10,000 teasers opens and filters at once. */
export const PAGE_SIZE = 50;

/**
 * The side panel: Tidyread's extension page, shown in a frame in the page (see
 * content/frames.ts). The page can neither read nor click it; everything it shows arrives as
 * data from the content script (PanelView), and its controls answer only through `actions`.
 */
export class SidePanel {
  private readonly heading: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly more: HTMLButtonElement;
  private readonly count: HTMLElement;
  private readonly note: HTMLElement;
  private readonly did: HTMLElement;
  private readonly readerButton: HTMLButtonElement;
  /** "Find this story's original": shown once the story's title is known. */
  private readonly findArticle: HTMLButtonElement;
  private readonly pickerArea: HTMLElement;
  private readonly status: HTMLElement;
  private article: ArticleCredit | null = null;
  private lang = "en";
  private teasers: readonly PanelTeaser[] | null = null;
  private stories: Story[] = [];
  /** The stories matching the filter, in the chosen order; the list renders the first `limit`. */
  private arranged: Story[] = [];
  private limit = PAGE_SIZE;
  private sort: SortOrder = "page";
  private filter = "";
  private picking = false;
  /** A block was walked to with the keyboard: Enter picks it. */
  private walking = false;
  private report = "";
  private pickerKey = "";

  constructor(
    private readonly doc: Document,
    /** The element the panel fills (the page's <body>). */
    container: HTMLElement,
    private readonly actions: PanelActions,
  ) {
    const panel = el(doc, "section", { class: "panel", dir: uiDir(), lang: uiLang(), "aria-labelledby": "tidyread-title" });
    const header = el(doc, "header", { class: "header" });
    this.heading = el(doc, "h1", { id: "tidyread-title", tabindex: "-1" }, "Tidyread");
    const close = el(doc, "button", { type: "button", class: "close", "data-part": "close", "aria-label": t("panelClose") }, "×");
    header.append(this.heading, close);
    this.list = el(doc, "ul", { "data-part": "teasers", "aria-label": t("relatedArticles") });
    this.note = el(doc, "p", { class: "note", "data-part": "note" });
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
      e.stopPropagation();
      links[to].focus();
    });
    // Relative times stay true while the panel stays open.
    setInterval(() => this.refreshTimes(), 60_000);
    const button = (part: string, key: MessageKey): HTMLButtonElement => el(doc, "button", { type: "button", class: "action", "data-part": part }, t(key));
    this.readerButton = button("reader", "readerOpen");
    this.readerButton.setAttribute("aria-pressed", "false");
    this.findArticle = button("find-article-original", "findStoryOriginal");
    this.findArticle.hidden = true;
    const pick = button("pick", "pickStart");
    const restore = button("restore", "showOriginal");
    const siteOff = button("site-off", "siteOff");
    this.pickerArea = el(doc, "div", { class: "picker", "data-part": "picker", role: "status" });
    this.status = el(doc, "p", { class: "status", "data-part": "status", role: "status" });
    this.did = el(doc, "section", { class: "did", "aria-labelledby": "tidyread-did" });
    const actionsRow = el(doc, "div", { class: "actions" });
    actionsRow.append(this.readerButton, this.findArticle, pick, restore, siteOff);
    panel.append(
      header,
      actionsRow,
      this.status,
      this.pickerArea,
      el(doc, "h2", {}, t("relatedArticles")),
      this.note,
      controls,
      this.list,
      this.count,
      this.more,
      el(doc, "h2", { id: "tidyread-did" }, t("whatTidyreadDid")),
      this.did,
    );
    container.append(panel);

    close.addEventListener("click", () => actions.onClose());
    this.readerButton.addEventListener("click", () => actions.onReader());
    this.findArticle.addEventListener("click", () => {
      if (this.article) actions.onFindOriginal(this.article.title, this.article.source);
    });
    pick.addEventListener("click", () => actions.onPick("start"));
    restore.addEventListener("click", () => actions.onRestore());
    siteOff.addEventListener("click", () => actions.onSiteOff());
    this.did.addEventListener("change", (e) => {
      const box = e.target as HTMLInputElement;
      const category = CATEGORIES.find((c) => c === box.dataset["category"]);
      if (category) actions.onCategory(category, box.checked);
    });
    container.addEventListener("keydown", (e) => this.key(e));
  }

  /** Escape closes (or cancels picking); while picking, arrows and Enter walk the page's blocks. */
  private key(e: KeyboardEvent): void {
    if (e.key === "Escape") {
      e.preventDefault();
      if (this.picking) this.actions.onPick("cancel");
      else this.actions.onClose();
      return;
    }
    const target = e.target as Element | null;
    const typing = !!target && (/^(input|select|textarea)$/.test(target.localName) || !!target.closest('[data-part="teasers"]'));
    if (!this.picking || typing) return;
    // The focus is on a button whenever it is in the panel ("Hide a block…" itself, at first): the
    // arrows walk from there, and Enter picks the block walked to; before that, Enter presses the button.
    const enterPicks = target?.localName !== "button" || this.walking;
    if (e.key === "ArrowDown" || e.key === "ArrowUp" || (e.key === "Enter" && enterPicks)) {
      e.preventDefault();
      this.actions.onPickKey(e.key, e.shiftKey);
    }
  }

  /** A message of the panel's own (a save that failed), until the next view from the page. */
  say(text: string): void {
    this.status.textContent = text;
  }

  /** Moves focus to the panel's heading (opened from the toolbar, the shortcut or the handle). */
  focus(): void {
    this.heading.focus({ preventScroll: true });
  }

  /** Shows what the content script sent; parts that did not change are left as they are. */
  show(view: PanelView): void {
    this.lang = view.lang;
    this.setArticle(view.article);
    this.setReading(view.reading);
    const report = JSON.stringify(view.report);
    if (report !== this.report) {
      this.report = report;
      this.setReport(view.report);
    }
    if (view.teasers !== this.teasers && JSON.stringify(view.teasers) !== JSON.stringify(this.teasers)) {
      this.teasers = view.teasers;
      this.stories = toStories(view.teasers ?? []);
      this.note.textContent = view.teasers ? t("panelNote", view.teasers.length, view.hiddenBlocks) : "";
      this.renderList();
    }
    this.status.textContent = view.message;
    this.showPicker(view.picker);
  }

  /** The reader view is open: the button says so, and leaves it. */
  private setReading(reading: boolean): void {
    this.readerButton.setAttribute("aria-pressed", String(reading));
    this.readerButton.textContent = t(reading ? "readerClose" : "readerOpen");
  }

  /** The story's title and credited outlet, for "Find this story's original"; null hides the button. */
  private setArticle(article: ArticleCredit | null): void {
    this.article = article;
    this.findArticle.hidden = !article;
    if (article) this.findArticle.textContent = article.source ? t("findStoryOriginalAt", article.source) : t("findStoryOriginal");
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
      if (iso) time.textContent = formatRelative(iso, now, this.lang);
    }
  }

  /** The page kind and why, and a switch per hidden category (checked: hidden). */
  private setReport(report: PanelReport): void {
    const doc = this.doc;
    const why = el(doc, "details");
    const reasons = el(doc, "ul", { class: "signals" });
    reasons.append(...report.signals.map((s) => el(doc, "li", { dir: "auto" }, s)));
    why.append(el(doc, "summary", {}, t(report.kind === "article" ? "kindArticle" : "kindListing")), reasons);
    const switches = CATEGORY_REGISTRY.filter(({ id }) => report.counts[id] > 0).map(({ id, nameKey }) => {
      const label = el(doc, "label", { class: "switch" });
      const box = el(doc, "input", { type: "checkbox", "data-category": id });
      box.checked = !report.shown.includes(id);
      label.append(box, ` ${t("categoryHidden", t(nameKey), report.counts[id])}`);
      return label;
    });
    this.did.replaceChildren(why, ...(switches.length ? switches : [el(doc, "p", { class: "note" }, t("nothingHidden"))]));
  }

  private item(story: Story): HTMLLIElement {
    const doc = this.doc;
    const li = el(doc, "li", { lang: this.lang, dir: "auto" });
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
      const shown = story.time.text || formatRelative(story.time.iso, new Date(), this.lang);
      meta.append(el(doc, "time", { datetime: story.time.iso }, shown));
    }
    li.append(meta);
    const source = story.sources[0] ?? null;
    const find = el(doc, "button", { type: "button", class: "link", "data-part": "find-original" }, source ? t("findOriginalAt", source) : t("findOriginal"));
    find.addEventListener("click", () => this.actions.onFindOriginal(story.title, source));
    li.append(find);
    if (story.summary) {
      const details = el(doc, "details");
      details.append(el(doc, "summary", {}, t("summary")), el(doc, "p", {}, story.summary));
      li.append(details);
    }
    return li;
  }

  /** The picker's progress: what to do now, and the choices for a chosen block. */
  private showPicker(state: PickerState): void {
    this.picking = state.stage !== "off";
    this.walking = state.stage === "walking";
    const key = JSON.stringify(state);
    if (key === this.pickerKey) return;
    this.pickerKey = key;
    const doc = this.doc;
    const button = (text: string, part: string, onClick: () => void): HTMLButtonElement => {
      const b = el(doc, "button", { type: "button", "data-part": part }, text);
      b.addEventListener("click", onClick);
      return b;
    };
    const cancel = button(t("pickCancel"), "pick-cancel", () => this.actions.onPick("cancel"));
    switch (state.stage) {
      case "off":
        this.pickerArea.replaceChildren();
        return;
      case "pointing":
        this.pickerArea.replaceChildren(el(doc, "p", {}, t("pickPointing")), cancel);
        return;
      case "walking":
        this.pickerArea.replaceChildren(el(doc, "p", {}, t("pickWalking", state.block)), cancel);
        return;
      case "chosen":
      case "refused": {
        const prompt = el(doc, "p", {}, state.stage === "refused" ? t("pickRefused") : t("pickChosen", state.block));
        const choices =
          state.stage === "refused" ? [] : CATEGORY_REGISTRY.map(({ id, nameKey }) => button(t(nameKey), `pick-${id}`, () => this.actions.onPickCategory(id)));
        const wider = state.canWiden ? [button(t("pickWider"), "pick-wider", () => this.actions.onPick("wider"))] : [];
        this.pickerArea.replaceChildren(prompt, ...choices, ...wider, cancel);
        (choices[0] ?? this.pickerArea.querySelector("button"))?.focus();
      }
    }
  }
}
