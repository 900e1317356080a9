import { type Hydrated, lazily } from './hydrate.ts';

/** A term's pinyin, ready for matching: full spelling, where each syllable starts in it, and initials. */
export interface Spelled {
  term: number;
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

interface Table {
  spelled: (Spelled | undefined)[];
  /**
   * First two letters at every syllable boundary → where: the prefix index partial pinyin is looked up in.
   * Each place is one number, (term × 64 + syllable) × 2 + (1 for initials): a catalog of 5,000 distinct
   * matters has ~130,000 places, and small arrays for each would cost more in allocation than the lookup.
   */
  starts: Map<string, number[]>;
}

const MAX_SYLLABLES = 64;

/** Built on the first Latin query from the terms' stored syllables (about one entry per syllable). */
export function pinyinTable(h: Hydrated): Table {
  return lazily(h, 'pinyin', () => {
    const starts = new Map<string, number[]>();
    const at = (key: string, place: number) => {
      const list = starts.get(key);
      if (list) list.push(place);
      else starts.set(key, [place]);
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
      for (let i = 0; i < Math.min(syllables.length, MAX_SYLLABLES); i++) {
        const spelledKey = full.slice(offsets[i], offsets[i]! + 2);
        const initialsKey = initials.slice(i, i + 2);
        if (spelledKey.length === 2) at(spelledKey, (term * MAX_SYLLABLES + i) * 2);
        if (initialsKey.length === 2) at(initialsKey, (term * MAX_SYLLABLES + i) * 2 + 1);
      }
      return { term, full, offsets, initials };
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
  for (const place of table.starts.get(latin.slice(0, 2)) ?? []) {
    const isInitials = place % 2 === 1;
    const i = Math.floor(place / 2) % MAX_SYLLABLES;
    const s = table.spelled[Math.floor(place / 2 / MAX_SYLLABLES)]!;
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
    const chars = Array.from(h.index.terms[s.term]!);
    if (i === 0 && last === chars.length - 1) quality += 0.3;
    const text = chars.slice(i, last + 1).join('');
    const known = best.get(text);
    if (!known || known.quality < quality)
      best.set(text, { text, quality, via: isInitials ? 'initials' : 'pinyin' });
  }
  return [...best.values()]
    .sort((a, b) => b.quality - a.quality || b.text.length - a.text.length || (a.text < b.text ? -1 : 1))
    .slice(0, MAX_READINGS);
}
