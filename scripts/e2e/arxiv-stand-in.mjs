// A local stand-in for rss.arxiv.org: serves a fixture announcement for any category list,
// and can be told (by the suite, over HTTP) to answer 503 until it recovers. For export.arxiv.org's
// API it answers id_list lookups from api-entries.xml: each asked id's entry, unknown ids left out.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Control routes, for the suite only:
 *   GET  /__stand-in/requests  → every request served so far, as JSON
 *   POST /__stand-in/answer    → {"status":503} or {"status":200,"fixture":"rss-….xml"}
 */
export async function startArxivStandIn({ fixtureDir, fixture }) {
  const state = { status: 200, fixture };
  const served = [];

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    if (url.pathname.startsWith('/__stand-in/')) {
      handleControl(request, response, url.pathname);
      return;
    }
    const status = answerFeed(url, response);
    served.push({ method: request.method, path: url.pathname + url.search, status, at: new Date().toISOString() });
  });

  function answerFeed(url, response) {
    if (url.pathname === '/api/query') return answerLookup(url, response);
    if (!url.pathname.startsWith('/rss/')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found on the arXiv stand-in.\n');
      return 404;
    }
    if (state.status !== 200) {
      // Retry-After keeps the extension's own retries short and their number fixed.
      response.writeHead(state.status, { 'content-type': 'text/html', 'retry-after': '1' }).end('<html><body><h1>503 Service Unavailable</h1></body></html>\n');
      return state.status;
    }
    const body = readFileSync(path.join(fixtureDir, state.fixture));
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
    return 200;
  }

  function answerLookup(url, response) {
    const asked = (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
    const fixtureText = readFileSync(path.join(fixtureDir, 'api-entries.xml'), 'utf8');
    const entries = [...fixtureText.matchAll(/<entry>[^]*?<\/entry>/g)].map((m) => m[0]);
    const found = asked.flatMap((id) => entries.filter((e) => e.includes(`<id>http://arxiv.org/abs/${id.replace(/v\d+$/, '')}v`)));
    const head = fixtureText.slice(fixtureText.indexOf('<feed'), fixtureText.indexOf('<entry>'));
    const body = `<?xml version='1.0' encoding='UTF-8'?>\n${head}  <opensearch:totalResults>${found.length}</opensearch:totalResults>\n  ${found.join('\n  ')}\n</feed>\n`;
    response.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end(body);
    return 200;
  }

  function handleControl(request, response, pathname) {
    if (pathname === '/__stand-in/requests' && request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(served));
      return;
    }
    if (pathname === '/__stand-in/answer' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const wanted = JSON.parse(body);
        state.status = wanted.status;
        if (wanted.fixture) state.fixture = wanted.fixture;
        response.writeHead(204).end();
      });
      return;
    }
    response.writeHead(404).end();
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
