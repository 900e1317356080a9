import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { canonicalIdNumber } from '../../shared/domain/id-numbers.ts';
import { LocalHttpApi } from './api/http-api.ts';
import { routesFromModel } from './api/routes.ts';
import { readCloudAssembly } from './assembly/cloud-assembly.ts';
import { type LocalAccount, TemplateModel } from './assembly/model.ts';
import { controlPlane } from './aws/control-plane.ts';
import { kmsKeysOf, LocalKms } from './aws/kms.ts';
import { LocalQueues, UNDELIVERABLE } from './aws/queues.ts';
import { PlatformClock, type PlatformClockOptions } from './clock.ts';
import { startDynamoDbLocal } from './dynamodb/engine.ts';
import { DynamoDbRecorder } from './dynamodb/recorder.ts';
import { type StreamPoller, startStreamPoller } from './dynamodb/streams.ts';
import { createTables } from './dynamodb/tables.ts';
import type { LocalEngines } from './engines.ts';
import { TargetDeliveryError } from './eventbridge/buses.ts';
import { RecordingEventBridge } from './eventbridge/event-log.ts';
import { matchesEventPattern } from './eventbridge/pattern.ts';
import { LocalReplays } from './eventbridge/replays.ts';
import { ScheduleRules } from './eventbridge/schedule-rules.ts';
import { LocalFaults } from './faults.ts';
import { LocalIssuer } from './identity/issuer.ts';
import { AsyncInvocations } from './lambda/async-invocations.ts';
import { LocalFunctions } from './lambda/runtime.ts';
import { startS3 } from './s3/engine.ts';
import { watchObjectCreated } from './s3/notifications.ts';
import { LocalScheduler } from './scheduler/scheduler.ts';
import { securityHeadersOf } from './security-headers.ts';
import { FrontServer } from './server.ts';
import { DepartmentSimulator } from './simulator/department-simulator.ts';
import type { SimulatorRule } from './simulator/rules.ts';
import { LocalStepFunctions } from './stepfunctions/index.ts';
import { TargetDispatcher } from './wiring/dispatcher.ts';
import { eventInvokeConfigs } from './wiring/event-invoke-configs.ts';
import { streamMappings } from './wiring/event-source-mappings.ts';
import { eventBusesAndRules } from './wiring/events.ts';
import { functionSpecs } from './wiring/functions.ts';
import { userPoolsOf, webRootOf } from './wiring/identity.ts';
import { queuesOf } from './wiring/queues.ts';

export interface PlatformOptions {
  /** The cloud assembly to run (cdk.out). */
  assemblyDir: string;
  /** Where state persists between runs. */
  dataDir: string;
  /** Start from empty state. */
  fresh?: boolean;
  /** Port of the web app and API; 0 picks a free one. */
  port?: number;
  log?: (line: string) => void;
  /** Run simulated department systems that answer review tasks by these rules (a hands-off demo). */
  simulateDepartments?: readonly SimulatorRule[];
  /** Where the platform clock starts (`--now`, `TONGBAN_NOW`); the system's time when absent. */
  clock?: PlatformClockOptions;
}

export const LOCAL_ACCOUNT: LocalAccount = {
  region: 'cn-northwest-1',
  account: '000000000000',
  partition: 'aws-cn',
};
export const LOCAL_CREDENTIALS = { accessKeyId: 'TONGBANLOCAL', secretAccessKey: 'tongban-local-secret' };

/**
 * The whole platform on one machine, run from the synthesized app: every table, bucket, function, route, bus,
 * rule, stream mapping and state machine comes from the templates in the cloud assembly, nothing from a
 * second hand-kept list.
 */
export class LocalPlatform implements LocalEngines {
  private readonly stops: (() => Promise<void> | void)[] = [];
  url = '';
  endpoints: Record<string, string> = {};

  private constructor(
    readonly model: TemplateModel,
    private readonly options: PlatformOptions,
  ) {}

  clock!: PlatformClock;
  functions!: LocalFunctions;
  asyncInvocations!: AsyncInvocations;
  eventBridge!: RecordingEventBridge;
  replays!: LocalReplays;
  stepFunctions!: LocalStepFunctions;
  scheduler!: LocalScheduler;
  queues!: LocalQueues;
  kms!: LocalKms;
  issuer!: LocalIssuer;
  /** The keyed hash real-name verification gives a citizen's ID number, with the platform's ID-hash key. */
  idHash?: (idNumber: string) => string;
  dynamodb!: DynamoDBClient;
  dynamodbRecorder!: DynamoDbRecorder;
  /** Local mode's fault switches (`/local/faults`), all off until someone turns one on. */
  readonly faults = new LocalFaults();
  private pollers: StreamPoller[] = [];

  static async start(options: PlatformOptions): Promise<LocalPlatform> {
    const model = new TemplateModel(readCloudAssembly(options.assemblyDir), LOCAL_ACCOUNT);
    model.validate();
    const platform = new LocalPlatform(model, options);
    try {
      await platform.boot();
    } catch (error) {
      await platform.stop();
      throw error;
    }
    return platform;
  }

  private log(line: string): void {
    (this.options.log ?? console.log)(line);
  }

  private async boot(): Promise<void> {
    const { model, options } = this;
    const data = (part: string) => {
      const dir = join(options.dataDir, part);
      mkdirSync(dir, { recursive: true });
      return dir;
    };
    if (options.fresh) rmSync(options.dataDir, { recursive: true, force: true });
    // Started first, so a clock given as an instant reads that instant when the engines come up.
    this.clock = new PlatformClock(options.clock);

    // Everything the template asks for is read and resolved before any engine starts, so a start that
    // cannot succeed fails at once and names the resource.
    const specs = functionSpecs(model);
    const { buses, rules } = eventBusesAndRules(model);
    const mappings = streamMappings(model);
    const invokeConfigs = eventInvokeConfigs(model);
    const pools = userPoolsOf(model);
    const routes = routesFromModel(model);
    const webRoot = webRootOf(model);
    const tables = model.ofType('AWS::DynamoDB::Table').map((t) => ({
      logicalId: t.logicalId,
      stackName: t.stackName,
      physicalName: model.ref(t),
      type: 'AWS::DynamoDB::Table' as const,
      properties: model.properties(t),
    }));
    // The audit archive is written by CloudTrail alone, which has no local effect: nothing local reads or
    // writes it, so local mode leaves it (and its object lock) out.
    const archives = new Set(
      model.ofType('AWS::CloudTrail::Trail').map((t) => String(model.properties(t).S3BucketName)),
    );
    const buckets = model
      .ofType('AWS::S3::Bucket')
      .filter((b) => !archives.has(model.ref(b)))
      .map((b) => ({
        name: model.ref(b),
        logicalId: b.logicalId,
        properties: model.properties(b),
      }));
    const stateMachines = model.ofType('AWS::StepFunctions::StateMachine').map((sm) => ({
      arn: model.ref(sm),
      name: String(model.getAtt(sm, 'Name')),
      definition: JSON.parse(String(model.properties(sm).DefinitionString)) as object,
    }));

    this.queues = new LocalQueues(data('queues'), queuesOf(model), (l) => this.log(l));
    const dispatcher = new TargetDispatcher(this, data('archives'));
    dispatcher.check(rules);
    this.eventBridge = new RecordingEventBridge({
      buses,
      rules,
      dispatcher,
      ...LOCAL_ACCOUNT,
      onDeadLetter: (arn, record) => dispatcher.deadLetter(arn, record),
      injectFault: (rule, _target, attempt) =>
        this.faults.failsDelivery(rule.name, attempt)
          ? new TargetDeliveryError(
              'Local mode failed this delivery (/local/faults)',
              'Local.InjectedFault',
              true,
            )
          : undefined,
    });
    this.replays = new LocalReplays(
      this.eventBridge,
      data('archives'),
      (name) =>
        `arn:${LOCAL_ACCOUNT.partition}:events:${LOCAL_ACCOUNT.region}:${LOCAL_ACCOUNT.account}:replay/${name}`,
    );

    const dynamo = await startDynamoDbLocal({ dataDir: data('dynamodb') });
    this.stops.push(() => dynamo.stop());
    const s3 = await startS3({
      dataDir: data('s3'),
      buckets,
      ...LOCAL_CREDENTIALS,
      slowDown: (method) => this.faults.slowsDownS3(method),
    });
    this.stops.push(() => s3.stop());
    const announcing = buckets
      .filter((b) => {
        const config = b.properties.NotificationConfiguration as {
          EventBridgeConfiguration?: { EventBridgeEnabled?: unknown };
        };
        return String(config?.EventBridgeConfiguration?.EventBridgeEnabled) === 'true';
      })
      .map((b) => b.name);
    this.stops.push(
      watchObjectCreated(s3.server, announcing, (entry) => this.eventBridge.putEvents([entry]), {
        partition: LOCAL_ACCOUNT.partition,
        account: LOCAL_ACCOUNT.account,
        onError: (error) => this.log(`S3 notification: ${String(error)}`),
      }),
    );
    const credentials = LOCAL_CREDENTIALS;
    this.dynamodb = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: LOCAL_ACCOUNT.region,
      credentials,
    });
    await createTables(this.dynamodb, tables);

    this.stepFunctions = new LocalStepFunctions({
      dataDir: data('stepfunctions'),
      ...LOCAL_ACCOUNT,
      clock: this.clock,
      host: {
        invokeFunction: async (arn, payload) => {
          const result = await this.functions.invoke(arn, payload);
          return result.ok
            ? { payload: result.payload }
            : { payload: result.error, functionError: result.error };
        },
        putEvents: async (entries) => this.eventBridge.putEvents(entries),
        sendSqsMessage: async (queue, body) => void this.queues.send(queue, body),
      },
    });
    // Closed before the functions (below), written out after them: see close() and flushed().
    this.stops.push(() => this.stepFunctions.flushed());
    for (const sm of stateMachines) this.stepFunctions.register(sm);

    this.kms = new LocalKms(data('kms'), kmsKeysOf(model));
    const aws = controlPlane(this, buses, stateMachines);
    const awsUrl = await aws.start();
    this.stops.push(() => aws.stop());
    this.endpoints = { dynamodb: dynamo.endpoint, s3: s3.endpoint, aws: awsUrl };

    this.dynamodbRecorder = new DynamoDbRecorder(dynamo.endpoint, this.faults);
    const recorded = await this.dynamodbRecorder.start();
    this.stops.push(() => this.dynamodbRecorder.stop());
    const logFile = join(data('logs'), 'functions.log');
    const recordedSpecs = specs.map((s) => ({
      ...s,
      environment: {
        ...s.environment,
        AWS_ENDPOINT_URL_DYNAMODB: `${recorded}/fn/${encodeURIComponent(s.name)}`,
      },
    }));
    this.functions = new LocalFunctions(recordedSpecs, {
      baseEnvironment: lambdaEnvironment(dynamo.endpoint, s3.endpoint, awsUrl),
      logSink: (line, fn) => appendFileSync(logFile, `${fn} ${line}\n`),
      clock: this.clock.buffer,
    });
    this.stops.push(() => this.functions.closeAll());
    this.asyncInvocations = new AsyncInvocations({
      invoke: (arn, event) => this.functions.invoke(arn, event),
      resolve: (arn) => this.functions.get(arn).spec,
      configs: invokeConfigs,
      send: (queue, body) => {
        if (!queue)
          this.log(`an asynchronous invocation failed and its function has no on-failure destination`);
        this.queues.send(queue ?? UNDELIVERABLE, body);
      },
    });
    // Stopping runs these in reverse: retries still waiting go to their destinations before the functions go.
    this.stops.push(() => this.asyncInvocations.close());
    // Stopping runs these in reverse: executions rest where they are before the functions their steps call go.
    this.stops.push(() => this.stepFunctions.close());

    this.pollers = mappings
      .filter((m) => m.enabled)
      .map((m) =>
        startStreamPoller({
          endpoint: dynamo.endpoint,
          region: LOCAL_ACCOUNT.region,
          credentials,
          tableName: m.tableName,
          batchSize: m.batchSize,
          startingPosition: m.startingPosition,
          maximumBatchingWindowInSeconds: m.maximumBatchingWindowInSeconds,
          filterCriteria: m.filterCriteria,
          bisectBatchOnFunctionError: m.bisectBatchOnFunctionError,
          maximumRetryAttempts: m.maximumRetryAttempts,
          checkpointFile: join(data('streams'), `${m.functionName}-${m.tableName}.json`),
          matches: matchesEventPattern,
          functionArn: m.functionName,
          deliver: async (event) => {
            const result = await this.functions.invoke(m.functionName, event);
            if (!result.ok)
              throw Object.assign(new Error(result.error.errorMessage), { name: result.error.errorType });
            return m.reportBatchItemFailures
              ? (result.payload as { batchItemFailures?: { itemIdentifier: string }[] })
              : undefined;
          },
          onFailure: async (failure) => {
            if (m.onFailureDestination) this.queues.send(m.onFailureDestination, JSON.stringify(failure));
            else this.log(`${m.path}: a batch failed and the mapping has no on-failure destination`);
          },
        }),
      );
    this.stops.push(() => Promise.all(this.pollers.map((p) => p.stop())).then(() => undefined));

    // Built last: schedules that came due while local mode was stopped fire as soon as it exists.
    this.scheduler = new LocalScheduler({
      dataDir: data('scheduler'),
      ...LOCAL_ACCOUNT,
      clock: this.clock,
      host: {
        // Scheduler invokes a function asynchronously: Lambda retries a failing handler, then its destination.
        invokeFunction: (arn, payload) => this.asyncInvocations.invoke(arn, payload),
        putEvents: async (entries) => this.eventBridge.putEvents(entries),
        startExecution: (arn, input) => this.stepFunctions.startExecution({ stateMachineArn: arn, input }),
        sendSqsMessage: async (queue, body) => void this.queues.send(queue, body),
      },
    });
    this.stops.push(() => this.scheduler.close());
    const scheduleRules = new ScheduleRules({
      rules,
      clock: this.clock,
      fire: (rule, time) => this.eventBridge.fireScheduledRule(rule.arn, time),
    });
    this.stops.push(() => scheduleRules.close());
    // Workflows that were running when local mode last stopped go on where they were, now that everything their
    // steps call is up.
    const { resumed, failed } = this.stepFunctions.resumeInterrupted();
    if (resumed + failed > 0) {
      this.log(
        `workflows: ${resumed} running executions taken up where they were` +
          (failed ? `; ${failed} failed, their state machine or state no longer in the app` : ''),
      );
    }

    // Real-name verification sets `custom:idHash` with the key the functions hash ID numbers with, so a case a
    // window took in by the number is the citizen's when they sign in.
    const idHashKey = specs.map((s) => s.environment.ID_HASH_KEY_ID).find(Boolean);
    if (!idHashKey)
      this.log("no function hashes ID numbers (ID_HASH_KEY_ID): citizens' tokens carry no idHash");
    this.idHash = idHashKey
      ? (idNumber) => this.kms.mac(idHashKey, Buffer.from(canonicalIdNumber(idNumber))).toString('base64url')
      : undefined;
    this.issuer = await LocalIssuer.open(data('identity'), pools, this.idHash);
    const api = routes.length
      ? new LocalHttpApi({
          routes,
          invoke: (arn, event) => this.functions.invoke(arn, event),
          issuer: this.issuer,
          apiId: model.ref(model.ofType('AWS::ApiGatewayV2::Api')[0]!),
          account: LOCAL_ACCOUNT.account,
          log: (l) => this.log(l),
        })
      : undefined;
    const server = new FrontServer({
      api,
      issuer: this.issuer,
      webRoot,
      events: this.eventBridge,
      dynamodb: this.dynamodbRecorder,
      fastForward: { scheduler: this.scheduler, stepFunctions: this.stepFunctions },
      faults: this.faults,
      clock: { clock: this.clock, handedOver: () => this.scheduler.whenDelivered() },
      idle: () => this.idle(),
      log: (l) => this.log(l),
      securityHeaders: securityHeadersOf(model, this.endpoints.s3 ?? ''),
    });
    this.url = await server.start(options.port ?? 3000);
    this.stops.push(() => server.stop());
    // Stopping runs these in reverse: the buses stop retrying first, before the functions they retry go away.
    this.stops.push(() => this.eventBridge.close());
    if (options.simulateDepartments) {
      const simulator = new DepartmentSimulator({
        bridge: this.eventBridge,
        client: new EventBridgeClient({ ...LOCAL_ACCOUNT, credentials: LOCAL_CREDENTIALS, endpoint: awsUrl }),
        rules: options.simulateDepartments,
        hubBus: hubBusOf(model),
        log: (l) => this.log(l),
        now: () => this.clock.now(),
      });
      simulator.start();
      this.stops.push(() => simulator.stop());
    }
  }

  /** Resolves when every schedule, event, stream record and workflow step already started has been handled. */
  async idle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await this.scheduler.whenDelivered();
      await this.asyncInvocations.whenIdle();
      await Promise.all(this.pollers.map((p) => p.whenDrained()));
      await this.eventBridge.whenIdle();
      await this.stepFunctions.whenIdle();
    }
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        this.log(`while stopping: ${(error as Error).message}`);
      }
    }
    this.stops.length = 0;
  }
}

/** What every local function sees besides its own environment: where the engines are, and credentials. */
function lambdaEnvironment(dynamodb: string, s3: string, aws: string): Record<string, string> {
  return {
    AWS_REGION: LOCAL_ACCOUNT.region,
    AWS_DEFAULT_REGION: LOCAL_ACCOUNT.region,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    // AWS_ENDPOINT_URL_DYNAMODB is set per function: each goes through the recorder under its own path.
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamodb,
    AWS_ENDPOINT_URL_S3: s3,
    AWS_ENDPOINT_URL_EVENTBRIDGE: aws,
    AWS_ENDPOINT_URL_SFN: aws,
    AWS_ENDPOINT_URL_SCHEDULER: aws,
    AWS_ENDPOINT_URL_LAMBDA: aws,
    AWS_ENDPOINT_URL_SQS: aws,
    AWS_ENDPOINT_URL_KMS: aws,
    AWS_EC2_METADATA_DISABLED: 'true',
    // No X-Ray daemon here: the Tracer does nothing, and the X-Ray SDK in manual mode enables no async hook,
    // which would otherwise slow every promise of every non-HTTP function (shared/adapters/event-handler.ts).
    AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR',
    AWS_XRAY_MANUAL_MODE: 'true',
    POWERTOOLS_TRACE_ENABLED: 'false',
    PATH: process.env.PATH ?? '/usr/bin:/bin',
  };
}

/** The hub's name: the one bus with an archive (the events stack archives the hub alone). */
function hubBusOf(model: TemplateModel): string {
  const archive = model.ofType('AWS::Events::Archive')[0];
  return archive ? String(model.properties(archive).SourceArn).split('/').pop()! : 'default';
}
