import type { SiteExamples, SiteProfile } from "./types";

/**
 * Yahoo News (yahoo.com): news.yahoo.com/<slug>-<id>.html, www. or us.yahoo.com/news/<slug>-<id>.html
 * and /news/m/<uuid>/<slug> (a partner's item), and the newer /news/articles/<slug>.html. The
 * other sections (finance., sports., /lifestyle/) carry partner stories the same way.
 */
export const yahoo: SiteProfile = {
  id: "yahoo",
  name: "Yahoo News",
  hosts: ["yahoo.com"],
  pages: [
    { kind: "article", url: String.raw`^/(?:[a-z-]+/)*[a-z0-9]+(?:-[a-z0-9]+)*-\d{6,}\.html(?:\?|$)` },
    { kind: "article", url: String.raw`^/(?:[a-z-]+/)?articles/[a-z0-9-]+\.html(?:\?|$)` },
    { kind: "article", url: String.raw`^/news/m/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}(?:/|\?|$)` },
    { kind: "listing", url: String.raw`^/news(?:/(?:us|world|politics|health|science|business|entertainment|tech|weather))?/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:us|world|politics|health|science)?/?(?:\?|$)`, on: ["news.yahoo.com"] },
  ],
  language: "en",
  dateOrder: "mdy",
};

export const yahooExamples: SiteExamples = [
  { url: "http://news.yahoo.com/apple-says-steve-jobs-resigning-ceo-224628633.html", kind: "article" },
  { url: "https://www.yahoo.com/news/m/1c621104-b0eb-3b4d-9b0a-7bb979f80d7d/undefined", kind: "article" },
  { url: "https://www.yahoo.com/news/senate-passes-spending-bill-031512345.html?guccounter=1", kind: "article" },
  { url: "https://us.yahoo.com/news/russia-launches-soyuz-to-space-station-093012876.html", kind: "article" },
  { url: "https://www.yahoo.com/news/articles/storm-knocks-power-thousands-183210456.html", kind: "article" },
  { url: "https://finance.yahoo.com/news/stocks-rally-fed-decision-143000123.html", kind: "article" },
  { url: "https://us.yahoo.com/news/", kind: "listing" },
  { url: "https://www.yahoo.com/news/world/", kind: "listing" },
  { url: "https://news.yahoo.com/", kind: "listing" },
  { url: "https://mail.yahoo.com/", kind: "none" },
  { url: "https://mail.yahoo.com/d/folders/1", kind: "none" },
  { url: "https://www.yahoo.com/", kind: "none" },
  { url: "https://news.yahoo.com/account/settings", kind: "none" },
];
