/**
 * One normalization for documents and queries alike, so both sides agree on what a character is: NFKC folds
 * full-width letters, digits and spaces to half-width (ＹＹＺＺ → YYZZ), then case is dropped and every
 * punctuation mark or symbol becomes a space (《》、，。 carry no meaning for matching).
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[\p{P}\p{S}\p{C}\p{Z}\s]+/gu, ' ')
    .trim();
}

/** Spaces removed: the form phrases are compared in (Chinese has no spaces, pinyin may or may not have them). */
export const compact = (text: string) => normalize(text).replace(/ /g, '');

const HAN = /\p{Script=Han}/u;
export const isHan = (char: string) => HAN.test(char);
export const hasHan = (text: string) => HAN.test(text);

/** Runs of Han characters and runs of anything else (Latin letters, digits), from normalized text. */
export function runs(normalized: string): { han: boolean; text: string }[] {
  const out: { han: boolean; text: string }[] = [];
  for (const m of normalized.matchAll(/\p{Script=Han}+|[^\s\p{Script=Han}]+/gu)) {
    out.push({ han: isHan(m[0]), text: m[0] });
  }
  return out;
}
