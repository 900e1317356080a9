import {
  FIELDS,
  type Field,
  FORMAT_VERSION,
  type SearchIndex,
  UnsupportedIndexFormatError,
} from './format.ts';

/** One token's postings, decoded: parallel arrays, docs ascending. */
export interface Posting {
  docs: number[];
  /** Summed field weights of the token in the doc. */
  weights: number[];
  fields: Field[];
  /** Document frequency weighted by field, computed once by score.ts. */
  weightedDf?: number;
}

/** A doc with named fields, as the search code reads it. */
export interface Doc {
  baseCode: string;
  name: string;
  nameEn?: string;
  /** Compact normalized name and aliases, for exact-phrase boosts. */
  nameText: string;
  nameTerm: number;
  aliasTerms: number[];
  aliasTexts: string[];
  department: number;
  type: string;
  targets: number;
  highFrequency: boolean;
  length: number;
  /** Its implementation items: ordinals first … first + count - 1, in listing order. */
  first: number;
  count: number;
}

/**
 * What the search function keeps next to the parsed JSON. Hydration is deliberately cheap (a pass over the
 * docs and items); postings are decoded token by token as queries need them, and the pinyin and character
 * tables are built on the first query that needs them, so cold start pays little more than JSON.parse.
 */
export interface Hydrated {
  index: SearchIndex;
  docs: Doc[];
  /** Item ordinal → doc. */
  itemDoc: Int32Array;
  averageLength: number;
  posting(token: string): Posting | undefined;
  /** Lazily built tables (see pinyin-match.ts, query.ts). */
  lazy: Map<string, unknown>;
}

const hydrated = new WeakMap<SearchIndex, Hydrated>();

/**
 * Checks and prepares a parsed index; the result is cached on the object, so `searchCatalog` can be given
 * the parsed JSON directly. Meant for the S3 loader (`CachedCatalogFile`'s hydrate) and the tests.
 */
export function loadSearchIndex(raw: unknown): SearchIndex {
  const index = raw as SearchIndex;
  hydrate(index);
  return index;
}

export function hydrate(index: SearchIndex): Hydrated {
  const known = hydrated.get(index);
  if (known) return known;
  const format = (index as { formatVersion?: unknown } | null)?.formatVersion;
  if (format !== FORMAT_VERSION) throw new UnsupportedIndexFormatError(format);
  for (const key of ['docs', 'items', 'terms', 'pinyin', 'regions', 'departments', 'synonyms'] as const) {
    if (!Array.isArray(index[key])) throw new UnsupportedIndexFormatError(`${format} without ${key}`);
  }
  const itemDoc = new Int32Array(index.items.length);
  let first = 0;
  let totalLength = 0;
  const docs = index.docs.map((d, doc): Doc => {
    const [baseCode, name, nameTerm, aliasTerms, department, type, targets, hf, length, count, nameEn] = d;
    itemDoc.fill(doc, first, first + count);
    first += count;
    totalLength += length;
    return {
      baseCode,
      name,
      ...(nameEn ? { nameEn } : {}),
      nameText: index.terms[nameTerm]!,
      nameTerm,
      aliasTerms,
      aliasTexts: aliasTerms.map((t) => index.terms[t]!),
      department,
      type,
      targets,
      highFrequency: hf === 1,
      length,
      first: first - count,
      count,
    };
  });
  if (first !== index.items.length) throw new UnsupportedIndexFormatError(`${format} with misplaced items`);
  const cache = new Map<string, Posting | undefined>();
  const h: Hydrated = {
    index,
    docs,
    itemDoc,
    averageLength: totalLength / Math.max(1, docs.length),
    posting(token) {
      if (cache.has(token)) return cache.get(token);
      // Own properties only: a token such as "constructor" must not find Object.prototype's.
      const flat = Object.hasOwn(index.postings, token) ? index.postings[token] : undefined;
      const decoded = flat && decode(flat);
      cache.set(token, decoded);
      return decoded;
    },
    lazy: new Map(),
  };
  hydrated.set(index, h);
  return h;
}

function decode(flat: number[]): Posting {
  const p: Posting = { docs: [], weights: [], fields: [] };
  let doc = 0;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    doc += flat[i]!;
    const packed = flat[i + 1]!;
    p.docs.push(doc);
    p.weights.push(packed >> 3);
    p.fields.push(FIELDS[packed & 7] ?? 'material');
  }
  return p;
}

/** A table built on first use and kept with the hydrated index. */
export function lazily<T>(h: Hydrated, key: string, build: () => T): T {
  if (!h.lazy.has(key)) h.lazy.set(key, build());
  return h.lazy.get(key) as T;
}
