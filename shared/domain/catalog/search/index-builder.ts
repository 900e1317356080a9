import type { ImplementationItem } from '../model.ts';
import {
  type DocTuple,
  FIELD_WEIGHTS,
  FIELDS,
  FORMAT_VERSION,
  type Field,
  HANDLING_FORMS,
  type ItemTuple,
  SCOPES,
  type SearchIndex,
  type SynonymTuple,
  TARGET_BITS,
} from './format.ts';
import { hash64 } from './hash.ts';
import { compact, normalize } from './normalize.ts';
import { fullSpelling, initials, syllables } from './pinyin.ts';
import { tokens } from './tokenize.ts';

export interface Synonym {
  terms: string[];
  meaning: string;
}

export interface BuildOptions {
  /** The catalog version being published; defaults to a hash of the index content. */
  version?: string;
  builtAt?: Date;
}

// Listing order is pinyin order for Chinese names (ICU's zh collation), which is what a reader expects.
const collator = new Intl.Collator('zh-CN');

/** Built when a catalog version is published; the search function only reads it. */
export function buildSearchIndex(
  items: ImplementationItem[],
  synonyms: Synonym[],
  departments: { code: string; name: string }[],
  options: BuildOptions = {},
): SearchIndex {
  const ordered = [...items].sort(
    (a, b) =>
      Number(b.highFrequency) - Number(a.highFrequency) ||
      collator.compare(a.name, b.name) ||
      a.region.localeCompare(b.region) ||
      a.implementationCode.localeCompare(b.implementationCode),
  );
  const departmentNames = new Map(departments.map((d) => [d.code, d.name]));
  const regions = new Dictionary<string>();
  const usedDepartments = new Dictionary<string>();
  const terms = new Dictionary<string>();
  const docKeys = new Map<string, number>();
  const docs: DocTuple[] = [];
  const postings = new Map<string, Map<number, { weight: number; field: number; fieldWeight: number }>>();

  const docFor = (item: ImplementationItem): number => {
    const key = JSON.stringify([
      item.baseCode,
      item.name,
      item.aliases,
      item.keywords,
      item.department,
      item.type,
      item.serviceTargets,
      item.highFrequency,
      item.materials.map((m) => m.name),
    ]);
    const known = docKeys.get(key);
    if (known !== undefined) return known;
    const doc = docs.length;
    docKeys.set(key, doc);
    let length = 0;
    const add = (text: string, field: Field) => {
      const fieldWeight = FIELD_WEIGHTS[field];
      for (const token of tokens(text)) {
        let byDoc = postings.get(token);
        if (!byDoc) postings.set(token, (byDoc = new Map()));
        const p = byDoc.get(doc) ?? { weight: 0, field: 0, fieldWeight: 0 };
        p.weight += fieldWeight;
        if (fieldWeight > p.fieldWeight) Object.assign(p, { field: FIELDS.indexOf(field), fieldWeight });
        byDoc.set(doc, p);
        length += fieldWeight;
      }
    };
    const termOf = (text: string) => terms.add(compact(text));
    add(item.name, 'name');
    for (const a of item.aliases) add(a, 'alias');
    for (const k of item.keywords) add(k, 'keyword');
    add(departmentNames.get(item.department) ?? '', 'department');
    // A material named twice (paper and electronic, say) says nothing more about the matter.
    for (const m of new Set(item.materials.map((x) => x.name))) add(m, 'material');
    docs.push([
      item.baseCode,
      item.name,
      termOf(item.name),
      item.aliases.map(termOf),
      item.keywords.map(termOf),
      usedDepartments.add(item.department),
      item.type,
      item.serviceTargets.reduce((bits, t) => bits | TARGET_BITS[t], 0),
      item.highFrequency ? 1 : 0,
      length,
    ]);
    return doc;
  };

  const itemTuples: ItemTuple[] = ordered.map((item) => {
    const prefix = item.baseCode + item.region;
    const tail = item.implementationCode.startsWith(prefix)
      ? item.implementationCode.slice(prefix.length)
      : `=${item.implementationCode}`;
    return [
      docFor(item),
      regions.add(item.region),
      tail,
      HANDLING_FORMS.indexOf(item.handlingForm),
      SCOPES.indexOf(item.crossRegionScope),
    ];
  });

  const body = {
    formatVersion: FORMAT_VERSION,
    itemCount: items.length,
    regions: regions.values,
    departments: usedDepartments.values.map((code): [string, string] => [code, departmentNames.get(code) ?? '']),
    terms: terms.values,
    pinyin: terms.values.map((t) => syllables(t)?.join(' ') ?? ''),
    docs,
    items: itemTuples,
    postings: encodePostings(postings),
    synonyms: synonyms.map(synonymTuple),
  };
  const { formatVersion, ...rest } = body;
  return {
    formatVersion,
    version: options.version ?? hash64(JSON.stringify(body)),
    builtAt: (options.builtAt ?? new Date()).toISOString(),
    ...rest,
  };
}

/** Sorted tokens (a stable file for a stable catalog); docs delta-encoded, which keeps the numbers short. */
function encodePostings(
  postings: Map<string, Map<number, { weight: number; field: number }>>,
): Record<string, number[]> {
  const entries = [...postings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
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
