// A stand-in for an OpenAI-compatible /v1/chat/completions endpoint on 127.0.0.1 (port 0).
// It answers in the real shape (id, object, choices[0].message.content, usage) and can be told,
// per request, to answer 401, 429 + Retry-After, 5xx, broken JSON, an empty string, the wrong
// language, or slowly. It records every request, the most in flight at once, and headers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  /** 1 for the first request this server saw. */
  n: number;
  method: string;
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  rawBody: string;
  /** The JSON body, when it was JSON. */
  body?: { model?: string; messages?: Array<{ role: string; content: string }>; temperature?: number; response_format?: unknown };
  /** From the prompt: the paper's title and abstract, the keys asked for and their language. */
  paper?: { title: string; abstract?: string };
  asked: string[];
  languages: Record<string, string>;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Raw body; when absent, a chat completion whose message content is `content`. */
  body?: string;
  content?: string;
  finishReason?: string;
  /** Wait this long (wall time) before answering; a client that gives up is counted in `aborted`. */
  delayMs?: number;
}

export type Responder = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface LlmServer {
  /** "http://127.0.0.1:PORT/v1", what a person would type as the base URL. */
  baseUrl: string;
  host: string;
  requests: RecordedRequest[];
  maxInFlight: number;
  /** Requests whose client went away before the answer was sent. */
  aborted: number;
  respond(responder: Responder): void;
  /** Answers requests for `path` with a redirect to `location`, as a misconfigured proxy would. */
  redirect(path: string, location: string, status?: number): void;
  close(): Promise<void>;
}

/** The parts the prompt asks for: "Keys: title, abstract" and `- "title": … (zh-CN)…` lines. */
function readPrompt(body: RecordedRequest['body']): Pick<RecordedRequest, 'paper' | 'asked' | 'languages'> {
  const user = body?.messages?.find((m) => m.role === 'user')?.content ?? '';
  const asked = /^Keys: (.+)$/m.exec(user)?.[1]?.split(', ') ?? [];
  const languages: Record<string, string> = {};
  for (const m of user.matchAll(/^- "(\w+)": .*?\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\)/gm)) languages[m[1]!] = m[2]!;
  const json = /^Paper:\n(.+)$/m.exec(user)?.[1];
  return { asked, languages, ...(json ? { paper: JSON.parse(json) as { title: string; abstract?: string } } : {}) };
}

/** A stand-in translation: each Latin letter swapped for one of the target script's letters. */
export function fakeText(source: string, language: string): string {
  const base = language.toLowerCase();
  const swap = (start: number, span: number) => source.replace(/[A-Za-z]/g, (c) => String.fromCodePoint(start + (c.charCodeAt(0) % span)));
  if (base.startsWith('zh')) return swap(0x4e00, 400);
  if (base.startsWith('ja')) return swap(0x3042, 80);
  if (base.startsWith('ru')) return swap(0x0430, 32);
  if (base.startsWith('en')) return `This paper studies ${source.split(/\s+/).slice(0, 6).join(' ')}.`;
  return source.replace(/\p{L}+/gu, (word) => Array.from(word).reverse().join(''));
}

/** The default answer: JSON with every key asked for, in the language asked for. */
export function fakeTranslation(request: RecordedRequest): Reply {
  const out: Record<string, string> = {};
  const paper = request.paper ?? { title: '' };
  for (const kind of request.asked) {
    const language = request.languages[kind] ?? 'zh-CN';
    const source = kind === 'title' ? paper.title : (paper.abstract ?? '').slice(0, kind === 'tldr' ? 60 : undefined);
    out[kind] = fakeText(source, language);
  }
  return { content: JSON.stringify(out) };
}

/** Ready-made faults, named by what the endpoint does wrong. */
export const faults = {
  unauthorized: (echo = ''): Reply => ({
    status: 401,
    body: JSON.stringify({ error: { message: `Incorrect API key provided: ${echo}`, type: 'invalid_request_error', code: 'invalid_api_key' } }),
  }),
  rateLimited: (retryAfterSeconds: number): Reply => ({
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: JSON.stringify({ error: { message: 'Rate limit reached', type: 'requests' } }),
  }),
  serverError: (status = 500, said = 'internal error'): Reply => ({ status, body: JSON.stringify({ error: { message: said } }) }),
  brokenJson: (): Reply => ({ content: '{"title": "未完成' }),
  empty: (): Reply => ({ content: '' }),
  wrongLanguage: (): Reply => ({ content: JSON.stringify({ title: 'A title left in English', abstract: 'An abstract left in English.' }) }),
  slow: (delayMs: number, then: Reply = {}): Reply => ({ ...then, delayMs }),
};

function completion(content: string, finishReason: string, model: string, n: number): string {
  return JSON.stringify({
    id: `chatcmpl-standin-${n}`,
    object: 'chat.completion',
    created: 1_780_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 100, completion_tokens: Math.ceil(content.length / 4), total_tokens: 100 + Math.ceil(content.length / 4) },
  });
}

export async function startLlmServer(initial: Responder = fakeTranslation): Promise<LlmServer> {
  let responder = initial;
  const redirects = new Map<string, Reply>();
  let inFlight = 0;
  const state = { requests: [] as RecordedRequest[], maxInFlight: 0, aborted: 0 };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    let answered = false;
    res.on('close', () => {
      inFlight -= 1;
      if (!answered) state.aborted += 1;
    });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    let body: RecordedRequest['body'];
    try {
      body = JSON.parse(rawBody) as RecordedRequest['body'];
    } catch {
      body = undefined;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const recorded: RecordedRequest = {
      n: state.requests.length + 1,
      method: req.method ?? '',
      path: req.url ?? '',
      headers,
      rawBody,
      ...(body ? { body } : {}),
      ...readPrompt(body),
    };
    state.requests.push(recorded);

    const redirected = redirects.get(req.url ?? '');
    const reply: Reply =
      redirected ??
      (req.url === '/v1/chat/completions' && req.method === 'POST'
        ? await responder(recorded)
        : { status: 404, body: JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }) });
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    const text = reply.body ?? completion(reply.content ?? '', reply.finishReason ?? 'stop', body?.model ?? '', recorded.n);
    answered = true;
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(text);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    host: `127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    get aborted() {
      return state.aborted;
    },
    respond(next) {
      responder = next;
    },
    redirect(path, location, status = 308) {
      redirects.set(path, { status, headers: { location }, body: '' });
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
