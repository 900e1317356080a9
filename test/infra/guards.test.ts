import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { acknowledge } from '../../infra/constructs/nag.ts';
import { newApp } from './support/synth.ts';

const VALIDATE_AGAINST_DEFAULT_RULES = '@aws-cdk/core:validateAgainstDefaultRules';

// Every app writes to its own temporary directory; remove them all after each test.
const apps: App[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) rmSync(app.outdir, { recursive: true, force: true });
});
const track = (app: App): App => {
  apps.push(app);
  return app;
};

/** The smallest app that still has the platform's guards: cdk.json's context and, if asked, cdk-nag. */
function minimalApp(options: { nag: boolean; context?: Record<string, unknown> }): {
  app: App;
  stack: Stack;
} {
  const app = track(newApp({ context: options.context }));
  if (options.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack: new Stack(app, 'Guarded') };
}

/** The message synthesis fails with; synthesizing once, since a failed synthesis leaves the app half-done. */
function synthesisError(app: App): string {
  try {
    app.synth();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected synthesis to fail, and it succeeded');
}

describe('the AwsSolutions checks', () => {
  it('let the platform synthesize as it is', () => {
    const app = track(buildApp(newApp({ bundle: false })));
    expect(() => app.synth()).not.toThrow();
  });

  it('fail the synthesis of the platform when one of its stacks gets a bucket without SSL or access logs', () => {
    // Given the platform, with a bucket that nobody acknowledged added to its data stack
    const app = track(buildApp(newApp({ bundle: false })));
    const data = app.node.children.find(
      (child) => Stack.isStack(child) && child.stackName === 'tongban-dev-data',
    );
    new s3.Bucket(data as Stack, 'Careless');

    // When it is synthesized
    const error = synthesisError(app);

    // Then synthesis fails, naming the bucket and the two rules it breaks
    expect(error).toContain('tongban-dev-data/Careless/Resource');
    expect(error).toContain("Acknowledge with 'AwsSolutions::AwsSolutions-S1'");
    expect(error).toContain("Acknowledge with 'AwsSolutions::AwsSolutions-S10'");
  });
});

describe('an acknowledgement', () => {
  const bucketWithoutLogs = (stack: Stack, id: string) => new s3.Bucket(stack, id, { enforceSSL: true });

  it('with a written reason makes the finding go away', () => {
    // Given a bucket that only breaks AwsSolutions-S1, which fails synthesis
    const refused = minimalApp({ nag: true });
    bucketWithoutLogs(refused.stack, 'Bucket');
    expect(synthesisError(refused.app)).toContain("'AwsSolutions::AwsSolutions-S1'");

    // When the same bucket's finding is acknowledged with a reason
    const acknowledged = minimalApp({ nag: true });
    acknowledge(bucketWithoutLogs(acknowledged.stack, 'Bucket'), [
      {
        id: 'AwsSolutions-S1',
        reason: 'A scratch bucket of this test; nothing in it is worth an access log.',
      },
    ]);

    // Then synthesis succeeds
    expect(() => acknowledged.app.synth()).not.toThrow();
  });

  it('covers only the rule it names', () => {
    // Given a bucket that breaks S1 and S10, with only S1 acknowledged
    const { app, stack } = minimalApp({ nag: true });
    acknowledge(new s3.Bucket(stack, 'Bucket'), [{ id: 'AwsSolutions-S1', reason: 'Testing the scope.' }]);

    // When it is synthesized
    const error = synthesisError(app);

    // Then S10 still fails synthesis and S1 is no longer reported
    expect(error).toContain("'AwsSolutions::AwsSolutions-S10'");
    expect(error).not.toContain("'AwsSolutions::AwsSolutions-S1'");
  });

  it('covers only the construct it is made on', () => {
    // Given two buckets without access logs, one of them acknowledged
    const { app, stack } = minimalApp({ nag: true });
    acknowledge(bucketWithoutLogs(stack, 'Acknowledged'), [
      { id: 'AwsSolutions-S1', reason: 'Testing the scope.' },
    ]);
    bucketWithoutLogs(stack, 'Forgotten');

    // When it is synthesized
    const error = synthesisError(app);

    // Then the other one still fails synthesis
    expect(error).toContain('Guarded/Forgotten/Resource');
    expect(error).not.toContain('Guarded/Acknowledged');
  });
});

describe(`the feature flag ${VALIDATE_AGAINST_DEFAULT_RULES}`, () => {
  // Templates CloudFormation would reject, with the finding and rule id of its default rules.
  const invalid = [
    {
      what: 'an unknown property',
      rule: 'F3002',
      message: "RetentionPeriod: Additional properties are not allowed ('RetentionPeriod' was unexpected)",
      add: (stack: Stack) =>
        new CfnResource(stack, 'Queue', { type: 'AWS::SQS::Queue', properties: { RetentionPeriod: 60 } }),
    },
    {
      what: 'a property of the wrong type',
      rule: 'F3012',
      message: "VisibilityTimeout: '30 seconds' is not of type 'integer'",
      add: (stack: Stack) =>
        new sqs.CfnQueue(stack, 'Queue').addPropertyOverride('VisibilityTimeout', '30 seconds'),
    },
    {
      what: 'a value above the maximum',
      rule: 'F3034',
      message: 'DelaySeconds: 3600 is greater than the maximum of 900',
      add: (stack: Stack) => new sqs.CfnQueue(stack, 'Queue').addPropertyOverride('DelaySeconds', 3600),
    },
  ];

  describe.each(invalid)('with a template that has $what', ({ rule, message, add }) => {
    it('fails synthesis when true, naming the finding and its rule', () => {
      // Given a stack with the invalid resource and the flag as cdk.json sets it
      const { app, stack } = minimalApp({ nag: false, context: { [VALIDATE_AGAINST_DEFAULT_RULES]: true } });
      add(stack);

      // When it is synthesized
      const error = synthesisError(app);

      // Then synthesis fails with the finding
      expect(error).toContain(message);
      expect(error).toContain(`Acknowledge with 'CloudFormation-Validate::${rule}'`);
    });

    it.each([false, undefined])('only warns when %s', (flag) => {
      // Given the same stack with the flag false or unset
      const { app, stack } = minimalApp({ nag: false, context: { [VALIDATE_AGAINST_DEFAULT_RULES]: flag } });
      add(stack);

      // When it is synthesized
      const assembly = app.synth();

      // Then synthesis succeeds, and the validation report keeps the finding as a warning
      const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'));
      expect(report.pluginReports).toEqual([
        expect.objectContaining({
          pluginName: 'CloudFormation Validate',
          violations: [expect.objectContaining({ ruleName: rule, severity: 'warning' })],
        }),
      ]);
    });
  });

  it('does not fail synthesis for an unknown enum value, which the default rules only warn about (W3030)', () => {
    // Given a function with a runtime CloudFormation does not know, and the flag true
    const { app, stack } = minimalApp({ nag: false, context: { [VALIDATE_AGAINST_DEFAULT_RULES]: true } });
    new CfnResource(stack, 'Function', {
      type: 'AWS::Lambda::Function',
      properties: {
        Role: 'arn:aws:iam::123456789012:role/example',
        Code: { ZipFile: 'exports.handler = async () => {};' },
        Handler: 'index.handler',
        Runtime: 'nodejs25.x',
      },
    });

    // Then synthesis still succeeds: this guard does not catch a mistyped enum value
    expect(() => app.synth()).not.toThrow();
  });
});
