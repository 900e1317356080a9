import type { SearchIndex } from './format.ts';
import { hydrate } from './hydrate.ts';
import { compact, hasHan } from './normalize.ts';
import { pinyinTable } from './pinyin-match.ts';

export interface Suggestion {
  name: string;
  /** For the English interface; absent when the catalog has no English name. */
  nameEn?: string;
  baseCode: string;
  highFrequency: boolean;
  matchedOn: 'name' | 'alias' | 'pinyin' | 'initials';
}

/**
 * For the search box, while one types: matters whose name (then alias) starts with the prefix, in characters
 * or in pinyin (full spelling, possibly cut mid-syllable, or initials). Within each kind of match the
 * listing order holds: high-frequency first, then by name. One suggestion per name.
 */
export function suggest(index: SearchIndex, prefix: string, limit = 8): Suggestion[] {
  const h = hydrate(index);
  const p = compact(prefix);
  if (!p || limit <= 0) return [];
  const spelled = hasHan(p) ? undefined : pinyinTable(h).spelled;
  const rank = (term: number): Suggestion['matchedOn'] | undefined => {
    if (index.terms[term]!.startsWith(p)) return 'name';
    const s = spelled?.[term];
    if (s?.full.startsWith(p)) return 'pinyin';
    if (s?.initials.startsWith(p)) return 'initials';
    return undefined;
  };
  const TIERS = ['name', 'pinyin', 'initials', 'alias'] as const;
  const found: { tier: number; doc: number; matchedOn: Suggestion['matchedOn'] }[] = [];
  h.docs.forEach(({ nameTerm, aliasTerms }, doc) => {
    const byName = rank(nameTerm);
    const matchedOn = byName ?? (aliasTerms.some((a) => rank(a)) ? 'alias' : undefined);
    if (matchedOn) found.push({ tier: TIERS.indexOf(matchedOn), doc, matchedOn });
  });
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const { doc, matchedOn } of found.sort((a, b) => a.tier - b.tier || a.doc - b.doc)) {
    const { baseCode, name, nameEn, highFrequency } = h.docs[doc]!;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, ...(nameEn ? { nameEn } : {}), baseCode, highFrequency, matchedOn });
    if (out.length === limit) break;
  }
  return out;
}
