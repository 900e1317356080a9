// The EventBridge event-pattern language. Semantics follow the EventBridge user guide ("Event patterns",
// "Comparison operators", "Matching on multiple values") and, where the guide is silent, the behaviour of
// aws/event-ruler, the engine EventBridge runs: local rules must route exactly as deployed rules do.

type Scalar = string | number | boolean | null;
type ValueTest = (value: Scalar) => boolean;
type StringTest = (value: string) => boolean;
type JsonObject = Record<string, unknown>;

interface LeafNode {
  kind: 'leaf';
  tests: ValueTest[];
  // Only {"exists": false} matches a field that has no leaf value.
  matchesAbsent: boolean;
}

interface ObjectNode {
  kind: 'object';
  fields: [string, LeafNode | ObjectNode][];
  // Each entry is one $or: at least one of its alternatives must match the same object.
  alternatives: ObjectNode[][];
}

export interface CompiledEventPattern {
  matches(event: unknown): boolean;
}

export class InvalidEventPatternError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'InvalidEventPatternError';
  }
}

// AWS documents numeric matching as limited to -5.0e9..+5.0e9 inclusive.
const NUMERIC_LIMIT = 5e9;
const OPERATORS = new Set([
  'prefix',
  'suffix',
  'equals-ignore-case',
  'wildcard',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
]);
const ABSENT = Symbol('absent');
const EMPTY_OBJECT: JsonObject = {};
const CACHE_LIMIT = 1000;
const cache = new Map<string, CompiledEventPattern>();

/** Accepts the pattern as an object (CloudFormation) or a JSON string (EventBridge API). */
export function compileEventPattern(pattern: unknown): CompiledEventPattern {
  const root = typeof pattern === 'string' ? parsePatternJson(pattern) : pattern;
  if (!isObject(root)) fail('', 'an event pattern must be a JSON object');
  const node = compileObject(root, '', false);
  return { matches: (event) => matchObject(node, isObject(event) ? event : EMPTY_OBJECT) };
}

export function validateEventPattern(pattern: unknown): void {
  compileEventPattern(pattern);
}

export function matchesEventPattern(pattern: unknown, event: unknown): boolean {
  const key = typeof pattern === 'string' ? pattern : String(JSON.stringify(pattern));
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compileEventPattern(pattern);
    // Patterns come from a fixed set of rules; the bound only guards tooling that feeds arbitrary ones.
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, compiled);
  }
  return compiled.matches(event);
}

function parsePatternJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fail('', 'the event pattern is not valid JSON');
  }
}

function fail(path: string, reason: string): never {
  throw new InvalidEventPatternError(path || '(root)', reason);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

// ---- compilation ----

function compileObject(raw: JsonObject, path: string, insideOr: boolean): ObjectNode {
  const node: ObjectNode = { kind: 'object', fields: [], alternatives: [] };
  const entries = Object.entries(raw);
  if (entries.length === 0) fail(path, 'empty objects are not allowed');
  for (const [key, value] of entries) {
    const fieldPath = path ? `${path}.${key}` : key;
    if (key === '$or') {
      node.alternatives.push(compileOr(value, fieldPath));
    } else if (insideOr && OPERATORS.has(key)) {
      fail(fieldPath, `"${key}" is an operator name and cannot be a field name inside $or`);
    } else if (Array.isArray(value)) {
      node.fields.push([key, compileLeaf(value, fieldPath)]);
    } else if (isObject(value)) {
      node.fields.push([key, compileObject(value, fieldPath, insideOr)]);
    } else {
      fail(fieldPath, 'must be an object or an array of match values');
    }
  }
  return node;
}

function compileOr(value: unknown, path: string): ObjectNode[] {
  if (!Array.isArray(value)) fail(path, '$or must be an array of sub-patterns');
  if (value.length < 2) fail(path, '$or needs at least 2 sub-patterns');
  return value.map((alternative, index) => {
    const alternativePath = `${path}[${index}]`;
    if (!isObject(alternative)) fail(alternativePath, 'each $or sub-pattern must be an object');
    return compileObject(alternative, alternativePath, true);
  });
}

function compileLeaf(values: unknown[], path: string): LeafNode {
  if (values.length === 0) fail(path, 'empty arrays are not allowed');
  const leaf: LeafNode = { kind: 'leaf', tests: [], matchesAbsent: false };
  for (const value of values) {
    if (isObject(value)) {
      const test = compileOperator(value, path);
      if (test === ABSENT) leaf.matchesAbsent = true;
      else leaf.tests.push(test);
    } else if (isScalar(value)) {
      leaf.tests.push(exactTest(value));
    } else {
      fail(path, 'match values must be strings, numbers, booleans, null or operator objects');
    }
  }
  return leaf;
}

function compileOperator(expression: JsonObject, path: string): ValueTest | typeof ABSENT {
  const keys = Object.keys(expression);
  if (keys.length !== 1) fail(path, 'a match expression must have exactly one operator');
  const operator = keys[0] as string;
  const operand = expression[operator];
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return onStrings(affixTest(operator, operand, path));
    case 'equals-ignore-case':
    case 'wildcard':
      return onStrings(stringTest(operator, requireString(operand, operator, path), path));
    case 'anything-but':
      return anythingButTest(operand, path);
    case 'numeric':
      return numericTest(operand, path);
    case 'exists':
      if (typeof operand !== 'boolean') fail(path, 'exists must be true or false');
      return operand ? () => true : ABSENT;
    case 'cidr':
      return cidrTest(requireString(operand, operator, path), path);
    default:
      return fail(path, `unrecognized match type "${operator}"`);
  }
}

function requireString(operand: unknown, operator: string, path: string): string {
  if (typeof operand !== 'string') fail(path, `${operator} must be a string`);
  return operand;
}

function onStrings(test: StringTest): ValueTest {
  return (value) => typeof value === 'string' && test(value);
}

// prefix and suffix take a string, or {"equals-ignore-case": string} to ignore case.
function affixTest(operator: 'prefix' | 'suffix', operand: unknown, path: string): StringTest {
  if (typeof operand === 'string') return stringTest(operator, operand, path);
  const keys = isObject(operand) ? Object.keys(operand) : [];
  if (keys.length !== 1 || keys[0] !== 'equals-ignore-case') {
    fail(path, `${operator} must be a string or {"equals-ignore-case": string}`);
  }
  const affix = fold(
    requireString((operand as JsonObject)['equals-ignore-case'], 'equals-ignore-case', path),
  );
  return operator === 'prefix'
    ? (value) => fold(value).startsWith(affix)
    : (value) => fold(value).endsWith(affix);
}

function stringTest(operator: string, operand: string, path: string): StringTest {
  switch (operator) {
    case 'prefix':
      return (value) => value.startsWith(operand);
    case 'suffix':
      return (value) => value.endsWith(operand);
    case 'equals-ignore-case': {
      const folded = fold(operand);
      return (value) => fold(value) === folded;
    }
    default:
      return wildcardTest(operand, path);
  }
}

function fold(value: string): string {
  return value.toLowerCase();
}

// `*` matches any run of characters; `\*` and `\\` are the only escapes, and `**` is rejected, as in AWS.
function wildcardTest(pattern: string, path: string): StringTest {
  const parts = [''];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*') {
      if (pattern[i + 1] === '*') fail(path, `wildcard has consecutive "*" at position ${i}`);
      parts.push('');
    } else if (char === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\') fail(path, `wildcard has an invalid escape at position ${i}`);
      parts[parts.length - 1] += next;
      i++;
    } else {
      parts[parts.length - 1] += char;
    }
  }
  const first = parts[0] as string;
  if (parts.length === 1) return (value) => value === first;
  const last = parts[parts.length - 1] as string;
  const middle = parts.slice(1, -1);
  // Taking the leftmost occurrence of each literal run is enough when `*` is the only metacharacter.
  return (value) => {
    if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last)) {
      return false;
    }
    const end = value.length - last.length;
    let position = first.length;
    for (const literal of middle) {
      const found = value.indexOf(literal, position);
      if (found < 0 || found + literal.length > end) return false;
      position = found + literal.length;
    }
    return true;
  };
}

function exactTest(expected: Scalar): ValueTest {
  // event-ruler compares IP literals as addresses, so "2001:db8::1" also matches "2001:0db8:0:0:0:0:0:1".
  const ip = typeof expected === 'string' ? parseIp(expected) : undefined;
  if (ip) {
    return (value) => value === expected || (typeof value === 'string' && sameIp(parseIp(value), ip));
  }
  // Strict equality keeps JSON types apart ("5" is not 5) while 5 and 5.0 are the same JS number.
  return (value) => value === expected;
}

// anything-but matches any present leaf value the inner matcher rejects, whatever its JSON type;
// a missing field never matches.
function anythingButTest(operand: unknown, path: string): ValueTest {
  if (typeof operand === 'string') return (value) => value !== operand;
  if (typeof operand === 'number') {
    const excluded = checkedNumber(operand, path);
    return (value) => value !== excluded;
  }
  if (Array.isArray(operand)) {
    const allStrings = operand.every((item) => typeof item === 'string');
    const allNumbers = operand.every((item) => typeof item === 'number');
    if (operand.length === 0 || !(allStrings || allNumbers)) {
      fail(path, 'an anything-but list must hold only strings or only numbers');
    }
    if (allNumbers) for (const item of operand) checkedNumber(item, path);
    const excluded = new Set<unknown>(operand);
    return (value) => !excluded.has(value);
  }
  if (isObject(operand)) {
    const keys = Object.keys(operand);
    const operator = keys[0] as string;
    if (keys.length !== 1 || !['prefix', 'suffix', 'equals-ignore-case', 'wildcard'].includes(operator)) {
      fail(path, 'anything-but accepts only prefix, suffix, equals-ignore-case or wildcard as an operator');
    }
    const inner = operand[operator];
    const values = Array.isArray(inner) ? inner : [inner];
    if (values.length === 0) fail(path, `anything-but ${operator} needs at least one value`);
    const tests = values.map((item) => {
      const text = requireString(item, `anything-but ${operator}`, path);
      if (text === '' && (operator === 'prefix' || operator === 'suffix')) {
        fail(path, `anything-but ${operator} must not be empty`);
      }
      return stringTest(operator, text, path);
    });
    return (value) => typeof value !== 'string' || !tests.some((test) => test(value));
  }
  return fail(path, 'anything-but needs a string, a number, a list of either, or an operator object');
}

type Compare = (value: number, bound: number) => boolean;

const COMPARE: Record<string, Compare> = {
  '<': (value, bound) => value < bound,
  '<=': (value, bound) => value <= bound,
  '=': (value, bound) => value === bound,
  '>=': (value, bound) => value >= bound,
  '>': (value, bound) => value > bound,
};

// event-ruler's grammar: ["=", n], a single bound, or a lower bound (">"/">=") then an upper bound ("<"/"<=").
function numericTest(operand: unknown, path: string): ValueTest {
  if (!Array.isArray(operand) || operand.length === 0) fail(path, 'numeric must be a non-empty array');
  if (operand.length % 2 !== 0) fail(path, 'numeric range needs an even number of operator/value pairs');
  if (operand.length > 4) fail(path, 'numeric accepts at most a lower and an upper bound');
  const bounds: { operator: string; bound: number; compare: Compare }[] = [];
  for (let i = 0; i < operand.length; i += 2) {
    const operator = String(operand[i]);
    const compare = typeof operand[i] === 'string' ? COMPARE[operator] : undefined;
    if (!compare) fail(path, `unrecognized numeric operator ${JSON.stringify(operand[i])}`);
    bounds.push({ operator, bound: checkedNumber(operand[i + 1], path), compare });
  }
  const [lower, upper] = bounds;
  if (lower && upper) {
    if (!['>', '>='].includes(lower.operator) || !['<', '<='].includes(upper.operator)) {
      fail(path, 'a numeric range is a lower bound (">" or ">=") followed by an upper bound ("<" or "<=")');
    }
    if (lower.bound >= upper.bound) {
      fail(path, 'the lower bound of a numeric range must be below its upper bound');
    }
  }
  return (value) =>
    typeof value === 'number' &&
    Math.abs(value) <= NUMERIC_LIMIT &&
    bounds.every(({ compare, bound }) => compare(value, bound));
}

function checkedNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'numeric values must be numbers');
  if (Math.abs(value) > NUMERIC_LIMIT) {
    fail(path, 'numeric values must be between -5.0e9 and 5.0e9 inclusive');
  }
  return value;
}

// ---- IP addresses ----

interface IpAddress {
  bits: 32 | 128;
  value: bigint;
}

function cidrTest(cidr: string, path: string): ValueTest {
  const [address, maskText, extra] = cidr.split('/');
  const ip = parseIp(address ?? '');
  if (extra !== undefined || maskText === undefined || !/^\d+$/.test(maskText) || !ip) {
    fail(path, `cidr "${cidr}" is not an IPv4 or IPv6 address followed by /prefix-length`);
  }
  const mask = Number(maskText);
  // event-ruler rejects full-length masks (/32, /128): a single address is written as an exact match.
  if (mask >= ip.bits) fail(path, `cidr prefix length must be below ${ip.bits}`);
  const hostBits = (1n << BigInt(ip.bits - mask)) - 1n;
  const low = ip.value & ~hostBits;
  const high = ip.value | hostBits;
  return (value) => {
    const candidate = typeof value === 'string' ? parseIp(value) : undefined;
    return candidate?.bits === ip.bits && candidate.value >= low && candidate.value <= high;
  };
}

function sameIp(a: IpAddress | undefined, b: IpAddress): boolean {
  return a?.bits === b.bits && a.value === b.value;
}

function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { bits: 32, value: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  return v6 === undefined ? undefined : { bits: 128, value: v6 };
}

function parseIpv4(text: string): bigint | undefined {
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text)?.slice(1).map(Number);
  if (!octets || octets.some((octet) => octet > 255)) return undefined;
  return octets.reduce((value, octet) => (value << 8n) | BigInt(octet), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groupsOf(halves[0] as string);
  const tail = halves.length === 2 ? groupsOf(halves[1] as string) : [];
  // A trailing dotted quad (e.g. ::ffff:10.0.0.1) stands for the last two groups.
  const last = halves.length === 2 ? tail : head;
  const dotted = last.at(-1);
  if (dotted?.includes('.')) {
    const v4 = parseIpv4(dotted);
    if (v4 === undefined) return undefined;
    last.splice(-1, 1, (v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16));
  }
  const present = head.length + tail.length;
  if (halves.length === 2 ? present > 7 : present !== 8) return undefined;
  const groups = [...head, ...Array<string>(8 - present).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return undefined;
  return groups.reduce((value, group) => (value << 16n) | BigInt(Number.parseInt(group, 16)), 0n);
}

// ---- matching ----

function matchObject(node: ObjectNode, event: JsonObject): boolean {
  for (const [key, child] of node.fields) {
    const value = Object.hasOwn(event, key) ? event[key] : undefined;
    if (!(child.kind === 'leaf' ? matchLeaf(child, value) : matchNested(child, value))) return false;
  }
  return node.alternatives.every((alternatives) => alternatives.some((alt) => matchObject(alt, event)));
}

// An event array matches when any element does; objects are not leaves, so a field holding only
// objects counts as absent (AWS: exists matching works on leaf nodes only).
function matchLeaf(leaf: LeafNode, value: unknown): boolean {
  const values = leafValues(value, []);
  if (values.length === 0) return leaf.matchesAbsent;
  return values.some((item) => leaf.tests.some((test) => test(item)));
}

// For an array of objects every nested field must match within one element, as event-ruler's
// array-consistent matching requires; a missing or scalar value is matched as an empty object so that
// {"exists": false} below it still holds.
function matchNested(node: ObjectNode, value: unknown): boolean {
  const candidates = objectsIn(value, []);
  if (candidates.length === 0) return matchObject(node, EMPTY_OBJECT);
  return candidates.some((candidate) => matchObject(node, candidate));
}

function leafValues(value: unknown, out: Scalar[]): Scalar[] {
  if (Array.isArray(value)) for (const item of value) leafValues(item, out);
  else if (isScalar(value)) out.push(value);
  return out;
}

function objectsIn(value: unknown, out: JsonObject[]): JsonObject[] {
  if (Array.isArray(value)) for (const item of value) objectsIn(item, out);
  else if (isObject(value)) out.push(value);
  return out;
}
