import type { SearchIndex } from './format.ts';
import { type Hydrated, hydrate, lazily } from './hydrate.ts';
import { compact, hasHan } from './normalize.ts';
import { pinyinTable } from './pinyin-match.ts';

export interface Suggestion {
  name: string;
  /** For the English interface; absent when the catalog has no English name. */
  nameEn?: string;
  baseCode: string;
  highFrequency: boolean;
  matchedOn: 'name' | 'alias' | 'pinyin' | 'initials' | 'need';
  /**
   * For a colloquial need (开饭店) the words people use, and this matter's place among the matters it takes,
   * in the order they are done (a business licence, then the food licence).
   */
  need?: { phrase: string; step: number; of: number };
}

/**
 * For the search box, while one types: matters whose name (then alias) starts with the prefix, in characters
 * or in pinyin (full spelling, possibly cut mid-syllable, or initials), and the matters a colloquial need
 * starting so takes (开饭店, kaifandian, kfd: what search finds for it), each in the order it is done. Within
 * each kind of match the listing order holds: high-frequency first, then by name. A need typed in full comes
 * first — the citizen said what they want to do. One suggestion per name.
 */
export function suggest(index: SearchIndex, prefix: string, limit = 8): Suggestion[] {
  const h = hydrate(index);
  const p = compact(prefix);
  if (!p || limit <= 0) return [];
  const spelled = hasHan(p) ? undefined : pinyinTable(h).spelled;
  const rank = (term: number): 'name' | 'pinyin' | 'initials' | undefined => {
    if (index.terms[term]!.startsWith(p)) return 'name';
    const s = spelled?.[term];
    if (s?.full.startsWith(p)) return 'pinyin';
    if (s?.initials.startsWith(p)) return 'initials';
    return undefined;
  };
  const TIERS = ['name', 'pinyin', 'initials', 'alias'] as const;
  const found: { tier: number; doc: number; matchedOn: (typeof TIERS)[number] }[] = [];
  h.docs.forEach(({ nameTerm, aliasTerms }, doc) => {
    const byName = rank(nameTerm);
    const matchedOn = byName ?? (aliasTerms.some((a) => rank(a)) ? 'alias' : undefined);
    if (matchedOn) found.push({ tier: TIERS.indexOf(matchedOn), doc, matchedOn });
  });
  const needs = needsStartingWith(h, p);
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  const add = (doc: number, matchedOn: Suggestion['matchedOn'], need?: Suggestion['need']) => {
    const { baseCode, name, nameEn, highFrequency } = h.docs[doc]!;
    if (seen.has(name) || out.length === limit) return;
    seen.add(name);
    out.push({
      name,
      ...(nameEn ? { nameEn } : {}),
      baseCode,
      highFrequency,
      matchedOn,
      ...(need ? { need } : {}),
    });
  };
  const addNeed = (n: Need) => {
    for (const [i, doc] of n.docs.entries()) add(doc, 'need', step(n, i));
  };
  for (const n of needs.filter((x) => x.exact)) addNeed(n);
  for (const { doc, matchedOn } of found.sort((a, b) => a.tier - b.tier || a.doc - b.doc))
    add(doc, matchedOn);
  for (const n of needs.filter((x) => !x.exact)) addNeed(n);
  return out;
}

interface Need {
  phrase: string;
  exact: boolean;
  /** The first doc (in listing order) named by each phrase of the meaning, in the meaning's order. */
  docs: number[];
}

const step = (n: Need, i: number) => ({ phrase: n.phrase, step: i + 1, of: n.docs.length });

/**
 * The colloquial needs (synonym groups) with a term starting with the prefix — in characters, full pinyin or,
 * from two letters, initials — and the matters each takes. A group whose meaning names several matters
 * ("企业设立登记 食品经营许可") lists them in that order, and goes first, being the fuller answer to the same
 * words; groups of one matter sharing a term (过户) are alternatives, in the data's order.
 */
function needsStartingWith(h: Hydrated, p: string): Need[] {
  const latin = !hasHan(p);
  if (latin && p.length < 2) return [];
  const needs: Need[] = [];
  for (const [meaning, terms, full, initials] of h.index.synonyms) {
    const at = terms.findIndex(
      (t, i) => t.startsWith(p) || (latin && (full[i]!.startsWith(p) || initials[i]!.startsWith(p))),
    );
    if (at === -1) continue;
    const exact = terms[at] === p || (latin && (full[at] === p || initials[at] === p));
    const docs = docsOfMeaning(h, meaning);
    if (docs.length > 0) needs.push({ phrase: terms[at]!, exact, docs });
  }
  // Stable: groups of one matter keep the data's order (过户: water, power, gas).
  return needs.sort((a, b) => b.docs.length - a.docs.length);
}

/**
 * The doc each phrase of a meaning names (the first, in listing order, whose name holds it): worked out once per
 * loaded index, on the first suggestion that needs it, not on every keystroke.
 */
function docsOfMeaning(h: Hydrated, meaning: string): number[] {
  const table = lazily(h, 'need-docs', () => {
    const byMeaning = new Map<string, number[]>();
    for (const [m] of h.index.synonyms) {
      if (byMeaning.has(m)) continue;
      const docs = m.split(' ').flatMap((phrase) => {
        const doc = h.docs.findIndex((d) => d.nameText.includes(compact(phrase)));
        return doc === -1 ? [] : [doc];
      });
      byMeaning.set(m, docs);
    }
    return byMeaning;
  });
  return table.get(meaning) ?? [];
}
