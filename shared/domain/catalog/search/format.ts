import { CrossRegionScope, HandlingForm } from '../model.ts';

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
export const FIELD_WEIGHTS: Record<Field, number> = { name: 10, alias: 6, keyword: 6, department: 3, material: 2 };

/** Stored by position in small dictionaries, not as strings on every item. */
export const HANDLING_FORMS = HandlingForm.options;
export const SCOPES = CrossRegionScope.options;
export const TARGET_BITS = { person: 1, enterprise: 2 } as const;

/**
 * One indexed text: the standard parts every region shares (DOMAIN.md: only local parts differ between
 * regions), so the ~12 implementation items of a base item share one document and its postings.
 */
export type DocTuple = [
  baseCode: string,
  name: string,
  nameTerm: number,
  aliasTerms: number[],
  keywordTerms: number[],
  department: number,
  type: string,
  targets: number,
  highFrequency: 0 | 1,
  /** Weighted token count, for BM25's length normalization. */
  length: number,
];

/**
 * One implementation item, in listing order (high-frequency first, then by name), so an empty query pages
 * through `items` as stored. `codeTail` is what follows baseCode + region in the implementation code
 * (usually ''); a code of another shape is stored whole, after '='.
 */
export type ItemTuple = [doc: number, region: number, codeTail: string, form: number, scope: number];

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
  items: ItemTuple[];
  /** token → [doc, weight × 8 + field, doc delta, weight × 8 + field, …], docs ascending. */
  postings: Record<string, number[]>;
  synonyms: SynonymTuple[];
}

export class UnsupportedIndexFormatError extends Error {
  constructor(readonly found: unknown) {
    super(`search index format ${String(found)} is not supported (this function reads ${FORMAT_VERSION})`);
    this.name = 'UnsupportedIndexFormatError';
  }
}
