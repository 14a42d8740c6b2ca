/**
 * The one rule for every request the app makes on the user's behalf: the page's own origin, or an
 * `https:` link the user gave (`?data=`, `?model=`). Checked in code where the fetch happens, because
 * the page's `<meta>` Content-Security-Policy does not reach the workers that fetch `?data=` links.
 */

/** Why `url` may not be fetched from a page at `origin`, or null when it may. */
export function fetchRefusal(url: string, origin: string): string | null {
  let u: URL;
  try {
    u = new URL(url, origin);
  } catch {
    return `${url} is not a valid address.`;
  }
  if (u.origin === origin || u.protocol === 'https:') return null;
  return (
    `${u.href} was not fetched: a link must be on this site or use https ` +
    `(this site is ${origin}; nothing is read from another site over ${u.protocol.replace(/:$/, '')}).`
  );
}
