/**
 * `?data=<url>`: an InputFile whose bytes come from a streaming fetch. The request is made up front so
 * HTTP errors and CORS refusals surface as clear LoadErrors before any parsing starts.
 */
import { LoadError } from './errors';
import { fetchRefusal } from './fetchPolicy';
import type { InputFile } from './input';

export function nameFromUrl(url: string): string {
  try {
    const u = new URL(url, 'http://localhost/');
    const last = u.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : u.host || url;
  } catch {
    return url;
  }
}

/**
 * `origin`: the page's origin, whose fetch policy applies (fetchPolicy.ts); the parse worker always
 * passes it. Without it (the CLI) any address is fetched.
 */
export async function openUrl(url: string, signal?: AbortSignal, origin?: string): Promise<InputFile> {
  const name = nameFromUrl(url);
  const refusal = origin === undefined ? null : fetchRefusal(url, origin);
  if (refusal) throw new LoadError('refused', name, refusal);
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (e) {
    if (signal?.aborted) throw new LoadError('cancelled', name, 'loading was cancelled.');
    throw new LoadError(
      'io',
      name,
      `cannot fetch ${url} (${e instanceof Error ? e.message : String(e)}): offline, a wrong address, or the server does not allow cross-origin reads (CORS).`,
    );
  }
  if (!res.ok) throw new LoadError('io', name, `the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${url}.`);
  const body = res.body;
  if (!body) throw new LoadError('io', name, `the response for ${url} has no body.`);
  // With Content-Encoding the header counts compressed bytes, not what the stream yields.
  const encoded = (res.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const size = encoded ? 0 : Number(res.headers.get('content-length')) || 0;
  let used = false;
  return {
    name,
    size,
    stream() {
      if (used) throw new LoadError('io', name, 'the download can only be read once.');
      used = true;
      return body;
    },
  };
}
