import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { buildApp } from '../app.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** cdk.json's context, which the CDK CLI would pass to the app. */
export function projectContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(`${ROOT}cdk.json`, 'utf8')).context;
}

/**
 * Synthesizes the CDK app into `outdir`, in-process, exactly as `cdk synth` would (same context, cdk-nag and
 * template validation included: both throw on an error). Local mode then runs what this produced.
 */
export function synthesize(outdir: string, context: Record<string, unknown> = {}): string {
  const app = new App({ outdir, context: { ...projectContext(), ...context } });
  buildApp(app).synth();
  return outdir;
}
