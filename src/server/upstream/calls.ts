import * as oauth from 'oauth4webapi';
import { serverWith, type AuthorizeSettings, type Dialect } from './dialect.js';
import { createDiscovery } from './discovery.js';
import { bounded } from './answer.js';
import { Deadlines } from '../shared/deadlines.js';
import { fromUpstream } from '../shared/errors.js';
import type { ProviderConfig } from '../shared/login.js';

/** One provider's settings for its upstream calls, checked by its client. */
export interface CallSettings {
  config: ProviderConfig;
  dialect: Dialect;
  /** The dialect's endpoints for this config, before any discovery. */
  configured: oauth.AuthorizationServer;
  timeoutMs: number;
  maxUpstreamBytes: number;
}

/**
 * One operation's upstream calls (an exchange, a refresh, a discovery): its fetch and oauth4webapi
 * options, under deadlines that `release` drops when the operation is over.
 */
export interface Operation {
  call(url: string | URL | Request, init?: RequestInit): Promise<Response>;
  options: { [oauth.customFetch]: Operation['call']; [oauth.allowInsecureRequests]: boolean };
  tokenOptions: Operation['options'] & { additionalParameters: Record<string, string> | undefined };
  release(): void;
}

type Discover = () => Promise<oauth.AuthorizationServer>;

/**
 * What a provider's calls share: every call bounded in time (body included) and size and reshaped by the
 * dialect, the endpoints as last known, and the discovery that finds them for an issuer-only provider.
 */
export class UpstreamCalls {
  /** The endpoints as last known: configured, or discovered with the configured ones over them. */
  private known: oauth.AuthorizationServer;
  /**
   * Plain http only where the site itself configured it (a development provider): a discovery
   * document never downgrades an https issuer's calls, which carry the client secret.
   */
  private readonly insecure: boolean;
  private readonly additionalParameters: Record<string, string> | undefined;
  /** An oauth provider named by its issuer alone: the endpoints come from its discovery document. */
  readonly discovery: Discover | undefined;
  private discovered: { from: oauth.AuthorizationServer; server: oauth.AuthorizationServer } | undefined;
  /** For the listing only: an issuer without an authorize endpoint, where the exchange needs no discovery. */
  private listingDiscovery: Discover | undefined;

  constructor(private readonly settings: CallSettings) {
    const { configured, dialect, config } = settings;
    this.known = configured;
    this.insecure = [configured.issuer, configured.token_endpoint, configured.userinfo_endpoint, configured.revocation_endpoint].some((url) => url?.startsWith('http:'));
    this.additionalParameters = dialect.tokenParameters?.(config);
    this.discovery = configured.token_endpoint ? undefined : this.discoveryAt(configured.issuer);
  }

  /** Every upstream call: bounded in time (body included) and size, reshaped by the dialect. */
  private async fetch(deadlines: Deadlines, url: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const { dialect, config, maxUpstreamBytes } = this.settings;
    const signal = deadlines.signal();
    const target = String(url instanceof Request ? url.url : url);
    const isTokenCall = target === this.known.token_endpoint || target === this.known.revocation_endpoint;
    let request: RequestInit = { ...init, signal, redirect: 'manual' };
    if (isTokenCall && dialect.adaptRequest)
      request = { ...request, ...dialect.adaptRequest(config, { ...request, headers: Object.fromEntries(new Headers(init.headers)) }) };
    const answer = await fetch(target, request);
    deadlines.answered(answer);
    const response = await bounded(answer, maxUpstreamBytes, signal);
    return isTokenCall && dialect.adaptResponse ? dialect.adaptResponse(response) : response;
  }

  /** A new operation; the caller releases it when it is over. */
  operation(): Operation {
    const deadlines = new Deadlines(this.settings.timeoutMs);
    const call = (url: string | URL | Request, init?: RequestInit) => this.fetch(deadlines, url, init);
    const options = { [oauth.customFetch]: call, [oauth.allowInsecureRequests]: this.insecure };
    return { call, options, tokenOptions: { ...options, additionalParameters: this.additionalParameters }, release: deadlines.release };
  }

  /** Runs `step` as one operation; its deadlines are released however it ends. */
  async scoped<T>(step: (op: Operation) => Promise<T>): Promise<T> {
    const op = this.operation();
    try {
      return await step(op);
    } finally {
      op.release();
    }
  }

  /** Runs an upstream step as one operation; any failure becomes the endpoint's answer (400/502/504). */
  async guarded<T>(step: (op: Operation) => Promise<T>): Promise<T> {
    try {
      return await this.scoped(step);
    } catch (error) {
      throw fromUpstream(error, this.settings.timeoutMs);
    }
  }

  /** The endpoints: the configured ones, or for an issuer-only provider, discovered (and remembered as known). */
  async metadata(): Promise<oauth.AuthorizationServer> {
    if (!this.discovery) return this.settings.configured;
    const document = await this.discovery();
    // The same merged object while the document is the same (the options above are keyed by it).
    if (this.discovered?.from !== document) this.discovered = { from: document, server: serverWith(this.settings.config, document) };
    this.known = this.discovered.server;
    return this.known;
  }

  /** What the browser needs to send the person to log in (`GET {basePath}/providers`). */
  async authorizeSettings(): Promise<AuthorizeSettings> {
    const { config, configured, dialect } = this.settings;
    let server = this.discovery ? await this.metadata() : configured;
    if (!server.authorization_endpoint && !this.discovery && config.issuer) {
      this.listingDiscovery ??= this.discoveryAt(config.issuer);
      server = serverWith(config, await this.listingDiscovery());
    }
    return dialect.authorize(config, server);
  }

  private discoveryAt(issuer: string): Discover {
    return createDiscovery(issuer, (use) => this.scoped((op) => use(op.options)));
  }
}
