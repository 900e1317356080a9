import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { LocalHttpApi } from './api/http-api.ts';
import { type ClockEngines, handleClock } from './clock-route.ts';
import type { DynamoDbRecorder } from './dynamodb/recorder.ts';
import type { RecordingEventBridge } from './eventbridge/event-log.ts';
import { handleFastForward } from './fast-forward.ts';
import { handleFaults, type LocalFaults } from './faults.ts';
import type { LocalIssuer } from './identity/issuer.ts';
import { handleIdentity } from './identity/routes.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const MAX_BODY = 11 * 1024 * 1024;

// The browsable API reference (local mode only): Scalar's standalone bundle over /api/openapi.json.
const SCALAR = createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
const API_DOCS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tongban API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<script id="api-reference" data-url="/api/openapi.json"></script>
<script src="/local/api-docs/standalone.js"></script></body></html>`;

/**
 * What CloudFront does in front of the deployed platform, on one local port: `/api/*` goes to the HTTP API,
 * everything else is the web app (unknown paths get index.html, like the distribution's 404 rule). The local
 * sign-in lives under `/local/`, which is never deployed.
 */
export class FrontServer {
  private server?: Server;

  constructor(
    private readonly options: {
      api?: LocalHttpApi;
      issuer: LocalIssuer;
      webRoot?: string;
      events: RecordingEventBridge;
      dynamodb: DynamoDbRecorder;
      fastForward: Parameters<typeof handleFastForward>[0];
      faults: LocalFaults;
      clock: ClockEngines;
      log?: (line: string) => void;
      /** What CloudFront adds to every page and API answer (security-headers.ts). */
      securityHeaders?: Record<string, string>;
      /** Resolves once every event, stream record and workflow step under way has been handled. */
      idle: () => Promise<void>;
    },
  ) {}

  async start(port: number): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
      });
      req.on('end', () => {
        this.route(req, res, Buffer.concat(chunks), size).catch((error: Error) => {
          // What went wrong goes to the log, never to the caller.
          this.options.log?.(`${req.method} ${req.url}: ${error.name}: ${error.message}`);
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: 'Internal Server Error' }));
        });
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', resolve);
    });
    return `http://localhost:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse, body: Buffer, size: number): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // The web app and the API leave CloudFront with its security headers; local mode's own pages do not.
    if (!path.startsWith('/local/')) {
      for (const [name, value] of Object.entries(this.options.securityHeaders ?? {}))
        res.setHeader(name, value);
    }
    if (path === '/api' || path.startsWith('/api/')) {
      if (!this.options.api) return void res.writeHead(404).end();
      if (size > MAX_BODY)
        return void res
          .writeHead(413, { 'content-type': 'application/json' })
          .end('{"message":"Request Entity Too Large"}');
      return this.options.api.handle(req, res, body);
    }
    if (req.method === 'GET' && path === '/local/events') {
      const bus = new URL(req.url ?? '/', 'http://localhost').searchParams.get('bus') ?? undefined;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(JSON.stringify({ events: this.options.events.recent(bus) }));
    }
    if (path === '/local/api-docs') {
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(API_DOCS);
    }
    if (path === '/local/api-docs/standalone.js') {
      res.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=3600',
      });
      return void createReadStream(SCALAR).pipe(res);
    }
    if (path === '/local/dynamodb/operations') {
      if (req.method === 'DELETE') this.options.dynamodb.reset();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return void res.end(JSON.stringify(this.options.dynamodb.snapshot()));
    }
    if (path === '/local/fast-forward') return handleFastForward(this.options.fastForward, req, res, body);
    if (path === '/local/faults') return handleFaults(this.options.faults, req, res, body);
    if (path === '/local/clock') return handleClock(this.options.clock, req, res, body);
    if (req.method === 'GET' && path === '/local/idle') {
      await this.options.idle();
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"idle":true}');
    }
    if (path.startsWith('/local/') && (await handleIdentity(this.options.issuer, req, res, body))) return;
    this.serveStatic(path, res);
  }

  private serveStatic(path: string, res: ServerResponse): void {
    const root = this.options.webRoot;
    if (!root) return void res.writeHead(404).end();
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return void res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad Request');
    }
    let file = join(root, normalize(decoded).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
      file = join(root, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=300',
    });
    createReadStream(file).pipe(res);
  }
}
