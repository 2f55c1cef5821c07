import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** What a fixture page must show: test/fixtures/<slug>/expected.json (see test/fixtures/README.md). */
export interface Expected {
  url: string;
  description: string;
  kind: "article" | "listing" | "none";
  hidden: Record<string, number>;
  teasers: {
    title: string;
    url: string | null;
    source: string | null;
    time: { text: string; agoSeconds: number } | { iso: string } | null;
    summaryStartsWith: string | null;
  }[];
  late: boolean;
}

export const FIXTURES = "test/fixtures";

export function fixtureSlugs(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function loadFixture(slug: string): { html: string; expected: Expected } {
  return {
    html: readFileSync(join(FIXTURES, slug, "page.html"), "utf8"),
    expected: JSON.parse(readFileSync(join(FIXTURES, slug, "expected.json"), "utf8")) as Expected,
  };
}
