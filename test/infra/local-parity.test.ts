import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CfnResource } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { acknowledge } from '../../infra/constructs/nag.ts';
import { routesFromModel } from '../../infra/local/api/routes.ts';
import { readCloudAssembly } from '../../infra/local/assembly/cloud-assembly.ts';
import { TemplateModel } from '../../infra/local/assembly/model.ts';
import { LOCAL_ACCOUNT, LocalPlatform } from '../../infra/local/platform.ts';
import { eventInvokeConfigs } from '../../infra/local/wiring/event-invoke-configs.ts';
import { eventBusesAndRules } from '../../infra/local/wiring/events.ts';
import { queuesOf } from '../../infra/local/wiring/queues.ts';
import type { ApiStack } from '../../infra/stacks/api-stack.ts';
import type { EventsStack } from '../../infra/stacks/events-stack.ts';
import { newApp } from './support/synth.ts';

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Synthesizes the platform with a change made through CDK only, and reads it as local mode does. */
function synthesizeWith(change: (stacks: { api: ApiStack; events: EventsStack }) => void) {
  const app = buildApp(newApp({ bundle: false }));
  cleanup.push(app.outdir);
  change({
    api: app.node.findChild('tongban-dev-api') as ApiStack,
    events: app.node.findChild('tongban-dev-events') as EventsStack,
  });
  app.synth();
  return { dir: app.outdir, model: new TemplateModel(readCloudAssembly(app.outdir), LOCAL_ACCOUNT) };
}

describe('local mode runs what the CDK app synthesizes, with no second list to keep', () => {
  it('serves a route added to the HTTP API with no other change', () => {
    const { model } = synthesizeWith(({ api }) => {
      const health = api.node.findChild('Health') as lambda.IFunction;
      const [route] = api.httpApi.addRoutes({
        path: '/api/status/{part}',
        methods: [apigw.HttpMethod.GET],
        integration: new HttpLambdaIntegration('StatusIntegration', health),
      });
      acknowledge(route!, [{ id: 'AwsSolutions-APIG4', reason: 'A public route added by this test.' }]);
    });
    const route = routesFromModel(model).find((r) => r.routeKey === 'GET /api/status/{part}');
    expect(route?.functionArn).toMatch(/:function:tongban-dev-api-Health/);
  });

  it('routes by a rule added to the hub bus with no other change', () => {
    const { model } = synthesizeWith(({ events: stack }) => {
      new events.Rule(stack, 'AuditEverything', {
        eventBus: stack.hubBus,
        eventPattern: { source: events.Match.prefix('tongban.'), detailType: ['Case Decided'] },
        targets: [new targets.EventBus(stack.regionBuses.get('610100')!)],
      });
    });
    const rule = eventBusesAndRules(model).rules.find((r) => r.name.includes('AuditEverything'));
    expect(rule).toMatchObject({
      busName: 'tongban-dev-hub',
      eventPattern: { 'detail-type': ['Case Decided'] },
    });
    expect(rule?.targets[0]?.arn).toMatch(/event-bus\/tongban-dev-610100$/);
  });

  it("reads each function's asynchronous-invocation settings, its retries and on-failure queue, from the template", () => {
    const { model } = synthesizeWith(() => {});
    const configs = eventInvokeConfigs(model);
    const functions = new Set(model.ofType('AWS::Lambda::Function').map((fn) => model.ref(fn)));
    const queues = new Set(queuesOf(model).map((q) => q.arn));
    expect(configs.length).toBeGreaterThanOrEqual(10);
    for (const config of configs) {
      expect(functions).toContain(config.functionName);
      expect(queues).toContain(config.onFailure);
      expect(config).toMatchObject({ maximumRetryAttempts: 2, maximumEventAgeSeconds: 21_600 });
    }
  });

  it('refuses to start, naming the resource and property, when a function asks for an on-success destination', async () => {
    const { dir } = synthesizeWith(({ api }) => {
      const config = api.node.findChild('CheckUpload').node.findChild('EventInvokeConfig').node
        .defaultChild as CfnResource;
      config.addPropertyOverride('DestinationConfig.OnSuccess', {
        Destination: 'arn:aws-cn:sqs:cn-northwest-1:000000000000:done',
      });
    });
    const start = LocalPlatform.start({ assemblyDir: dir, dataDir: mkdtempSync(join(tmpdir(), 'tongban-')) });
    await expect(start).rejects.toThrow(
      /AWS::Lambda::EventInvokeConfig tongban-dev-api\/CheckUploadEventInvokeConfig.*DestinationConfig.*on-success/,
    );
  });

  it('refuses to start, naming the resource and property, when a function asks for what it cannot emulate', async () => {
    const { dir } = synthesizeWith(({ api }) => {
      const fn = api.node.findChild('Health').node.defaultChild as CfnResource;
      fn.addPropertyOverride('FileSystemConfigs', [
        {
          Arn: 'arn:aws:elasticfilesystem:cn-north-1:123456789012:access-point/fsap-0123456789abcdef0',
          LocalMountPath: '/mnt/efs',
        },
      ]);
    });
    const start = LocalPlatform.start({ assemblyDir: dir, dataDir: mkdtempSync(join(tmpdir(), 'tongban-')) });
    await expect(start).rejects.toThrow(/tongban-dev-api\/Health[0-9A-F]+.*FileSystemConfigs/);
  });

  it('refuses to start, naming the resource, when the app has a resource type it cannot emulate', async () => {
    const { dir } = synthesizeWith(({ api }) => {
      new CfnResource(api, 'Stream', { type: 'AWS::Kinesis::Stream', properties: { ShardCount: 1 } });
    });
    const start = LocalPlatform.start({ assemblyDir: dir, dataDir: mkdtempSync(join(tmpdir(), 'tongban-')) });
    await expect(start).rejects.toThrow(/AWS::Kinesis::Stream tongban-dev-api\/Stream/);
  });
});
