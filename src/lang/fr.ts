import type { LanguageWords } from "./types";

export const fr: LanguageWords = {
  lang: "fr",
  dir: "ltr",
  labels: {
    comments: ["commentaires", "commentaire", "aucun commentaire pour le moment", "aucun commentaire", "laisser un commentaire", "réagissez"],
    "ai-promo": ["essayez nos fonctionnalités ia", "fonctionnalités ia"],
    "app-banner": ["télécharger l'application", "téléchargez l'application", "téléchargez notre application", "obtenir l'application"],
    related: ["articles similaires", "à lire aussi", "lire aussi", "sur le même sujet", "articles liés", "vous aimerez aussi"],
  },
  evidence: {
    comments: ["aucun commentaire pour le moment", "aucun commentaire", "soyez le premier à commenter", "ajouter un commentaire", "écrire un commentaire"],
    "ai-promo": ["essayez nos fonctionnalités ia"],
    "app-banner": ["app store", "google play", "disponible sur l'app store", "disponible sur google play"],
  },
  storeBadges: ["app-store", "play-store", "app store", "google play"],
  relativeTime: {
    before: ["il y a"],
    after: [],
    units: {
      second: { seconde: null, secondes: null, s: null },
      minute: { minute: null, minutes: null, min: null },
      hour: { heure: null, heures: null, h: null },
      day: { jour: null, jours: null },
      week: { semaine: null, semaines: null },
      month: { mois: null },
      year: { an: null, ans: null, année: null, années: null },
    },
    numbers: { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10 },
    now: ["à l'instant", "maintenant"],
    yesterday: ["hier"],
  },
  months: [
    ["janvier", "janv"],
    ["février", "fevrier", "févr"],
    ["mars"],
    ["avril", "avr"],
    ["mai"],
    ["juin"],
    ["juillet", "juil"],
    ["août", "aout"],
    ["septembre", "sept"],
    ["octobre", "oct"],
    ["novembre", "nov"],
    ["décembre", "decembre", "déc"],
  ],
};
