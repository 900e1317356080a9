import { pathToFileURL } from 'node:url';
import { App, Aws, CfnRule, Fn, Stack, Tags, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { configOf, type TongbanConfig } from './config.ts';
import { FailedInvocationsQueue } from './constructs/dead-letter-queue.ts';
import { AwsSolutionsChecks } from './constructs/nag.ts';
import { ServiceFunction } from './constructs/service-function.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { AuditStack } from './stacks/audit-stack.ts';
import { CatalogStack } from './stacks/catalog-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { EdgeStack } from './stacks/edge-stack.ts';
import { EventsStack } from './stacks/events-stack.ts';
import { ObservabilityStack } from './stacks/observability-stack.ts';
import { WebStack } from './stacks/web-stack.ts';
import { WorkflowStack } from './stacks/workflow-stack.ts';

/** Builds the whole platform into `app`; the CDK CLI, local mode and the tests all call this. */
export function buildApp(app: App): App {
  const config = configOf(app);
  const name = (part: string) => `tongban-${config.stage}-${part}`;

  const data = new DataStack(app, name('data'), { config });
  const eventing = new EventsStack(app, name('events'), {
    config,
    casesTable: data.casesTable,
    mattersTable: data.mattersTable,
  });
  const workflow = new WorkflowStack(app, name('workflow'), {
    config,
    cases: data.cases,
    matters: data.matters,
    hubBus: eventing.hubBus,
    regionBuses: eventing.regionBuses,
  });
  const api = new ApiStack(app, name('api'), {
    config,
    matters: data.matters,
    cases: data.cases,
    materialsBucket: data.materialsBucket,
    catalogBucket: data.catalogBucket,
    idHashKey: data.idHashKey,
    pagingKey: data.pagingKey,
    hubBus: eventing.hubBus,
    approvalStateMachine: workflow.approvalStateMachine,
  });
  const catalog = new CatalogStack(app, name('catalog'), {
    config,
    matters: data.matters,
    catalogBucket: data.catalogBucket,
    hubBus: eventing.hubBus,
  });
  // CloudFront's web ACL lives in us-east-1; China has no WAF for CloudFront (web-stack.ts).
  const edge = config.partition === 'aws' ? new EdgeStack(app, name('edge'), { config }) : undefined;
  const web = new WebStack(app, name('web'), {
    config,
    httpApi: api.httpApi,
    apiOrigin: api.origin,
    materialsBucket: data.materialsBucket,
    userPools: api.userPools,
  });
  if (edge) web.addStackDependency(edge, 'the web ACL of the distribution');
  new AuditStack(app, name('audit'), { config, key: data.key, materialsBucket: data.materialsBucket });
  new ObservabilityStack(app, name('observability'), {
    config,
    httpApi: api.httpApi,
    approvalStateMachine: workflow.approvalStateMachine,
    deadLetterQueues: [
      ...eventing.deadLetterQueues,
      catalog.deadLetterQueue,
      api.uploadCheckDlq,
      workflow.reminders.deadLetterQueue,
      workflow.reminders.schedulesDeadLetterQueue,
      workflow.notificationsDlq,
      workflow.handOffs.deadLetterQueue,
      workflow.departmentAnswers.deadLetterQueue,
      workflow.departmentAnswers.rejectedAnswers,
      ...(workflow.webhooks ? [workflow.webhooks.deadLetterQueue] : []),
    ],
    // Found rather than listed: a function invoked asynchronously gets its queue where it is made.
    failedInvocationQueues: app.node.findAll().filter((c) => c instanceof FailedInvocationsQueue),
    functions: functionsOf(app),
    outboxPublisher: eventing.outboxPublisher,
    tables: [data.mattersTable, data.casesTable],
  });

  for (const stack of app.node.children.filter(Stack.isStack)) deployOnlyWhereConfigured(stack, config);
  Tags.of(app).add('project', 'tongban');
  Tags.of(app).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return app;
}

/** Every function of the platform, named after its path (`tongban-dev-api/GetMatter` → `ApiGetMatter`). */
function functionsOf(app: App): Map<string, lambda.IFunction> {
  const functions = new Map<string, lambda.IFunction>();
  for (const construct of app.node.findAll()) {
    if (!(construct instanceof ServiceFunction)) continue;
    const [stack, ...path] = construct.node.path.split('/');
    const part = stack!.split('-').pop()!;
    const name = [part, ...path].map((p) => p.replace(/[^A-Za-z0-9]/g, '')).join('');
    functions.set(name.charAt(0).toUpperCase() + name.slice(1), construct);
  }
  return functions;
}

/**
 * A template for `aws-cn` refuses to deploy into `aws`, and the other way round (CloudFormation rules), and a
 * stage configured for a region deploys only there: the stacks themselves take the region of the credentials.
 */
function deployOnlyWhereConfigured(stack: Stack, config: TongbanConfig): void {
  const assertions = [
    {
      assert: Fn.conditionEquals(Aws.PARTITION, config.partition),
      assertDescription: `tongban-${config.stage} is configured for the ${config.partition} partition`,
    },
  ];
  if (config.region && stack.region !== 'us-east-1')
    assertions.push({
      assert: Fn.conditionEquals(Aws.REGION, config.region),
      assertDescription: `tongban-${config.stage} is configured for ${config.region}`,
    });
  new CfnRule(stack, 'DeployWhereConfigured', { assertions });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildApp(new App()).synth();
}
