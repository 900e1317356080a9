import { useSyncExternalStore } from 'react';
import { en } from './en.ts';
import { type MessageKey, zhCN } from './zh-CN.ts';

export type { MessageKey };
export type Lang = 'zh-CN' | 'en';

const KEY = 'tongban.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const listeners = new Set<() => void>();

/** zh-CN unless the user chose English on this device (not the browser's language: the service is Chinese). */
function stored(): Lang {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
}

let current: Lang = stored();
document.documentElement.lang = current;

export function setLang(lang: Lang): void {
  current = lang;
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  for (const l of listeners) l();
}

export const getLang = (): Lang => current;

/**
 * A message with `{name}` placeholders filled in. A key the dictionary lacks (a role or status the API added
 * before the app learnt its name) reads as the key rather than breaking the page.
 */
export function translate(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  const text: string | undefined = dictionaries[lang][key];
  return (text ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export type T = (key: MessageKey, values?: Record<string, string | number>) => string;

const CJK = /[\u3400-\u9fff]/;

/**
 * A text the platform wrote in both languages at once, "中文 / English" (the reasons in a case's timeline): the
 * part in the reader's language. A text that is not such a pair (a reason a person typed, with or without a
 * slash) is shown whole.
 */
export function oneLanguage(text: string, lang: Lang): string {
  for (let at = text.indexOf(' / '); at >= 0; at = text.indexOf(' / ', at + 1)) {
    const zh = text.slice(0, at).trim();
    const en = text.slice(at + 3).trim();
    if (CJK.test(zh) && /^[A-Za-z0-9]/.test(en)) return lang === 'en' ? en : zh;
  }
  return text;
}

/**
 * A name from the catalog in the reader's language: in English its English name where the catalog gives one,
 * else the Chinese — cases, tasks and catalogs older than the English names have none. Used for matters (and
 * their results), so the condition lives in one place.
 */
export function matterName(m: { name: string; nameEn?: string | undefined }, lang: Lang): string {
  return lang === 'en' && m.nameEn ? m.nameEn : m.name;
}

/** The current language and a translator bound to it; components re-render when the language changes. */
export function useI18n(): { lang: Lang; t: T; pick: (text: { 'zh-CN': string; en: string }) => string } {
  const lang = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
  return {
    lang,
    t: (key, values) => translate(lang, key, values),
    pick: (text) => text[lang],
  };
}
