// The reader view's content-script side (content/article/reader-frame.ts): the frame it makes, what
// it answers on the frame's port, and the page left as it was when the reader leaves.
import { afterEach, describe, expect, it, vi } from "vitest";
import { isArticleData } from "../../src/shared/article";
import type { PageUi } from "../../src/content/ui-host";

vi.mock("webextension-polyfill", () => ({
  default: { runtime: { id: "tidyread-test", getURL: (path: string) => `chrome-extension://tidyread-test/${path}` } },
}));
const { ReaderFrame } = await import("../../src/content/article/reader-frame");

const PROSE = "The council voted on Tuesday to extend the tram line to the northern districts, after a debate that lasted most of the afternoon.";
/** The test's own page, put in place as parsed nodes. */
const setPage = (html: string): void => document.body.replaceChildren(...new DOMParser().parseFromString(html, "text/html").body.childNodes);
const STORY = `<main><article><h1>Tram line to reach the north</h1>${`<p>${PROSE}</p>`.repeat(6)}</article></main><p><button id="before">Share</button></p>`;

/** Tidyread's closed host, stood in for by a container outside the page's document. */
function stubUi(): { ui: PageUi; frames: () => HTMLIFrameElement[] } {
  const root = document.createElement("div");
  const host = document.createElement("div");
  const ui = { host, add: <T extends Element>(e: T): T => (root.append(e), e), owns: () => false } as unknown as PageUi;
  return { ui, frames: () => [...root.querySelectorAll("iframe")] };
}

interface FakePort {
  name: string;
  sender: { id: string };
  sent: unknown[];
  say(message: unknown): void;
}

/** A runtime port as the background relays it from the frame: named after the token in the frame's address. */
function portOf(frame: HTMLIFrameElement, id = "tidyread-test"): FakePort & Record<string, unknown> {
  const listeners: ((m: unknown) => void)[] = [];
  const port = {
    name: `tidyread-frame:${new URL(frame.src).hash.slice(1)}`,
    sender: { id },
    sent: [] as unknown[],
    onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
    onDisconnect: { addListener: () => undefined },
    postMessage(m: unknown) {
      port.sent.push(m);
    },
    disconnect: vi.fn(),
    say(m: unknown) {
      for (const l of listeners) l(m);
    },
  };
  return port;
}

function open(): { reader: InstanceType<typeof ReaderFrame>; onChange: ReturnType<typeof vi.fn>; frames: () => HTMLIFrameElement[]; abort: AbortController } {
  const { ui, frames } = stubUi();
  const abort = new AbortController();
  const onChange = vi.fn();
  const reader = new ReaderFrame({ ui: () => ui, doc: document, signal: abort.signal, onChange });
  return { reader, onChange, frames, abort };
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute("data-tidyread-reading");
});

describe("the reader view's frame", () => {
  it("opens over a page with an article, answers its frame with the article as data and the focus, and leaves the page as it was", () => {
    setPage(STORY);
    const before = document.body.innerHTML;
    document.getElementById("before")?.focus();
    const { reader, onChange, frames } = open();

    expect(reader.toggle()).toBe(true);
    expect(reader.isOpen()).toBe(true);
    expect(onChange).toHaveBeenLastCalledWith(true, false);
    const [frame] = frames();
    expect(frame?.src).toMatch(/^chrome-extension:\/\/tidyread-test\/src\/reader\/reader\.html#[0-9a-f]{32}$/);
    expect(frame?.title).toBe("Reader view");
    expect(document.documentElement.hasAttribute("data-tidyread-reading")).toBe(true);
    // Nothing of the article is added to the page's DOM.
    expect(document.body.innerHTML).toBe(before);

    const port = portOf(frame as HTMLIFrameElement);
    expect(reader.accept(portOf(frame as HTMLIFrameElement, "another-extension") as never)).toBe(false);
    expect(reader.accept(port as never)).toBe(true);
    port.say({ type: "article?" });
    const [answer, focus] = port.sent as [{ type: string; article: unknown }, unknown];
    expect(answer.type).toBe("article");
    expect(isArticleData(answer.article)).toBe(true);
    expect(JSON.stringify(answer.article)).toContain(PROSE);
    expect(focus).toEqual({ type: "focus" });

    port.say({ type: "close" });
    expect(reader.isOpen()).toBe(false);
    expect(frames()).toEqual([]);
    expect(document.documentElement.hasAttribute("data-tidyread-reading")).toBe(false);
    expect(document.activeElement?.id).toBe("before");
    expect(onChange).toHaveBeenLastCalledWith(false, true);
    expect(document.body.innerHTML).toBe(before);
  });

  it("says where focus could not go back (it was in Tidyread's own UI, or nowhere)", () => {
    setPage(STORY);
    const { reader, onChange } = open();
    reader.toggle();
    expect(reader.toggle()).toBeNull();
    expect(onChange).toHaveBeenLastCalledWith(false, false);
  });

  it("finds no article on a page without one, and makes no frame", () => {
    setPage('<div><img src="https://img.example/a.png"></div><form><button>Go</button></form>');
    const { reader, frames, onChange } = open();
    expect(reader.toggle()).toBe(false);
    expect(frames()).toEqual([]);
    expect(onChange).not.toHaveBeenCalled();
  });

  it("closes with the page run's signal", () => {
    setPage(STORY);
    const { reader, frames, abort } = open();
    reader.toggle();
    abort.abort();
    expect(frames()).toEqual([]);
    expect(reader.isOpen()).toBe(false);
    expect(document.documentElement.hasAttribute("data-tidyread-reading")).toBe(false);
    expect(reader.toggle()).toBe(false);
  });
});
