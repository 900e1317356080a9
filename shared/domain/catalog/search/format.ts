import { DomainError } from '../../errors.ts';
import type { CrossRegionScope, ImplementationItem, ServiceTarget } from '../model.ts';

/**
 * The serialized search index, as stored in S3 and parsed by the search function at cold start. Bump
 * FORMAT_VERSION whenever the shape or the meaning of a field changes: a function refuses any other format
 * rather than misread it (the publisher and the reader are deployed separately).
 */
export const FORMAT_VERSION = 1;

/** Where a token was found. The order is the code stored in postings (low three bits). */
export const FIELDS = ['name', 'alias', 'keyword', 'department', 'material'] as const;
export type Field = (typeof FIELDS)[number];

/** Integers, so that a posting's summed weight packs into one JSON integer with its field. */
export const FIELD_WEIGHTS: Record<Field, number> = {
  name: 10,
  alias: 6,
  keyword: 6,
  department: 3,
  material: 2,
};

/**
 * Stored as small numbers, not as strings on every item. The numbers are part of the format, written out
 * rather than taken from the zod enums' order (reordering an enum must not change what a stored index
 * means), and typed as records so that a new enum value fails to compile here until it has a code.
 */
export const FORM_CODES: Record<ImplementationItem['handlingForm'], number> = {
  online: 0,
  window: 1,
  both: 2,
};
export const SCOPE_CODES: Record<CrossRegionScope, number> = { none: 0, city: 1, province: 2, national: 3 };
export const TARGET_BITS: Record<ServiceTarget, number> = { person: 1, enterprise: 2 };

const byCode = <K extends string>(codes: Record<K, number>) =>
  (Object.keys(codes) as K[]).sort((a, b) => codes[a] - codes[b]);
/** Code → value, for reading an index. */
export const HANDLING_FORMS = byCode(FORM_CODES);
export const SCOPES = byCode(SCOPE_CODES);

/** The code of a value given as a request parameter, or -1 (matches nothing) for a value it does not know. */
export const codeOf = <K extends string>(codes: Record<K, number>, value: string) =>
  Object.hasOwn(codes, value) ? codes[value as K] : -1;

/**
 * One indexed text: the standard parts every region shares (DOMAIN.md: only local parts differ between
 * regions), so the ~12 implementation items of a base item share one document and its postings.
 */
export type DocTuple = [
  baseCode: string,
  name: string,
  nameTerm: number,
  aliasTerms: number[],
  department: number,
  type: string,
  targets: number,
  highFrequency: 0 | 1,
  /** Weighted token count, for BM25's length normalization. */
  length: number,
  /** How many implementation items follow in `items` (a doc's items are consecutive). */
  itemCount: number,
  /**
   * The English name, for display only (not indexed). Last and left out when the catalog has none, so an
   * index built before it reads the same and a reader that does not know it ignores it: no new format.
   */
  nameEn?: string,
];

/**
 * Implementation items in listing order (high-frequency first, then by name, then region), so an empty query
 * pages through them as stored; doc 0's items come first, then doc 1's, and so on. Each item is one integer:
 * region index × 16 + handling form × 4 + scope.
 */
export const packItem = (region: number, form: number, scope: number) => region * 16 + form * 4 + scope;
export const unpackItem = (n: number) => ({
  region: Math.floor(n / 16),
  form: Math.floor(n / 4) % 4,
  scope: n % 4,
});

/** A colloquial phrase's terms (normalized, spaces removed), their full pinyin and initials, and its meaning. */
export type SynonymTuple = [meaning: string, terms: string[], full: string[], initials: string[]];

export interface SearchIndex {
  formatVersion: number;
  /** Content hash unless the publisher names the version; cursors are bound to it. */
  version: string;
  builtAt: string;
  itemCount: number;
  regions: string[];
  departments: [code: string, name: string][];
  /** Distinct names, aliases and keywords (normalized), with their pinyin: syllables separated by spaces. */
  terms: string[];
  pinyin: string[];
  docs: DocTuple[];
  items: number[];
  /**
   * Item ordinal → what follows baseCode + region in its implementation code, for the few that have more
   * (a 2-digit suffix); a code of any other shape is stored whole, after '='.
   */
  codeTails: Record<string, string>;
  /** token → [doc, weight × 8 + field, doc delta, weight × 8 + field, …], docs ascending. */
  postings: Record<string, number[]>;
  synonyms: SynonymTuple[];
}

/** The platform's own index, written by another version of it: the platform's fault, never the searcher's (500). */
export class UnsupportedIndexFormatError extends DomainError {
  constructor(readonly found: unknown) {
    super({
      code: 'INDEX_FORMAT_UNSUPPORTED',
      zh: '事项目录索引的格式不受支持',
      en: 'The search index has a format this function does not read',
      status: 500,
      message: `search index format ${String(found)} is not supported (this function reads ${FORMAT_VERSION})`,
    });
    this.name = 'UnsupportedIndexFormatError';
  }
}
