/** Tidyread's own elements in the page, by identity: the page's changes are read, these are not. */
const ourHosts = new WeakSet<Node>();

export const isTidyreadNode = (n: Node): boolean => ourHosts.has(n);

export function markAsOurs(n: Node): void {
  ourHosts.add(n);
}
