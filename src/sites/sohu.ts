import type { SiteExamples, SiteProfile } from "./types";

/** Sohu (搜狐, sohu.com): every account's post at /a/<id>_<account> (www. and m.). */
export const sohu: SiteProfile = {
  id: "sohu",
  name: "搜狐 Sohu",
  hosts: ["sohu.com"],
  pages: [
    { kind: "article", url: String.raw`^/a/\d+_\d+/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:c/\d+(?:/\d+)?|xchannel/[A-Za-z0-9]+)/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/?(?:\?|$)`, on: ["www.sohu.com", "news.sohu.com", "m.sohu.com"] },
  ],
  language: "zh",
  dateOrder: "ymd",
  // The platform's own notice under each account's post, the link it appends to the story's last
  // paragraph, and its "go to the front page" countdown: Sohu's furniture, not the account's story.
  words: {
    zh: { "app-banner": ["平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务", "返回搜狐，查看更多", "进入搜狐首页"] },
  },
};

export const sohuExamples: SiteExamples = [
  { url: "https://www.sohu.com/a/733320600_429139", kind: "article" },
  { url: "https://m.sohu.com/a/733320600_429139/?pvid=000115_3w_a", kind: "article" },
  { url: "https://www.sohu.com/", kind: "listing" },
  { url: "https://www.sohu.com/c/8/1460", kind: "listing" },
  { url: "https://mail.sohu.com/", kind: "none" },
  { url: "https://tv.sohu.com/v/abc.html", kind: "none" },
];
