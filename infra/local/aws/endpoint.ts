import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A JSON-protocol operation (EventBridge, Step Functions, SQS): `X-Amz-Target: <Prefix>.<Operation>`. */
export type JsonOperation = (input: Record<string, unknown>) => Promise<unknown> | unknown;

/** A REST-JSON operation (Scheduler, Lambda): matched on method and path. */
export interface RestOperation {
  method: string;
  path: RegExp;
  handle(
    match: RegExpMatchArray,
    body: Buffer,
    query: URLSearchParams,
    headers: IncomingMessage['headers'],
  ): Promise<RestResponse>;
}

export interface RestResponse {
  status?: number;
  body?: unknown;
  raw?: Buffer;
  headers?: Record<string, string>;
}

/**
 * The AWS APIs that functions call and that have no local engine of their own, served on one port. The
 * functions keep using the real AWS SDK: local mode only points AWS_ENDPOINT_URL_<SERVICE> here.
 */
export class LocalAwsEndpoint {
  private server?: Server;

  constructor(
    private readonly json: Record<string, JsonOperation>,
    private readonly rest: RestOperation[],
    private readonly log: (line: string) => void = () => {},
  ) {}

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void this.dispatch(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const target = req.headers['x-amz-target'];
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (typeof target === 'string') {
        const operation = this.json[target];
        if (!operation)
          throw awsError('UnknownOperationException', `local mode does not implement ${target}`);
        const input = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
        const output = await operation(input);
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(output ?? {}));
        return;
      }
      for (const op of this.rest) {
        const match = req.method === op.method ? url.pathname.match(op.path) : null;
        if (!match) continue;
        const out = await op.handle(match, body, url.searchParams, req.headers);
        res.writeHead(out.status ?? 200, { 'content-type': 'application/json', ...out.headers });
        res.end(out.raw ?? (out.body === undefined ? '' : JSON.stringify(out.body)));
        return;
      }
      throw awsError(
        'UnknownOperationException',
        `local mode does not implement ${req.method} ${url.pathname}`,
      );
    } catch (error) {
      const e = error as Error & { $status?: number };
      const type = e.name && e.name !== 'Error' ? e.name : 'InternalFailure';
      if (type === 'InternalFailure' || type === 'UnknownOperationException')
        this.log(`${target ?? url.pathname}: ${e.message}`);
      res.writeHead(e.$status ?? (type === 'InternalFailure' ? 500 : 400), {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-errortype': type,
      });
      res.end(JSON.stringify({ __type: type, message: e.message, Message: e.message }));
    }
  }
}

export function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $status: status });
}
