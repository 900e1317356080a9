/** Of all versions of all items, the one in force on `date` for each item (latest effectiveFrom ≤ date). */
export function versionsInForce<V extends { item: object; version: number; effectiveFrom: string }>(
  versions: V[],
  codeOf: (v: V) => string,
  date: string,
): V[] {
  const best = new Map<string, V>();
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    const code = codeOf(v);
    const current = best.get(code);
    if (
      !current ||
      v.effectiveFrom > current.effectiveFrom ||
      (v.effectiveFrom === current.effectiveFrom && v.version > current.version)
    ) {
      best.set(code, v);
    }
  }
  return [...best.values()];
}

/** The earliest effective date after `date`, when the catalog in force changes next. */
export function nextEffectiveDate(versions: { effectiveFrom: string }[], date: string): string | undefined {
  return versions
    .map((v) => v.effectiveFrom)
    .filter((d) => d > date)
    .sort()[0];
}
