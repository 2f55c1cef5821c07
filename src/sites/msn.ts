import type { SiteExamples, SiteProfile } from "./types";

/**
 * MSN (msn.com): stories of partner outlets under /<market>/<section>/…/ar-<id> ("ar-" is an
 * article; "vi-" videos and "ss-" slide shows are not), and the old lifestyle.msn.com
 * article.aspx?cp-documentid=… pages.
 */
export const msn: SiteProfile = {
  id: "msn",
  name: "MSN",
  hosts: ["msn.com"],
  pages: [
    { kind: "article", url: String.raw`^/(?<lang>[a-z]{2})-[a-z]{2}/(?:[^/?]+/)*ar-[A-Za-z0-9]+/?(?:\?|$)` },
    { kind: "article", url: String.raw`^/(?:[^?]*/)?article\.aspx\?(?:[^#]*&)?cp-documentid=\d+` },
    {
      kind: "listing",
      url: String.raw`^/(?<lang>[a-z]{2})-[a-z]{2}(?:/(?:news|money|sports|health|lifestyle|entertainment|travel|foodanddrink|autos|kids)(?:/[a-z0-9-]+)?)?/?(?:\?|$)`,
    },
  ],
  language: "en",
  dateOrder: "mdy",
};

export const msnExamples: SiteExamples = [
  { url: "http://www.msn.com/en-us/health/wellness/this-is-your-brain-on-sad-movies-plus-5-films-to-cry-to/ar-BBwsPWG?li=BBnb2gg", kind: "article" },
  { url: "http://www.msn.com/en-us/news/technology/nintendos-first-iphone-game-will-launch-in-december-for-dollar10/ar-AAkm7Xj", kind: "article" },
  { url: "https://www.msn.com/en-gb/news/world/ceasefire-talks-resume/ar-AA1qRsT9?ocid=msedgntp&cvid=abc", kind: "article" },
  { url: "https://www.msn.com/de-de/nachrichten/politik/koalition-streitet/ar-AA1kLmN2", kind: "article" },
  { url: "http://lifestyle.msn.com/your-life/your-money-today/article.aspx?cp-documentid=31244150", kind: "article" },
  { url: "http://money.msn.com/saving-money-tips/article.aspx?post=1&cp-documentid=22470034", kind: "article" },
  { url: "https://www.msn.com/en-us", kind: "listing" },
  { url: "https://www.msn.com/en-us/news/technology", kind: "listing" },
  { url: "https://www.msn.com/en-us/sports/?ocid=hpmsn", kind: "listing" },
  { url: "https://www.msn.com/en-us/video/news/storm-footage/vi-AA1xYz12", kind: "none" },
  { url: "https://www.msn.com/en-us/weather/forecast/in-Seattle,WA", kind: "none" },
  { url: "https://www.msn.com/", kind: "none" },
];
