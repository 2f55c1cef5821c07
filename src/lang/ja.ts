import type { LanguageWords } from "./types";

/** Japanese. Portals give times as "3時間前" or "3/9(木) 18:01" (month/day, weekday, clock). */
export const ja: LanguageWords = {
  lang: "ja",
  dir: "ltr",
  labels: {
    comments: ["コメント", "コメント一覧", "みんなのコメント", "みんなの意見", "コメントする", "コメントを書く", "コメントを見る", "コメントを投稿", "もっとコメントを見る", "コメントをもっと見る", "すべてのコメントを見る"],
    "ai-promo": ["ai要約", "ai 要約", "aiアシスタント"],
    "app-banner": ["アプリで読む", "アプリで開く", "アプリで見る", "アプリをダウンロード", "無料アプリ", "公式アプリ", "smartnewsで読む"],
    sponsored: ["pr", "[pr]", "【pr】", "広告", "スポンサー", "スポンサーリンク", "プロモーション", "タイアップ", "提供"],
    related: [
      "関連記事", "【関連記事】", "関連記事（外部サイト）", "関連ニュース", "関連リンク", "おすすめ記事", "おすすめ", "あわせて読みたい",
      "合わせて読みたい", "こちらもおすすめ", "次の記事", "人気記事", "注目の記事", "アクセスランキング", "トピックス",
    ],
  },
  evidence: {
    comments: [
      "コメントを書く", "コメントを投稿する", "コメントはまだありません", "最初のコメントを書こう", "もっとコメントを見る",
      "コメントをもっと見る", "すべてのコメントを見る",
    ],
    "app-banner": ["app store", "google play", "app storeからダウンロード", "google playで手に入れよう"],
  },
  commentNotes: ["コメントは個人の見解であり", "コメントは投稿者個人の見解"],
  storeBadges: ["app-store", "play-store", "app store", "google play", "qrコード"],
  outletLists: ["{}の最新記事", "{}の記事一覧", "{}の記事", "{}のニュース一覧", "{}の最新ニュース"],
  furniture: ["配信", "更新", "シェア", "ツイート", "コメント"],
  credit: ["出典", "配信", "提供", "配信元", "記事提供", "ソース"],
  byline: ["文/", "文／", "文：", "記者", "筆者", "執筆"],
  bylineAfter: ["記者", "特派員"],
  clock: { at: [], am: ["午前"], pm: ["午後"] },
  relativeTime: {
    before: [],
    after: ["前"],
    units: {
      second: { 秒: null },
      minute: { 分: null },
      hour: { 時間: null },
      day: { 日: null },
      week: { 週間: null, 週: null },
      month: { ヶ月: null, か月: null, カ月: null, ヵ月: null, ケ月: null },
      year: { 年: null },
    },
    numbers: { 一: 1, 二: 2, 三: 3, 数: 3 },
    now: ["たった今", "さっき", "数秒前"],
    yesterday: ["昨日", "きのう"],
  },
  months: [
    ["1月", "一月"], ["2月", "二月"], ["3月", "三月"], ["4月", "四月"], ["5月", "五月"], ["6月", "六月"],
    ["7月", "七月"], ["8月", "八月"], ["9月", "九月"], ["10月", "十月"], ["11月", "十一月"], ["12月", "十二月"],
  ],
};
