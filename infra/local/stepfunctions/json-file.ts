import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * A JSON document persisted atomically (temp file, then rename), so a crash mid-write leaves the previous
 * version rather than a torn file. Writes run one at a time; saves requested while one waits share it.
 */
export class JsonFile<T> {
  readonly #path: string;
  #last: Promise<void> = Promise.resolve();
  #pending: Promise<void> | undefined;

  constructor(path: string) {
    this.#path = path;
    mkdirSync(dirname(path), { recursive: true });
  }

  /** The stored document, or undefined when there is none yet. A corrupt file throws rather than starting empty. */
  read(): T | undefined {
    let text: string;
    try {
      text = readFileSync(this.#path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new Error(`${this.#path} is not valid JSON; fix or remove it: ${(error as Error).message}`);
    }
  }

  /**
   * Persists what `snapshot` returns when the write actually starts: on a later turn of the event loop, once the
   * promise chains under way (an interpreter moving from one state to the next, the readers of its event log)
   * have settled, so one write takes a consistent picture of them and a burst of changes is one write.
   */
  save(snapshot: () => T): Promise<void> {
    if (this.#pending) return this.#pending;
    const write = this.#last.then(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      this.#pending = undefined;
      const temp = `${this.#path}.${randomUUID()}.tmp`;
      await writeFile(temp, `${JSON.stringify(snapshot(), null, 2)}\n`);
      await rename(temp, this.#path);
    });
    this.#pending = write;
    this.#last = write.catch(() => undefined);
    return write;
  }

  /** Resolves once every requested save has been attempted. */
  flushed(): Promise<void> {
    return this.#last;
  }
}
