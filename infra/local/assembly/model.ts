import { UnsupportedTemplatePropertyError } from '../errors.ts';
import type { AssemblyStack, CfnResource } from './cloud-assembly.ts';
import { evaluateCondition, type IntrinsicContext, resolveIntrinsics } from './intrinsics.ts';
import { type Physical, RESOURCE_TYPES } from './resource-types.ts';

export interface LocalAccount {
  region: string;
  account: string;
  partition: string;
}

export interface ModelResource {
  stackName: string;
  logicalId: string;
  type: string;
  /** `stack/logicalId`, how errors name it. */
  path: string;
  physical: Physical;
  raw: CfnResource;
}

/**
 * The synthesized app as local mode sees it: every resource of every stack, with its physical name and its
 * properties resolved the way CloudFormation would resolve them at deploy time.
 */
export class TemplateModel {
  private readonly byStack = new Map<string, AssemblyStack>();
  private readonly resolved = new Map<string, Record<string, unknown>>();
  private readonly resolving = new Set<string>();

  constructor(
    readonly stacks: AssemblyStack[],
    readonly account: LocalAccount,
  ) {
    for (const stack of stacks) this.byStack.set(stack.name, stack);
  }

  /** Stops local mode, naming the resource, for anything it cannot run as AWS would. */
  validate(): void {
    for (const r of this.all()) {
      const type = RESOURCE_TYPES[r.type];
      if (!type) {
        throw new UnsupportedTemplatePropertyError(
          r.path,
          r.type,
          'Type',
          'local mode has no emulation for this resource type',
        );
      }
      if (type.mode !== 'emulated' || !type.properties) continue;
      for (const property of Object.keys(r.raw.Properties ?? {})) {
        if (!type.properties.includes(property))
          throw new UnsupportedTemplatePropertyError(r.path, r.type, property);
      }
    }
  }

  all(): ModelResource[] {
    return this.stacks.flatMap((stack) =>
      Object.entries(stack.template.Resources)
        .filter(([, raw]) => !raw.Condition || this.condition(stack.name, raw.Condition))
        .map(([logicalId]) => this.resource(stack.name, logicalId)),
    );
  }

  ofType(type: string): ModelResource[] {
    return this.all().filter((r) => r.type === type);
  }

  stack(name: string): AssemblyStack {
    const stack = this.byStack.get(name);
    if (!stack) throw new Error(`no stack ${name} in the cloud assembly`);
    return stack;
  }

  resource(stackName: string, logicalId: string): ModelResource {
    const raw = this.stack(stackName).template.Resources[logicalId];
    if (!raw) throw new Error(`${stackName}: no resource ${logicalId}`);
    const nameProperty = RESOURCE_TYPES[raw.Type]?.nameProperty;
    const path = `${stackName}/${logicalId}`;
    const givenName =
      nameProperty && raw.Properties?.[nameProperty] !== undefined
        ? String(
            resolveIntrinsics(
              raw.Properties[nameProperty],
              this.context(stackName),
              `${path}.${nameProperty}`,
            ),
          )
        : undefined;
    return {
      stackName,
      logicalId,
      type: raw.Type,
      path,
      raw,
      physical: { stackName, logicalId, givenName, ...this.account },
    };
  }

  /** The resource's properties with every intrinsic function resolved. */
  properties(r: ModelResource): Record<string, unknown> {
    const cached = this.resolved.get(r.path);
    if (cached) return cached;
    if (this.resolving.has(r.path)) throw new Error(`circular reference while resolving ${r.path}`);
    this.resolving.add(r.path);
    try {
      const props = resolveIntrinsics(r.raw.Properties ?? {}, this.context(r.stackName), r.path) as Record<
        string,
        unknown
      >;
      this.resolved.set(r.path, props);
      return props;
    } finally {
      this.resolving.delete(r.path);
    }
  }

  ref(r: ModelResource): string {
    return this.typeOf(r).ref(r.physical);
  }

  getAtt(r: ModelResource, attribute: string): unknown {
    const getter = this.typeOf(r).attributes?.[attribute];
    if (!getter) throw new UnsupportedTemplatePropertyError(r.path, r.type, `Fn::GetAtt ${attribute}`);
    return getter(r.physical);
  }

  /** Finds a resource of the given type whose Ref or Arn equals `value` (e.g. a function by its ARN). */
  findByRefOrArn(type: string, value: string): ModelResource | undefined {
    return this.ofType(type).find((r) => {
      if (this.ref(r) === value) return true;
      const arn = this.typeOf(r).attributes?.Arn;
      return arn !== undefined && arn(r.physical) === value;
    });
  }

  private typeOf(r: ModelResource) {
    const type = RESOURCE_TYPES[r.type];
    if (!type) throw new UnsupportedTemplatePropertyError(r.path, r.type, 'Type');
    return type;
  }

  private condition(stackName: string, name: string): boolean {
    const expr = this.stack(stackName).template.Conditions?.[name];
    if (expr === undefined) throw new Error(`${stackName}: no condition ${name}`);
    return evaluateCondition(expr, this.context(stackName), `${stackName}/Conditions/${name}`);
  }

  private context(stackName: string): IntrinsicContext {
    const template = this.stack(stackName).template;
    const pseudo: Record<string, string> = {
      'AWS::Region': this.account.region,
      'AWS::AccountId': this.account.account,
      'AWS::Partition': this.account.partition,
      'AWS::URLSuffix': this.account.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com',
      'AWS::StackName': stackName,
      'AWS::StackId': `arn:${this.account.partition}:cloudformation:${this.account.region}:${this.account.account}:stack/${stackName}/local`,
    };
    return {
      stackName,
      ref: (id) => {
        if (id in pseudo) return pseudo[id];
        if (template.Parameters?.[id]) return template.Parameters[id].Default;
        return this.ref(this.resource(stackName, id));
      },
      getAtt: (id, attribute) => this.getAtt(this.resource(stackName, id), attribute),
      importValue: (name) => this.importValue(name),
      condition: (name) => this.condition(stackName, name),
      findInMap: (map, top, second) => {
        const value = template.Mappings?.[map]?.[top]?.[second];
        if (value === undefined)
          throw new Error(`${stackName}: Fn::FindInMap ${map}.${top}.${second} has no value`);
        return value;
      },
    };
  }

  private importValue(name: string): unknown {
    for (const stack of this.stacks) {
      for (const [id, output] of Object.entries(stack.template.Outputs ?? {})) {
        if (!output.Export) continue;
        const ctx = this.context(stack.name);
        if (resolveIntrinsics(output.Export.Name, ctx, `${stack.name}/Outputs/${id}`) === name) {
          return resolveIntrinsics(output.Value, ctx, `${stack.name}/Outputs/${id}`);
        }
      }
    }
    throw new Error(`Fn::ImportValue: no stack exports ${name}`);
  }
}
