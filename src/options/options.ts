import browser from "webextension-polyfill";

const isFirefox = browser.runtime.getURL("").startsWith("moz-extension:");

async function showShortcut(): Promise<void> {
  const commands = await browser.commands.getAll();
  const shortcut = commands.find((c) => c.name === "_execute_action")?.shortcut;
  const kbd = document.getElementById("shortcut");
  const help = document.getElementById("shortcut-help");
  if (kbd) kbd.textContent = shortcut || "no shortcut set";
  if (help) {
    help.textContent = isFirefox
      ? "change it in Add-ons and themes → gear menu → Manage Extension Shortcuts"
      : "change it at chrome://extensions/shortcuts";
  }
}

void showShortcut();
