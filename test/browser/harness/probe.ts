// A flash-of-clutter probe: from document start, on every animation frame, checks whether any
// element marked `[data-expect-hidden]` is rendered visibly, and records each such frame.
//
//   await page.addInitScript(PROBE_SCRIPT);   // before goto
//   await page.goto(server.urlFor(slug, { trickle: 20 }));
//   const probe = await readProbe(page, { stop: true });
//   expect(probe.violations).toEqual([]);
//   expect(probe.framesWhileLoading).toBeGreaterThan(0);   // it really watched the page load
//
// rAF callbacks run right before the browser renders a frame, so what the probe sees in a frame
// is what that frame paints. Frames do not run in background tabs: keep the page in front.
import type { TestPage } from "./browsers";
import { isShown } from "./visibility";

export interface ProbeViolation {
  /** 1-based number of the frame. */
  frame: number;
  /** performance.now() of the frame, ms since navigation start. */
  time: number;
  /** The value of data-expect-hidden. */
  category: string;
  /** The start of the element's text. */
  text: string;
  readyState: DocumentReadyState;
}

export interface ProbeResult {
  /** Frames checked. */
  frames: number;
  /** Frames checked while document.readyState was "loading" (the parser still running). */
  framesWhileLoading: number;
  /** Frames in which at least one [data-expect-hidden] element was in the document. */
  framesWithTargets: number;
  /** …of those, while still loading: the frames that could have shown a flash of clutter. */
  framesWithTargetsWhileLoading: number;
  /** Most [data-expect-hidden] elements seen in one frame. */
  maxTargets: number;
  /** Frame number and time of the first frame in which <html> had data-tidyread-kind. */
  activeFrame: number | null;
  activeTime: number | null;
  /** Frame count when DOMContentLoaded and load fired. */
  domContentLoadedFrame: number | null;
  loadFrame: number | null;
  /** performance.now() at DOMContentLoaded, and of the first contentful paint (Paint Timing). */
  domContentLoadedTime: number | null;
  firstContentfulPaint: number | null;
  /** The first violations (at most 200)… */
  violations: ProbeViolation[];
  /** …and how many there were in all (element × frame). */
  violationCount: number;
  running: boolean;
}

const MAX_STORED = 200;

/** Runs in the page. Must not reference anything outside itself: it is stringified. */
function probeMain(maxStored: number, isShown: (el: Element) => boolean): void {
  type State = ProbeResult & { stop(): void };
  const w = window as unknown as { __tidyreadProbe?: State };
  if (w.__tidyreadProbe) return;
  const state: State = {
    frames: 0,
    framesWhileLoading: 0,
    framesWithTargets: 0,
    framesWithTargetsWhileLoading: 0,
    maxTargets: 0,
    activeFrame: null,
    activeTime: null,
    domContentLoadedFrame: null,
    loadFrame: null,
    domContentLoadedTime: null,
    firstContentfulPaint: null,
    violations: [],
    violationCount: 0,
    running: true,
    stop() {
      state.running = false;
    },
  };
  w.__tidyreadProbe = state;

  const snippet = (el: Element): string => {
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  };

  document.addEventListener("DOMContentLoaded", () => {
    state.domContentLoadedFrame = state.frames;
    state.domContentLoadedTime = Math.round(performance.now());
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === "first-contentful-paint") state.firstContentfulPaint = Math.round(e.startTime);
      }
    }).observe({ type: "paint", buffered: true });
  } catch {
    // No Paint Timing: firstContentfulPaint stays null.
  }
  window.addEventListener("load", () => {
    state.loadFrame = state.frames;
  });

  const tick = (now: number): void => {
    if (!state.running) return;
    state.frames++;
    const loading = document.readyState === "loading";
    if (loading) state.framesWhileLoading++;
    if (state.activeFrame === null && document.documentElement?.hasAttribute("data-tidyread-kind")) {
      state.activeFrame = state.frames;
      state.activeTime = now;
    }
    const targets = document.querySelectorAll("[data-expect-hidden]");
    if (targets.length > 0) {
      state.framesWithTargets++;
      if (loading) state.framesWithTargetsWhileLoading++;
      state.maxTargets = Math.max(state.maxTargets, targets.length);
    }
    for (const el of targets) {
      if (!isShown(el)) continue;
      state.violationCount++;
      if (state.violations.length < maxStored) {
        state.violations.push({
          frame: state.frames,
          time: Math.round(now),
          category: el.getAttribute("data-expect-hidden") ?? "",
          text: snippet(el),
          readyState: document.readyState,
        });
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Source for TestPage.addInitScript(). */
export const PROBE_SCRIPT = `(${probeMain.toString()})(${MAX_STORED}, ${isShown.toString()});`;

/** The probe's record so far; `stop: true` ends the frame loop first. */
export async function readProbe(page: TestPage, opts: { stop?: boolean } = {}): Promise<ProbeResult> {
  const result = await page.evaluate((stop: boolean) => {
    const p = (window as unknown as { __tidyreadProbe?: ProbeResult & { stop(): void } }).__tidyreadProbe;
    if (!p) return null;
    if (stop) p.stop();
    return JSON.parse(JSON.stringify(p)) as ProbeResult;
  }, opts.stop ?? false);
  if (!result) throw new Error("readProbe: no probe in this page (addInitScript(PROBE_SCRIPT) before goto)");
  return result;
}

/** One line per violation, for assertion messages. */
export function describeViolations(result: ProbeResult, limit = 10): string {
  const lines = result.violations
    .slice(0, limit)
    .map((v) => `frame ${v.frame} (${v.time} ms, ${v.readyState}): ${v.category} visible: "${v.text}"`);
  if (result.violationCount > lines.length) lines.push(`… ${result.violationCount - lines.length} more`);
  return lines.join("\n");
}
