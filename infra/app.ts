import { pathToFileURL } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { readConfig } from './config.ts';
import { AwsSolutionsChecks } from './constructs/nag.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { CatalogStack } from './stacks/catalog-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { EventsStack } from './stacks/events-stack.ts';
import { ObservabilityStack } from './stacks/observability-stack.ts';
import { WebStack } from './stacks/web-stack.ts';
import { WorkflowStack } from './stacks/workflow-stack.ts';

/** Builds the whole platform into `app`; the CDK CLI, local mode and the tests all call this. */
export function buildApp(app: App): App {
  const config = readConfig(app);
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
  new WebStack(app, name('web'), { config, httpApi: api.httpApi, userPools: api.userPools });
  new ObservabilityStack(app, name('observability'), {
    config,
    httpApi: api.httpApi,
    approvalStateMachine: workflow.approvalStateMachine,
    deadLetterQueues: [
      ...eventing.deadLetterQueues,
      catalog.deadLetterQueue,
      api.uploadCheckDlq,
      workflow.reminders.deadLetterQueue,
      workflow.notificationsDlq,
      workflow.handOffs.deadLetterQueue,
      workflow.departmentAnswers.deadLetterQueue,
      workflow.departmentAnswers.rejectedAnswers,
      ...(workflow.webhooks ? [workflow.webhooks.deadLetterQueue] : []),
    ],
  });

  Tags.of(app).add('project', 'tongban');
  Tags.of(app).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return app;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildApp(new App()).synth();
}
