import type { SynonymTuple } from './format.ts';
import { type Hydrated, lazily } from './hydrate.ts';
import { compact, hasHan, isHan, normalize, runs } from './normalize.ts';
import { readings } from './pinyin-match.ts';
import { hanTokens } from './tokenize.ts';

export type Via = 'text' | 'synonym' | 'pinyin' | 'initials';

/** Tokens that count as one: a bigram, or a lone character with the bigrams it appears in. */
export interface Unit {
  tokens: string[];
}

/** One reading of part of the query: its own words, a synonym's meaning, or what its pinyin spells. */
export interface Alternative {
  units: Unit[];
  /** Compact text compared with names and aliases for the exact-match boost. */
  phrase: string;
  weight: number;
  via: Via;
  /** Only docs matching every unit count (the character back-off, which would otherwise match anything). */
  matchAll: boolean;
}

/** A part of the query (its Chinese, or one Latin run); a doc scores its best alternative in each slot. */
export interface Slot {
  alternatives: Alternative[];
}

export interface Plan {
  /** The normalized query: what a cursor is bound to. */
  key: string;
  slots: Slot[];
}

// Said around a need, not part of it: removed unless nothing else is left.
const FILLERS = [
  '怎么办理',
  '如何办理',
  '怎么办',
  '怎么',
  '如何',
  '我要',
  '我想',
  '想要',
  '需要',
  '在哪里',
  '哪里',
];

/**
 * `byCharacter` is the back-off when the bigrams found nothing (办证: no matter says 办证, but 办身份证 has
 * both characters): every Han character then stands for the bigrams it appears in.
 */
export function plan(h: Hydrated, q: string | undefined, byCharacter = false): Plan {
  const key = normalize(q ?? '');
  const slots: Slot[] = [];
  if (!key) return { key, slots };
  const parts = runs(key);
  const han = parts.filter((r) => r.han).map((r) => r.text);
  if (han.length) {
    const whole = han.join('');
    const own = han.map(withoutFillers).filter(Boolean);
    const alternatives = [alternative(h, own.length ? own : han, 1, 'text', byCharacter)];
    for (const phrase of synonymsIn(h, whole)) alternatives.push(alternative(h, [phrase], 1, 'synonym'));
    slots.push({ alternatives });
  }
  // Latin typed alone is one pinyin string whatever its spaces (ying ye zhi zhao); among Chinese, each run.
  const latin = parts.filter((r) => !r.han).map((r) => r.text);
  for (const text of han.length ? latin : latin.length ? [latin.join('')] : []) {
    const alternatives = [alternative(h, [text], 1, 'text')];
    for (const r of readings(h, text)) alternatives.push(alternative(h, [r.text], r.quality, r.via));
    for (const { phrase, weight } of synonymsSpelled(h, text)) {
      alternatives.push(alternative(h, [phrase], weight, 'synonym'));
    }
    slots.push({ alternatives });
  }
  return { key, slots };
}

function withoutFillers(text: string): string {
  let out = text;
  for (const f of FILLERS) out = out.replaceAll(f, '');
  return out;
}

function alternative(
  h: Hydrated,
  texts: string[],
  weight: number,
  via: Via,
  byCharacter = false,
): Alternative {
  // Keyed by first token: a repeated bigram (登记登记) or character counts once.
  const units = new Map<string, Unit>();
  const add = (tokens: string[]) => units.has(tokens[0]!) || units.set(tokens[0]!, { tokens });
  for (const text of texts) {
    for (const r of runs(normalize(text))) {
      const chars = Array.from(r.text);
      if (!r.han) add([r.text]);
      else if (chars.length > 1 && !byCharacter) for (const t of hanTokens(r.text)) add([t]);
      else for (const c of chars) add([c, ...(charBigrams(h).get(c) ?? [])]);
    }
  }
  return {
    units: [...units.values()],
    phrase: texts.map(compact).join(''),
    weight,
    via,
    matchAll: byCharacter,
  };
}

/** Character → the indexed bigrams it appears in, so a one-character query (证) still finds 营业执照. */
function charBigrams(h: Hydrated): Map<string, string[]> {
  return lazily(h, 'chars', () => {
    const map = new Map<string, string[]>();
    for (const token of Object.keys(h.index.postings)) {
      const chars = Array.from(token);
      if (chars.length !== 2 || !chars.every(isHan)) continue;
      for (const c of new Set(chars)) {
        const list = map.get(c);
        if (list) list.push(token);
        else map.set(c, [token]);
      }
    }
    return map;
  });
}

/** The phrases of a meaning ("出生登记 户口登记") are read separately: a matter need not match both. */
const phrases = (synonyms: SynonymTuple[]) => [
  ...new Set(synonyms.flatMap(([meaning]) => meaning.split(' '))),
];

/** Meanings of the synonyms whose terms the Chinese query contains. */
function synonymsIn(h: Hydrated, text: string): string[] {
  return phrases(
    h.index.synonyms.filter(([, terms]) =>
      terms.some((t) => hasHan(t) && (text.includes(t) || looselyContains(text, t))),
    ),
  );
}

/**
 * 开个饭店 still says 开饭店: a term of three or more characters matches when its characters appear in order
 * with at most two others between them. Shorter terms must match exactly (too many false friends).
 */
function looselyContains(text: string, term: string): boolean {
  const t = Array.from(term);
  const s = Array.from(text);
  if (t.length < 3) return false;
  for (let start = s.indexOf(t[0]!); start !== -1; start = s.indexOf(t[0]!, start + 1)) {
    let at = start;
    let ok = true;
    for (const c of t.slice(1)) {
      at = s.indexOf(c, at + 1);
      if (at === -1 || at - start >= t.length + 2) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/**
 * Synonyms spelled in pinyin: shangbaoxian → 上保险, initials from three letters (sbk → 社保卡). A prefix of
 * five letters or more counts only when nothing is spelled exactly: shebaoka is 社保卡, not the start of
 * 社保开户.
 */
function synonymsSpelled(h: Hydrated, latin: string): { phrase: string; weight: number }[] {
  const exact = h.index.synonyms.filter(
    ([, , full, initials]) => full.includes(latin) || (latin.length >= 3 && initials.includes(latin)),
  );
  if (exact.length) return phrases(exact).map((phrase) => ({ phrase, weight: 0.9 }));
  if (latin.length < 5) return [];
  const prefixed = h.index.synonyms.filter(([, , full]) => full.some((f) => f.startsWith(latin)));
  return phrases(prefixed).map((phrase) => ({ phrase, weight: 0.6 }));
}
