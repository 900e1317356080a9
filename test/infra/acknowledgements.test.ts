import { rmSync } from 'node:fs';
import type { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { acknowledge } from '../../infra/constructs/nag.ts';
import { acknowledgementsOf, untrueAcknowledgements } from './support/acknowledgements.ts';
import { newApp } from './support/synth.ts';

const apps: App[] = [];
afterAll(() => {
  for (const app of apps) rmSync(app.outdir, { recursive: true, force: true });
});
const built = (context: Record<string, unknown> = {}) => {
  const app = buildApp(newApp({ context, bundle: false }));
  apps.push(app);
  return app;
};

describe.each(['dev', 'prod'])('every cdk-nag acknowledgement of stage %s', (stage) => {
  it('gives a reason that is true of the stacks', () => {
    const app = built({ 'tongban:stage': stage });
    expect(acknowledgementsOf(app).length).toBeGreaterThan(50);
    expect(untrueAcknowledgements(app)).toEqual([]);
  });

  it('gives a reason of its own, not a placeholder', () => {
    const app = built({ 'tongban:stage': stage });
    const short = acknowledgementsOf(app).filter((ack) => ack.reason.trim().length < 30);
    expect(short.map((ack) => `${ack.path} ${ack.rule}: ${ack.reason}`)).toEqual([]);
  });
});

describe('the check of acknowledgements', () => {
  it('catches a reason that leaves the matter to a deployment, as the old "WAF attached per deployment" did', () => {
    const app = built();
    const data = app.node.findChild('tongban-dev-data') as Stack;
    acknowledge(new s3.Bucket(data, 'Careless', { enforceSSL: true }), [
      { id: 'AwsSolutions-S1', reason: 'Access logging is attached per deployment by the operators.' },
    ]);
    expect(untrueAcknowledgements(app)).toEqual([
      'tongban-dev-data/Careless AwsSolutions-S1: Access logging is attached per deployment by the operators.',
    ]);
  });

  it('catches a claim the stacks do not keep: an access-log bucket that no bucket logs to', () => {
    const app = built();
    const data = app.node.findChild('tongban-dev-data') as Stack;
    acknowledge(new s3.Bucket(data, 'NotALogBucket', { enforceSSL: true }), [
      {
        id: 'AwsSolutions-S1',
        reason: 'This is the access-log bucket itself; logging it into itself would loop.',
      },
    ]);
    expect(untrueAcknowledgements(app)).toEqual([
      'tongban-dev-data/NotALogBucket AwsSolutions-S1: This is the access-log bucket itself; logging it into itself would loop.',
    ]);
  });

  it('catches a WAF claim on a distribution without a web ACL', () => {
    const app = built();
    const web = app.node.findChild('tongban-dev-web') as Stack;
    const distribution = web.node.findChild('Distribution');
    (
      distribution.node.defaultChild as unknown as { addPropertyDeletionOverride(p: string): void }
    ).addPropertyDeletionOverride('DistributionConfig.WebACLId');
    acknowledge(distribution, [
      { id: 'AwsSolutions-CFR2', reason: 'A WAF web ACL guards it from us-east-1.' },
    ]);
    expect(untrueAcknowledgements(app)).toEqual([
      'tongban-dev-web/Distribution AwsSolutions-CFR2: A WAF web ACL guards it from us-east-1.',
    ]);
  });
});
