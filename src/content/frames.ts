import browser from "webextension-polyfill";
import type { Runtime } from "webextension-polyfill";
import { el } from "../shared/dom";
import { FRAME_PAGES, FRAME_PORT_PREFIX, type FrameKind } from "../shared/frame-protocol";
import type { PageUi } from "./ui-host";

const MAX_WAITING = 8;

/** 128 random bits in hex (crypto.randomUUID needs a secure context; an http page is not one). */
function oneTimeToken(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * One of Tidyread's extension pages shown in the page (the panel, the reader view). Its address
 * carries a one-time token; the frame connects back under that token (through the background),
 * so only the frame this script made gets its port. The page cannot read the frame's document,
 * click in it or hear its keys: it is another origin.
 */
export class ExtensionFrame<In, Out> {
  readonly element: HTMLIFrameElement;
  private readonly name = `${FRAME_PORT_PREFIX}${oneTimeToken()}`;
  private port: Runtime.Port | null = null;
  /** Said before the frame connected (the first "focus" after a click): sent once it does. */
  private waiting: Out[] = [];

  constructor(
    ui: PageUi,
    kind: FrameKind,
    /** The frame's accessible name. */
    title: string,
    /** Checks what arrives: a frame is ours, but a message is still only data. */
    private readonly accepts: (message: unknown) => message is In,
    private readonly onMessage: (message: In) => void,
    /** A (re)connected frame: send it everything it shows. */
    private readonly onConnect: () => void,
  ) {
    this.element = el(ui.host.ownerDocument, "iframe", { class: kind, title });
    this.element.src = `${browser.runtime.getURL(FRAME_PAGES[kind])}#${this.name.slice(FRAME_PORT_PREFIX.length)}`;
    ui.add(this.element);
  }

  /** Takes a port connected to this script if it is this frame's; false leaves it to others. */
  accept(port: Runtime.Port): boolean {
    if (port.name !== this.name || port.sender?.id !== browser.runtime.id) return false;
    this.port?.disconnect();
    this.port = port;
    port.onMessage.addListener((message: unknown) => {
      if (this.accepts(message)) this.onMessage(message);
    });
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = null;
    });
    this.onConnect();
    for (const message of this.waiting.splice(0)) this.send(message);
    return true;
  }

  get connected(): boolean {
    return this.port !== null;
  }

  /** Sends now, or once the frame connects (a few at most: a frame connecting later is sent everything it shows anyway). */
  send(message: Out): void {
    if (!this.port) {
      this.waiting = [...this.waiting.slice(-(MAX_WAITING - 1)), message];
      return;
    }
    try {
      this.port.postMessage(message);
    } catch {
      this.port = null;
    }
  }

  remove(): void {
    this.port?.disconnect();
    this.port = null;
    this.element.remove();
  }
}
