import type { LanguageWords } from "./types";

export const de: LanguageWords = {
  lang: "de",
  dir: "ltr",
  labels: {
    comments: ["kommentare", "kommentar", "noch keine kommentare", "keine kommentare", "kommentar schreiben"],
    "ai-promo": ["testen sie unsere ki-funktionen", "ki-funktionen"],
    "app-banner": ["app herunterladen", "laden sie die app herunter", "jetzt die app laden", "hol dir die app"],
    related: ["ähnliche artikel", "verwandte artikel", "das könnte sie auch interessieren", "mehr zum thema", "weitere artikel"],
  },
  evidence: {
    comments: ["noch keine kommentare", "keine kommentare", "schreiben sie den ersten kommentar", "kommentar schreiben"],
    "ai-promo": ["testen sie unsere ki-funktionen"],
    "app-banner": ["app store", "google play", "laden im app store", "jetzt bei google play"],
  },
  storeBadges: ["app-store", "play-store", "app store", "google play"],
  relativeTime: {
    before: ["vor"],
    after: [],
    units: {
      second: { sekunde: null, sekunden: null, sek: null },
      minute: { minute: null, minuten: null, min: null },
      hour: { stunde: null, stunden: null, std: null },
      day: { tag: null, tagen: null },
      week: { woche: null, wochen: null },
      month: { monat: null, monaten: null },
      year: { jahr: null, jahren: null },
    },
    numbers: { ein: 1, eine: 1, einer: 1, einem: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10 },
    now: ["gerade eben", "jetzt"],
    yesterday: ["gestern"],
  },
  months: [
    ["januar", "jan", "jänner"],
    ["februar", "feb"],
    ["märz", "maerz", "mär"],
    ["april", "apr"],
    ["mai"],
    ["juni", "jun"],
    ["juli", "jul"],
    ["august", "aug"],
    ["september", "sep", "sept"],
    ["oktober", "okt"],
    ["november", "nov"],
    ["dezember", "dez"],
  ],
};
