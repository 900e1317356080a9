/**
 * Plausible 统一社会信用代码 (GB 32100) for the seed's implementing bodies, generated deterministically so
 * that a body keeps its code across runs. They pass every check a real code passes, but they are NOT the
 * bodies' real codes: a deployment loads those from the registration authorities.
 *
 * Layout: 登记管理部门 (1) + 机构类别 (1) + 登记管理机关行政区划码 (6) + 主体标识码 (9, the GB 11714
 * 组织机构代码: 8 characters and its own check character) + check character (1).
 */

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** 登记管理部门 + 机构类别, by kind of body. */
export const REGISTRATION_PREFIX = {
  /** 机构编制 · 机关 */
  organ: '11',
  /** 机构编制 · 事业单位 */
  institution: '12',
  /** 机构编制 · 群众团体 (残联) */
  'mass-organisation': '13',
  /** 市场监管（工商）· 企业 */
  enterprise: '91',
} as const;
export type RegistrationKind = keyof typeof REGISTRATION_PREFIX;

/** GB 32100 check character of the first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + USCC_CHARS.indexOf(first17[i]!) * w, 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character of an 8-character organisation code (digits, or letters valued A=10 … Z=35). */
export function organisationCodeCheck(first8: string): string {
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const sum = ORG_WEIGHTS.reduce((acc, w, i) => acc + value(first8[i]!) * w, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** FNV-1a: a small, stable hash, so the same body always gets the same code. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    h ^= unit;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface UsccSpec {
  kind: RegistrationKind;
  /** The registration authority's region (6 digits). */
  region: string;
  /**
   * Leading characters of the organisation code: 'MB' for bodies set up since 2015 (e.g. in the 2018 reform),
   * '0' for older organs, '4' for older institutions, '7' for older companies. The rest is filled with digits
   * from `seed`.
   */
  bodyPrefix: string;
  /** Anything that names the body uniquely, e.g. "610100:market-regulation". */
  seed: string;
}

export function generateUscc({ kind, region, bodyPrefix, seed }: UsccSpec): string {
  const width = 8 - bodyPrefix.length;
  const digits = String(hash(seed) % 10 ** width).padStart(width, '0');
  const org8 = `${bodyPrefix}${digits}`;
  const first17 = `${REGISTRATION_PREFIX[kind]}${region}${org8}${organisationCodeCheck(org8)}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}
