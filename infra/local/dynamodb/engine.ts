import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { warn } from '../warn.ts';

export interface DynamoDbLocalOptions {
  /** Where tables are persisted; undefined keeps everything in memory. */
  dataDir?: string;
  /** 0 or undefined picks a free port. */
  port?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const JAVA_HINT = 'DynamoDB Local needs Java 17+: install it with `apt-get install openjdk-17-jre-headless`';
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
// Enough of the output to explain an early exit without holding a chatty process's log in memory.
const OUTPUT_TAIL_CHARS = 8_000;

/** Runs AWS's DynamoDB Local (the jar amplify-dynamodb-simulator ships) as a child process. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  // A port picked in advance can be taken before Java binds it; only then is another attempt worth it.
  for (let attempt = 1; ; attempt++) {
    // Checked first, because a DynamoDB Local already on the port would answer for the new one.
    const port = await probePort(options.port ?? 0);
    try {
      return await launch(port, options.dataDir);
    } catch (error) {
      if (options.port || attempt === 3 || !String(error).includes('Address already in use')) throw error;
    }
  }
}

async function launch(port: number, dataDir: string | undefined): Promise<DynamoDbLocal> {
  const emulator = join(
    dirname(createRequire(import.meta.url).resolve('amplify-dynamodb-simulator/package.json')),
    'emulator',
  );
  const args = [
    `-Djava.library.path=${join(emulator, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(emulator, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
    // One database for every access key and region, as the functions run with whatever credentials they get.
    '-sharedDb',
    '-disableTelemetry',
  ];
  const child = spawn('java', args, { cwd: dataDir ?? tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
    // A failed start (e.g. the port is taken) kills Java's main thread, but other threads keep the JVM alive.
    if (output.includes('Exception in thread "main"')) child.kill();
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ENOENT' ? `${JAVA_HINT} (no \`java\` on PATH)` : `cannot run java: ${error}`),
    );
    // 'close' rather than 'exit': only then has all of its output arrived.
    child.once('close', (code, signal) =>
      resolve(`DynamoDB Local exited (${signal ?? `code ${code}`}):\n${output}`),
    );
  });
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const giveUp = new AbortController();
  try {
    await Promise.race([
      waitUntilAnswering(endpoint, giveUp.signal),
      exited.then((reason) => Promise.reject(new Error(reason))),
    ]);
  } catch (error) {
    process.removeListener('exit', killOnExit);
    await terminate(child);
    if (String(error).includes('UnsupportedClassVersionError')) throw new Error(`${JAVA_HINT}\n${output}`);
    throw error;
  } finally {
    giveUp.abort();
  }
  let stopping = false;
  // Tables vanish with the process, so a crash must not go unnoticed behind a platform that still looks up.
  void exited.then((reason) => stopping || warn('dynamodb', String(reason)));
  return {
    endpoint,
    port,
    pid: child.pid!,
    async stop() {
      stopping = true;
      process.removeListener('exit', killOnExit);
      await terminate(child);
    },
  };
}

async function waitUntilAnswering(endpoint: string, signal: AbortSignal): Promise<void> {
  // DynamoDB Local accepts any credentials; the SDK only insists that there are some.
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), {
          abortSignal: AbortSignal.any([signal, AbortSignal.timeout(2_000)]),
        });
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${READY_TIMEOUT_MS} ms`, {
            cause: error,
          });
        }
        await sleep(100, undefined, { signal });
      }
    }
  } finally {
    client.destroy();
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await gone;
  clearTimeout(timer);
}

/** Resolves with the port (a free one for 0) once it is known to be free on every interface, as Java binds it. */
function probePort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`DynamoDB Local cannot use port ${port}: it is in use`)
          : error,
      ),
    );
    server.listen(port, () => {
      const { port: free } = server.address() as AddressInfo;
      server.close(() => resolve(free));
    });
  });
}
