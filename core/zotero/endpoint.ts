// The one door to the Zotero desktop app: its HTTP server on 127.0.0.1, and nothing
// else. Every request carries the header Zotero's browser guard asks for, and every failure
// becomes one sentence a person can act on (the cases are in ../../shared/zotero-samples/PROTOCOL.md).

import { causeCode } from '../arxiv/fetch-transport';
import type { HttpRequest, HttpResponse, HttpTransport } from '../arxiv/http';
import { PaperFeedError } from '../errors';

/** Zotero's port; Juris-M uses 24119. */
export const ZOTERO_PORT = 23119;

/** The wording of Zotero's own checkbox, so a person finds it. */
export const LOCAL_API_SETTING = 'Settings → Advanced → "Allow other applications on this computer to communicate with Zotero"';

// Obsidian and VS Code run in Electron, so their requests can look like a web page's. Zotero
// answers those with 403 (7.x–9.x) or drops the connection (10) unless one of these is present.
const GUARD_HEADERS = { 'Zotero-Allowed-Request': '1', 'X-Zotero-Connector-API-Version': '3' };

const DEFAULT_TIMEOUT_MS = 30_000;

export type ZoteroPart = 'api' | 'connector' | 'bbt';

export interface ZoteroRequest {
  path: string;
  method?: 'GET' | 'POST';
  /** JSON to send (POST). */
  json?: unknown;
  headers?: Record<string, string>;
  part: ZoteroPart;
}

export class ZoteroEndpoint {
  readonly base: string;

  constructor(
    private readonly transport: HttpTransport,
    readonly port: number = ZOTERO_PORT,
    private readonly timeoutMs: number = DEFAULT_TIMEOUT_MS,
  ) {
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new PaperFeedError('bad-config', `${String(port)} is not a port number; Zotero listens on ${ZOTERO_PORT} unless you changed it.`);
    }
    // Only the loopback address: nothing a person keeps in Zotero leaves the machine.
    this.base = `http://127.0.0.1:${port}`;
  }

  /** Sends one request; resolves with any HTTP answer, throws a 'zotero' PaperFeedError when none came. */
  async send(request: ZoteroRequest): Promise<HttpResponse> {
    const body = request.json === undefined ? undefined : JSON.stringify(request.json);
    const outgoing: HttpRequest = {
      url: this.base + request.path,
      method: request.method ?? 'GET',
      headers: {
        ...GUARD_HEADERS,
        ...(request.part === 'api' ? { 'Zotero-API-Version': '3' } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json', Accept: 'application/json' } : {}),
        ...request.headers,
      },
      ...(body !== undefined ? { body } : {}),
      signal: AbortSignal.timeout(this.timeoutMs),
    };
    let response: HttpResponse;
    try {
      response = await this.transport(outgoing);
    } catch (failure) {
      throw this.noAnswer(failure);
    }
    if (response.status >= 400 && !('x-zotero-version' in response.headers) && request.part !== 'bbt') {
      // Zotero stamps every answer; one without the stamp came from some other program.
      throw zoteroError(
        `Something other than Zotero answered on 127.0.0.1:${this.port} (HTTP ${response.status}); start Zotero, or set the port Zotero listens on in Paper Feed's settings.`,
        response.status,
      );
    }
    if (response.status === 403 && /Local API is not enabled/i.test(response.body)) {
      throw zoteroError(`Zotero's local API is off; in Zotero turn on ${LOCAL_API_SETTING}, then try again.`, 403);
    }
    if (response.status === 403 && /Request not allowed/i.test(response.body)) {
      throw zoteroError('Zotero refused the request as if it came from a web page; update Paper Feed, and report this if it keeps happening.', 403);
    }
    return response;
  }

  private noAnswer(failure: unknown): PaperFeedError {
    const code = causeCode(failure);
    if (/TimeoutError|timed out|ETIMEDOUT/i.test(`${code} ${failure instanceof Error ? `${failure.name} ${failure.message}` : ''}`)) {
      return zoteroError(
        `Zotero did not answer on 127.0.0.1:${this.port} within ${Math.round(this.timeoutMs / 1000)} s; close any dialog open in Zotero and try again.`,
      );
    }
    if (
      /ECONNRESET|EPIPE|UND_ERR_SOCKET|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET|socket hang up|other side closed/i.test(
        `${code} ${failure instanceof Error ? failure.message : ''}`,
      )
    ) {
      return zoteroError(
        "Zotero closed the connection without answering (Zotero 10 does this to requests it takes for a web page's); update Paper Feed or Zotero, and report it if it keeps happening.",
        undefined,
        code,
      );
    }
    return zoteroError(`Zotero is not running (nothing answered on 127.0.0.1:${this.port}); start Zotero and try again.`, undefined, code);
  }
}

export function zoteroError(message: string, status?: number, cause?: string): PaperFeedError {
  return new PaperFeedError('zotero', message, { ...(status !== undefined ? { status } : {}), ...(cause !== undefined ? { cause } : {}) });
}

/** The answer's body as JSON, or a sentence saying Zotero answered with something else. */
export function jsonBody(response: HttpResponse, what: string): unknown {
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    throw zoteroError(`Zotero answered ${what} with something that is not JSON (HTTP ${response.status}); update Zotero and try again.`, response.status);
  }
}
