import type { SiteExamples, SiteProfile } from "./types";

/** Sott.net (Signs of the Times): other outlets' pieces republished at /article/<id>-<Title-Words>. */
export const sott: SiteProfile = {
  id: "sott",
  name: "Sott.net",
  hosts: ["sott.net"],
  pages: [
    { kind: "article", url: String.raw`^/article/\d+(?:-[^/?]*)?/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:(?:category|tag|signs/\w+)/\d+-[^/?]*)?/?(?:\?|$)` },
  ],
  language: "en",
  dateOrder: "dmy",
};

export const sottExamples: SiteExamples = [
  {
    url: "https://www.sott.net/article/434715-The-American-friends-New-court-files-expose-Sheldon-Adelsons-security-team-involved-in-US-spy-operation-against-Julian-Assange",
    kind: "article",
  },
  { url: "https://www.sott.net/article/489012-Quake-shakes-Alaska?utm_medium=rss", kind: "article" },
  { url: "https://www.sott.net/", kind: "listing" },
  { url: "https://www.sott.net/category/17-Science-Technology", kind: "listing" },
  { url: "https://www.sott.net/users/login", kind: "none" },
  { url: "https://www.sott.net/article/434715-The-American-friends/comments/extra", kind: "none" },
];
