import type { LocalEngines } from '../engines.ts';
import type { LocalBus } from '../eventbridge/buses.ts';
import { awsError, LocalAwsEndpoint, type RestOperation, type RestResponse } from './endpoint.ts';

interface StateMachineInfo {
  arn: string;
  name: string;
  definition: object;
}

/** JSON protocols carry timestamps as epoch seconds. */
function epochSeconds(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(epochSeconds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, epochSeconds(v)]));
  }
  return value;
}

/** The AWS APIs functions call besides DynamoDB and S3, answered by local mode's engines. */
export function controlPlane(platform: LocalEngines, buses: LocalBus[], stateMachines: StateMachineInfo[]) {
  const sfn = () => platform.stepFunctions;
  const scheduler = () => platform.scheduler;
  // biome-ignore lint/suspicious/noExplicitAny: SDK inputs as sent; each engine validates its own
  const json: Record<string, (input: any) => unknown> = {
    'AWSEvents.PutEvents': (i) => platform.eventBridge.putEvents(i.Entries ?? []),
    'AWSEvents.StartReplay': (i) => platform.replays.start(i),
    'AWSEvents.DescribeReplay': (i) => platform.replays.describe(i),
    'AWSEvents.DescribeEventBus': (i) => {
      const name = String(i.Name ?? 'default');
      const bus = buses.find((b) => b.name === name || b.arn === name);
      if (!bus) throw awsError('ResourceNotFoundException', `Event bus ${name} does not exist.`);
      return { Name: bus.name, Arn: bus.arn };
    },
    'AWSStepFunctions.DescribeStateMachine': (i) => {
      const sm = stateMachines.find((s) => s.arn === i.stateMachineArn);
      if (!sm)
        throw awsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${i.stateMachineArn}'`);
      return {
        stateMachineArn: sm.arn,
        name: sm.name,
        status: 'ACTIVE',
        definition: JSON.stringify(sm.definition),
        type: 'STANDARD',
        roleArn: `arn:aws-cn:iam::000000000000:role/${sm.name}`,
        creationDate: 0,
      };
    },
    'AWSStepFunctions.StartExecution': async (i) => epochSeconds(await sfn().startExecution(i)),
    'AWSStepFunctions.DescribeExecution': async (i) =>
      epochSeconds(await sfn().describeExecution(i.executionArn)),
    'AWSStepFunctions.ListExecutions': async (i) => epochSeconds(await sfn().listExecutions(i)),
    // The interpreter's state-level events, not AWS's full event types: enough to see where an execution went.
    'AWSStepFunctions.GetExecutionHistory': (i) => ({
      events: sfn()
        .getExecutionHistory(i.executionArn)
        .events.map((event) => ({ ...event, timestamp: Date.parse(event.timestamp) / 1000 })),
    }),
    'AWSStepFunctions.StopExecution': async (i) => epochSeconds(await sfn().stopExecution(i)),
    'AWSStepFunctions.SendTaskSuccess': async (i) => sfn().sendTaskSuccess(i),
    'AWSStepFunctions.SendTaskFailure': async (i) => sfn().sendTaskFailure(i),
    'AWSStepFunctions.SendTaskHeartbeat': async (i) => sfn().sendTaskHeartbeat(i),
    'TrentService.GenerateMac': (i) => platform.kms.generateMac(i),
    'AmazonSQS.SendMessage': (i) => ({
      MessageId: platform.queues.send(i.QueueUrl, i.MessageBody, i.MessageAttributes),
    }),
  };

  const body = (b: Buffer) => (b.length ? JSON.parse(b.toString('utf8')) : {});
  const rest: RestOperation[] = [
    {
      method: 'POST',
      path: /^\/schedules\/([^/]+)$/,
      handle: async (m, b) => ({
        body: await scheduler().createSchedule({ ...body(b), Name: decodeURIComponent(m[1]!) }),
      }),
    },
    {
      method: 'PUT',
      path: /^\/schedules\/([^/]+)$/,
      handle: async (m, b) => ({
        body: await scheduler().updateSchedule({ ...body(b), Name: decodeURIComponent(m[1]!) }),
      }),
    },
    {
      method: 'GET',
      path: /^\/schedules\/([^/]+)$/,
      handle: async (m, _b, q) => ({
        body: epochSeconds(
          await scheduler().getSchedule({
            Name: decodeURIComponent(m[1]!),
            GroupName: q.get('groupName') ?? undefined,
          }),
        ),
      }),
    },
    {
      method: 'DELETE',
      path: /^\/schedules\/([^/]+)$/,
      handle: async (m, _b, q) => ({
        body: await scheduler().deleteSchedule({
          Name: decodeURIComponent(m[1]!),
          GroupName: q.get('groupName') ?? undefined,
        }),
      }),
    },
    {
      method: 'GET',
      path: /^\/schedules$/,
      handle: async (_m, _b, q) => ({
        body: epochSeconds(
          await scheduler().listSchedules({ GroupName: q.get('ScheduleGroup') ?? undefined }),
        ),
      }),
    },
    {
      method: 'GET',
      path: /^\/schedule-groups\/([^/]+)$/,
      handle: async (m) => ({
        body: epochSeconds(await scheduler().getScheduleGroup({ Name: decodeURIComponent(m[1]!) })),
      }),
    },
    {
      method: 'POST',
      path: /^\/2015-03-31\/functions\/([^/]+)\/invocations$/,
      handle: async (m, b, _q, headers): Promise<RestResponse> => {
        const name = decodeURIComponent(m[1]!);
        const event = b.length ? JSON.parse(b.toString('utf8')) : {};
        if (headers['x-amz-invocation-type'] === 'Event') {
          // Lambda refuses a function it does not have (ResourceNotFoundException) before it accepts the event;
          // the event then runs, is retried and reaches its on-failure destination after the answer.
          platform.functions.get(name);
          void platform.asyncInvocations.invoke(name, event).catch(() => undefined);
          return { status: 202 };
        }
        const result = await platform.functions.invoke(name, event);
        return result.ok
          ? {
              raw: Buffer.from(JSON.stringify(result.payload ?? null)),
              headers: { 'x-amz-executed-version': '$LATEST' },
            }
          : {
              raw: Buffer.from(JSON.stringify(result.error)),
              headers: { 'x-amz-function-error': 'Unhandled' },
            };
      },
    },
  ];
  return new LocalAwsEndpoint(json, rest);
}
