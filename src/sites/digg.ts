import type { SiteExamples, SiteProfile } from "./types";

/** Digg (digg.com): roundups and picked stories at /<yyyy>/<slug>, videos at /video/<slug>. */
export const digg: SiteProfile = {
  id: "digg",
  name: "Digg",
  hosts: ["digg.com"],
  pages: [
    { kind: "article", url: String.raw`^/\d{4}/[a-z0-9-]+/?(?:\?|$)` },
    { kind: "article", url: String.raw`^/(?:video|[a-z-]+/link)/[a-z0-9-]+/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:channel/[a-z0-9-]+|[a-z]+)?/?(?:\?|$)` },
  ],
  language: "en",
  dateOrder: "mdy",
};

export const diggExamples: SiteExamples = [
  { url: "https://digg.com/2019/is-stadia-good-worth-it-reviews", kind: "article" },
  { url: "https://digg.com/2020/best-podcasts-of-the-week?utm_source=digg", kind: "article" },
  { url: "https://digg.com/video/dog-learns-to-skateboard", kind: "article" },
  { url: "https://digg.com/", kind: "listing" },
  { url: "https://digg.com/channel/technology", kind: "listing" },
  { url: "https://digg.com/technology", kind: "listing" },
  { url: "https://digg.com/settings/account", kind: "none" },
  { url: "https://digg.com/2019", kind: "none" },
];
