import { describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  MissingPlaceholderError,
  placeholdersOf,
  renderMessage,
  TEMPLATES,
  type TemplateId,
} from '../../../shared/domain/notifications/templates.ts';

const IDS = Object.keys(TEMPLATES) as TemplateId[];

describe('the notification templates (data)', () => {
  it('has a template for every change the applicant is told of, the bad-review answer included', () => {
    expect(IDS).toEqual(
      expect.arrayContaining([
        'correction-requested',
        'accepted',
        'accepted-with-obligations',
        'approved',
        'denied',
        'concluded',
        'terminated',
        'revoked',
        'withdrawn',
        'review-answered',
      ]),
    );
  });

  it.each(IDS)('%s reaches the in-app inbox and asks for the same values in zh-CN and English', (id) => {
    const template = TEMPLATES[id];
    expect(template.channels).toContain('in-app');
    const asked = (language: (typeof LANGUAGES)[number]) =>
      placeholdersOf(`${template[language].title} ${template[language].body}`).sort();
    expect(asked('zh-CN')).toEqual(asked('en'));
    expect(asked('zh-CN')).toEqual(expect.arrayContaining(['matter', 'caseRef']));
  });

  it('sends what asks the applicant to act, or ends the case, by SMS too', () => {
    for (const id of ['correction-requested', 'accepted-with-obligations', 'terminated'] as const) {
      expect(TEMPLATES[id].channels, id).toContain('sms');
    }
    expect(TEMPLATES.withdrawn.channels).toEqual(['in-app']);
  });
});

describe('rendering a notification', () => {
  it('fills every placeholder in both languages, taking a value per language where one is given', () => {
    const message = renderMessage('accepted-with-obligations', {
      matter: '食品经营许可',
      caseRef: '0b9c6a8e',
      deadline: '2025-09-11',
      materials: {
        'zh-CN': '经营场所平面图、设备布局和工艺流程图',
        en: '经营场所平面图, 设备布局和工艺流程图',
      },
    });
    expect(message['zh-CN'].body).toBe(
      '您申请的「食品经营许可」（办件 0b9c6a8e）已容缺受理，请于 2025-09-11（含当日）前补交：经营场所平面图、设备布局和工艺流程图。逾期未补交的，办件将终止办理。',
    );
    expect(message.en.title).toBe('Application accepted: materials due by 2025-09-11');
    expect(message.en.body).toContain(
      'Please supply them by 2025-09-11 (inclusive): 经营场所平面图, 设备布局和工艺流程图.',
    );
    for (const language of LANGUAGES) {
      expect(JSON.stringify(message[language])).not.toMatch(/\{\w+\}/);
    }
  });

  it('refuses a template whose placeholder has no value, naming it, rather than leaving a blank', () => {
    const render = () => renderMessage('denied', { matter: '食品经营许可', caseRef: '0b9c6a8e' });
    expect(render).toThrow(MissingPlaceholderError);
    expect(render).toThrow(/denied.*\{reason\}/);
  });

  it('takes a blank value for a missing one', () => {
    expect(() =>
      renderMessage('denied', { matter: '食品经营许可', caseRef: '0b9c6a8e', reason: '  ' }),
    ).toThrow(MissingPlaceholderError);
  });

  it('refuses a value given for one language only, naming the language that lacks it', () => {
    const render = () =>
      renderMessage('concluded', {
        matter: '出生登记',
        caseRef: 'abc12345',
        outcome: { 'zh-CN': '准予许可' } as { 'zh-CN': string; en: string },
      });
    expect(render).toThrow(/concluded \(en\).*\{outcome\}/);
  });

  it('inserts a value as it is, never reading braces in it as another placeholder', () => {
    const message = renderMessage('denied', {
      matter: '食品经营许可',
      caseRef: '0b9c6a8e',
      reason: 'see {matter}',
    });
    expect(message.en.body).toContain('Reason: see {matter}.');
  });
});
