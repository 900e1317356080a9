import type { CrossRegionScope, MatterType, ServiceTarget } from '../model.ts';
import { decodeCursor, encodeCursor, fingerprint } from './cursor.ts';
import {
  codeOf,
  type Field,
  FORM_CODES,
  HANDLING_FORMS,
  SCOPE_CODES,
  SCOPES,
  type SearchIndex,
  TARGET_BITS,
  unpackItem,
} from './format.ts';
import { type Hydrated, hydrate } from './hydrate.ts';
import { plan, type Via } from './query.ts';
import { scoreDocs } from './score.ts';

export { InvalidCursorError } from './cursor.ts';
export { type SearchIndex, UnsupportedIndexFormatError } from './format.ts';
export { loadSearchIndex } from './hydrate.ts';
export { type Suggestion, suggest } from './suggest.ts';

export interface SearchParams {
  q?: string;
  /** A region code: only that region's implementation items. */
  region?: string;
  target?: ServiceTarget;
  type?: MatterType | string;
  /** A department code. */
  department?: string;
  /** true: can be handled fully online (online or both); false: only at a window. */
  online?: boolean;
  /** Exactly this 通办 scope. */
  scope?: CrossRegionScope | string;
  limit?: number;
  cursor?: string;
}

/** Why a hit matched: the field that weighed most, and how the query reached it. */
export interface MatchedOn {
  field: Field;
  via: Via;
}

export interface SearchHit {
  implementationCode: string;
  baseCode: string;
  name: string;
  /** For the English interface; absent when the catalog has no English name. */
  nameEn?: string;
  region: string;
  department: string;
  departmentName: string;
  type: string;
  highFrequency: boolean;
  handlingForm: string;
  crossRegionScope: string;
  score: number;
  /** Absent when listing without a query. */
  matchedOn?: MatchedOn;
}

export interface SearchPage {
  items: SearchHit[];
  nextCursor?: string;
  total: number;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
/**
 * Hits scoring under this share of the best one are noise from a shared bigram (登记, 证明), not answers.
 * The best is taken before boosts: an exact name match reorders the hits, it does not thin them out.
 */
const RELATIVE_FLOOR = 0.2;

/**
 * Full-text search with filters over the published index, or, without q, the filtered listing in listing
 * order (high-frequency first, then by name): how GET /api/matters lists without scanning DynamoDB.
 */
export function searchCatalog(index: SearchIndex, params: SearchParams = {}): SearchPage {
  const h = hydrate(index);
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(params.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT));
  const accept = filter(h, params);
  const p = plan(h, params.q);
  const ranked: { item: number; score: number; matchedOn?: MatchedOn }[] = [];
  if (!p.slots.length) {
    for (let item = 0; item < index.items.length; item++) if (accept(item)) ranked.push({ item, score: 0 });
  } else {
    let best = 0;
    let scores = scoreDocs(h, p);
    if (!scores.size) scores = scoreDocs(h, plan(h, params.q, true));
    for (const [doc, s] of scores) {
      const { first, count } = h.docs[doc]!;
      for (let item = first; item < first + count; item++) {
        if (!accept(item)) continue;
        ranked.push({ item, score: s.score, matchedOn: { field: s.field, via: s.via } });
        best = Math.max(best, s.plain);
      }
    }
    const kept = ranked.filter((r) => r.score >= best * RELATIVE_FLOOR);
    ranked.length = 0;
    ranked.push(...kept.sort((a, b) => b.score - a.score || a.item - b.item));
  }
  const print = fingerprint([
    index.version,
    p.key,
    params.region,
    params.target,
    params.type,
    params.department,
    params.online,
    params.scope,
  ]);
  const offset = params.cursor ? decodeCursor(params.cursor, print, ranked.length) : 0;
  const items = ranked.slice(offset, offset + limit).map((r) => hit(h, r.item, r.score, r.matchedOn));
  const next = offset + limit;
  return next < ranked.length
    ? { items, nextCursor: encodeCursor(next, print), total: ranked.length }
    : { items, total: ranked.length };
}

/** Filters on positions in the index's dictionaries: a value the index does not know matches nothing. */
function filter(h: Hydrated, f: SearchParams): (item: number) => boolean {
  const { items, regions, departments } = h.index;
  const region = f.region ? regions.indexOf(f.region) : undefined;
  const department = f.department ? departments.findIndex(([code]) => code === f.department) : undefined;
  const target = f.target ? codeOf(TARGET_BITS, f.target) : undefined;
  const forms =
    f.online === undefined
      ? undefined
      : f.online
        ? [FORM_CODES.online, FORM_CODES.both]
        : [FORM_CODES.window];
  const scope = f.scope ? codeOf(SCOPE_CODES, f.scope) : undefined;
  const type = f.type || undefined;
  return (ordinal) => {
    const item = unpackItem(items[ordinal]!);
    const doc = h.docs[h.itemDoc[ordinal]!]!;
    return (
      (region === undefined || item.region === region) &&
      (department === undefined || doc.department === department) &&
      (type === undefined || doc.type === type) &&
      (target === undefined || (target > 0 && (doc.targets & target) !== 0)) &&
      (forms === undefined || forms.includes(item.form)) &&
      (scope === undefined || item.scope === scope)
    );
  };
}

function hit(h: Hydrated, ordinal: number, score: number, matchedOn?: MatchedOn): SearchHit {
  const { items, regions, departments, codeTails } = h.index;
  const item = unpackItem(items[ordinal]!);
  const doc = h.docs[h.itemDoc[ordinal]!]!;
  const region = regions[item.region]!;
  const tail = Object.hasOwn(codeTails, ordinal) ? codeTails[ordinal]! : '';
  const [department, departmentName] = departments[doc.department]!;
  const out: SearchHit = {
    implementationCode: tail.startsWith('=') ? tail.slice(1) : doc.baseCode + region + tail,
    baseCode: doc.baseCode,
    name: doc.name,
    ...(doc.nameEn ? { nameEn: doc.nameEn } : {}),
    region,
    department,
    departmentName,
    type: doc.type,
    highFrequency: doc.highFrequency,
    handlingForm: HANDLING_FORMS[item.form]!,
    crossRegionScope: SCOPES[item.scope]!,
    score: Math.round(score * 1000) / 1000,
  };
  if (matchedOn) out.matchedOn = matchedOn;
  return out;
}
