import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type OperationCounts = Record<string, Record<string, number>>;

/**
 * A pass-through in front of DynamoDB Local that counts each function's operations (GetItem, Query, Scan …).
 * Every function gets its own path prefix (`/fn/<name>`) as its endpoint, so calls are told apart. Tests use
 * it to prove no request path scans a table; the benchmark, to count reads and writes per API call.
 */
export class DynamoDbRecorder {
  private server?: Server;
  private counts: OperationCounts = {};

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    const target = new URL(this.target);
    this.server = createServer((req, res) => {
      const match = /^\/fn\/([^/]+)/.exec(req.url ?? '');
      const fn = match ? decodeURIComponent(match[1]!) : '(direct)';
      const operation =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '?';
      const perFunction = this.counts[fn] ?? {};
      this.counts[fn] = perFunction;
      perFunction[operation] = (perFunction[operation] ?? 0) + 1;
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: '/', headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The counts since the last reset, per function name. */
  snapshot(): OperationCounts {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = {};
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
