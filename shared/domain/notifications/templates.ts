import { z } from 'zod';
import { DomainError } from '../errors.ts';
import data from './templates.json' with { type: 'json' };

/**
 * The texts the platform tells applicants with, as data (templates.json): one template per kind of change, its
 * title and body in zh-CN and English with `{placeholders}`, and the channels it goes out on. In-app is
 * always one of them; an SMS or e-mail integration sends those that name its channel.
 */

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CHANNELS = ['in-app', 'sms', 'email'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

const Text = z.object({ title: z.string().min(1), body: z.string().min(1) });

export const Template = z.object({
  /** When it is sent: documentation for whoever integrates, not read by the code. */
  when: z.string().min(1),
  channels: z
    .array(Channel)
    .min(1)
    .refine((c) => c.includes('in-app'), 'every notification reaches the in-app inbox'),
  'zh-CN': Text,
  en: Text,
});
export type Template = z.infer<typeof Template>;

export type TemplateId = keyof typeof data;
export const TEMPLATES = z.record(z.string(), Template).parse(data) as Record<TemplateId, Template>;

/** A rendered message: a title and a body in each language. */
export type RenderedMessage = Record<Language, { title: string; body: string }>;

/** A placeholder's value: the same in both languages (a matter name, a date), or one per language. */
export type Localized = Record<Language, string>;
export type Values = Record<string, string | Localized>;

/** A message would go out with a hole in it: the event lacks what its template needs (the platform's fault). */
export class MissingPlaceholderError extends DomainError {
  constructor(
    readonly template: string,
    readonly language: Language,
    readonly placeholder: string,
  ) {
    super({
      code: 'TEMPLATE_VALUE_MISSING',
      zh: `消息模板 ${template}（${language}）缺少 {${placeholder}} 的值`,
      en: `The message template ${template} (${language}) needs a value for {${placeholder}}`,
      status: 500,
      message: `template ${template} (${language}) needs a value for {${placeholder}}`,
    });
    this.name = 'MissingPlaceholderError';
  }
}

const PLACEHOLDER = /\{([A-Za-z][\w-]*)\}/g;

/** The placeholders a text uses, in order of appearance, each once. */
export const placeholdersOf = (text: string): string[] => [
  ...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)),
];

/**
 * Fills a template's placeholders in both languages. A placeholder without a value (or with a blank one) is an
 * error: a message with a hole in it would tell the applicant less than they are owed, and nobody would notice.
 * Values are inserted as they are, never read as templates themselves.
 */
export function renderMessage(id: TemplateId, values: Values): RenderedMessage {
  const template = TEMPLATES[id];
  if (!template) throw new Error(`no notification template ${id}`);
  const fill = (text: string, language: Language) =>
    text.replace(PLACEHOLDER, (_, name: string) => {
      const value = values[name];
      const text = typeof value === 'string' ? value : value?.[language];
      if (text === undefined || text.trim() === '') throw new MissingPlaceholderError(id, language, name);
      return text;
    });
  const render = (language: Language) => ({
    title: fill(template[language].title, language),
    body: fill(template[language].body, language),
  });
  return { 'zh-CN': render('zh-CN'), en: render('en') };
}
