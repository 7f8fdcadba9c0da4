import { readBounded } from '../shared/bounded-body.js';

const utf8 = new TextDecoder();

/** What oauth4webapi, `userinfo.ts` and the dialects read of a provider's answer. */
type AnswerReads = Pick<Response, 'status' | 'statusText' | 'ok' | 'headers' | 'url' | 'redirected' | 'type' | 'bodyUsed' | 'arrayBuffer' | 'text' | 'json' | 'clone'>;

/**
 * A success, bounded: the provider's Response as its reader sees it, whose body
 * reads (`json`, `text`, `arrayBuffer`) go through `readBounded`, once — memoised, so `clone()` can
 * hand back the answer itself and a dialect's look at a clone never reads past the limit either.
 *
 * Its own small class rather than the Response with its methods redefined: redefining turned the
 * undici Response into a dictionary-mode object that every later access inside undici paid for (5 %
 * of an exchange's CPU at concurrency 1), and a copy into a fresh Response cost as much (decision 17).
 * oauth4webapi takes it for a Response by its `Symbol.toStringTag` (its cross-realm check).
 */
class BoundedAnswer implements AnswerReads {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly url: string;
  readonly redirected: boolean;
  readonly type: ResponseType;
  private read: Promise<Uint8Array<ArrayBuffer>> | undefined;

  constructor(
    private readonly response: Response,
    private readonly max: number,
    private readonly tooLarge: () => Error,
    private readonly signal: AbortSignal,
  ) {
    this.status = response.status;
    this.statusText = response.statusText;
    this.ok = response.ok;
    this.headers = response.headers;
    this.url = response.url;
    this.redirected = response.redirected;
    this.type = response.type;
  }

  get bodyUsed(): boolean {
    return this.read !== undefined;
  }

  private bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return (this.read ??= readBounded(this.response.body, this.max, this.tooLarge, this.signal));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).slice().buffer;
  }

  async text(): Promise<string> {
    return utf8.decode(await this.bytes());
  }

  async json(): Promise<unknown> {
    return JSON.parse(utf8.decode(await this.bytes())) as unknown;
  }

  clone(): Response {
    return this as AnswerReads as Response;
  }
}
Object.defineProperty(BoundedAnswer.prototype, Symbol.toStringTag, { value: 'Response' });

/** The provider's success answer with bounded body reads, typed as the Response its readers expect. */
export function boundedAnswer(response: Response, max: number, tooLarge: () => Error, signal: AbortSignal): Response {
  return new BoundedAnswer(response, max, tooLarge, signal) as AnswerReads as Response;
}
