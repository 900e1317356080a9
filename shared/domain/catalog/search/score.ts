import { FIELD_WEIGHTS, type Field } from './format.ts';
import type { Hydrated } from './hydrate.ts';
import type { Alternative, Plan, Via } from './query.ts';

export interface DocScore {
  score: number;
  field: Field;
  via: Via;
}

// BM25 with the usual k1; b is lower than the usual 0.75 because the texts are short and a long material
// list should not hide a matter whose name matches.
const K1 = 1.2;
const B = 0.4;
/** A character standing in for the bigrams it appears in counts less than the bigram itself. */
const EXPANDED = 0.6;
/** High-frequency matters come first among comparable hits, not above clearly better ones. */
const HIGH_FREQUENCY = 1.1;

/**
 * BM25 over field-weighted term frequencies, per alternative; a doc takes its best alternative in each slot
 * of the plan and the slots add up. Coverage (how many of the alternative's tokens matched) and an exact
 * name or alias match multiply the sum, since bigrams alone cannot tell a phrase from scattered characters.
 */
export function scoreDocs(h: Hydrated, plan: Plan): Map<number, DocScore> {
  const total = new Map<number, DocScore & { best: number }>();
  for (const slot of plan.slots) {
    const best = new Map<number, DocScore>();
    for (const alt of slot.alternatives) {
      for (const [doc, s] of scoreAlternative(h, alt)) {
        const known = best.get(doc);
        if (!known || known.score < s.score) best.set(doc, s);
      }
    }
    for (const [doc, s] of best) {
      const known = total.get(doc);
      if (!known) total.set(doc, { ...s, best: s.score });
      else {
        known.score += s.score;
        if (s.score > known.best) Object.assign(known, { field: s.field, via: s.via, best: s.score });
      }
    }
  }
  const out = new Map<number, DocScore>();
  for (const [doc, { score, field, via }] of total) {
    const boost = h.index.docs[doc]![8] ? HIGH_FREQUENCY : 1;
    out.set(doc, { score: score * boost, field, via });
  }
  return out;
}

function scoreAlternative(h: Hydrated, alt: Alternative): Map<number, DocScore> {
  const n = h.index.docs.length;
  const acc = new Map<number, { sum: number; matched: number; top: number; field: Field }>();
  for (const unit of alt.units) {
    // Within a unit, a doc counts its best token once.
    const unitBest = new Map<number, { value: number; field: Field }>();
    unit.tokens.forEach((token, i) => {
      const p = h.posting(token);
      if (!p) return;
      const idf = Math.log(1 + (n - p.docs.length + 0.5) / (p.docs.length + 0.5));
      const factor = i === 0 ? 1 : EXPANDED;
      for (let j = 0; j < p.docs.length; j++) {
        const doc = p.docs[j]!;
        const tf = p.weights[j]! / FIELD_WEIGHTS.name;
        const norm = K1 * (1 - B + (B * h.index.docs[doc]![9]) / h.averageLength);
        const value = (factor * idf * tf * (K1 + 1)) / (tf + norm);
        const known = unitBest.get(doc);
        if (!known || known.value < value) unitBest.set(doc, { value, field: p.fields[j]! });
      }
    });
    for (const [doc, { value, field }] of unitBest) {
      const a = acc.get(doc) ?? { sum: 0, matched: 0, top: 0, field };
      a.sum += value;
      a.matched += 1;
      if (value > a.top) Object.assign(a, { top: value, field });
      acc.set(doc, a);
    }
  }
  const out = new Map<number, DocScore>();
  const units = Math.max(1, alt.units.length);
  for (const [doc, a] of acc) {
    const coverage = a.matched / units;
    const score = a.sum * (0.25 + 0.75 * coverage) * phraseBoost(h, doc, alt.phrase) * alt.weight;
    out.set(doc, { score, field: a.field, via: alt.via });
  }
  return out;
}

function phraseBoost(h: Hydrated, doc: number, phrase: string): number {
  if (Array.from(phrase).length < 2) return 1;
  const name = h.docNames[doc]!;
  if (name === phrase) return 2;
  if (h.docAliases[doc]!.includes(phrase)) return 1.6;
  if (name.includes(phrase)) return 1.35;
  return 1;
}
