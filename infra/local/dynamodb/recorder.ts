import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalFaults } from '../faults.ts';

export type OperationCounts = Record<string, Record<string, number>>;

/**
 * A pass-through in front of DynamoDB Local that counts each function's operations (GetItem, Query, Scan …).
 * Every function gets its own path prefix (`/fn/<name>`) as its endpoint, so calls are told apart. Tests use
 * it to prove no request path scans a table; the benchmark, to count reads and writes per API call. When the
 * DynamoDB fault switch is on (faults.ts), it answers a share of the functions' calls itself, throttled.
 */
export class DynamoDbRecorder {
  private server?: Server;
  private counts: OperationCounts = {};

  constructor(
    private readonly target: string,
    private readonly faults?: LocalFaults,
  ) {}

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
      const forward = (body?: Buffer) => {
        const upstream = httpRequest(
          { host: target.hostname, port: target.port, method: req.method, path: '/', headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => res.writeHead(502).end());
        if (body) upstream.end(body);
        else req.pipe(upstream);
      };
      const faults = this.faults;
      if (!match || !faults?.on('dynamodb')) return forward();
      // The tables a call touches are in its body, which is read whole only while the switch is on.
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (faults.throttlesDynamoDb(fn, tablesOf(body))) throttled(res);
        else forward(body);
      });
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

/** The tables a DynamoDB request names: TableName, or those of its batch or transaction items. */
function tablesOf(body: Buffer): string[] {
  let request: {
    TableName?: string;
    RequestItems?: Record<string, unknown>;
    TransactItems?: Record<string, { TableName?: string }>[];
  };
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    return [];
  }
  return [
    ...(request.TableName ? [request.TableName] : []),
    ...Object.keys(request.RequestItems ?? {}),
    ...(request.TransactItems ?? []).flatMap((item) =>
      Object.values(item).flatMap((action) => (action?.TableName ? [action.TableName] : [])),
    ),
  ];
}

/** DynamoDB's answer to a request over the table's throughput, which the AWS SDK retries with back-off. */
function throttled(res: ServerResponse): void {
  res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() }).end(
    JSON.stringify({
      __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
      message:
        'The level of configured provisioned throughput for the table was exceeded. Consider increasing ' +
        'your provisioning level with the UpdateTable API.',
    }),
  );
}
