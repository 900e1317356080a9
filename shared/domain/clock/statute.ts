/**
 * The periods of 行政许可法 (Administrative Licensing Law), in working days (Art. 82). They are exported for
 * callers to set limits and check extensions with; the clock itself takes whatever limit it is given, as a
 * region's promised limit (承诺办结时限) may be shorter and other laws set other periods.
 */

/** Art. 42 ¶1: a decision within 20 working days of acceptance … */
export const DECISION_DAYS = 20;
/** … which the head of the body (本行政机关负责人) may extend once, by 10, giving the applicant the reason. */
export const STATUTORY_EXTENSION_DAYS = 10;
/** Art. 42 ¶2: joint or centralised handling (统一办理、联合办理、集中办理) within 45 … */
export const JOINT_HANDLING_DAYS = 45;
/** … extendable by 15 with the approval of the head of the people's government at that level. */
export const JOINT_EXTENSION_DAYS = 15;
/** Art. 44: the licence is issued and served within 10 working days of the decision. */
export const CERTIFICATE_DAYS = 10;

/**
 * Why a clock stops (时限中止): the time Art. 45 puts outside the period (hearing, tender, auction,
 * inspection, testing, quarantine, appraisal, expert review), a correction period (补正), or another ground
 * a law provides ('other', with its reason).
 */
export const PAUSE_TYPES = [
  'correction',
  'hearing',
  'tender',
  'auction',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert-review',
  'other',
] as const;
export type PauseType = (typeof PAUSE_TYPES)[number];

export const PAUSE_TYPE_NAMES: Record<PauseType, { zh: string; en: string }> = {
  correction: { zh: '补正', en: 'correction' },
  hearing: { zh: '听证', en: 'hearing' },
  tender: { zh: '招标', en: 'tender' },
  auction: { zh: '拍卖', en: 'auction' },
  inspection: { zh: '检验', en: 'inspection' },
  testing: { zh: '检测', en: 'testing' },
  quarantine: { zh: '检疫', en: 'quarantine' },
  appraisal: { zh: '鉴定', en: 'appraisal' },
  'expert-review': { zh: '专家评审', en: 'expert review' },
  other: { zh: '其他', en: 'other' },
};
