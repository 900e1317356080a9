/**
 * How administrative region codes (GB/T 2260) nest. Its own module, below the case rules, because both who may
 * read a case (cases/access.ts) and who acts on one (cases/actors.ts) ask it.
 */

/** A province (610000) covers its cities and counties, a city (610100) its counties. */
export function regionCovers(region: string | undefined, target: string): boolean {
  if (!region) return false;
  if (region === target) return true;
  if (region.endsWith('0000')) return target.startsWith(region.slice(0, 2));
  if (region.endsWith('00')) return target.startsWith(region.slice(0, 4));
  return false;
}
