import { type CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';

/** A resource of a synthesized template; `P` describes the few properties a test looks at. */
export interface Resource<P> {
  id: string;
  props: P;
}

/** The resources of one type, with their logical ids. */
export function resources<P = Record<string, unknown>>(template: Template, type: string): Resource<P>[] {
  return Object.entries(template.findResources(type)).map(([id, resource]) => ({
    id,
    props: (resource as { Properties?: P }).Properties ?? ({} as P),
  }));
}

/** The logical id of the only resource of a type whose properties contain `props`. */
export function onlyId(template: Template, type: string, props: Record<string, unknown> = {}): string {
  const ids = Object.keys(template.findResources(type, { Properties: props }));
  if (ids.length !== 1)
    throw new Error(`expected one ${type} like ${JSON.stringify(props)}, found ${ids.length}`);
  return ids[0]!;
}

/**
 * A CloudFormation value as one string: `Fn::Join` is joined and references become `${Id}`, `${Id.Attr}` or
 * `${import:Name}`, so a definition built from tokens (a state machine's) can be parsed and read.
 */
export function flatten(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (Array.isArray(value)) return value.map(flatten).join(',');
  const object = (value ?? {}) as Record<string, unknown>;
  if ('Ref' in object) return `\${${flatten(object.Ref)}}`;
  if ('Fn::GetAtt' in object) return `\${${(object['Fn::GetAtt'] as string[]).join('.')}}`;
  if ('Fn::ImportValue' in object) return `\${import:${flatten(object['Fn::ImportValue'])}}`;
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map(flatten).join(separator);
  }
  if ('Fn::Sub' in object) return flatten(object['Fn::Sub']);
  return JSON.stringify(object);
}

/** `[value]` for a single value, the array itself otherwise (IAM's Action and Resource take both). */
export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The logical id CDK gives the CloudFormation resource behind an L2 construct. */
export function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}
