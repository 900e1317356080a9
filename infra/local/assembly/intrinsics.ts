import { UnsupportedTemplatePropertyError } from '../errors.ts';

export interface IntrinsicContext {
  stackName: string;
  /** Ref of a resource or parameter (pseudo parameters included). */
  ref(logicalId: string): unknown;
  getAtt(logicalId: string, attribute: string): unknown;
  importValue(exportName: string): unknown;
  condition(name: string): boolean;
  findInMap(map: string, top: string, second: string): unknown;
}

/** Marks a property to be dropped, as CloudFormation does for AWS::NoValue. */
export const NO_VALUE = Symbol('AWS::NoValue');

/**
 * Resolves CloudFormation intrinsic functions the way CloudFormation would at deploy time. `where` names the
 * resource and property, so anything unsupported stops local mode with a message that says where it is.
 */
export function resolveIntrinsics(value: unknown, ctx: IntrinsicContext, where: string): unknown {
  if (Array.isArray(value)) {
    return value.map((v, i) => resolveIntrinsics(v, ctx, `${where}[${i}]`)).filter((v) => v !== NO_VALUE);
  }
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [key, arg] = entries[0] ?? [];
  if (entries.length === 1 && key && (key === 'Ref' || key.startsWith('Fn::') || key === 'Condition')) {
    return resolveFunction(key, arg, ctx, where);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    const resolved = resolveIntrinsics(v, ctx, `${where}.${k}`);
    if (resolved !== NO_VALUE) out[k] = resolved;
  }
  return out;
}

function resolveFunction(fn: string, arg: unknown, ctx: IntrinsicContext, where: string): unknown {
  const r = (v: unknown) => resolveIntrinsics(v, ctx, where);
  switch (fn) {
    case 'Ref':
      return arg === 'AWS::NoValue' ? NO_VALUE : ctx.ref(arg as string);
    case 'Fn::GetAtt': {
      const [id, attribute] = typeof arg === 'string' ? splitOnce(arg, '.') : (arg as [string, string]);
      return ctx.getAtt(id, r(attribute) as string);
    }
    case 'Fn::Join': {
      const [separator, parts] = arg as [string, unknown];
      return (r(parts) as unknown[]).map((p) => scalar(p, where)).join(separator);
    }
    case 'Fn::Select': {
      const [index, list] = arg as [unknown, unknown];
      const items = r(list) as unknown[];
      const i = Number(r(index));
      if (!Array.isArray(items) || !(i in items)) throw unsupported(where, fn, `index ${i} out of range`);
      return items[i];
    }
    case 'Fn::Split': {
      const [separator, source] = arg as [string, unknown];
      return scalar(r(source), where).split(separator);
    }
    case 'Fn::Sub':
      return substitute(arg, ctx, where);
    case 'Fn::ImportValue':
      return ctx.importValue(scalar(r(arg), where));
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = arg as [string, unknown, unknown];
      return r(ctx.condition(condition) ? whenTrue : whenFalse);
    }
    case 'Fn::FindInMap': {
      const [map, top, second] = (arg as unknown[]).map((a) => scalar(r(a), where));
      return ctx.findInMap(map!, top!, second!);
    }
    case 'Fn::Base64':
      return Buffer.from(scalar(r(arg), where)).toString('base64');
    case 'Fn::GetAZs':
      return ['a', 'b', 'c'].map((z) => `${scalar(ctx.ref('AWS::Region'), where)}${z}`);
    case 'Fn::Equals':
    case 'Fn::And':
    case 'Fn::Or':
    case 'Fn::Not':
    case 'Condition':
      return evaluateCondition({ [fn]: arg }, ctx, where);
    default:
      throw unsupported(where, fn);
  }
}

/** Evaluates a condition expression from the template's Conditions section. */
export function evaluateCondition(expr: unknown, ctx: IntrinsicContext, where: string): boolean {
  const [fn, arg] = Object.entries(expr as object)[0] ?? [];
  const args = arg as unknown[];
  switch (fn) {
    case 'Fn::Equals':
      return (
        JSON.stringify(resolveIntrinsics(args[0], ctx, where)) ===
        JSON.stringify(resolveIntrinsics(args[1], ctx, where))
      );
    case 'Fn::And':
      return args.every((a) => evaluateCondition(a, ctx, where));
    case 'Fn::Or':
      return args.some((a) => evaluateCondition(a, ctx, where));
    case 'Fn::Not':
      return !evaluateCondition(args[0], ctx, where);
    case 'Condition':
      return ctx.condition(arg as string);
    default:
      throw unsupported(where, String(fn));
  }
}

function substitute(arg: unknown, ctx: IntrinsicContext, where: string): string {
  const [template, variables] =
    typeof arg === 'string' ? [arg, {}] : (arg as [string, Record<string, unknown>]);
  const vars = resolveIntrinsics(variables, ctx, where) as Record<string, unknown>;
  // ${!Literal} stays as ${Literal}; ${Name} and ${Resource.Attribute} are looked up.
  return template.replace(/\$\{(!?)([^}]+)\}/g, (_, literal: string, name: string) => {
    if (literal) return `\${${name}}`;
    if (name in vars) return scalar(vars[name], where);
    if (name.includes('.') && !name.startsWith('AWS::')) {
      const [id, attribute] = splitOnce(name, '.');
      return scalar(ctx.getAtt(id, attribute), where);
    }
    return scalar(ctx.ref(name), where);
  });
}

function scalar(value: unknown, where: string): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  throw unsupported(where, 'value', `expected a string, got ${JSON.stringify(value)}`);
}

function splitOnce(text: string, separator: string): [string, string] {
  const i = text.indexOf(separator);
  return [text.slice(0, i), text.slice(i + 1)];
}

function unsupported(where: string, what: string, why = 'intrinsic function not supported locally') {
  const [resource = where, ...property] = where.split('.');
  return new UnsupportedTemplatePropertyError(
    resource,
    'template value',
    property.join('.') || what,
    `${what}: ${why}`,
  );
}
