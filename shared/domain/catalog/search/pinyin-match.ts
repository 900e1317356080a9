import { type Hydrated, lazily } from './hydrate.ts';

/** A term's pinyin, ready for matching: full spelling, where each syllable starts in it, and initials. */
export interface Spelled {
  chars: string[];
  full: string;
  offsets: number[];
  initials: string;
}

/** A Chinese phrase a Latin query may stand for, and how sure that reading is. */
export interface Reading {
  text: string;
  quality: number;
  via: 'pinyin' | 'initials';
}

type Start = [term: number, syllable: number, initials: boolean];

interface Table {
  spelled: (Spelled | undefined)[];
  /** First two letters at every syllable boundary → where: the prefix index partial pinyin is looked up in. */
  starts: Map<string, Start[]>;
}

/** Built on the first Latin query from the terms' stored syllables (about one entry per syllable). */
export function pinyinTable(h: Hydrated): Table {
  return lazily(h, 'pinyin', () => {
    const starts = new Map<string, Start[]>();
    const at = (key: string, start: Start) => {
      const list = starts.get(key);
      if (list) list.push(start);
      else starts.set(key, [start]);
    };
    const spelled = h.index.pinyin.map((p, term): Spelled | undefined => {
      if (!p) return undefined;
      const syllables = p.split(' ');
      const offsets: number[] = [];
      let full = '';
      for (const s of syllables) {
        offsets.push(full.length);
        full += s;
      }
      const initials = syllables.map((s) => s[0]).join('');
      // Queries shorter than two letters are not read as pinyin, so one-letter keys would never be asked for.
      for (let i = 0; i < syllables.length; i++) {
        const spelledKey = full.slice(offsets[i], offsets[i]! + 2);
        const initialsKey = initials.slice(i, i + 2);
        if (spelledKey.length === 2) at(spelledKey, [term, i, false]);
        if (initialsKey.length === 2) at(initialsKey, [term, i, true]);
      }
      return { chars: Array.from(h.index.terms[term]!), full, offsets, initials };
    });
    return { spelled, starts };
  });
}

const MAX_READINGS = 6;

/**
 * The Chinese phrases a Latin query spells, found among the catalog's own names, aliases and keywords:
 * yingyezhizhao or yyzz → 营业执照, shebaoka or sbk → 社保卡, zhizh → 执照 (the last syllable may be partial,
 * so the search box can match while one types). Matching starts at syllable boundaries only.
 */
export function readings(h: Hydrated, latin: string): Reading[] {
  if (latin.length < 2) return [];
  const table = pinyinTable(h);
  const best = new Map<string, Reading>();
  for (const [term, i, isInitials] of table.starts.get(latin.slice(0, 2)) ?? []) {
    const s = table.spelled[term]!;
    let last: number;
    let quality: number;
    if (isInitials) {
      if (!s.initials.startsWith(latin, i)) continue;
      last = i + latin.length - 1;
      quality = 0.7;
    } else {
      const start = s.offsets[i]!;
      if (!s.full.startsWith(latin, start)) continue;
      const end = start + latin.length;
      last = i;
      while (last + 1 < s.offsets.length && s.offsets[last + 1]! < end) last++;
      const complete = last + 1 === s.offsets.length ? s.full.length === end : s.offsets[last + 1] === end;
      quality = complete ? 1 : 0.85;
    }
    // Spelling a whole name, alias or keyword is the strongest reading there is.
    if (i === 0 && last === s.chars.length - 1) quality += 0.3;
    const text = s.chars.slice(i, last + 1).join('');
    const known = best.get(text);
    if (!known || known.quality < quality) best.set(text, { text, quality, via: isInitials ? 'initials' : 'pinyin' });
  }
  return [...best.values()]
    .sort((a, b) => b.quality - a.quality || b.text.length - a.text.length || (a.text < b.text ? -1 : 1))
    .slice(0, MAX_READINGS);
}
