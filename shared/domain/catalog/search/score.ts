import { FIELD_WEIGHTS, FIELDS, type Field } from './format.ts';
import type { Hydrated, Posting } from './hydrate.ts';
import type { Alternative, Plan, Via } from './query.ts';

export interface DocScore {
  score: number;
  /** The score before the exact-phrase and high-frequency boosts: what the relevance floor compares. */
  plain: number;
  field: Field;
  via: Via;
}

// BM25 with the usual k1; b is lower than the usual 0.75 because the texts are short and a long material
// list should not hide a matter whose name matches.
const K1 = 1.2;
const B = 0.3;
/** A character standing in for the bigrams it appears in counts less than the bigram itself. */
const EXPANDED = 0.6;
/** High-frequency matters come first among comparable hits, not above clearly better ones. */
const HIGH_FREQUENCY = 1.2;

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
        known.plain += s.plain;
        if (s.score > known.best) Object.assign(known, { field: s.field, via: s.via, best: s.score });
      }
    }
  }
  const out = new Map<number, DocScore>();
  for (const [doc, { score, plain, field, via }] of total) {
    const boost = h.docs[doc]!.highFrequency ? HIGH_FREQUENCY : 1;
    out.set(doc, { score: score * boost, plain, field, via });
  }
  return out;
}

function scoreAlternative(h: Hydrated, alt: Alternative): Map<number, DocScore> {
  const n = h.index.docs.length;
  const acc = new Map<number, { sum: number; matched: number; votes: number[] }>();
  for (const unit of alt.units) {
    // Within a unit, a doc counts its best token once.
    const unitBest = new Map<number, { value: number; field: Field }>();
    unit.tokens.forEach((token, i) => {
      const p = h.posting(token);
      if (!p) return;
      const df = weightedFrequency(p);
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const factor = i === 0 ? 1 : EXPANDED;
      for (let j = 0; j < p.docs.length; j++) {
        const doc = p.docs[j]!;
        const tf = p.weights[j]! / FIELD_WEIGHTS.name;
        const norm = K1 * (1 - B + (B * h.docs[doc]!.length) / h.averageLength);
        const value = (factor * idf * tf * (K1 + 1)) / (tf + norm);
        const known = unitBest.get(doc);
        if (!known || known.value < value) unitBest.set(doc, { value, field: p.fields[j]! });
      }
    });
    for (const [doc, { value, field }] of unitBest) {
      const a = acc.get(doc) ?? { sum: 0, matched: 0, votes: FIELDS.map(() => 0) };
      a.sum += value;
      a.matched += 1;
      a.votes[FIELDS.indexOf(field)]! += 1;
      acc.set(doc, a);
    }
  }
  const out = new Map<number, DocScore>();
  const units = Math.max(1, alt.units.length);
  for (const [doc, a] of acc) {
    if (alt.matchAll && a.matched < units) continue;
    const coverage = a.matched / units;
    const plain = a.sum * (0.25 + 0.75 * coverage) * alt.weight;
    // The hint names the field most of the query's tokens were found in (公司章程: the material, not the
    // alias 公司注册 that shares 公司); on a tie, the weightier field.
    const field = FIELDS[a.votes.indexOf(Math.max(...a.votes))]!;
    out.set(doc, { score: plain * phraseBoost(h, doc, alt.phrase), plain, field, via: alt.via });
  }
  return out;
}

/**
 * Document frequency where a doc counts by the field the token is in (a name as one, a material as a fifth):
 * every seed matter lists 受托人居民身份证 among its materials, and a plain count would make 身份证 worthless
 * as a query even for 居民身份证换领. Cached on the posting, which is decoded once.
 */
function weightedFrequency(p: Posting): number {
  if (p.weightedDf === undefined) {
    let df = 0;
    for (const field of p.fields) df += FIELD_WEIGHTS[field] / FIELD_WEIGHTS.name;
    p.weightedDf = df;
  }
  return p.weightedDf;
}

function phraseBoost(h: Hydrated, doc: number, phrase: string): number {
  if (Array.from(phrase).length < 2) return 1;
  const d = h.docs[doc]!;
  if (d.nameText === phrase) return 2;
  if (d.aliasTexts.includes(phrase)) return 1.6;
  if (d.nameText.includes(phrase)) return 1.35;
  return 1;
}
