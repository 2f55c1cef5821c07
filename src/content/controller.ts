import type { Runtime } from "webextension-polyfill";
import { CATEGORY, CATEGORY_REGISTRY } from "../shared/categories";
import { el } from "../shared/dom";
import { isFromPanel, type FromPanel, type PanelTeaser, type PanelView, type PickerState, type ToPanel } from "../shared/frame-protocol";
import { t } from "../shared/i18n";
import type { PageState } from "../shared/messages";
import { rulesFor, type Settings } from "../shared/settings";
import type { Category } from "../shared/types";
import type { SiteProfile } from "../sites";
import { ExtensionFrame } from "./frames";
import { ATTR, zeroCounts } from "./hide";
import { BlockPicker } from "./picker";
import { Reader } from "./reader";
import { structuralSelector } from "./rules";
import type { PageSession } from "./session";
import { createSession } from "./start";
import { squash } from "./text";
import { isSeen } from "../shared/seen";
import { teaserKey } from "./teasers";
import { PageUi } from "./ui-host";
import { pageCovers } from "./covered";
import { cut, LIMITS, toPanelTeaser } from "./panel-data";

/** What the page-wide part of the content script (index.ts) gives each page run. */
export interface PageContext {
  doc: Document;
  url: URL;
  site: SiteProfile | null;
  /** The page's host, lower-cased: the key of its rules and of "Turn off on this site". */
  host: string;
  settings: Settings;
  /** Open or closed as the reader last left the panel on this site (null: not known yet). */
  rememberedOpen: boolean | null;
  /** Story keys seen on the last visit to this site (null: first visit, or not known yet). */
  lastSeen(): ReadonlySet<string> | null;
  /** The reader clicked the toolbar button: tidy even a page the detector doubts. */
  forced: boolean;
  /** Something the background shows changed (the badge's count). */
  report(state: PageState): void;
  /** The reader opened or closed the panel: remembered per site. */
  rememberOpen(open: boolean): void;
  /** The reader looked at the panel's stories: they are not new on the next visit. */
  rememberSeen(keys: readonly string[]): void;
  /** A block the reader picked becomes a rule for this site; the promise says whether it was saved. */
  saveRule(selector: string, category: Category): Promise<string | null>;
  /** "Show the original page": Tidyread steps back on this page until the next click. */
  restore(): void;
  /** "Turn off on this site": null when saved (Tidyread then steps back), or why it was not. */
  turnOff(): Promise<string | null>;
}

/**
 * Tidyread on one page, from start to navigation (or until it is turned off): the session that
 * hides blocks, the handle, the panel frame, the picker and the reader view. Every listener,
 * observer, timer and port it makes ends with its one AbortSignal.
 */
export class PageController {
  readonly session: PageSession | null;
  private readonly abort = new AbortController();
  private settings: Settings;
  /** Categories the reader chose to see on this page (the panel's switches). */
  private shown = new Set<Category>();
  private ui: PageUi | null = null;
  private handle: HTMLButtonElement | null = null;
  private panel: ExtensionFrame<FromPanel, ToPanel> | null = null;
  private readonly reader: Reader;
  private picker: BlockPicker | null = null;
  private pickerState: PickerState = { stage: "off" };
  private outline: HTMLElement | null = null;
  private open = false;
  /** The reader (or a forced clean) set the panel before the remembered state arrived. */
  private touched = false;
  /** Stories in the panel's list (null until read, at idle or when the panel opens). */
  private listed: PanelTeaser[] | null = null;
  private listDue = true;
  private idleListing = false;
  private message = "";
  private article: PanelView["article"] = null;

  constructor(private readonly context: PageContext) {
    this.settings = context.settings;
    this.applyCategories();
    this.reader = new Reader(() => this.pageUi(), context.doc, this.abort.signal, (reading, focusRestored) => {
      this.sendView();
      // Opened from Tidyread's own UI (the panel, the handle): focus goes to the handle.
      if (!reading && !focusRestored) this.handle?.focus();
    });
    this.session = createSession(context.doc, context.url, { site: context.site, forced: context.forced, changed: () => this.render() });
    this.session?.setRules(rulesFor(context.settings, context.host));
    this.session?.start();
    if (context.rememberedOpen !== null) this.startOpen(context.rememberedOpen);
  }

  /** Ends everything this page run made: listeners, observers, timers, ports, marks, frames. */
  end(): void {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    this.session?.stop();
    this.panel?.remove();
    const root = this.context.doc.documentElement;
    root?.removeAttribute(ATTR.kind);
    root?.removeAttribute(ATTR.open);
    root?.removeAttribute(ATTR.show);
  }

  /** The panel's state when the page opens: remembered per site, or as the options say. */
  startOpen(rememberedOpen: boolean): void {
    if (this.touched) return;
    const start = this.settings.panelStart;
    this.setOpen(start === "remember" ? rememberedOpen : start === "open", { remember: false, focus: false });
  }

  /** New settings (changed in another tab or the options page) apply at once. */
  applySettings(next: Settings): void {
    this.settings = next;
    this.session?.setRules(rulesFor(next, this.context.host));
    this.applyCategories();
    this.render();
  }

  /** The switches (the options' defaults) as one attribute on <html>, which hide.css reads. */
  private applyCategories(): void {
    this.shown = new Set(CATEGORY_REGISTRY.filter((c) => !this.settings.hide[c.optionKey]).map((c) => c.id));
    this.showCategories();
  }

  private showCategories(): void {
    const root = this.context.doc.documentElement;
    if (!root) return;
    if (this.shown.size && this.session) root.setAttribute(ATTR.show, [...this.shown].join(" "));
    else root.removeAttribute(ATTR.show);
  }

  state(): PageState {
    const detection = this.session?.detection;
    return {
      detection: detection ?? { kind: "none", verdict: "none", confidence: 0, signals: [], lang: "en", site: this.context.site?.id ?? null },
      enabled: true,
      panelOpen: this.open,
      hidden: this.session?.marks.counts() ?? zeroCounts(),
      teasers: this.listed?.length ?? 0,
    };
  }

  private get kind(): "article" | "listing" | "none" {
    return this.session?.detection.kind ?? "none";
  }

  /** The session changed what it hides or lists: the page's marks, the handle and the panel follow. */
  private render(): void {
    if (this.abort.signal.aborted) return;
    const root = this.context.doc.documentElement;
    if (this.kind === "none") {
      // Not an aggregator page (yet): nothing of ours on it; the session listens for late blocks.
      root.removeAttribute(ATTR.kind);
      if (this.open) this.setOpen(false, { remember: false, focus: false });
      this.picker?.end();
      this.panel?.remove();
      this.panel = null;
      this.handle = null;
      this.outline = null;
      this.ui?.clear();
    } else {
      root.setAttribute(ATTR.kind, this.kind);
      this.showCategories();
      this.listDue = true;
      if (this.kind === "article") {
        this.ensureHandle();
        if (this.open) this.fillList();
        else this.fillListAtIdle();
      }
    }
    this.context.report(this.state());
  }

  /** The handle at the page's edge: the panel's count and its toggle; it acts on the reader's own clicks only. */
  private ensureHandle(): void {
    if (!this.handle) {
      const handle = el(this.context.doc, "button", { type: "button", class: "handle", "aria-expanded": "false" });
      handle.addEventListener(
        "click",
        (e) => {
          if (e.isTrusted) this.setOpen(!this.open, { remember: true, focus: true });
        },
        { signal: this.abort.signal },
      );
      this.handle = this.pageUi().add(handle);
    }
    this.handle.hidden = false;
    this.updateHandle();
  }

  private updateHandle(): void {
    const handle = this.handle;
    if (!handle) return;
    handle.dataset["side"] = this.side();
    handle.setAttribute("aria-expanded", String(this.open));
    // On a narrow window the open panel covers the page: its own × closes it.
    handle.hidden = this.kind !== "article" || (this.open && innerWidth < 700);
    const count = this.listed?.length;
    if (count === undefined && !this.open) {
      handle.textContent = t("handleOpenUncounted");
      handle.setAttribute("aria-label", t("handleOpenUncountedLabel"));
    } else {
      handle.textContent = t(this.open ? "handleClose" : "handleOpen", count ?? 0);
      handle.setAttribute("aria-label", t(this.open ? "handleCloseLabel" : "handleOpenLabel", count ?? 0));
    }
    if (this.open) handle.style.setProperty(this.side(), "min(380px, 100vw)");
    else handle.style.removeProperty(this.side());
  }

  private pageUi(): PageUi {
    this.ui ??= new PageUi(this.context.doc, this.abort.signal);
    return this.ui;
  }

  /** The panel's screen side: the page's end side, unless the options say left or right. */
  private side(): "left" | "right" {
    if (this.settings.panelSide !== "auto") return this.settings.panelSide;
    const root = this.context.doc.documentElement;
    return root.dir === "rtl" || getComputedStyle(root).direction === "rtl" ? "left" : "right";
  }

  /** The panel frame, made the first time it is needed (or at idle, so that opening is instant). */
  private panelFrame(): ExtensionFrame<FromPanel, ToPanel> {
    if (!this.panel) {
      this.panel = new ExtensionFrame<FromPanel, ToPanel>(this.pageUi(), "panel", t("panelName"), isFromPanel, (m) => this.fromPanel(m), () => this.sendView());
      this.panel.element.hidden = !this.open;
    }
    return this.panel;
  }

  /** A port reached this script: one of this page's frames takes it. */
  acceptPort(port: Runtime.Port): boolean {
    return (this.panel?.accept(port) ?? false) || this.reader.accept(port);
  }

  isOpen(): boolean {
    return this.open;
  }

  /** `remember`: the reader chose it (remembered per site); `focus`: move focus into the panel (and back). */
  setOpen(open: boolean, how: { remember: boolean; focus: boolean }): void {
    if (how.remember) this.touched = true;
    if (open && this.kind !== "article") return;
    const wasOpen = this.open;
    this.open = open;
    if (open) {
      const frame = this.panelFrame();
      frame.element.hidden = false;
      frame.element.dataset["side"] = this.side();
      this.fillList();
      if (how.focus) {
        frame.element.focus();
        frame.send({ type: "focus" });
      }
    } else if (this.panel) {
      // Focus in the panel goes back to the handle, not to the top of the page.
      const focusInside = this.context.doc.activeElement === this.ui?.host;
      this.panel.element.hidden = true;
      if (focusInside && how.focus) this.handle?.focus();
    }
    const root = this.context.doc.documentElement;
    if (open) root.setAttribute(ATTR.open, this.side());
    else root.removeAttribute(ATTR.open);
    this.updateHandle();
    if (how.remember && wasOpen !== open) this.context.rememberOpen(open);
    this.context.report(this.state());
  }

  /** The list at idle (within a second on a busy page), then the new count reported. */
  private fillListAtIdle(): void {
    if (this.idleListing) return;
    this.idleListing = true;
    const done = (): void => {
      this.idleListing = false;
      // The page may have turned out not to be an article meanwhile: then no frame of ours either.
      if (this.abort.signal.aborted || this.kind !== "article") return;
      this.fillList();
      // Made now, the panel opens at once when asked.
      this.panelFrame();
      this.context.report(this.state());
    };
    if (typeof requestIdleCallback === "function") {
      const id = requestIdleCallback(done, { timeout: 1000 });
      this.abort.signal.addEventListener("abort", () => cancelIdleCallback(id), { once: true });
    } else {
      const id = setTimeout(done, 50);
      this.abort.signal.addEventListener("abort", () => clearTimeout(id), { once: true });
    }
  }

  /**
   * Reads the teasers' details if that is still to do, and the story's credited outlet. At load
   * only the blocks are hidden (before the first paint); this runs when the panel opens, the
   * toolbar asks for the page's state, or the page is idle.
   */
  fillList(): void {
    const session = this.session;
    if (!session || this.kind !== "article") return;
    this.readArticle(session);
    if (this.listDue) {
      this.listDue = false;
      const seen = this.context.lastSeen();
      this.listed = session.teasers.slice(0, LIMITS.teasers).map((teaser) => toPanelTeaser(teaser, seen !== null && !isSeen(seen, teaserKey(teaser))));
      this.updateHandle();
    }
    // What the reader looked at is not new next time; what only loaded in the background still is.
    if (this.open) this.context.rememberSeen(session.teasers.map(teaserKey));
    this.sendView();
  }

  private readArticle(session: PageSession): void {
    const title = session.articleTitle();
    const text = title ? squash(title.textContent ?? "") : "";
    if (!text || this.article?.title === cut(text, LIMITS.title)) return;
    this.article = { title: cut(text, LIMITS.title) ?? "", source: cut(session.articleSource(), LIMITS.source) };
  }

  private view(): PanelView | null {
    const session = this.session;
    if (!session || this.kind === "none") return null;
    const counts = session.marks.counts();
    return {
      host: this.context.host,
      lang: session.detection.lang,
      teasers: this.listed,
      hiddenBlocks: Object.values(counts).reduce((a, b) => a + b, 0),
      report: { kind: this.kind === "listing" ? "listing" : "article", signals: session.detection.signals.slice(0, 20), counts, shown: [...this.shown] },
      article: this.article,
      reading: this.reader.isOpen(),
      picker: this.pickerState,
      message: this.message || (session.refusedRules().length ? t("rulesRefused", session.refusedRules().length) : ""),
    };
  }

  private sendView(): void {
    const view = this.view();
    if (view && this.panel?.connected) this.panel.send({ type: "view", view });
  }

  private say(message: string): void {
    this.message = message;
    this.sendView();
  }

  /** Whether the page laid something of its own over the panel (see covered.ts): then the reader's click may not be what it seems. */
  private covered(): boolean {
    const frame = this.panel?.element;
    const host = this.ui?.host;
    return !!frame && !!host && pageCovers(this.context.doc, frame.getBoundingClientRect(), host);
  }

  private fromPanel(message: FromPanel): void {
    if (message.type === "close") {
      this.setOpen(false, { remember: true, focus: true });
      return;
    }
    if (this.covered()) {
      this.say(t("panelCovered"));
      return;
    }
    switch (message.type) {
      case "reader":
        void this.toggleReader();
        return;
      case "restore":
        this.context.restore();
        return;
      case "site-off":
        void this.context.turnOff().then((error) => error && this.say(error));
        return;
      case "find":
        this.panel?.send({ type: "search", title: message.title, source: message.source });
        return;
      case "category":
        if (message.hidden) this.shown.delete(message.category);
        else this.shown.add(message.category);
        this.showCategories();
        this.sendView();
        return;
      case "pick":
        if (message.action === "start") this.startPicking();
        else if (message.action === "cancel") this.picker?.end();
        else if (message.action === "wider") this.picker?.widen();
        return;
      case "pick-key":
        this.picker?.walkKey(message.key, message.shift);
        return;
      case "pick-category":
        this.picker?.file(message.category);
        return;
    }
  }

  async toggleReader(): Promise<void> {
    const opened = await this.reader.toggle();
    if (opened === false) this.say(t("readerUnavailable"));
    this.sendView();
  }

  /** "Hide a block…": the picked block becomes a rule for this site, applied by the session. */
  private startPicking(): void {
    const session = this.session;
    if (!session || this.picker) return;
    this.outline ??= this.pageUi().add(el(this.context.doc, "div", { class: "outline", hidden: "" }));
    this.message = "";
    this.picker = new BlockPicker(
      this.context.doc,
      {
        outline: this.outline,
        owns: (e) => this.ui?.owns(e) ?? false,
        holdsStory: (block) => session.holdsStory(block),
        onState: (state) => {
          this.pickerState = state;
          this.sendView();
        },
        onChoose: (block, category) => {
          void this.context.saveRule(structuralSelector(block), category).then((error) => this.say(error ?? t("pickSaved", t(CATEGORY[category].nameKey))));
        },
        onEnd: () => (this.picker = null),
      },
      session.articleTitle(),
      this.abort.signal,
    );
  }
}
