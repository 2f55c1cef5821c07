import type { LanguageWords } from "../lang";
import { perCategory } from "../shared/categories";
import type { Category, Detection, PageKind, Teaser } from "../shared/types";
import { classify, type Block } from "./classify";
import { buildVocabulary, findMarkers } from "./markers";
import { readBlock, siteNamesOf } from "./cards";
import { cleanOutlet, isOrganisation, isSelf, storyCredit, type Credit } from "./credit";
import type { TeaserContext } from "./teasers";
import { letters, squash } from "./text";

/** What the generic detector found, for the verdict and its explanation. */
interface Evidence {
  title: string | null;
  /** The outlet the page says its story is credited to, when that is not the site itself. */
  credit: Credit | null;
  blocks: Block[];
  teasers: Teaser[];
  /** Outlets the teaser cards name plainly, distinct, other than the site. */
  outlets: string[];
  /** A platform's notice that it only hosts what its accounts post, as the page words it. */
  notice: string | null;
  /** Cards that name an outlet plainly (one outlet on many cards is a section, not many outlets). */
  named: number;
  /** Of `outlets`, those named in blocks proven by their own label ("Related stories"), not by structure alone. */
  labelledOutlets: number;
}

/**
 * The outlet a story credits, for "Find the original": what the page says (a credit line, its
 * metadata), or else a name run into the story's time. Never a person, a time or a label.
 */
export function storyOutlet(title: Element, ctx: TeaserContext): string | null {
  return storyCredit(title, ctx.languages, ctx, siteNamesOf(title.ownerDocument), false)?.outlet ?? null;
}

/** Stories in a box that says whose they are. */
const OWN_BOX_STORIES = 3;

/**
 * A syndicated piece's own box inside the story: a list of one outlet's stories ("More from Real
 * Simple"), each linking that outlet's site (realsimple.com), in the story's body. It credits the
 * story to that outlet as plainly as a credit line does.
 */
function ownBox(lists: { block: Block | undefined; read: { teaser: Teaser }[] }[], body: Element | null, site: string[]): Credit | null {
  if (!body) return null;
  for (const { block, read } of lists) {
    if (!block?.elements.some((el) => body.contains(el)) || read.length < OWN_BOX_STORIES) continue;
    const outlet = read[0]?.teaser.source;
    const name = outlet ? letters(outlet) : "";
    if (!outlet || name.length < 4 || isSelf(outlet, site)) continue;
    const own = read.every(({ teaser }) => {
      const host = teaser.url && URL.canParse(teaser.url) ? letters(new URL(teaser.url).hostname) : "";
      return teaser.source === outlet && host.includes(name) && !site.some((n) => host.includes(n));
    });
    if (own) return { outlet, form: "its own stories in the story" };
  }
  return null;
}

/** Reads the page once as if it were an aggregator article, and gathers the evidence. */
function gatherEvidence(doc: Document, languages: LanguageWords[], now = new Date()): Evidence {
  const vocab = buildVocabulary(languages, null);
  const labels = new Set(vocab.phrases.keys());
  const ctx: TeaserContext = { languages, order: "dmy", now, baseURI: doc.baseURI };
  const markers = doc.body ? findMarkers(doc.body, vocab) : [];
  const { blocks, title, story } = classify(doc, markers, { kind: "article", structural: true, teasers: ctx, labels });
  const site = siteNamesOf(doc);
  // Each related block read once; what its label proved (not its structure alone) is kept apart.
  const related = blocks.filter((b) => b.category === "related");
  const perBlock = related.map((b) => ({ labelled: !b.byStructure, read: readBlock(b, ctx, labels, site) }));
  const read = perBlock.flatMap((p) => p.read);
  const fromLabelled = new Set(
    perBlock
      .filter((p) => p.labelled)
      .flatMap((p) => p.read)
      .flatMap((r) => (r.sure && r.teaser.source && !isSelf(r.teaser.source, site) ? [r.teaser.source.toLowerCase()] : [])),
  );
  // By name, whatever its case ("WHATS NEW" and "Whats New" are one); the first spelling is kept.
  // A card names its outlet plainly by its form; a name only an organisation has ("EFE", "BBC News
  // Brasil": not a columnist's or a section's) counts too when the cards name many of them (a
  // publisher's own list may credit a few wires: "Reuters", "AP").
  const tally = (plainOnly: boolean): { outlets: Map<string, string>; named: number } => {
    const outlets = new Map<string, string>();
    let named = 0;
    for (const { teaser, sure } of read) {
      const outlet = teaser.source && (sure || (!plainOnly && isOrganisation(teaser.source, languages))) ? cleanOutlet(teaser.source, languages, ctx) : null;
      if (!outlet || isSelf(outlet, site)) continue;
      named += 1;
      if (!outlets.has(outlet.toLowerCase())) outlets.set(outlet.toLowerCase(), outlet);
    }
    return { outlets, named };
  };
  const withNames = tally(false);
  const { outlets, named } = withNames.outlets.size >= VARIED_OUTLETS ? withNames : tally(true);
  const said = title ? storyCredit(title, languages, ctx, site, false) : null;
  const phrases = languages.flatMap((l) => l.platformNotice ?? []);
  const bodyText = phrases.length && doc.body ? (doc.body.textContent ?? "") : "";
  const notice = phrases.find((p) => bodyText.includes(p)) ?? null;
  return {
    title: title ? squash(title.textContent ?? "") : null,
    credit: said && said.form !== "name by a time" ? said : (ownBox(perBlock.map((p, i) => ({ block: related[i], read: p.read })), story.body, site) ?? said),
    blocks,
    teasers: read.map((r) => r.teaser),
    notice,
    outlets: [...outlets.values()],
    named,
    labelledOutlets: fromLabelled.size,
  };
}

/** Distinct outlets the teasers must name for the page to republish, without a credit. */
const MANY_OUTLETS = 4;
/** Fewer, with two kinds of boilerplate proven by their labels. */
const SOME_OUTLETS = 3;
/** This many outlets are varied however often each recurs (a portal's wire stream: EFE, Reuters, AFP, DW…). */
const VARIED_OUTLETS = 6;

/** Each category's name in the English signals, from the registry. */
const NAMES: Record<Category, string> = perCategory((c) => c.signalName);

/**
 * Is this an aggregator page? An aggregator republishes: its story is credited to another
 * outlet, or its teasers name several outlets; and it wraps the story in boilerplate.
 * A publisher's own article (its byline, its own related links) is not one.
 */
function judge(e: Evidence, lang: string): Detection {
  const signals: string[] = [];
  if (e.title) signals.push(`story titled “${e.title.slice(0, 80)}”`);
  if (e.credit) signals.push(`story credited to another outlet: ${e.credit.outlet} (${e.credit.form})`);
  if (e.outlets.length >= 2) signals.push(`teasers from ${e.outlets.length} outlets (${e.named} cards name one): ${e.outlets.slice(0, 4).join(", ")}`);
  if (e.notice) signals.push(`a platform's notice that it only hosts what its accounts post (“${e.notice}”)`);
  for (const c of new Set(e.blocks.map((b) => b.category))) signals.push(`${NAMES[c]} (${e.blocks.find((b) => b.category === c)?.reason ?? ""})`);

  // What the page says of itself: a credit in so many words, or many outlets' teasers (a
  // publisher may link a few: "Read other stories about this: … (CBS News)"; an aggregator's
  // lists name many, not one section repeated).
  const says = !!e.credit && e.credit.form !== "name by a time";
  const varied = e.outlets.length >= e.named * 0.6 || e.outlets.length >= VARIED_OUTLETS;
  const manyOutlets = varied && e.outlets.length >= MANY_OUTLETS;
  // A few outlets may be a publisher's links: only with more boilerplate. (A name by the story's
  // time is no hint: it is its author's as often as its outlet's.)
  const hints = varied && e.outlets.length >= SOME_OUTLETS;
  const categories = [...new Set(e.blocks.map((b) => b.category))];
  // Blocks proven by their own label and evidence, not by structure alone.
  const labelled = new Set(e.blocks.filter((b) => !b.byStructure).map((b) => b.category)).size;
  const republishes = says || manyOutlets || hints;
  const boilerplate = categories.length;
  let kind: PageKind = "none";
  // A name by the story's time with a labelled list of other outlets' teasers beside it (the old
  // rule, for a page whose blocks arrive one by one: it is decided when its first block does).
  const creditedAmongOutlets = !!e.credit && !says && e.labelledOutlets >= 2;
  // A story credited to another in so many words on a platform that says it only hosts its accounts' posts.
  const hosted = says && !!e.notice;
  if (e.title && (((says || manyOutlets || creditedAmongOutlets) && boilerplate >= 1) || (hints && labelled >= 2) || hosted)) kind = "article";
  else if (!e.credit && manyOutlets && e.teasers.length >= 6 && boilerplate >= 2) kind = "listing";
  const confidence = Math.min(1, (republishes ? 0.5 : 0) + 0.125 * boilerplate + (e.title ? 0.1 : 0));
  if (kind === "none") signals.push(republishes ? "too little boilerplate for an aggregator page" : "nothing republished from other outlets");
  return { kind, verdict: kind, confidence: Math.round(confidence * 100) / 100, signals, lang, site: null };
}

/** The generic detector: structure and text only, for pages no site profile knows. */
export function detectGeneric(doc: Document, languages: LanguageWords[], now = new Date()): Detection {
  return judge(gatherEvidence(doc, languages, now), languages[0]?.lang ?? "en");
}
