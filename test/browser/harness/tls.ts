// A throwaway self-signed certificate for the fixture server's https side, made at start with the
// system's openssl (Debian has it; no npm dependency). Browsers are told to accept it
// (launch(..., {acceptInsecureCerts: true})), so its names do not matter.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TlsCredentials } from "./server";

export function makeTestCertificate(): TlsCredentials {
  const dir = mkdtempSync(path.join(tmpdir(), "tidyread-tls-"));
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  try {
    // An EC key: a few milliseconds, where RSA takes up to a second on this machine.
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=tidyread-test", "-keyout", key, "-out", cert],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
  } catch (error) {
    throw new Error("makeTestCertificate: `openssl req -x509` failed (is openssl installed? Debian: apt-get install openssl)", { cause: error });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
