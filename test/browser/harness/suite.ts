import { afterAll, beforeAll } from "vitest";
import { launch, type BrowserName, type LaunchOptions, type TestBrowser } from "./browsers";
import { startFixtureServer, type FixtureServer } from "./server";

/** A describe block's fixture server and browser: started before its tests, closed after them. */
export interface BrowserSuite {
  readonly server: FixtureServer;
  readonly browser: TestBrowser;
}

/** Starts a fixture server and `name` with the extension for the enclosing describe block. */
export function useBrowser(name: BrowserName, options: Omit<LaunchOptions, "server"> = {}): BrowserSuite {
  let server: FixtureServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launch(name, { ...options, server });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} has not started: use it inside a test or a hook`);
    return value;
  };
  return {
    get server() {
      return started(server, "the fixture server");
    },
    get browser() {
      return started(browser, `${name}`);
    },
  };
}
