import { z } from 'zod';

/**
 * The matter catalog (事项清单), DOMAIN.md "The matter catalog": base items (基本目录) are defined once for the
 * province; each region's implementation item (实施清单) carries the base item's standard parts unchanged and
 * adds only what is local (who, where, when, how fast, how much).
 */

/** 行政许可 01 … 其他 99 — the two digits after the origin in a base code. */
export const MATTER_TYPES = {
  '01': '行政许可',
  '02': '行政处罚',
  '03': '行政强制',
  '04': '行政征收',
  '05': '行政给付',
  '06': '行政检查',
  '07': '行政确认',
  '08': '行政奖励',
  '09': '行政裁决',
  '10': '其他行政权力',
  '20': '公共服务',
  '99': '其他',
} as const;
export const MatterType = z.enum(Object.keys(MATTER_TYPES) as [keyof typeof MATTER_TYPES]);
export type MatterType = z.infer<typeof MatterType>;

/** Types a citizen or enterprise applies for (the others are actions the government takes on its own). */
export const APPLICABLE_TYPES: MatterType[] = ['01', '05', '07', '08', '09', '10', '20'];

/** 自然人 / 法人. */
export const ServiceTarget = z.enum(['person', 'enterprise']);
export type ServiceTarget = z.infer<typeof ServiceTarget>;

/** 全程网办 online, 窗口办理 window, or either. */
export const HandlingForm = z.enum(['online', 'window', 'both']);

/** 通办范围: none, within a city (市域), the province (全省) or across provinces (跨省). */
export const CrossRegionScope = z.enum(['none', 'city', 'province', 'national']);
export type CrossRegionScope = z.infer<typeof CrossRegionScope>;

/** Matters touching these never offer 告知承诺 (国办发〔2020〕42号). */
export const RiskCategory = z.enum([
  'national-security',
  'state-secrets',
  'public-safety',
  'financial-prudential',
  'ecology-environment',
  'personal-health',
  'life-property-safety',
  'foreign-affairs',
]);
export type RiskCategory = z.infer<typeof RiskCategory>;

export const BASE_CODE = /^(00|61)(\d{2})(\d{2})(\d{3})(\d{3})$/;
export const IMPLEMENTATION_CODE = /^\d{12}\d{6}(\d{2})?$/;
const Code = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-"');
const Text = z.string().trim().min(1);

export const LegalBasis = z.object({
  law: Text,
  /** The article relied on; left out rather than guessed where the law as a whole is the basis. */
  article: Text.optional(),
  /** The rule's words, where the guide quotes them. */
  excerpt: z.string().optional(),
});

/** 办理情形: a situation that makes some materials conditional. */
export const Situation = z.object({ id: Code, name: Text });

export const Material = z.object({
  id: Code,
  name: Text,
  /** Required in every case, or only in the listed situations. */
  required: z.boolean(),
  situations: z.array(Code).default([]),
  form: z.enum(['paper', 'electronic', 'both']),
  /** Brought by the applicant, or issued by a government body (then possibly as an e-licence, 免证办). */
  source: z.enum(['applicant', 'government']),
  licenceType: z.string().optional(),
  copies: z.number().int().min(0).default(1),
  blankForm: z.string().optional(),
  sample: z.string().optional(),
  /** Core materials are never deferred (容缺). */
  core: z.boolean().default(false),
  /** May be supplied after acceptance, under 容缺. */
  deferrable: z.boolean().default(false),
  /** May be replaced by a signed commitment (告知承诺). */
  replaceableByCommitment: z.boolean().default(false),
});
export type Material = z.infer<typeof Material>;

export const ProcessStep = z.object({
  id: Code,
  name: Text,
  kind: z.enum(['acceptance', 'review', 'decision', 'issuance']),
  /** Working days this step may take. */
  limitDays: z.number().int().min(0),
});

export const Fee = z.object({ name: Text, amountYuan: z.number().min(0), basis: Text });

export const Location = z.object({
  name: Text,
  address: Text,
  hours: Text,
  phone: Text,
});

export const ResultType = z.enum(['licence', 'certificate', 'approval', 'registration', 'payment', 'other']);

/** The parts of a matter that are identical everywhere in the province. */
export const StandardParts = z.object({
  baseCode: z.string().regex(BASE_CODE, 'a base code is 12 digits: origin, type, department, item, sub-item'),
  name: Text,
  /**
   * The name shown in the English interface. Optional here, so a catalog stored before it existed (and an
   * item a test or a department writes without it) still parses — the web app falls back to `name`; the
   * seed requires it (base-items/helpers.ts) and a seed test checks every base item has one.
   */
  nameEn: Text.optional(),
  aliases: z.array(Text).default([]),
  keywords: z.array(Text).default([]),
  type: MatterType,
  department: Code,
  legalBasis: z.array(LegalBasis).min(1),
  acceptanceConditions: z.array(Text).min(1),
  serviceTargets: z.array(ServiceTarget).min(1),
  situations: z.array(Situation).default([]),
  materials: z.array(Material),
  processSteps: z.array(ProcessStep).min(1),
  legalLimitDays: z.number().int().min(0),
  resultType: ResultType,
  resultName: Text,
  /** The result's name in English, optional for the same reason as `nameEn`. */
  resultNameEn: Text.optional(),
  commitment: z.object({
    offered: z.boolean(),
    text: z.string().optional(),
    /** Working days after approval within which the commitment is verified (事中事后核查). */
    verificationDays: z.number().int().positive().optional(),
  }),
  tolerance: z.object({ offered: z.boolean() }),
  riskCategories: z.array(RiskCategory).default([]),
  /** 高频事项: ranked first in search, counted in the assessment figures. */
  highFrequency: z.boolean().default(false),
});

/** 基本目录事项. */
export const BaseItem = StandardParts.extend({
  level: z.enum(['province', 'city', 'county']),
});
export type BaseItem = z.infer<typeof BaseItem>;

/** 实施清单事项: one region's delivery of a base item. */
export const ImplementationItem = StandardParts.extend({
  implementationCode: z
    .string()
    .regex(IMPLEMENTATION_CODE, 'an implementation code is the base code and a region code'),
  region: z.string().regex(/^\d{6}$/),
  implementingBody: z.object({ name: Text, uscc: z.string().length(18) }),
  promisedLimitDays: z.number().int().min(0),
  handlingForm: HandlingForm,
  visits: z.number().int().min(0).max(2),
  fees: z.array(Fee).default([]),
  specialProcedures: z.array(z.object({ name: Text, limitDays: z.number().int().min(0) })).default([]),
  locations: z.array(Location).min(1),
  consultationPhone: Text,
  complaintPhone: Text,
  onlineUrl: z.string().optional(),
  crossRegionScope: CrossRegionScope,
});
export type ImplementationItem = z.infer<typeof ImplementationItem>;

/** Everything in StandardParts: what must not differ between regions. */
export const STANDARD_PART_KEYS = Object.keys(StandardParts.shape) as (keyof z.infer<typeof StandardParts>)[];

/** A region, from the region list (data, not code). */
export const Region = z.object({
  code: z.string().regex(/^\d{6}$/),
  name: Text,
  nameEn: Text,
  parent: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  kind: z.enum(['province', 'city', 'special-zone', 'county']),
});
export type Region = z.infer<typeof Region>;

/** A department, per region: its implementing bodies carry a 统一社会信用代码. */
export const Department = z.object({
  code: Code,
  name: Text,
  nameEn: Text,
  /** The two digits it has in base codes. */
  baseCodeDigits: z.string().regex(/^\d{2}$/),
});
export type Department = z.infer<typeof Department>;
