import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envelope } from '../../../events/envelope.ts';
import {
  CONTRACT,
  type ContractEntry,
  contractEntry,
  EventBridgeEvent,
  validateEvent,
} from '../../../events/index.ts';
import { jsonSchemas, samplePathOf, schemaPathOf } from '../../../events/json-schemas.ts';
import { matchesEventPattern, validateEventPattern } from '../../../infra/local/eventbridge/pattern.ts';
import { today } from '../../../shared/adapters/clock.ts';
import { detailTypeOf } from '../../../shared/domain/cases/events.ts';
import { CASE_STATUSES, TRANSITIONS, targetOf } from '../../../shared/domain/cases/lifecycle.ts';
import type { CaseStatus } from '../../../shared/domain/cases/model.ts';
import { isValidIdNumber } from '../../../shared/domain/id-numbers.ts';

const EVENTS = new URL('../../../events/', import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, EVENTS), 'utf8'));
const sampleOf = (entry: ContractEntry) => readJson(samplePathOf(entry)) as EventBridgeEvent;
const detailOf = (entry: ContractEntry) => structuredClone(sampleOf(entry).detail);
const named = (entry: ContractEntry) => ({ ...entry, name: `${entry.source} ${entry.detailType}` });
const ENTRIES = CONTRACT.map(named);
const validates = (entry: ContractEntry, detail: unknown) =>
  validateEvent({ source: entry.source, detailType: entry.detailType, detail }).success;

const carriesEnvelope = ({ schema }: ContractEntry) =>
  schema instanceof z.ZodObject && Object.keys(envelope).every((key) => key in schema.shape);

/** A value of another JSON type than `value`. */
const mistyped = (value: unknown): unknown => {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return 'yes';
  return 'not an object';
};

describe('the event contract: a schema and a sample per detail-type', () => {
  it('names each detail-type once per source, every source under tongban.', () => {
    const keys = CONTRACT.map((e) => `${e.source}|${e.detailType}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(CONTRACT.every((e) => e.source.startsWith('tongban.'))).toBe(true);
  });

  it.each(ENTRIES)(
    'given the sample of $name, it is a full EventBridge event whose detail validates',
    (entry) => {
      const sample = sampleOf(entry);
      expect(EventBridgeEvent.safeParse(sample).error).toBeUndefined();
      expect({ source: sample.source, detailType: sample['detail-type'] }).toEqual({
        source: entry.source,
        detailType: entry.detailType,
      });
      expect(entry.schema.safeParse(sample.detail).error).toBeUndefined();
    },
  );

  it.each(ENTRIES)(
    "given the sample of $name, a department's JSON Schema validator accepts it too",
    (entry) => {
      // Formats are left to the patterns zod writes beside them, as a validator without format plugins would.
      const ajv = new Ajv2020({ strict: true, validateFormats: false });
      const validate = ajv.compile(readJson(schemaPathOf(entry)));
      expect(validate(sampleOf(entry).detail), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it.each(ENTRIES)('when any field of the $name sample has the wrong type, it is refused', (entry) => {
    const detail = detailOf(entry);
    const accepted = Object.keys(detail).filter((key) =>
      validates(entry, { ...detail, [key]: mistyped(detail[key]) }),
    );
    expect(accepted).toEqual([]);
  });

  it.each(ENTRIES)('when a required field of the $name sample is missing, it is refused', (entry) => {
    const schema = readJson(schemaPathOf(entry));
    const required: string[] =
      schema.required ?? schema.oneOf.flatMap((branch: { required: string[] }) => branch.required);
    expect(required.length).toBeGreaterThan(0);
    const accepted = [...new Set(required)].filter((key) => {
      const { [key]: _removed, ...rest } = detailOf(entry);
      return validates(entry, rest);
    });
    expect(accepted).toEqual([]);
  });

  it('carries the common envelope on every event about a case, wherever it comes from', () => {
    const sources = new Set(ENTRIES.filter(carriesEnvelope).map((e) => e.source));
    expect([...sources].sort()).toEqual([
      'tongban.cases',
      'tongban.evaluations',
      'tongban.licences',
      'tongban.routing',
    ]);
  });

  it.each(ENTRIES.filter(carriesEnvelope))(
    'when an envelope field of the $name sample is missing, it is refused',
    (entry) => {
      const accepted = Object.keys(envelope).filter((key) => {
        const { [key]: _removed, ...rest } = detailOf(entry);
        return validates(entry, rest);
      });
      expect(accepted).toEqual([]);
    },
  );

  it.each(ENTRIES)(
    'given $name with a field the contract does not know, a published event passes and an answer fails',
    (entry) => {
      const result = validates(entry, { ...detailOf(entry), addedInALaterMinorVersion: true });
      expect(result).toBe(entry.audience !== 'answer');
    },
  );

  it('accepts any minor version of the current major version, and refuses another major version', () => {
    const entry = contractEntry('tongban.cases', 'Case Submitted')!;
    expect(validates(entry, { ...detailOf(entry), schemaVersion: '1.7' })).toBe(true);
    expect(validates(entry, { ...detailOf(entry), schemaVersion: '2.0' })).toBe(false);
  });

  it('publishes everything it defines, except the e-licence and evaluation events still to be built', () => {
    expect(CONTRACT.filter((e) => !e.published).map((e) => e.detailType)).toEqual([
      'Licence Issued',
      'Evaluation Submitted',
    ]);
  });
});

describe("a department's answer that fails its schema is refused, so it cannot change a case", () => {
  const decision = contractEntry('tongban.departments', 'Review Decision Submitted')!;
  const answer = (change: object) => ({ ...detailOf(decision), ...change });

  it('refuses a denial or a return without a reason, and accepts an approval without one', () => {
    const { reason: _reason, ...withoutReason } = detailOf(decision);
    expect(validates(decision, { ...withoutReason, outcome: 'deny' })).toBe(false);
    expect(validates(decision, { ...withoutReason, outcome: 'return' })).toBe(false);
    expect(validates(decision, answer({ outcome: 'deny', reason: '   ' }))).toBe(false);
    expect(validates(decision, { ...withoutReason, outcome: 'approve' })).toBe(true);
  });

  it('refuses an outcome the platform does not know', () => {
    expect(validates(decision, answer({ outcome: 'approve-with-conditions' }))).toBe(false);
  });

  it('refuses an unknown field anywhere in the answer, the reviewer included', () => {
    expect(validates(decision, answer({ reviewer: { id: 'r-1', phone: '13800000000' } }))).toBe(false);
  });

  it('refuses an answer that names no task or a task id that is not one', () => {
    expect(validates(decision, answer({ taskId: 'TASK-1' }))).toBe(false);
  });

  it('refuses a supervision record with an ID number where the holder hash belongs', () => {
    const supervision = contractEntry('tongban.regulators', 'Supervision Recorded')!;
    const detail = { ...detailOf(supervision), holder: { idNumber: '610104199001011234' } };
    expect(validates(supervision, detail)).toBe(false);
  });

  it('refuses a known detail-type under another source, and an unknown detail-type, naming it', () => {
    const wrongSource = validateEvent({
      source: 'tongban.cases',
      detailType: 'Review Decision Submitted',
      detail: detailOf(decision),
    });
    expect(wrongSource.success).toBe(false);
    expect(wrongSource.error?.issues[0]?.message).toMatch(/no detail-type "Review Decision Submitted"/);
    expect(
      validateEvent({ source: 'tongban.departments', detailType: 'Case Decided', detail: {} }).success,
    ).toBe(false);
  });
});

describe('the generated JSON Schemas', () => {
  const committed = () =>
    readdirSync(new URL('schemas/', EVENTS), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.json'))
      .map((f) => `schemas/${f}`)
      .sort();

  it('are exactly what events/generate.ts writes (run `npx tsx events/generate.ts` after changing a schema)', () => {
    const generated = jsonSchemas();
    expect(committed()).toEqual([...generated.keys()].sort());
    for (const [path, schema] of generated) expect(readJson(path), path).toEqual(schema);
  });

  it("let a published event's consumers ignore fields added later, and close answers to unknown fields", () => {
    for (const entry of CONTRACT) {
      const schema = readJson(schemaPathOf(entry));
      const branches: { additionalProperties: unknown }[] = schema.oneOf ?? [schema];
      const open = branches.map((b) => b.additionalProperties !== false);
      expect(open, entry.detailType).toEqual(branches.map(() => entry.audience !== 'answer'));
    }
  });
});

describe("the case events: every detail-type a case's audit trail is published under", () => {
  /** Records that keep the status (shared/domain/cases: obligations, clock-record, commitment), where they occur. */
  const RECORDS_KEEPING_THE_STATUS: { action: string; in: CaseStatus[]; reason: boolean }[] = [
    { action: 'supply-material', in: ['accepted', 'under-review'], reason: true },
    { action: 'pause', in: ['accepted', 'under-review'], reason: true },
    { action: 'resume-clock', in: ['accepted', 'under-review'], reason: true },
    { action: 'extend', in: ['accepted', 'under-review'], reason: true },
    { action: 'clock-amber', in: ['accepted', 'under-review'], reason: true },
    { action: 'clock-red', in: ['accepted', 'under-review'], reason: true },
    { action: 'verify-commitment', in: ['approved', 'concluded'], reason: false },
    { action: 'recompute-dates', in: ['submitted', 'accepted', 'under-review', 'concluded'], reason: true },
    { action: 'verification-overdue', in: ['approved', 'concluded'], reason: true },
    { action: 'stall', in: ['submitted', 'accepted', 'under-review', 'approved', 'denied'], reason: true },
    {
      action: 'resume-workflow',
      in: ['submitted', 'accepted', 'under-review', 'approved', 'denied'],
      reason: true,
    },
    // Reads and downloads (functions/cases/access-trail.ts) happen in any status.
    { action: 'staff-read', in: [...CASE_STATUSES], reason: false },
    { action: 'material-download', in: [...CASE_STATUSES], reason: true },
  ];

  /** Every audit record the domain can write, as the detail the outbox publishes for it. */
  const records = [
    ...TRANSITIONS.flatMap((rule) =>
      rule.from.map((from) => ({
        action: rule.action as string,
        from,
        to: targetOf(rule, from),
        reason: rule.needsReason ?? false,
        step: rule.needsStep ?? false,
      })),
    ),
    ...RECORDS_KEEPING_THE_STATUS.flatMap((r) =>
      r.in.map((status) => ({ action: r.action, from: status, to: status, reason: r.reason, step: false })),
    ),
  ].map((r) => ({ ...r, detailType: detailTypeOf(r) }));

  const base = detailOf(contractEntry('tongban.cases', 'Case Submitted')!);
  const detailFor = (r: (typeof records)[number]) => {
    const { action, from, to } = r;
    return {
      ...base,
      action,
      from,
      to,
      ...(r.reason ? { reason: '理由 / reason' } : {}),
      ...(r.step ? { step: 'review' } : {}),
    };
  };

  it('has a schema for each, which accepts the record as the outbox publishes it', () => {
    const refused = records.filter((r) => {
      const entry = contractEntry('tongban.cases', r.detailType);
      return !entry?.schema.safeParse(detailFor(r)).success;
    });
    expect(refused.map((r) => `${r.detailType}: ${r.action} ${r.from} → ${r.to}`)).toEqual([]);
  });

  it('lists under each detail-type exactly the actions published under it, and no detail-type nothing publishes', () => {
    const produced = new Map<string, Set<string>>([['Review Requested', new Set(['request-review'])]]);
    for (const r of records)
      produced.set(r.detailType, (produced.get(r.detailType) ?? new Set()).add(r.action));
    const listed = new Map(
      CONTRACT.filter((e) => e.source === 'tongban.cases').map((e) => {
        const action = (e.schema as z.ZodObject).shape.action as z.ZodEnum;
        return [e.detailType, new Set(action.options as string[])];
      }),
    );
    const sorted = (m: Map<string, Set<string>>) =>
      Object.fromEntries(
        [...m].map(([k, v]) => [k, [...v].sort()]).sort(([a], [b]) => String(a).localeCompare(String(b))),
      );
    expect(sorted(listed)).toEqual(sorted(produced));
  });

  it('knows every status a case can have', () => {
    const statuses = (contractEntry('tongban.cases', 'Case Escalated')!.schema as z.ZodObject).shape
      .from as z.ZodEnum;
    expect(statuses.options).toEqual([...CASE_STATUSES]);
  });
});

describe('personal data in the samples', () => {
  const everySample = () =>
    CONTRACT.map((e) => readFileSync(new URL(samplePathOf(e), EVENTS), 'utf8')).join('\n');

  it('holds no valid ID number and no mobile phone number', () => {
    const text = everySample();
    const idNumbers = (text.match(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/g) ?? []).filter((n) =>
      isValidIdNumber(n, today()),
    );
    expect(idNumbers).toEqual([]);
    expect(text.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? []).toEqual([]);
  });

  it('has no field for an ID number or contact details, and masks the one name regulators receive', () => {
    expect(everySample().match(/"(idNumber|phone|mobile|email|address|birth\w*)":/gi) ?? []).toEqual([]);
    const credit = detailOf(contractEntry('tongban.credit', 'False Commitment Recorded')!);
    expect(credit.applicant).toMatchObject({ name: expect.stringMatching(/^\S+\*+$/) });
  });
});

describe('the README for departments', () => {
  const readme = () => readFileSync(new URL('README.md', EVENTS), 'utf8');
  const statusOf = (e: ContractEntry) =>
    !e.published ? 'not yet published' : e.audience === 'internal' ? 'internal' : 'published';

  it('lists every detail-type with its status and links to its JSON Schema and sample', () => {
    const rows = readme()
      .split('\n')
      .filter((line) => line.startsWith('| `tongban.'));
    const missing = CONTRACT.filter((e) => {
      const row = rows.find((r) => r.includes(`| \`${e.source}\``) && r.includes(`| \`${e.detailType}\``));
      const cells = row?.split('|').map((c) => c.trim());
      return !(
        cells?.includes(statusOf(e)) &&
        row?.includes(`](${schemaPathOf(e)})`) &&
        row?.includes(`](${samplePathOf(e)})`)
      );
    });
    expect(missing.map((e) => e.detailType)).toEqual([]);
    expect(rows).toHaveLength(CONTRACT.length);
  });

  it('gives example patterns the pattern matcher accepts, each matching a sample it is meant for', () => {
    const patterns = [...readme().matchAll(/```json\n([\s\S]*?)```/g)]
      .map((m) => JSON.parse(m[1]!))
      .filter((block) => !('Source' in block));
    expect(patterns.length).toBeGreaterThanOrEqual(4);
    const samples = CONTRACT.map(sampleOf);
    for (const pattern of patterns) {
      expect(() => validateEventPattern(pattern)).not.toThrow();
      expect(
        samples.some((sample) => matchesEventPattern(pattern, sample)),
        JSON.stringify(pattern),
      ).toBe(true);
    }
  });
});
