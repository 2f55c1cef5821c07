import type { LanguageWords } from "./types";

export const es: LanguageWords = {
  lang: "es",
  dir: "ltr",
  labels: {
    comments: ["comentarios", "comentario", "todavía no hay comentarios", "no hay comentarios", "deja un comentario"],
    "ai-promo": ["prueba nuestras funciones de ia", "funciones de ia"],
    "app-banner": ["descarga la aplicación", "descarga la app", "descargar la aplicación", "obtén la app"],
    related: ["artículos relacionados", "noticias relacionadas", "te puede interesar", "lee también", "más noticias"],
  },
  evidence: {
    comments: ["todavía no hay comentarios", "no hay comentarios", "sé el primero en comentar", "escribe un comentario"],
    "ai-promo": ["prueba nuestras funciones de ia"],
    "app-banner": ["app store", "google play", "disponible en app store", "disponible en google play"],
  },
  storeBadges: ["app-store", "play-store", "app store", "google play"],
  relativeTime: {
    before: ["hace"],
    after: [],
    units: {
      second: { segundo: null, segundos: null, s: null },
      minute: { minuto: null, minutos: null, min: null },
      hour: { hora: null, horas: null, h: null },
      day: { día: null, días: null, dia: null, dias: null },
      week: { semana: null, semanas: null },
      month: { mes: null, meses: null },
      year: { año: null, años: null },
    },
    numbers: { un: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10 },
    now: ["ahora", "ahora mismo", "hace un momento"],
    yesterday: ["ayer"],
  },
  months: [
    ["enero", "ene"],
    ["febrero", "feb"],
    ["marzo", "mar"],
    ["abril", "abr"],
    ["mayo", "may"],
    ["junio", "jun"],
    ["julio", "jul"],
    ["agosto", "ago"],
    ["septiembre", "setiembre", "sep"],
    ["octubre", "oct"],
    ["noviembre", "nov"],
    ["diciembre", "dic"],
  ],
};
