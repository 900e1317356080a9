import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { buildApp } from '../../../infra/app.ts';

const CDK_JSON = new URL('../../../cdk.json', import.meta.url);

/** The context the CDK CLI would pass from cdk.json; `new App()` in a test does not read cdk.json itself. */
export function cdkContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> }).context;
}

export interface AppOptions {
  /** Context entries that replace cdk.json's (and `undefined` removes one). */
  context?: Record<string, unknown>;
  /**
   * Bundle the Lambda functions with esbuild, as `cdk synth` does. Tests that only look at names and counts
   * skip it: bundling is most of the cost of a synthesis.
   */
  bundle?: boolean;
}

/** An app with cdk.json's context, writing to its own temporary directory. */
export function newApp(options: AppOptions = {}): App {
  const context: Record<string, unknown> = {
    ...cdkContext(),
    // Validation errors then carry the whole report in the exception message, whatever NODE_ENV says.
    '@aws-cdk/core:appMode': 'inmemory',
    ...(options.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {}),
    ...options.context,
  };
  for (const key of Object.keys(context)) if (context[key] === undefined) delete context[key];
  return new App({ outdir: mkdtempSync(join(tmpdir(), 'tongban-infra-')), context });
}

/** Builds the platform (not synthesizing it) and cleans up: for configurations that must be refused. */
export function buildOnly(context: Record<string, unknown>): void {
  const app = newApp({ context, bundle: false });
  try {
    buildApp(app);
  } finally {
    rmSync(app.outdir, { recursive: true, force: true });
  }
}

export interface Synthesized {
  app: App;
  assembly: CloudAssembly;
  /** The template of `tongban-<stage>-<part>`, e.g. `template('data')`. */
  template(part: string): Template;
  /** The construct of `tongban-<stage>-<part>`, for the logical ids of the constructs it exposes. */
  stack<T extends Stack>(part: string): T;
  /** What another stack exports under `name`: the value behind an `Fn::ImportValue`. */
  exported(name: string): unknown;
  /** Removes the temporary cloud assembly. */
  dispose(): void;
}

/** Builds the platform with `buildApp` and synthesizes it once; throws what `cdk synth` would fail with. */
export function synthesizePlatform(options: AppOptions = {}): Synthesized {
  const app = buildApp(newApp(options));
  const outdir = app.outdir;
  try {
    const assembly = app.synth();
    const stage = String(app.node.tryGetContext('tongban:stage') ?? 'dev');
    const templates = new Map<string, Template>();
    const byName = (name: string): Template => {
      let template = templates.get(name);
      if (!template) {
        template = Template.fromJSON(assembly.getStackByName(name).template);
        templates.set(name, template);
      }
      return template;
    };
    return {
      app,
      assembly,
      template: (part) => byName(`tongban-${stage}-${part}`),
      stack: <T extends Stack>(part: string) => app.node.findChild(`tongban-${stage}-${part}`) as T,
      exported(name) {
        // CDK names an export `<stack name>:<output id>`.
        const outputs = byName(name.split(':')[0]!).findOutputs('*', { Export: { Name: name } });
        const [output] = Object.values(outputs) as { Value: unknown }[];
        if (!output) throw new Error(`no stack exports ${name}`);
        return output.Value;
      },
      dispose: () => rmSync(outdir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
}
