import browser from "webextension-polyfill";
import { FRAME_PORT_PREFIX } from "../shared/frame-protocol";
import { senderKind, type OwnExtension } from "./senders";

/**
 * Tidyread's frames in a page (the panel, the reader view) reach the content script of their tab
 * through here: Firefox gives an extension frame inside a web page no `tabs` API, and a frame's
 * own runtime port reaches only extension pages. The background joins the frame's port to a port
 * into the tab's top frame, under the same name (the token the content script gave the frame).
 */
export function relayFramePorts(own: OwnExtension): void {
  browser.runtime.onConnect.addListener((framePort) => {
    const { sender, name } = framePort;
    const tabId = sender?.tab?.id;
    // One of our pages, framed inside a tab (not the tab's top document).
    const fromOurFrame = !!sender && senderKind(sender, own) === "extension-page" && (sender.frameId ?? 0) !== 0;
    if (!name.startsWith(FRAME_PORT_PREFIX) || tabId === undefined || !fromOurFrame) {
      framePort.disconnect();
      return;
    }
    const pagePort = browser.tabs.connect(tabId, { name, frameId: 0 });
    framePort.onMessage.addListener((message) => pagePort.postMessage(message));
    pagePort.onMessage.addListener((message) => framePort.postMessage(message));
    framePort.onDisconnect.addListener(() => pagePort.disconnect());
    pagePort.onDisconnect.addListener(() => framePort.disconnect());
  });
}
