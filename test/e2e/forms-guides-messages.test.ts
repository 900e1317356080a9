import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, statusBecomes, taskFor } from '../support/cases.ts';
import { baseUrl, call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION } from '../support/matters.ts';
import { context, launch, PHONE, screenshot, signInAs } from './support/browser.ts';
import { birthRegistration, FOOD_BUSINESS, foodBusinessNotified } from './support/cases.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('forms, guides, messages and the timeline as people use them', () => {
  it('takes phone and ID numbers with spaces, dashes and full-width digits, and sends them as digits', async () => {
    const page = await (await context(browser, baseUrl(), PHONE)).newPage();
    await signInAs(page, 'window-xian', `/staff/window/apply/${BIRTH_REGISTRATION}`);
    await page.getByRole('heading', { name: /第 1 步/ }).waitFor();
    await page.getByLabel('申请人姓名或名称').fill('王小明');
    // As copied from a card, with a Chinese input method's full-width digits in the middle.
    await page.getByLabel('居民身份证号码').fill('610104 １９８５０６１２ 2314');
    await page.getByLabel('申请人手机号码（选填）').fill('+86 137-0013-7000');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: /第 2 步/ }).waitFor();
    await page.getByLabel('联系电话').fill('１３７ ００１３ ７０００');
    await page.getByLabel('联系地址').fill('西安市新城区解放路 3 号');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: /第 3 步/ }).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: /第 4 步/ }).waitFor();
    // The review shows what will be sent.
    await page.getByText('610104198506122314', { exact: true }).waitFor();
    await page.getByText('13700137000', { exact: true }).waitFor();
    await screenshot(page, '27-window-review-normalised');

    // A number that is still wrong once spaces are gone is kept as typed, and said to be wrong.
    await page.getByRole('button', { name: '修改' }).nth(1).click();
    await page.getByLabel('联系电话').fill('137 0013 700');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('alert').filter({ hasText: '请填写 11 位手机号码' }).waitFor();
    expect(await page.getByLabel('联系电话').inputValue()).toBe('137 0013 700');
  });

  it('links the blank form and the sample of every material that has one, made from the guide', async () => {
    const page = await (await context(browser, baseUrl(), PHONE)).newPage();
    await page.goto(`/matters/${FOOD_BUSINESS}`);
    await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
    const guide = (await call(`/api/matters/${FOOD_BUSINESS}`)).body;
    // The guide lists the materials every applicant brings until a situation is chosen.
    const withForms = guide.materials.filter(
      (m: { blankForm?: string; required: boolean }) => m.required && m.blankForm,
    );
    expect(withForms.length).toBeGreaterThan(0);
    for (const m of withForms) {
      await page.getByRole('link', { name: `空白表格：${m.blankForm}` }).waitFor();
    }
    // The application form: the matter and the body it goes to, the particulars left blank, the materials listed
    const [form] = withForms;
    await page.getByRole('link', { name: `空白表格：${form.blankForm}` }).click();
    await page.getByRole('heading', { level: 1, name: form.blankForm }).waitFor();
    await page.getByText(guide.implementingBody.name).waitFor();
    const cells = await page.locator('.form-doc__table td').allTextContents();
    expect(cells.length).toBeGreaterThanOrEqual(4);
    expect(cells.every((c) => c === '')).toBe(true);
    const others = guide.materials.filter((m: { id: string }) => m.id !== form.id);
    for (const m of others) await page.getByText(m.name, { exact: false }).first().waitFor();
    // and its sample: made-up particulars, said to be so
    await page.goto(`/matters/${FOOD_BUSINESS}/forms/${form.id}?sample`);
    await page.getByText(/^样例 · 仅供参考/).waitFor();
    expect((await page.locator('.form-doc__table td').allTextContents()).every((c) => c !== '')).toBe(true);
    await screenshot(page, '29-guide-form-sample-phone');
  });

  it('lets a phone dial the numbers of a guide and open its addresses in a map', async () => {
    const page = await (await context(browser, baseUrl(), PHONE)).newPage();
    await page.goto(`/matters/${FOOD_BUSINESS}`);
    await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
    const guide = (await call(`/api/matters/${FOOD_BUSINESS}`)).body;
    const digits = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
    const consult = page.getByRole('link', { name: new RegExp(`^${guide.consultationPhone}`) }).first();
    expect(await consult.getAttribute('href')).toBe(digits(guide.consultationPhone));
    const where = page.getByRole('region', { name: '办理地点和时间' });
    const [location] = guide.locations;
    const map = where.getByRole('link', { name: new RegExp(`^${location.address}`) });
    const url = new URL((await map.getAttribute('href'))!);
    expect(url.origin).toBe('https://uri.amap.com');
    expect(url.searchParams.get('keyword')).toBe(location.address);
    expect(await map.getAttribute('target')).toBe('_blank');
    const phone = where.getByRole('link', { name: new RegExp(`^${location.phone}`) });
    expect(await phone.getAttribute('href')).toBe(digits(location.phone));
  });

  it('marks messages read one at a time and all at once', async () => {
    // The enterprise's own messages: a one-time notice, then its withdrawal.
    const enterprise = await tokenFor('enterprise', { user: 'enterprise-qinchuan' });
    const id = await foodBusinessNotified(enterprise);
    const withdrawn = await call(`/api/cases/${id}/withdraw`, {
      method: 'POST',
      token: enterprise,
      body: JSON.stringify({ reason: '暂不开业' }),
    });
    expect(withdrawn.status).toBe(200);
    const [newest] = await eventually(async () => {
      const { body } = await call('/api/messages?limit=50', { token: enterprise });
      const mine = body.items.filter((m: { caseId: string }) => m.caseId === id);
      return mine.length >= 2 ? mine : undefined;
    });
    const title: string = newest.title['zh-CN'];

    const page = await (await context(browser, baseUrl(), PHONE)).newPage();
    await signInAs(page, 'enterprise-qinchuan', '/messages');
    await page.getByText(/^\d+ 条未读消息$/).waitFor();
    // The newest comes first; another test's case of this enterprise may have been withdrawn too.
    await page
      .getByRole('button', { name: `标为已读：${title}` })
      .first()
      .click();
    await page.locator('.message[data-read="true"]', { hasText: title }).first().waitFor();

    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByText('消息都已读过').waitFor();
    expect(await page.locator('.message[data-read="false"]').count()).toBe(0);
    await screenshot(page, '28-messages-all-read');
    // Kept by the platform, not only on the page.
    const { body } = await call('/api/messages?limit=50', { token: enterprise });
    expect(body.items.filter((m: { read: boolean }) => !m.read)).toEqual([]);
  });

  it('shows the timeline in one language at a time, naming each step', async () => {
    const citizen = await tokenFor('citizen', { user: 'citizen-zhang' });
    const police = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const id = await birthRegistration(citizen);
    const task = await taskFor(police, id, 'review');
    const reason = { zh: '出生医学证明信息不全', en: 'the birth certificate is incomplete' };
    expect((await decide(police, task.id, 'deny', `${reason.zh} / ${reason.en}`)).status).toBe(200);
    await statusBecomes(citizen, id, 'denied').catch(() => statusBecomes(citizen, id, 'concluded'));

    const page = await (await context(browser, baseUrl())).newPage();
    await signInAs(page, 'citizen-zhang', `/cases/${id}`);
    const timeline = page.getByRole('region', { name: '办理过程' });
    await timeline.getByText(reason.zh, { exact: true }).waitFor();
    await timeline.getByText('（环节：审查）').first().waitFor();
    expect(await timeline.textContent()).not.toContain(reason.en);
    expect(await timeline.textContent()).not.toMatch(/ \/ [a-z]/);
    await screenshot(page, '29-timeline-zh');

    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'History' });
    await english.getByText(reason.en, { exact: true }).waitFor();
    await english.getByText('(step: 审查)').first().waitFor();
    expect(await english.textContent()).not.toContain(reason.zh);
    await screenshot(page, '30-timeline-en');
  });
});
