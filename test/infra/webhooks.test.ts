import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { newApp, type Synthesized, synthesizePlatform } from './support/synth.ts';
import { flatten, resources } from './support/templates.ts';

const HOOK = {
  department: 'public-security',
  region: '610100',
  endpoint: 'https://gaj.xa.gov.cn/tongban/review-requests',
  secretName: 'tongban/webhooks/public-security-610100',
};

describe('a department that takes its review requests by webhook', () => {
  let platform: Synthesized;
  beforeAll(() => {
    platform = synthesizePlatform({ context: { 'tongban:webhooks': [HOOK] }, bundle: false });
  });
  afterAll(() => platform?.dispose());
  const workflow = () => platform.template('workflow');

  it('gets a connection whose API key is read from Secrets Manager, never written into the template', () => {
    const [connection] = resources<{ AuthorizationType: string; AuthParameters: unknown }>(
      workflow(),
      'AWS::Events::Connection',
    );
    expect(connection!.props.AuthorizationType).toBe('API_KEY');
    expect(flatten(connection!.props.AuthParameters)).toContain(
      '{{resolve:secretsmanager:tongban/webhooks/public-security-610100:SecretString:::}}',
    );
  });

  it('gets an API destination to its endpoint, rate-limited', () => {
    const [destination] = resources<{
      InvocationEndpoint: string;
      HttpMethod: string;
      InvocationRateLimitPerSecond: number;
    }>(workflow(), 'AWS::Events::ApiDestination');
    expect(destination!.props).toMatchObject({
      InvocationEndpoint: HOOK.endpoint,
      HttpMethod: 'POST',
      InvocationRateLimitPerSecond: 10,
    });
  });

  it('is sent the review requests of its department on its region’s bus, with a dead-letter queue', () => {
    const rules = resources<{
      // Schedule rules (rate()) have no pattern.
      EventPattern?: { detail?: { department?: string[] } };
      Targets: { DeadLetterConfig?: unknown }[];
    }>(workflow(), 'AWS::Events::Rule').filter((r) => r.props.EventPattern?.detail?.department);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.props.EventPattern).toMatchObject({
      source: ['tongban.cases'],
      'detail-type': ['Review Requested'],
      detail: { department: ['public-security'] },
    });
    expect(rules[0]!.props.Targets[0]!.DeadLetterConfig).toBeDefined();
  });

  it('refuses a webhook that is not https, or in a region not configured', () => {
    for (const bad of [
      { ...HOOK, endpoint: 'http://gaj.xa.gov.cn/x' },
      { ...HOOK, region: '620100' },
    ]) {
      const app = newApp({ context: { 'tongban:webhooks': [bad] }, bundle: false });
      try {
        expect(() => buildApp(app)).toThrow(/tongban:webhooks/);
      } finally {
        rmSync(app.outdir, { recursive: true, force: true });
      }
    }
  });
});
