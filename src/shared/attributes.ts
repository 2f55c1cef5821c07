/** The attributes Tidyread puts on the page; removing them restores it. hide.css does the hiding. */
export const ATTR = {
  hidden: "data-tidyread-hidden",
  /** Held back while the page loads, until the block it may belong to is complete. */
  pending: "data-tidyread-pending",
  /** On <html>: the page kind, while Tidyread is active. */
  kind: "data-tidyread-kind",
  /** On <html>: categories the reader chose to see again (space-separated). */
  show: "data-tidyread-show",
  /** On <html>: the panel is open (the page makes room for it). */
  open: "data-tidyread-open",
  panel: "data-tidyread-panel",
  /** On <html> while the reader view is open: the page does not scroll under it. */
  reading: "data-tidyread-reading",
} as const;
