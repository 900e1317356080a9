import type { z } from 'zod';
import type { BaseItem, Material, ProcessStep } from '../../../../shared/domain/catalog/model.ts';

/**
 * Building blocks for the seed's base items. The items are written as zod *input* (defaults omitted) and
 * parsed once in ../index.ts, so every file here stays close to what a catalog editor would type.
 */

/** The model lets English names be absent (older catalogs); the seed always gives them, for the English interface. */
export type BaseItemInput = z.input<typeof BaseItem> & { nameEn: string; resultNameEn: string };
export type MaterialInput = z.input<typeof Material>;
type StepInput = z.input<typeof ProcessStep>;
type StepKind = StepInput['kind'];

/**
 * A limit the law gives in calendar days (日, not 工作日). The model counts working days only, so the seed
 * lists the working days of an ordinary stretch of that many days (five in every seven), rounded down. This
 * is approximate across long holidays; a calendar-day limit in the model would be exact (see the seed
 * report).
 */
export const calendarDays = (days: number): number => Math.floor((days * 5) / 7);

/** 委托代理: the situation almost every matter has, and the two materials it brings. */
export const AGENT = { id: 'agent', name: '委托他人代为办理' };

export function agentMaterials(): MaterialInput[] {
  return [
    {
      id: 'power-of-attorney',
      name: '授权委托书',
      required: false,
      situations: [AGENT.id],
      form: 'paper',
      source: 'applicant',
      blankForm: '授权委托书（范本）',
    },
    {
      id: 'agent-id-card',
      name: '受托人居民身份证',
      required: false,
      situations: [AGENT.id],
      form: 'both',
      source: 'government',
      licenceType: '居民身份证',
      copies: 0,
    },
  ];
}

/**
 * A certificate issued by a government body: shown, not kept (copies 0), and its e-licence (免证办) can stand
 * in for it.
 */
function issuedCertificate(licenceType: string, name: string, id: string): MaterialInput {
  return { id, name, required: true, form: 'both', source: 'government', licenceType, copies: 0, core: true };
}

export const idCard = (name = '申请人居民身份证', id = 'id-card') =>
  issuedCertificate('居民身份证', name, id);
export const householdBook = (name = '居民户口簿', id = 'household-book') =>
  issuedCertificate('居民户口簿', name, id);
export const businessLicence = (name = '营业执照', id = 'business-licence') =>
  issuedCertificate('营业执照', name, id);

/** A usual material asked only in some situations (a conditional material is never core). */
export function onlyWhen(situations: string[], material: MaterialInput): MaterialInput {
  return { ...material, required: false, core: false, situations };
}

/** The form the applicant fills in: always core, with a blank form and a filled-in sample. */
export function applicationForm(name: string, id = 'application-form'): MaterialInput {
  return {
    id,
    name,
    required: true,
    form: 'both',
    source: 'applicant',
    blankForm: name,
    sample: `${name}（填写示例）`,
    core: true,
  };
}

const STEP_NAMES: Record<StepKind, string> = {
  acceptance: '受理',
  review: '审查',
  decision: '决定',
  issuance: '办结送达',
};

/**
 * The four usual steps with their working days; a string after the days renames a step (现场核查, 审核确认
 * …). Steps with `undefined` days are left out, for matters decided on the spot.
 */
export function steps(days: Partial<Record<StepKind, number | [number, string]>>): StepInput[] {
  const kinds: StepKind[] = ['acceptance', 'review', 'decision', 'issuance'];
  return kinds.flatMap((kind) => {
    const spec = days[kind];
    if (spec === undefined) return [];
    const [limitDays, name] = typeof spec === 'number' ? [spec, STEP_NAMES[kind]] : spec;
    return [{ id: kind, name, kind, limitDays }];
  });
}

/** The text applicants sign under 告知承诺; the verification period is the seed's default (configurable). */
export function commitment(what: string, verificationDays = 20): BaseItemInput['commitment'] {
  return {
    offered: true,
    text: `本人（本单位）承诺：${what}。所填信息及所交材料真实、合法、有效；如有虚假，愿承担撤销相关决定、记入信用记录等法律责任。`,
    verificationDays,
  };
}

export const NO_COMMITMENT: BaseItemInput['commitment'] = { offered: false };
export const NO_TOLERANCE: BaseItemInput['tolerance'] = { offered: false };
export const TOLERANCE: BaseItemInput['tolerance'] = { offered: true };
