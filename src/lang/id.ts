import type { LanguageWords } from "./types";

/** Indonesian. "se-" makes a unit one by itself: "sejam yang lalu" is an hour ago. */
export const id: LanguageWords = {
  lang: "id",
  dir: "ltr",
  labels: {
    comments: ["komentar", "tulis komentar", "kirim komentar", "lihat komentar", "lihat semua komentar"],
    "ai-promo": ["coba fitur ai kami", "fitur ai"],
    "app-banner": ["unduh aplikasi", "download aplikasi", "buka di aplikasi", "pasang aplikasi", "newsletter", "ikuti kami", "berlangganan newsletter"],
    sponsored: ["iklan", "konten bersponsor", "disponsori", "sponsor", "advertorial", "konten promosi", "dari mitra kami"],
    related: ["berita terkait", "artikel terkait", "baca juga", "rekomendasi untuk anda", "berita lainnya", "terpopuler", "berita populer", "pilihan untukmu"],
  },
  evidence: {
    comments: ["belum ada komentar", "jadilah yang pertama berkomentar", "tulis komentar", "kirim komentar"],
    "ai-promo": ["coba fitur ai kami"],
    "app-banner": ["app store", "google play", "download di app store", "dapatkan di google play", "berlangganan", "langganan"],
  },
  promos: ["gabung {}", "berlangganan {}", "ikuti kami di {}", "ikuti {} di media sosial", "unduh aplikasi {}"],
  storeBadges: ["app-store", "play-store", "app store", "google play"],
  credit: ["sumber", "via", "dikutip dari"],
  byline: ["oleh", "penulis", "reporter", "editor"],
  clock: { at: ["pukul", "jam", "-", "|", "·"], am: [], pm: [] },
  relativeTime: {
    before: [],
    after: ["yang lalu", "lalu"],
    units: {
      second: { detik: null },
      minute: { menit: null, semenit: 1 },
      hour: { jam: null, sejam: 1 },
      day: { hari: null, sehari: 1 },
      week: { minggu: null, pekan: null, seminggu: 1, sepekan: 1 },
      month: { bulan: null, sebulan: 1 },
      year: { tahun: null, setahun: 1 },
    },
    numbers: { satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9, sepuluh: 10, beberapa: 3 },
    now: ["baru saja", "barusan", "sekarang"],
    yesterday: ["kemarin"],
  },
  months: [
    ["januari", "jan"],
    ["februari", "feb"],
    ["maret", "mar"],
    ["april", "apr"],
    ["mei"],
    ["juni", "jun"],
    ["juli", "jul"],
    ["agustus", "agu", "agt"],
    ["september", "sep", "sept"],
    ["oktober", "okt"],
    ["november", "nov"],
    ["desember", "des"],
  ],
};
