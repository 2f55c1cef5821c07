// Serves the fixture pages to real browsers over plain http, by Host header + path.
//
// Every test/fixtures/<slug>/expected.json names the page's real address ("url"); the page is
// served at that host name and path, on 127.0.0.1 and a free port. The browsers map the host names
// to 127.0.0.1 (Chromium: --host-resolver-rules, Firefox: network.dns.localDomains).
//
// Per-request options, in the query string:
//   ?trickle=<ms>  the HTML arrives in ~20-40 chunks split at tag boundaries, <ms> apart, with
//                  chunked transfer and no Content-Length, so that the browser paints mid-parse.
//
// With `tls`, the same port also speaks https (the first byte of a connection says which): hosts
// on the HSTS preload list (msn.com, yahoo.com, ...) are asked for over https whatever the URL says.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** Where fixtures are read from (override: TIDYREAD_FIXTURES_DIR). */
export const FIXTURES_DIR = path.resolve(process.env["TIDYREAD_FIXTURES_DIR"] ?? path.join(REPO_ROOT, "test/fixtures"));

export interface ServedRequest {
  method: string;
  /** The Host header without its port, lower-case. */
  host: string;
  /** Path and query, as requested. */
  url: string;
  /** Date.now() when the request arrived. */
  time: number;
  status: number;
}

export interface UrlOptions {
  /** Milliseconds between chunks; the page then arrives in ~20-40 chunks. */
  trickle?: number;
  /**
   * Serve the fixture at this host name instead of its own (same path), e.g. a host where the
   * extension does not run. The browser must map it to 127.0.0.1: Chromium maps the domains of
   * MAPPED_DOMAINS (Daily8's, from the site profiles, and `example-news.test`) with every host
   * under them; Firefox maps the names in FIREFOX_LOCAL_HOSTS. `127.0.0.1` needs no mapping.
   */
  host?: string;
}

export interface Fixture {
  slug: string;
  /** The real address from expected.json. */
  url: URL;
  file: string;
}

export interface FixtureServer {
  readonly port: number;
  /** Origin of the server as reached by IP, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** Every request served, in order. Clear with `requests.length = 0`. */
  readonly requests: ServedRequest[];
  /** Fixtures by slug (re-read from disk when an unknown slug or address is asked for). */
  fixtures(): ReadonlyMap<string, Fixture>;
  /** http://<fixture host>:<port><fixture path>[?trickle=ms] */
  urlFor(slug: string, opts?: UrlOptions): string;
  /** Every host name served so far (fixtures, ad-hoc pages, `urlFor(..., {host})`). */
  hosts(): string[];
  /** Serves `html` at http://<host>:<port><path>; returns that address. */
  addPage(host: string, pagePath: string, html: string): string;
  /**
   * Serves a file's bytes as they are (no re-encoding) at a real address's host and path, with
   * these headers (default `content-type: text/html`). Returns the address with the server's port,
   * scheme and query string kept, e.g. `https://www.msn.com:41234/en-us/...?li=x`. An https address
   * needs the server started with `tls`.
   */
  serveFile(address: string, file: string, headers?: Record<string, string>): string;
  /** Whether the port also answers https. */
  readonly tls: boolean;
  close(): Promise<void>;
}

/** A key and certificate (PEM) for the https side of the server, e.g. from makeTestCertificate(). */
export interface TlsCredentials {
  key: string;
  cert: string;
}

export interface FixtureServerOptions {
  fixturesDir?: string;
  /** Also answer TLS on the same port (browsers must accept the certificate, e.g. ignoreHTTPSErrors). */
  tls?: TlsCredentials;
}

/** The first byte of a TLS connection: a handshake record. */
const TLS_HANDSHAKE = 0x16;

const routeKey = (host: string, pathname: string): string => `${host.toLowerCase()}${pathname}`;

/** Reads every <dir>/<slug>/expected.json that has a "url" and a page.html next to it. */
export function readFixtures(dir: string = FIXTURES_DIR): Map<string, Fixture> {
  const found = new Map<string, Fixture>();
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const expectedFile = path.join(dir, entry.name, "expected.json");
    const file = path.join(dir, entry.name, "page.html");
    if (!existsSync(expectedFile) || !existsSync(file)) continue;
    let url: URL;
    try {
      const parsed: unknown = JSON.parse(readFileSync(expectedFile, "utf8"));
      const raw = typeof parsed === "object" && parsed !== null ? (parsed as { url?: unknown }).url : undefined;
      if (typeof raw !== "string") continue;
      url = new URL(raw);
    } catch {
      continue; // Being written, or not a page fixture: the unit tests report broken fixtures.
    }
    found.set(entry.name, { slug: entry.name, url, file });
  }
  return found;
}

/**
 * Splits HTML into about `target` pieces, each ending just before a `<`, so that every chunk but
 * the last ends at a tag boundary.
 */
export function splitAtTags(html: string, target = 30): string[] {
  const starts: number[] = [];
  for (let i = html.indexOf("<", 1); i !== -1; i = html.indexOf("<", i + 1)) starts.push(i);
  if (starts.length === 0) return [html];
  const want = Math.max(1, Math.min(target, starts.length + 1));
  const cuts: number[] = [];
  let s = 0;
  for (let k = 1; k < want; k++) {
    const ideal = (html.length * k) / want;
    while (s < starts.length - 1 && (starts[s] ?? 0) < ideal) s++;
    const cut = starts[s];
    if (cut !== undefined && cut > (cuts.at(-1) ?? 0)) cuts.push(cut);
  }
  const chunks: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    chunks.push(html.slice(from, cut));
    from = cut;
  }
  chunks.push(html.slice(from));
  return chunks.filter((c) => c.length > 0);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const dir = options.fixturesDir ?? FIXTURES_DIR;
  let fixtures = readFixtures(dir);
  /**
   * host+path → HTML (ad-hoc pages), a fixture's file (read on each request, so edits show), or a
   * file served byte for byte with its own headers.
   */
  const routes = new Map<string, { html: string } | { file: string } | { bytesOf: string; headers: Record<string, string> }>();
  const requests: ServedRequest[] = [];
  const sockets = new Set<Socket>();

  const refresh = (): void => {
    fixtures = readFixtures(dir);
    for (const f of fixtures.values()) {
      const key = routeKey(f.url.hostname, f.url.pathname);
      if (!routes.has(key) || "file" in (routes.get(key) ?? {})) routes.set(key, { file: f.file });
    }
  };
  refresh();

  const defaultHeaders = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
  const lookup = (host: string, pathname: string): { body: string | Buffer; headers: Record<string, string> } | null => {
    const key = routeKey(host, pathname);
    let route = routes.get(key);
    if (!route) {
      refresh();
      route = routes.get(key);
    }
    if (!route) return null;
    if ("bytesOf" in route) return { body: readFileSync(route.bytesOf), headers: { "cache-control": "no-store", ...route.headers } };
    return { body: "html" in route ? route.html : readFileSync(route.file, "utf8"), headers: defaultHeaders };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
    const url = new URL(req.url ?? "/", "http://placeholder");
    const record: ServedRequest = { method: req.method ?? "GET", host, url: req.url ?? "/", time: Date.now(), status: 0 };
    requests.push(record);
    const found = req.method === "GET" || req.method === "HEAD" ? lookup(host, url.pathname) : null;
    if (found === null) {
      record.status = 404;
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(`no fixture at ${host}${url.pathname}\n`);
      return;
    }
    record.status = 200;
    const { body: html, headers } = found;
    const trickle = Number(url.searchParams.get("trickle"));
    if (req.method === "HEAD") {
      res.writeHead(200, headers);
      res.end();
      return;
    }
    if (!url.searchParams.has("trickle") || !Number.isFinite(trickle) || trickle < 0) {
      res.writeHead(200, { ...headers, "content-length": Buffer.byteLength(html) });
      res.end(html);
      return;
    }
    // No Content-Length: Node uses chunked transfer encoding, one chunk per write.
    res.writeHead(200, headers);
    res.flushHeaders();
    for (const chunk of splitAtTags(html.toString(), 30)) {
      if (res.destroyed) return;
      res.write(chunk);
      await sleep(trickle);
    }
    res.end();
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  };
  const server = createServer(onRequest);
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };
  // Without tls the http server listens itself, as it always did; with tls a plain TCP server
  // takes each connection, peeks at its first byte and hands it to the http or the https server.
  let listener: NetServer = server;
  if (options.tls) {
    const secure = createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, onRequest);
    listener = createNetServer((socket) => {
      track(socket);
      socket.once("data", (first: Buffer) => {
        socket.pause();
        socket.unshift(first);
        (first[0] === TLS_HANDSHAKE ? secure : server).emit("connection", socket);
        process.nextTick(() => socket.resume());
      });
      socket.on("error", () => socket.destroy());
    });
  } else {
    server.on("connection", track);
  }
  await new Promise<void>((resolve, reject) => {
    listener.once("error", reject);
    listener.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (listener.address() as AddressInfo).port;

  const fixtureFor = (slug: string): Fixture => {
    let f = fixtures.get(slug);
    if (!f) {
      refresh();
      f = fixtures.get(slug);
    }
    if (!f) {
      const known = [...fixtures.keys()].join(", ") || "none";
      throw new Error(`No fixture "${slug}" in ${dir} (needs ${slug}/page.html and expected.json with "url"; found: ${known})`);
    }
    return f;
  };

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    fixtures: () => fixtures,
    hosts: () => [...new Set([...routes.keys()].map((key) => key.slice(0, key.indexOf("/"))))],
    urlFor(slug, opts = {}) {
      const f = fixtureFor(slug);
      const host = (opts.host ?? f.url.hostname).toLowerCase();
      if (host !== f.url.hostname) routes.set(routeKey(host, f.url.pathname), { file: f.file });
      const url = new URL(`http://${host}:${port}${f.url.pathname}${f.url.search}`);
      if (opts.trickle !== undefined) url.searchParams.set("trickle", String(opts.trickle));
      return url.href;
    },
    addPage(host, pagePath, html) {
      const url = new URL(`http://${host}:${port}${pagePath}`);
      routes.set(routeKey(url.hostname, url.pathname), { html });
      return url.href;
    },
    serveFile(address, file, headers = { "content-type": "text/html" }) {
      const real = new URL(address);
      if (real.protocol === "https:" && !options.tls) throw new Error(`serveFile ${address}: https needs the server started with tls`);
      routes.set(routeKey(real.hostname, real.pathname), { bytesOf: file, headers });
      real.port = String(port);
      return real.href;
    },
    tls: options.tls !== undefined,
    close() {
      return new Promise<void>((resolve) => {
        listener.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
