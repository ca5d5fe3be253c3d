// requestUrl over real HTTP (Node's fetch), with the app's contract: it resolves with status,
// lower-case headers and the body as text/json/arrayBuffer; by default it throws for status ≥ 400
// (`throw: false` turns that off); it rejects when no response came at all.

export interface RequestUrlParam {
  url: string;
  method?: string;
  contentType?: string;
  body?: string | ArrayBuffer;
  headers?: Record<string, string>;
  throw?: boolean;
}

export interface RequestUrlResponse {
  status: number;
  headers: Record<string, string>;
  arrayBuffer: ArrayBuffer;
  // The app parses the body as JSON on access; callers narrow it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  text: string;
}

export interface RequestUrlResponsePromise extends Promise<RequestUrlResponse> {
  arrayBuffer: Promise<ArrayBuffer>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: Promise<any>;
  text: Promise<string>;
}

/** Test aid: every request made through requestUrl, in order. */
export const requestLog: RequestUrlParam[] = [];

export function requestUrl(request: RequestUrlParam | string): RequestUrlResponsePromise {
  const param: RequestUrlParam = typeof request === 'string' ? { url: request } : request;
  requestLog.push(param);
  const response = perform(param);
  // The shortcuts are made on first use, so an unread one cannot become an unhandled rejection.
  return Object.defineProperties(response, {
    arrayBuffer: { get: () => response.then((r) => r.arrayBuffer) },
    json: { get: () => response.then((r) => r.json as unknown) },
    text: { get: () => response.then((r) => r.text) },
  }) as RequestUrlResponsePromise;
}

async function perform(param: RequestUrlParam): Promise<RequestUrlResponse> {
  const headers: Record<string, string> = { ...(param.headers ?? {}) };
  if (param.contentType) headers['content-type'] = param.contentType;
  // The desktop app sends Electron's browser User-Agent unless the caller names its own (Zotero's
  // browser guard turns on this).
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent')) {
    headers['User-Agent'] =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) obsidian/1.8.10 Chrome/132.0.6834.210 Electron/34.3.0 Safari/537.36';
  }
  let res: Response;
  try {
    res = await fetch(param.url, { method: param.method ?? 'GET', headers, body: param.body ?? null });
  } catch (error) {
    throw asElectronError(error);
  }
  const arrayBuffer = await res.arrayBuffer();
  const text = new TextDecoder().decode(arrayBuffer);
  const responseHeaders: Record<string, string> = {};
  res.headers.forEach((value, key) => (responseHeaders[key.toLowerCase()] = value));
  if (res.status >= 400 && param.throw !== false) {
    const error = new Error(`Request failed, status ${res.status}`) as Error & { status: number; headers: Record<string, string> };
    error.status = res.status;
    error.headers = responseHeaders;
    throw error;
  }
  return {
    status: res.status,
    headers: responseHeaders,
    arrayBuffer,
    get json(): unknown {
      return JSON.parse(text) as unknown;
    },
    text,
  };
}

// On desktop, requestUrl rejects with Chromium's network error names ("net::ERR_CONNECTION_REFUSED").
const CHROMIUM_NAMES: Record<string, string> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  ETIMEDOUT: 'net::ERR_CONNECTION_TIMED_OUT',
};

function asElectronError(error: unknown): Error {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof code === 'string' && CHROMIUM_NAMES[code]) return new Error(CHROMIUM_NAMES[code]);
    current = cause ?? errors?.[0];
  }
  return new Error('net::ERR_FAILED');
}
