import browser from "webextension-polyfill";
import type { Runtime } from "webextension-polyfill";
import { FRAME_PORT_PREFIX } from "./frame-protocol";

/** A background that went to sleep drops the port: the frame connects again after this pause, doubled on each failure up to 8 s. */
const RECONNECT_MS = 250;
const RECONNECT_MAX_MS = 8_000;

/**
 * A frame's line to the content script that made it: a runtime port named after the token in the
 * frame's address, relayed by the background. It reconnects when the background restarts, and the
 * content script answers every new connection with everything the frame shows.
 */
export class FramePort<In, Out> {
  private port: Runtime.Port | null = null;
  private readonly name = `${FRAME_PORT_PREFIX}${location.hash.slice(1)}`;
  private pause = RECONNECT_MS;

  constructor(
    private readonly accepts: (message: unknown) => message is In,
    private readonly onMessage: (message: In) => void,
  ) {
    this.connect();
  }

  private connect(): void {
    const port = browser.runtime.connect({ name: this.name });
    this.port = port;
    port.onMessage.addListener((message: unknown) => {
      this.pause = RECONNECT_MS;
      if (this.accepts(message)) this.onMessage(message);
    });
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = null;
      setTimeout(() => {
        if (!this.port) this.connect();
      }, this.pause);
      this.pause = Math.min(RECONNECT_MAX_MS, this.pause * 2);
    });
  }

  send(message: Out): void {
    if (!this.port) this.connect();
    try {
      this.port?.postMessage(message);
    } catch {
      this.port = null;
    }
  }
}
