import type { LanguageWords } from "../shared/language-words";

/**
 * Romanian pages write ș and ț with a comma below or (older fonts, older sites) a cedilla:
 * "Citeşte" and "Citește" are one word to a reader, so each phrase is listed in both spellings.
 */
const both = (words: string[]): string[] => [...new Set(words.flatMap((w) => [w, w.replace(/ș/g, "ş").replace(/ț/g, "ţ")]))];

export const ro: LanguageWords = {
  lang: "ro",
  dir: "ltr",
  labels: {
    comments: both(["comentarii", "comentariu", "adaugă un comentariu", "lasă un comentariu", "scrie un comentariu", "vezi comentariile", "vezi mai multe comentarii", "încarcă mai multe comentarii"]),
    "ai-promo": both(["încearcă funcțiile ai", "funcții ai"]),
    "app-banner": both(["descarcă aplicația", "descarcă aplicatia", "instalează aplicația", "deschide în aplicație", "newsletter", "urmărește-ne", "urmăriți-ne", "abonează-te la newsletter"]),
    sponsored: both(["publicitate", "sponsorizat", "conținut sponsorizat", "reclamă", "de la partenerii noștri", "conținut partener", "advertorial"]),
    related: both([
      "articole similare", "știri similare", "citește și", "alte știri", "mai multe știri", "articole recomandate", "recomandări",
      "cele mai citite", "știri recomandate", "cele mai populare", "cele mai vizualizate", "în tendințe", "ultimele știri",
    ]),
  },
  evidence: {
    comments: both(["niciun comentariu", "fii primul care comentează", "adaugă un comentariu", "scrie un comentariu", "vezi mai multe comentarii", "încarcă mai multe comentarii"]),
    "ai-promo": both(["încearcă funcțiile ai"]),
    "app-banner": ["app store", "google play", "disponibil în app store", "disponibil pe google play", "abonează-te", "mă abonez", "abonare"],
  },
  commentNotes: ["comentariile reprezintă opinia", "comentariile nu reprezintă", "opiniile exprimate în comentarii"],
  promos: ["abonează-te la {}", "urmărește-ne pe {}", "urmăriți-ne pe {}", "descarcă aplicația {}"],
  storeBadges: ["app-store", "play-store", "app store", "google play"],
  outletLists: ["alte ştiri de {}", "alte știri de {}", "mai multe de la {}"],
  outletWords: ["știri", "ştiri", "news", "ziarul", "jurnal", "gazeta", "agenția", "agenţia", "press", "tv"],
  credit: both(["sursa", "sursă", "surse", "via", "preluat de la", "preluare"]),
  // Not "de" alone: outlets are named "De Telegraaf", "De Morgen".
  byline: ["autor", "scris de", "de către"],
  clock: { at: ["la", "ora", "-", "|", "·"], am: [], pm: [] },
  relativeTime: {
    before: both(["acum", "în urmă cu", "in urma cu"]),
    after: ["în urmă", "in urma"],
    units: {
      second: { secundă: null, secunda: null, secunde: null, sec: null },
      minute: { minut: null, minute: null, min: null },
      hour: { oră: null, ora: null, ore: null },
      day: { zi: null, zile: null },
      week: { săptămână: null, săptămâni: null, saptamana: null, saptamani: null },
      month: { lună: null, luna: null, luni: null },
      year: { an: null, ani: null },
    },
    numbers: { o: 1, un: 1, una: 1, două: 2, doua: 2, doi: 2, trei: 3, patru: 4, cinci: 5, șase: 6, şase: 6, șapte: 7, şapte: 7, opt: 8, nouă: 9, zece: 10 },
    now: both(["acum", "chiar acum", "acum câteva secunde", "adineauri"]),
    yesterday: ["ieri"],
  },
  weekdays: ["luni", "marți", "marţi", "miercuri", "joi", "vineri", "sâmbătă", "duminică"],
  months: [
    ["ianuarie", "ian"],
    ["februarie", "feb"],
    ["martie", "mar"],
    ["aprilie", "apr"],
    ["mai"],
    ["iunie", "iun"],
    ["iulie", "iul"],
    ["august", "aug"],
    ["septembrie", "sept", "sep"],
    ["octombrie", "oct"],
    ["noiembrie", "noi", "nov"],
    ["decembrie", "dec"],
  ],
};
