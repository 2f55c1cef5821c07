import type { LanguageWords } from "../shared/language-words";

/** Portuguese (Brazil and Portugal): "há 2 horas" and "2 horas atrás" alike; clocks as "20h00". */
export const pt: LanguageWords = {
  lang: "pt",
  dir: "ltr",
  labels: {
    comments: [
      "comentários", "comentário", "comentarios", "deixe seu comentário", "deixe o seu comentário", "ver comentários",
      "faça um comentário", "nenhum comentário",
      "ver mais comentários", "carregar mais comentários",
    ],
    "ai-promo": ["experimente nossos recursos de ia", "recursos de ia"],
    "app-banner": ["baixe o app", "baixe o aplicativo", "baixe nosso app", "baixar o aplicativo", "abrir no app", "abrir no aplicativo", "descarregue a app", "newsletter", "newsletters", "siga-nos", "assine nossa newsletter", "receba nossa newsletter"],
    sponsored: [
      "publicidade", "patrocinado", "conteúdo patrocinado", "links patrocinados", "anúncio", "publieditorial",
      "conteúdo de marca", "de nossos parceiros", "dos nossos parceiros", "oferecido por", "promovido",
    ],
    related: [
      "relacionadas", "notícias relacionadas", "matérias relacionadas", "artigos relacionados", "leia também", "veja também",
      "leia mais", "mais lidas", "as mais lidas agora", "mais lidas agora", "você pode gostar", "recomendados para você", "mais notícias",
      "mais vistas", "mais vistos", "mais lidos", "em alta", "relacionados", "conteúdo relacionado",
    ],
  },
  evidence: {
    comments: ["seja o primeiro a comentar", "nenhum comentário", "ainda não há comentários", "escreva um comentário", "deixe seu comentário", "deixe o seu comentário", "ver mais comentários", "carregar mais comentários"],
    "ai-promo": ["experimente nossos recursos de ia"],
    "app-banner": ["app store", "google play", "disponível na app store", "disponível no google play", "cadastrar", "assinar", "inscreva-se", "quero receber"],
  },
  commentNotes: ["os comentários são de responsabilidade", "comentários são de responsabilidade", "os comentários não representam a opinião"],
  promos: ["assine {}", "assine a newsletter {}", "newsletter {}", "siga-nos no {}", "siga {} nas redes sociais", "baixe o app {}", "baixe o aplicativo {}"],
  storeBadges: ["app-store", "play-store", "app store", "google play"],
  outletLists: ["mais de {}", "mais notícias de {}", "últimas de {}"],
  outletWords: ["notícias", "jornal", "folha", "agência", "news", "press", "revista", "diário", "gazeta"],
  credit: ["fonte", "fontes", "via", "com informações de", "publicado originalmente em", "publicado originalmente por"],
  byline: ["por", "escrito por", "da redação"],
  clock: { at: ["às", "as", "-", "|", "·"], am: [], pm: [] },
  relativeTime: {
    before: ["há", "ha"],
    after: ["atrás"],
    units: {
      second: { segundo: null, segundos: null, s: null },
      minute: { minuto: null, minutos: null, min: null },
      hour: { hora: null, horas: null, h: null },
      day: { dia: null, dias: null },
      week: { semana: null, semanas: null },
      month: { mês: null, mes: null, meses: null },
      year: { ano: null, anos: null },
    },
    numbers: { um: 1, uma: 1, dois: 2, duas: 2, três: 3, tres: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10 },
    now: ["agora", "agora mesmo", "há pouco", "há instantes", "neste momento"],
    yesterday: ["ontem"],
  },
  weekdays: ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo", "seg", "ter", "qua", "qui", "sex", "sáb", "dom"],
  months: [
    ["janeiro", "jan"],
    ["fevereiro", "fev"],
    ["março", "marco", "mar"],
    ["abril", "abr"],
    ["maio", "mai"],
    ["junho", "jun"],
    ["julho", "jul"],
    ["agosto", "ago"],
    ["setembro", "set"],
    ["outubro", "out"],
    ["novembro", "nov"],
    ["dezembro", "dez"],
  ],
};
