import { asList, flatten } from './templates.ts';

interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
}

/** A synthesized stack: its name and template (a CloudAssembly's stacks are these). */
export interface StackTemplate {
  stackName: string;
  template: { Resources?: Record<string, Resource>; Outputs?: Record<string, unknown> };
}

/** A resource of the app, by its stack and logical id. */
export interface ResourceRef {
  stack: string;
  id: string;
}

/** How a function is invoked asynchronously, for messages. */
export interface AsyncInvoked extends ResourceRef {
  by: string[];
}

/** A function invoked asynchronously and what Lambda does with the events its handler fails. */
export interface AsyncFunction extends AsyncInvoked {
  config?: Record<string, unknown>;
  /** The queue of its on-failure destination, when it is a queue of the app. */
  queue?: ResourceRef & { props: Record<string, unknown> };
}

// Services that invoke a function asynchronously when a resource policy lets them (S3 and SNS notifications,
// EventBridge rules). EventBridge Scheduler invokes with a role of its own instead, found below.
const ASYNC_PRINCIPALS = ['events.amazonaws.com', 's3.amazonaws.com', 'sns.amazonaws.com'];

const key = (r: ResourceRef) => `${r.stack}/${r.id}`;

/**
 * Every Lambda function of the app that something invokes asynchronously, derived from the templates alone: the
 * Lambda targets of EventBridge rules, the functions a role EventBridge Scheduler assumes may invoke (and the
 * targets of schedules in a template), and the functions whose resource policy admits EventBridge, S3 or SNS.
 * Each comes with its AWS::Lambda::EventInvokeConfig and the queue its on-failure destination names.
 */
export function asyncInvokedFunctions(stacks: readonly StackTemplate[]): AsyncFunction[] {
  const byName = new Map(stacks.map((s) => [s.stackName, s.template]));
  const resourcesOf = (stack: string) => Object.entries(byName.get(stack)?.Resources ?? {});
  const exported = new Map<string, { stack: string; value: unknown }>();
  for (const { stackName, template } of stacks) {
    for (const output of Object.values(template.Outputs ?? {}) as {
      Value: unknown;
      Export?: { Name: string };
    }[])
      if (output.Export) exported.set(output.Export.Name, { stack: stackName, value: output.Value });
  }
  /** The resource of a type a value stands for (`Ref`, `Fn::GetAtt`, through an export), if any. */
  const resolve = (stack: string, value: unknown, type: string): ResourceRef | undefined => {
    const v = value as Record<string, unknown> | undefined;
    if (v && typeof v === 'object' && 'Fn::ImportValue' in v) {
      const out = exported.get(String(v['Fn::ImportValue']));
      return out ? resolve(out.stack, out.value, type) : undefined;
    }
    const id = /^\$\{([^}.]+)(\.[^}]+)?\}$/.exec(flatten(value))?.[1];
    const resource = id ? byName.get(stack)?.Resources?.[id] : undefined;
    return resource?.Type === type ? { stack, id: id! } : undefined;
  };

  const found = new Map<string, AsyncInvoked>();
  const note = (fn: ResourceRef | undefined, by: string) => {
    if (!fn) return;
    const entry = found.get(key(fn)) ?? { ...fn, by: [] };
    if (!entry.by.includes(by)) entry.by.push(by);
    found.set(key(fn), entry);
  };
  const FUNCTION = 'AWS::Lambda::Function';

  for (const { stackName: stack } of stacks) {
    const resources = resourcesOf(stack);
    const schedulerRoles = new Set(
      resources
        .filter(([, r]) => r.Type === 'AWS::IAM::Role')
        .filter(([, r]) =>
          flatten(r.Properties?.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
        )
        .map(([id]) => id),
    );
    for (const [id, r] of resources) {
      const props = r.Properties ?? {};
      if (r.Type === 'AWS::Events::Rule') {
        for (const target of asList(props.Targets as { Arn: unknown }[]))
          note(resolve(stack, target.Arn, FUNCTION), `rule ${id}`);
      }
      if (r.Type === 'AWS::Scheduler::Schedule') {
        note(resolve(stack, (props.Target as { Arn: unknown }).Arn, FUNCTION), `schedule ${id}`);
      }
      if (r.Type === 'AWS::Lambda::Permission' && ASYNC_PRINCIPALS.includes(String(props.Principal))) {
        note(resolve(stack, props.FunctionName, FUNCTION), `${props.Principal} (permission ${id})`);
      }
      if (r.Type === 'AWS::IAM::Policy') {
        const roles = asList(props.Roles).map((role) => /^\$\{([^}.]+)\}$/.exec(flatten(role))?.[1]);
        if (!roles.some((role) => role && schedulerRoles.has(role))) continue;
        const statements = asList(
          (props.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement,
        );
        for (const statement of statements) {
          if (!asList(statement.Action as string[]).includes('lambda:InvokeFunction')) continue;
          for (const resource of asList(statement.Resource)) {
            // A function's ARN, or its ARN with a qualifier (`<arn>:*`), as CDK grants invoking it.
            const joined = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
            note(
              resolve(stack, joined ? joined[1][0] : resource, FUNCTION),
              `EventBridge Scheduler (policy ${id})`,
            );
          }
        }
      }
    }
  }

  return [...found.values()].map((fn) => {
    const configs = resourcesOf(fn.stack).filter(
      ([, r]) =>
        r.Type === 'AWS::Lambda::EventInvokeConfig' &&
        resolve(fn.stack, r.Properties?.FunctionName, FUNCTION)?.id === fn.id,
    );
    const config = configs[0]?.[1].Properties;
    const destination = (config?.DestinationConfig as { OnFailure?: { Destination?: unknown } } | undefined)
      ?.OnFailure?.Destination;
    const queue = destination === undefined ? undefined : resolve(fn.stack, destination, 'AWS::SQS::Queue');
    return {
      ...fn,
      config,
      queue: queue && { ...queue, props: byName.get(queue.stack)!.Resources![queue.id]!.Properties ?? {} },
    };
  });
}

/** What is wrong with how each function invoked asynchronously keeps the events its handler fails. */
export function droppedOnFailure(functions: readonly AsyncFunction[]): string[] {
  return functions.flatMap((fn) => {
    const name = `${key(fn)} (invoked by ${fn.by.join(', ')})`;
    if (!fn.config)
      return [`${name} has no EventInvokeConfig: Lambda drops what it still fails after 2 retries`];
    if (!fn.queue) return [`${name} has no on-failure destination that is a queue of the app`];
    return [];
  });
}
