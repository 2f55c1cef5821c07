// Tidyread's frames in the page, seen from the content script (content/frames.ts): the address it
// gives a frame, the port it takes (only under its own token, only from Tidyread), and what it says.
import { describe, expect, it, vi } from "vitest";
import type { Runtime } from "webextension-polyfill";
import type { PageUi } from "../../src/content/ui-host";

vi.mock("webextension-polyfill", () => ({
  default: { runtime: { id: "tidyread-test", getURL: (path: string) => `chrome-extension://tidyread-test/${path}` } },
}));
const { ExtensionFrame } = await import("../../src/content/frames");

function stubUi(): PageUi {
  const root = document.createElement("div");
  return { host: document.createElement("div"), add: <T extends Element>(e: T): T => (root.append(e), e) } as unknown as PageUi;
}

function portNamed(name: string, id = "tidyread-test"): { name: string; sender: { id: string }; sent: unknown[]; say(m: unknown): void } & Record<string, unknown> {
  const listeners: ((m: unknown) => void)[] = [];
  const port = {
    name,
    sender: { id },
    sent: [] as unknown[],
    onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
    onDisconnect: { addListener: () => undefined },
    postMessage: (m: unknown) => void port.sent.push(m),
    disconnect: vi.fn(),
    say: (m: unknown) => listeners.forEach((l) => l(m)),
  };
  return port;
}

const isClose = (m: unknown): m is { type: "close" } => typeof m === "object" && m !== null && (m as { type?: unknown }).type === "close";

describe("ExtensionFrame", () => {
  it("gives its frame a one-time token and takes only a port of Tidyread's under that token", () => {
    const received: unknown[] = [];
    const onConnect = vi.fn();
    const frame = new ExtensionFrame<{ type: "close" }, { type: "focus" }>(stubUi(), "panel", "Tidyread", isClose, (m) => received.push(m), onConnect);
    const token = new URL(frame.element.src).hash.slice(1);
    expect(frame.element.src).toMatch(/^chrome-extension:\/\/tidyread-test\/src\/panel\/panel\.html#[0-9a-f]{32}$/);
    expect(frame.accept(portNamed("tidyread-frame:0000") as unknown as Runtime.Port)).toBe(false);
    expect(frame.accept(portNamed(`tidyread-frame:${token}`, "another-extension") as unknown as Runtime.Port)).toBe(false);
    const port = portNamed(`tidyread-frame:${token}`);
    expect(frame.accept(port as unknown as Runtime.Port)).toBe(true);
    expect(onConnect).toHaveBeenCalledTimes(1);
    port.say({ type: "close" });
    port.say({ type: "open-everything" });
    expect(received).toEqual([{ type: "close" }]);
  });

  it("keeps what it was told to say before its frame connected, and says it once it does", () => {
    const frame = new ExtensionFrame<{ type: "close" }, { type: "focus" }>(stubUi(), "panel", "Tidyread", isClose, () => undefined, () => undefined);
    frame.send({ type: "focus" });
    const port = portNamed(`tidyread-frame:${new URL(frame.element.src).hash.slice(1)}`);
    frame.accept(port as unknown as Runtime.Port);
    expect(port.sent).toEqual([{ type: "focus" }]);
  });
});
