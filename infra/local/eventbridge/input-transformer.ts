// A rule target's input, as EventBridge makes it from the event: Input, InputPath or InputTransformer (its
// predefined variables, its template quoting), with the JSONPath subset EventBridge supports.

/** What of a target says how its input is made. */
export interface InputTarget {
  id: string;
  input?: string;
  inputPath?: string;
  inputTransformer?: { inputPathsMap?: Record<string, string>; inputTemplate: string };
}

export interface InputRule {
  name: string;
  arn: string;
}

/** Renders a target's input from an event and its ingestion time (ISO, seconds). */
export type RenderInput = (event: { detail: unknown }, ingestionTime: string) => string;

const PREDEFINED_VARIABLES = new Set([
  'aws.events.rule-arn',
  'aws.events.rule-name',
  'aws.events.event',
  'aws.events.event.json',
  'aws.events.event.ingestion-time',
]);

/**
 * How a target's input is made from the event: Input as written, InputPath's selection, InputTransformer's
 * template, or else the whole event. Throws, naming the target, for a configuration EventBridge would refuse.
 */
export function compileTargetInput(rule: InputRule, target: InputTarget): RenderInput {
  const where = `Target ${target.id} of rule ${rule.name}`;
  const modes = [target.input, target.inputPath, target.inputTransformer].filter(
    (mode) => mode !== undefined,
  );
  if (modes.length > 1) {
    throw new Error(`${where} sets more than one of Input, InputPath and InputTransformer`);
  }
  const { input, inputPath, inputTransformer } = target;
  if (input !== undefined) return () => input;
  if (inputPath !== undefined) {
    const steps = parseJsonPath(inputPath, where);
    return (event) => JSON.stringify(selectPath(steps, event) ?? null);
  }
  if (inputTransformer) return compileTransformer(rule, inputTransformer, where);
  return (event) => JSON.stringify(event);
}

function compileTransformer(
  rule: InputRule,
  transformer: NonNullable<InputTarget['inputTransformer']>,
  where: string,
): RenderInput {
  const paths = Object.entries(transformer.inputPathsMap ?? {}).map(([name, path]) => {
    if (PREDEFINED_VARIABLES.has(name)) {
      throw new Error(`${where}: ${name} is a reserved input transformer variable`);
    }
    return [name, parseJsonPath(path, where)] as const;
  });
  return (event, ingestionTime) => {
    const { detail: _detail, ...eventWithoutDetail } = event;
    const variables = new Map<string, unknown>([
      ['aws.events.rule-arn', rule.arn],
      ['aws.events.rule-name', rule.name],
      ['aws.events.event', eventWithoutDetail],
      ['aws.events.event.json', event],
      ['aws.events.event.ingestion-time', ingestionTime],
    ]);
    for (const [name, steps] of paths) variables.set(name, selectPath(steps, event));
    return renderTemplate(transformer.inputTemplate, variables);
  };
}

// Inside a quoted template string a string value goes in raw (EventBridge does not escape values taken by
// InputPathsMap); outside quotes every value is written as JSON. A path that resolves to nothing yields an
// empty string inside quotes and null elsewhere, so a JSON template stays valid JSON.
function renderTemplate(template: string, variables: Map<string, unknown>): string {
  let output = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const char = template[i] as string;
    if (char === '"' && !isEscaped(template, i)) inString = !inString;
    const close = char === '<' ? template.indexOf('>', i + 1) : -1;
    const name = close > i ? template.slice(i + 1, close) : undefined;
    if (name !== undefined && variables.has(name)) {
      output += substitute(variables.get(name), inString);
      i = close;
    } else {
      output += char;
    }
  }
  return minifyIfJson(output);
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function substitute(value: unknown, inString: boolean): string {
  if (value === undefined) return inString ? '' : 'null';
  return inString && typeof value === 'string' ? value : JSON.stringify(value);
}

// EventBridge passes JSON output to targets minified; anything else goes through as written.
function minifyIfJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

// ---- JSONPath, in the subset EventBridge supports: $, .name, ['name'], [index] and * wildcards ----

type PathStep = { field: string } | { index: number } | { wildcard: true };

function parseJsonPath(path: string, where: string): PathStep[] {
  const invalid = () => new Error(`${where}: ${JSON.stringify(path)} is not a JSONPath EventBridge supports`);
  if (!path.startsWith('$')) throw invalid();
  const steps: PathStep[] = [];
  let i = 1;
  while (i < path.length) {
    if (path[i] === '.') {
      const name = /^[^.[\]]+/.exec(path.slice(i + 1))?.[0];
      if (!name) throw invalid();
      steps.push(name === '*' ? { wildcard: true } : { field: name });
      i += 1 + name.length;
    } else if (path[i] === '[') {
      const close = path.indexOf(']', i);
      const inner = close < 0 ? '' : path.slice(i + 1, close);
      if (inner === '*') steps.push({ wildcard: true });
      else if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else if (/^'[^']*'$|^"[^"]*"$/.test(inner)) steps.push({ field: inner.slice(1, -1) });
      else throw invalid();
      i = close + 1;
    } else {
      throw invalid();
    }
  }
  return steps;
}

// A path with a wildcard selects a list; any other path selects one value, or undefined when it is absent.
function selectPath(steps: PathStep[], root: unknown): unknown {
  let nodes: unknown[] = [root];
  let many = false;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const node of nodes) {
      if ('wildcard' in step) {
        many = true;
        if (typeof node === 'object' && node !== null) next.push(...Object.values(node));
      } else if ('index' in step) {
        if (Array.isArray(node) && step.index < node.length) next.push(node[step.index]);
      } else if (
        typeof node === 'object' &&
        node !== null &&
        !Array.isArray(node) &&
        Object.hasOwn(node, step.field)
      ) {
        next.push((node as Record<string, unknown>)[step.field]);
      }
    }
    nodes = next;
  }
  return many ? nodes : nodes[0];
}
