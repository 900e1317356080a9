import { pinyin } from 'pinyin-pro';

/**
 * Build time only: the search function never imports pinyin-pro (its dictionary would weigh on every cold
 * start); the index carries the pinyin it needs.
 *
 * One syllable per character of the compact text, so a pinyin match maps back to the characters it spells
 * (yyzz → 营业执照). Non-Han characters stand for themselves (ETC → e t c). Initials are the syllables'
 * first letters, which is what `pattern: 'first'` yields, without a second pass over the dictionary.
 */
export function syllables(compactText: string): string[] | undefined {
  const chars = Array.from(compactText);
  const out = pinyin(compactText, { toneType: 'none', type: 'array' }).map((s) =>
    s.toLowerCase().replace(/ü/g, 'v'),
  );
  // pinyin-pro answers one element per character; anything else would misalign the mapping back.
  return out.length === chars.length && out.every((s) => s.length > 0 && !s.includes(' ')) ? out : undefined;
}

export const fullSpelling = (s: string[]) => s.join('');
export const initials = (s: string[]) => s.map((x) => x[0]).join('');
