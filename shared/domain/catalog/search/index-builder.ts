import type { ImplementationItem } from '../model.ts';
import {
  type DocTuple,
  FIELD_WEIGHTS,
  FIELDS,
  type Field,
  FORM_CODES,
  FORMAT_VERSION,
  packItem,
  SCOPE_CODES,
  type SearchIndex,
  type SynonymTuple,
  TARGET_BITS,
} from './format.ts';
import { hash64 } from './hash.ts';
import { compact, normalize } from './normalize.ts';
import { fullSpelling, initials, syllables } from './pinyin.ts';
import { tokens } from './tokenize.ts';

// The search function may import its loader from here; esbuild drops the builder (and pinyin-pro, which is
// marked side-effect free) from its bundle all the same. search.ts exports it too.
export { loadSearchIndex } from './hydrate.ts';

export interface Synonym {
  terms: string[];
  meaning: string;
}

export interface BuildOptions {
  /** The catalog version being published; defaults to a hash of the index content. */
  version?: string;
  /** When it is built: the caller's clock, as a rule reads none. */
  builtAt: Date;
}

// Listing order is pinyin order for Chinese names (ICU's zh collation), which is what a reader expects.
const collator = new Intl.Collator('zh-CN');

/** Built when a catalog version is published; the search function only reads it. */
export function buildSearchIndex(
  items: ImplementationItem[],
  synonyms: Synonym[],
  departments: { code: string; name: string }[],
  options: BuildOptions,
): SearchIndex {
  // Items sharing a doc key share their text; sorting on it after the name keeps a doc's items together.
  const keyed = items.map((item) => ({ item, key: docKey(item) }));
  const ordered = keyed.sort(
    (a, b) =>
      Number(b.item.highFrequency) - Number(a.item.highFrequency) ||
      collator.compare(a.item.name, b.item.name) ||
      compare(a.key, b.key) ||
      compare(a.item.region, b.item.region) ||
      compare(a.item.implementationCode, b.item.implementationCode),
  );
  const departmentNames = new Map(departments.map((d) => [d.code, d.name]));
  const regions = new Dictionary<string>();
  const usedDepartments = new Dictionary<string>();
  const terms = new Dictionary<string>();
  const docKeys = new Map<string, number>();
  const docs: DocTuple[] = [];
  const postings = new Map<string, Map<number, { weight: number; field: number; fieldWeight: number }>>();

  const docFor = (item: ImplementationItem, key: string): number => {
    const known = docKeys.get(key);
    if (known !== undefined) {
      docs[known]![9] += 1; // its itemCount
      return known;
    }
    const doc = docs.length;
    docKeys.set(key, doc);
    let length = 0;
    const add = (text: string, field: Field) => {
      const fieldWeight = FIELD_WEIGHTS[field];
      for (const token of tokens(text)) {
        let byDoc = postings.get(token);
        if (!byDoc) {
          byDoc = new Map();
          postings.set(token, byDoc);
        }
        const p = byDoc.get(doc) ?? { weight: 0, field: 0, fieldWeight: 0 };
        p.weight += fieldWeight;
        if (fieldWeight > p.fieldWeight) Object.assign(p, { field: FIELDS.indexOf(field), fieldWeight });
        byDoc.set(doc, p);
        length += fieldWeight;
      }
    };
    const termOf = (text: string) => terms.add(compact(text));
    // Keywords join the terms only for their pinyin (sbk → 社保卡); no doc needs to know its own.
    for (const k of item.keywords) termOf(k);
    add(item.name, 'name');
    for (const a of item.aliases) add(a, 'alias');
    for (const k of item.keywords) add(k, 'keyword');
    add(departmentNames.get(item.department) ?? '', 'department');
    // A material named twice (paper and electronic, say) says nothing more about the matter.
    for (const m of new Set(item.materials.map((x) => x.name))) add(m, 'material');
    const tuple: DocTuple = [
      item.baseCode,
      item.name,
      termOf(item.name),
      item.aliases.map(termOf),
      usedDepartments.add(item.department),
      item.type,
      item.serviceTargets.reduce((bits, t) => bits | TARGET_BITS[t], 0),
      item.highFrequency ? 1 : 0,
      length,
      1,
    ];
    if (item.nameEn) tuple.push(item.nameEn);
    docs.push(tuple);
    return doc;
  };

  const codeTails: Record<string, string> = {};
  const packed = ordered.map(({ item, key }, ordinal) => {
    docFor(item, key);
    const prefix = item.baseCode + item.region;
    const code = item.implementationCode;
    const tail = code.startsWith(prefix) ? code.slice(prefix.length) : `=${code}`;
    if (tail) codeTails[ordinal] = tail;
    return packItem(
      regions.add(item.region),
      FORM_CODES[item.handlingForm],
      SCOPE_CODES[item.crossRegionScope],
    );
  });

  const body = {
    formatVersion: FORMAT_VERSION,
    itemCount: items.length,
    regions: regions.values,
    departments: usedDepartments.values.map((code): [string, string] => [
      code,
      departmentNames.get(code) ?? '',
    ]),
    terms: terms.values,
    pinyin: terms.values.map((t) => syllables(t)?.join(' ') ?? ''),
    docs,
    items: packed,
    codeTails,
    postings: encodePostings(postings),
    synonyms: synonyms.map(synonymTuple),
  };
  const { formatVersion, ...rest } = body;
  return {
    formatVersion,
    version: options.version ?? hash64(JSON.stringify(body)),
    builtAt: options.builtAt.toISOString(),
    ...rest,
  };
}

/** What makes two implementation items share a doc: every part the index reads that is not local. */
function docKey(item: ImplementationItem): string {
  return JSON.stringify([
    item.baseCode,
    item.name,
    item.nameEn,
    item.aliases,
    item.keywords,
    item.department,
    item.type,
    item.serviceTargets,
    item.highFrequency,
    item.materials.map((m) => m.name),
  ]);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted tokens (a stable file for a stable catalog); docs delta-encoded, which keeps the numbers short. */
function encodePostings(
  postings: Map<string, Map<number, { weight: number; field: number }>>,
): Record<string, number[]> {
  const entries = [...postings].sort(([a], [b]) => compare(a, b));
  // fromEntries defines own properties, so no token can reach Object.prototype.
  return Object.fromEntries(
    entries.map(([token, byDoc]) => {
      const flat: number[] = [];
      let previous = 0;
      for (const [doc, p] of [...byDoc].sort(([a], [b]) => a - b)) {
        flat.push(doc - previous, p.weight * 8 + p.field);
        previous = doc;
      }
      return [token, flat];
    }),
  );
}

function synonymTuple(s: Synonym): SynonymTuple {
  const terms = [...new Set(s.terms.map(compact).filter(Boolean))];
  const spelled = terms.map((t) => syllables(t) ?? []);
  return [normalize(s.meaning), terms, spelled.map(fullSpelling), spelled.map(initials)];
}

/** Values by first appearance, each stored once and referred to by position. */
class Dictionary<T> {
  readonly values: T[] = [];
  private readonly positions = new Map<T, number>();
  add(value: T): number {
    let at = this.positions.get(value);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value);
      this.positions.set(value, at);
    }
    return at;
  }
}
