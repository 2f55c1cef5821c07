import type { LanguageWords } from "./types";

/** Korean. Lists print "4시간전" and "3시간 전" alike; a byline puts 기자 after the name. */
export const ko: LanguageWords = {
  lang: "ko",
  dir: "ltr",
  labels: {
    comments: ["댓글", "댓글쓰기", "댓글 쓰기", "댓글보기", "댓글 보기", "댓글 더보기", "전체 댓글", "전체댓글", "많이 본 댓글"],
    "ai-promo": ["본문 요약봇", "ai 요약", "요약봇"],
    "app-banner": ["앱에서 보기", "앱으로 보기", "앱에서 열기", "앱 다운로드", "앱 설치", "앱 설치하기", "뉴스레터", "구독하기", "구독 이벤트", "팔로우하기"],
    sponsored: ["광고", "ad", "스폰서", "협찬", "추천 광고", "파트너스"],
    related: [
      "관련기사", "관련 기사", "관련뉴스", "관련 뉴스", "함께 볼만한 뉴스", "추천 기사", "추천기사", "추천 뉴스", "많이 본 뉴스",
      "인기 뉴스", "인기뉴스", "랭킹 뉴스", "이 시각 주요뉴스", "주요뉴스", "주요 뉴스", "다른 기사 보기",
    ],
  },
  evidence: {
    comments: ["첫 댓글을 남겨주세요", "등록된 댓글이 없습니다", "댓글을 입력해주세요", "댓글쓰기", "댓글 쓰기"],
    "ai-promo": ["본문 요약봇"],
    "app-banner": ["app store", "google play", "앱스토어", "구글 플레이", "구독", "구독하기", "팔로우"],
  },
  promos: ["{} 구독하기", "{}에서 구독하기", "{} 뉴스레터", "{} 구독 이벤트", "{} 앱 다운로드"],
  storeBadges: ["app-store", "play-store", "app store", "google play", "앱스토어", "구글플레이", "구글 플레이", "qr코드"],
  outletLists: ["{} 헤드라인", "{} 랭킹 뉴스", "{}의 다른 기사", "{} 주요뉴스", "{} 최신기사"],
  furniture: ["입력", "수정", "기사원문", "구독", "공유", "댓글"],
  credit: ["출처", "기사원문", "제공"],
  byline: ["글", "글·사진", "기자"],
  bylineAfter: ["기자", "특파원", "인턴기자"],
  clock: { at: [], am: ["오전"], pm: ["오후"] },
  relativeTime: {
    before: [],
    after: ["전"],
    units: {
      second: { 초: null },
      minute: { 분: null },
      hour: { 시간: null },
      day: { 일: null },
      week: { 주: null, 주일: null },
      month: { 개월: null, 달: null },
      year: { 년: null },
    },
    numbers: { 한: 1, 두: 2, 세: 3, 네: 4, 다섯: 5, 몇: 3 },
    now: ["방금", "방금 전", "지금", "조금 전"],
    yesterday: ["어제"],
  },
  months: [["1월"], ["2월"], ["3월"], ["4월"], ["5월"], ["6월"], ["7월"], ["8월"], ["9월"], ["10월"], ["11월"], ["12월"]],
};
