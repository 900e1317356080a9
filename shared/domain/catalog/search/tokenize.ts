import { normalize, runs } from './normalize.ts';

/**
 * Han text is indexed by overlapping character bigrams: 食品经营许可 → 食品 品经 经营 营许 许可. A query's
 * bigrams then match wherever the same two characters stand together, whatever word boundaries a segmenter
 * would have guessed. A run of one character has no bigram, so it is kept as a unigram.
 */
export function hanTokens(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Tokens of any text: bigrams of its Han runs, and its other runs (ETC, 12345) as whole words. */
export function tokens(text: string): string[] {
  return runs(normalize(text)).flatMap((r) => (r.han ? hanTokens(r.text) : [r.text]));
}
