// A tiny HTTP listener on 127.0.0.1 port 0 that records every request and answers with a scripted response.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly rawUrl: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | object;
  /** Never answer (for timeout and abort tests). */
  hang?: boolean;
}

export interface Listener {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** In-flight requests right now, the most seen at once, and the TCP connections accepted. */
  readonly stats: { inFlight: number; maxInFlight: number; connections: number };
  close(): Promise<void>;
}

export async function startListener(
  reply: (request: RecordedRequest, index: number) => Reply | Promise<Reply>,
): Promise<Listener> {
  const requests: RecordedRequest[] = [];
  const stats = { inFlight: 0, maxInFlight: 0, connections: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        rawUrl: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      res.on('close', () => {
        stats.inFlight -= 1;
      });
      void Promise.resolve(reply(recorded, requests.length - 1)).then((answer) => {
        if (answer.hang) return;
        const body =
          answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        res.end(body);
      });
    });
  });
  server.on('connection', () => (stats.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
