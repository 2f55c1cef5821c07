// Functions given to evaluate/waitForFunction travel as source text: these turn them into the
// expressions both drivers (and raw WebDriver BiDi) evaluate, and describe them in errors.

/** `(fn)(...args)` as an expression; both drivers evaluate expressions and await promises. */
export function toExpression(fn: string | ((...args: never[]) => unknown), args: unknown[]): string {
  if (typeof fn === "string") {
    if (args.length > 0) throw new Error("evaluate: arguments need a function, not an expression string");
    return fn;
  }
  return `(${fn.toString()})(...${JSON.stringify(args)})`;
}

/** The condition of a waitForFunction as an expression; a DOM node counts as `true` (it cannot travel). */
export function toWaitExpression(fn: string | ((...args: never[]) => unknown), args: unknown[]): string {
  const inner = typeof fn === "string" ? `(${fn})` : toExpression(fn, args);
  return `(() => { const v = ${inner}; return v instanceof Node ? true : v; })()`;
}

/** The function's source on one line, cut to 200 characters, for error messages. */
export function describeFn(fn: string | ((...args: never[]) => unknown)): string {
  const src = String(fn).replace(/\s+/g, " ");
  return src.length > 200 ? `${src.slice(0, 200)}…` : src;
}
