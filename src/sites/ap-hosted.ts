import type { SiteExamples, SiteProfile } from "./types";

/**
 * AP Hosted (hosted.ap.org): AP stories republished for a member paper, at
 * /<paper>/article/<32 hex>/<slug>, and before 2017 /dynamic/stories/<L>/<SLUG>. Only this host:
 * AP's own apnews.com is the publisher.
 */
export const apHosted: SiteProfile = {
  id: "ap-hosted",
  name: "AP Hosted",
  hosts: ["hosted.ap.org"],
  pages: [
    { kind: "article", url: String.raw`^/[a-z0-9-]+/article/[0-9a-f]{32}(?:/[^/?]*)?/?(?:\?|$)` },
    { kind: "article", url: String.raw`^/dynamic/stories/[A-Z0-9]/[A-Z0-9_]+` },
    { kind: "listing", url: String.raw`^/[a-z0-9-]+(?:/(?:hub|tag)/[a-z0-9-]+)?/?(?:\?|$)` },
  ],
  language: "en",
  dateOrder: "mdy",
};

export const apHostedExamples: SiteExamples = [
  {
    url: "https://hosted.ap.org/citizensvoice/article/2896af5086674d4bbbbd454dec217c63/uk-tories-under-fire-twitter-name-switch-during-debate",
    kind: "article",
  },
  { url: "https://hosted.ap.org/wcbs/article/0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e", kind: "article" },
  { url: "http://hosted.ap.org/dynamic/stories/U/US_STORM_DAMAGE?SITE=AP&SECTION=HOME", kind: "article" },
  { url: "https://hosted.ap.org/citizensvoice", kind: "listing" },
  { url: "https://hosted.ap.org/citizensvoice/hub/politics", kind: "listing" },
  { url: "https://hosted.ap.org/citizensvoice/article/not-an-id", kind: "none" },
  { url: "https://hosted.ap.org/", kind: "none" },
];
