import type { SiteExamples, SiteProfile } from "./types";

/**
 * UOL Notícias (uol.com.br): stories, the agencies' included (…/ultimas-noticias/reuters/…), at
 * …/(ultimas-)noticias/…/<yyyy>/<mm>/<dd>/<slug>.htm(l). The newspapers on its subdomains (Folha:
 * /<section>/<yyyy>/<mm>/<slug>.shtml) have addresses of their own and are not matched.
 */
export const uol: SiteProfile = {
  id: "uol",
  name: "UOL Notícias",
  hosts: ["uol.com.br"],
  pages: [
    { kind: "article", url: String.raw`^/(?:[a-z0-9-]+/)*(?:ultimas-)?noticias/(?:[a-z0-9-]+/)*\d{4}/\d{2}/\d{2}/[a-z0-9-]+\.html?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:[a-z0-9-]+/)*ultimas-noticias(?:/[a-z0-9-]+)?/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:internacional|politica|cotidiano|saude|ciencia)?/?(?:\?|$)`, on: ["noticias.uol.com.br"] },
  ],
  language: "pt",
  dateOrder: "dmy",
};

export const uolExamples: SiteExamples = [
  {
    url: "https://noticias.uol.com.br/ultimas-noticias/reuters/2020/03/14/sancoes-dos-eua-dificultam-severamente-luta-do-ira-contra-coronavirus-diz-rouhani.htm",
    kind: "article",
  },
  { url: "https://noticias.uol.com.br/internacional/ultimas-noticias/2023/11/02/chuvas-no-sul.htm?cmpid=copiaecola", kind: "article" },
  { url: "https://economia.uol.com.br/noticias/efe/2021/05/10/bolsa-sobe.htm", kind: "article" },
  { url: "https://www.uol.com.br/esporte/futebol/ultimas-noticias/2022/12/18/final-da-copa.html", kind: "article" },
  { url: "https://noticias.uol.com.br/ultimas-noticias/reuters/", kind: "listing" },
  { url: "https://noticias.uol.com.br/", kind: "listing" },
  { url: "https://www1.folha.uol.com.br/mundo/2020/03/ira-diz-que-sancoes-dificultam-luta.shtml", kind: "none" },
  { url: "https://www.uol.com.br/", kind: "none" },
  { url: "https://email.uol.com.br/", kind: "none" },
];
