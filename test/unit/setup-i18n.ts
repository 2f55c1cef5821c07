// The UI's strings come from browser.i18n; in jsdom it is answered from the English messages.json.
import messages from "../../src/_locales/en/messages.json";

const table = messages as Record<string, { message: string }>;
const getMessage = (key: string, substitutions: string[] = []): string =>
  (table[key]?.message ?? "").replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? "");
(globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage } };
