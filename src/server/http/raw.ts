/**
 * `raw` never reaches the browser while sessions are on (contract §6), whatever `onLogin` returns: its
 * object, or a JSON Response it built. What is removed is the provider's `raw` answer itself wherever
 * it appears (`{user}`, `{profile: user.raw}`, a copy of it) — the site's other fields stay.
 */

const isObject = (value: unknown): value is Record<string, unknown> => typeof value == 'object' && value !== null;

/** `value` (parsed JSON) without any part equal to `raw` (compared as serialised: the same object or a copy). */
function scrub(value: unknown, rawText: string): unknown {
  if (!isObject(value)) return value;
  if (Array.isArray(value)) return value.filter((item) => !isObject(item) || JSON.stringify(item) !== rawText).map((item) => scrub(item, rawText));
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (!isObject(item) || JSON.stringify(item) !== rawText) kept[key] = scrub(item, rawText);
  return kept;
}

/** What `raw` looks like serialised, or undefined when it has nothing to leak. */
export function rawText(raw: unknown): string | undefined {
  return isObject(raw) && Object.keys(raw).length ? JSON.stringify(raw) : undefined;
}

/** An `onLogin` result (about to be serialised) without `raw`. */
export function bodyWithoutRaw(body: unknown, raw: string): unknown {
  const text = JSON.stringify(body);
  // The serialiser writes `raw` as one substring wherever it sits: most answers are left as they are.
  return text === undefined || !text.includes(raw) ? body : scrub(JSON.parse(text), raw);
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** An `onLogin` Response without `raw` when it is JSON; any other Response is passed on as it is. */
export async function responseWithoutRaw(response: Response, raw: string): Promise<Response> {
  if (!response.body || !JSON_TYPE.test(response.headers.get('content-type') ?? '')) return response;
  const text = await response.text();
  let cleaned = text;
  try {
    const parsed: unknown = JSON.parse(text);
    const scrubbed = scrub(parsed, raw);
    if (JSON.stringify(scrubbed) !== JSON.stringify(parsed)) cleaned = JSON.stringify(scrubbed);
  } catch {
    /* not JSON after all: nothing of ours to find in it */
  }
  const answer = new Response(cleaned, response);
  answer.headers.delete('content-length');
  return answer;
}
