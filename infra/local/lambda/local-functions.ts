import { lambdaServiceError } from './errors.ts';
import { LocalFunction } from './local-function.ts';
import type { InvokeOptions, InvokeResult, LocalFunctionOptions, LocalFunctionSpec } from './types.ts';

// The forms Lambda's Invoke accepts for FunctionName, each with an optional version or alias qualifier:
// a full ARN, a partial ARN (account:function:name) or a bare name.
const fullArn = /^(arn:[^:]+:lambda:[^:]+:\d{12}:function:[^:]+)(?::([^:]+))?$/;
const partialArn = /^(\d{12}):function:([^:]+)(?::([^:]+))?$/;
const bareName = /^([^:]+)(?::([^:]+))?$/;

/** Every function of the synthesized app, addressable the ways callers address Lambda functions. */
export class LocalFunctions {
  readonly #byName = new Map<string, LocalFunction>();
  readonly #byArn = new Map<string, LocalFunction>();

  constructor(specs: Iterable<LocalFunctionSpec>, options: LocalFunctionOptions) {
    for (const spec of specs) {
      if (this.#byName.has(spec.name)) throw new Error(`Two functions are named ${spec.name}`);
      const fn = new LocalFunction(spec, options);
      this.#byName.set(spec.name, fn);
      this.#byArn.set(spec.arn, fn);
    }
  }

  get(nameOrArn: string): LocalFunction {
    return this.#resolve(nameOrArn).fn;
  }

  async invoke(
    nameOrArn: string,
    event: unknown,
    options: Omit<InvokeOptions, 'invokedFunctionArn'> = {},
  ): Promise<InvokeResult> {
    const { fn, invokedFunctionArn } = this.#resolve(nameOrArn);
    return fn.invoke(event, { ...options, invokedFunctionArn });
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#byName.values()].map((fn) => fn.close()));
  }

  // Every qualifier runs the one local copy of the code: local mode has no published versions, only $LATEST.
  #resolve(nameOrArn: string): { fn: LocalFunction; invokedFunctionArn: string } {
    const [fn, qualifier] = this.#find(nameOrArn);
    if (!fn) throw lambdaServiceError('ResourceNotFoundException', `Function not found: ${nameOrArn}`);
    return { fn, invokedFunctionArn: qualifier ? `${fn.spec.arn}:${qualifier}` : fn.spec.arn };
  }

  #find(nameOrArn: string): [LocalFunction | undefined, string | undefined] {
    const arn = fullArn.exec(nameOrArn);
    if (arn) return [this.#byArn.get(arn[1]!), arn[2]];
    const partial = partialArn.exec(nameOrArn);
    if (partial) {
      const fn = this.#byName.get(partial[2]!);
      return [fn?.spec.arn.split(':')[4] === partial[1] ? fn : undefined, partial[3]];
    }
    const name = bareName.exec(nameOrArn);
    return name ? [this.#byName.get(name[1]!), name[2]] : [undefined, undefined];
  }
}
