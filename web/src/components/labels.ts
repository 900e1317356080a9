import type { MessageKey } from '../i18n/i18n.ts';

/** 全程网办 / 窗口办理 / both. */
export const HANDLING_FORM: Record<string, MessageKey> = {
  online: 'matter.online',
  window: 'matter.window',
  both: 'matter.both',
};

/** 通办范围. */
export const SCOPE: Record<string, MessageKey> = {
  none: 'matter.scopeNone',
  city: 'matter.scopeCity',
  province: 'matter.scopeProvince',
  national: 'matter.scopeNational',
};
