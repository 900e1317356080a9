import { z } from 'zod';
import { IMPLEMENTATION_CODE, type ImplementationItem } from '../catalog/model.ts';
import { isValidIdNumber, isValidUscc } from '../id-numbers.ts';
import type { Actor, Message } from './model.ts';

/** What an applicant (or window staff for them) submits, and the checks that need more than its shape. */

const Code = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
const Name = z.string().trim().min(1).max(100);
const Phone = z.string().regex(/^1\d{10}$/, 'a mainland mobile number: 11 digits starting with 1');

/** How each material is supplied: a file, an e-licence (免证办), or the signed commitment (告知承诺). */
export const DeclaredMaterial = z.discriminatedUnion('by', [
  z.strictObject({ materialId: Code, by: z.literal('upload'), fileKey: z.string().min(1).max(500) }),
  z.strictObject({ materialId: Code, by: z.literal('e-licence'), licenceId: z.string().min(1).max(200) }),
  z.strictObject({ materialId: Code, by: z.literal('commitment') }),
]);
export type DeclaredMaterial = z.infer<typeof DeclaredMaterial>;

/** The applicant window staff serve (帮办代办). The check characters are verified by checkApplicant. */
export const Applicant = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('person'),
    name: Name,
    idNumber: z.string().trim(),
    phone: Phone.optional(),
  }),
  z.strictObject({
    kind: z.literal('enterprise'),
    name: Name,
    uscc: z.string().trim(),
    phone: Phone.optional(),
  }),
]);
export type Applicant = z.infer<typeof Applicant>;

export const Application = z.strictObject({
  implementationCode: z.string().regex(IMPLEMENTATION_CODE),
  /** The 办理情形 the applicant is in. */
  situations: z.array(Code).max(50).default([]),
  /** The matter's form fields; their own rules belong to the form, not to this shape. */
  form: z.record(z.string().min(1).max(100), z.string().max(5000)).default({}),
  materials: z.array(DeclaredMaterial).max(200).default([]),
  /** The applicant signed the matter's commitment text. */
  commitment: z.boolean().default(false),
  /** The applicant asks for 容缺 and signs the undertaking to supply deferred materials in time. */
  tolerance: z.boolean().default(false),
  /** Required when window staff submit, refused otherwise: citizens apply for themselves. */
  onBehalfOf: Applicant.optional(),
});
export type Application = z.infer<typeof Application>;

export interface ApplicationError extends Message {
  /** The field at fault, as a dotted path. */
  field: string;
}

const error = (code: string, field: string, zh: string, en: string): ApplicationError => ({
  code,
  field,
  zh,
  en,
});

/**
 * 居民身份证号 (GB 11643) or 统一社会信用代码 (GB 32100), by the existing validators; `today` (YYYY-MM-DD in
 * China) bounds a birth date.
 */
export function checkApplicant(
  applicant: Applicant,
  today: string,
  field = 'onBehalfOf',
): ApplicationError[] {
  if (applicant.kind === 'person') {
    return isValidIdNumber(applicant.idNumber, today)
      ? []
      : [
          error(
            'ID_NUMBER_INVALID',
            `${field}.idNumber`,
            '居民身份证号码无效（应为18位，出生日期和校验码正确，末位X须大写）',
            'The ID number is invalid (18 characters, a real birth date, the right check character, uppercase X)',
          ),
        ];
  }
  return isValidUscc(applicant.uscc)
    ? []
    : [
        error(
          'USCC_INVALID',
          `${field}.uscc`,
          '统一社会信用代码无效（应为18位，校验码正确）',
          'The unified social credit code is invalid (18 characters with the right check character)',
        ),
      ];
}

/** Every problem with an application against its matter and its submitter, all at once, as on `ctx.today`. */
export function checkApplication(
  app: Application,
  ctx: { actor: Actor; matter: ImplementationItem; today: string },
): ApplicationError[] {
  const { actor, matter } = ctx;
  const out: ApplicationError[] = [];
  if (app.implementationCode !== matter.implementationCode) {
    out.push(
      error(
        'MATTER_MISMATCH',
        'implementationCode',
        '实施编码与事项不符',
        'The implementation code is not the matter',
      ),
    );
  }
  const window = actor.roles.includes('window');
  const self = actor.roles.includes('citizen') || actor.roles.includes('enterprise');
  if (window && !app.onBehalfOf) {
    out.push(
      error(
        'ON_BEHALF_REQUIRED',
        'onBehalfOf',
        '窗口代办须填写申请人信息',
        'Window staff must name the applicant',
      ),
    );
  } else if (!window && app.onBehalfOf) {
    out.push(
      error(
        'ON_BEHALF_NOT_ALLOWED',
        'onBehalfOf',
        '只有窗口工作人员可以代为申请',
        'Only window staff apply on behalf of someone',
      ),
    );
  } else if (!window && !self) {
    out.push(
      error('NOT_AN_APPLICANT', 'actor', '该账号不能提交申请', 'This account cannot submit applications'),
    );
  }
  if (app.onBehalfOf) out.push(...checkApplicant(app.onBehalfOf, ctx.today));
  const kind = app.onBehalfOf?.kind ?? (actor.roles.includes('enterprise') ? 'enterprise' : 'person');
  if (!matter.serviceTargets.includes(kind)) {
    out.push(
      error(
        'SERVICE_TARGET',
        'onBehalfOf',
        kind === 'person' ? '本事项不面向自然人' : '本事项不面向法人',
        `This matter is not for ${kind === 'person' ? 'natural persons' : 'legal persons'}`,
      ),
    );
  }
  app.situations.forEach((s, i) => {
    if (!matter.situations.some((x) => x.id === s)) {
      out.push(error('SITUATION_UNKNOWN', `situations.${i}`, `没有办理情形「${s}」`, `No situation "${s}"`));
    }
  });
  app.materials.forEach((m, i) => {
    if (!matter.materials.some((x) => x.id === m.materialId)) {
      out.push(
        error(
          'MATERIAL_UNKNOWN',
          `materials.${i}`,
          `没有申请材料「${m.materialId}」`,
          `No material "${m.materialId}"`,
        ),
      );
    } else if (m.by === 'commitment' && !app.commitment) {
      out.push(
        error(
          'COMMITMENT_NOT_SIGNED',
          `materials.${i}`,
          '以承诺代替材料须先签署承诺书',
          'Replacing a material by commitment needs the signed commitment',
        ),
      );
    }
  });
  return out;
}
