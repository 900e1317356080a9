import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskFor } from '../support/cases.ts';
import { baseUrl, tokenFor } from '../support/local.ts';
import { focusedClass, focusedId, inPage, PDF, tabTo } from './support/app.ts';
import { context, launch, screenshot, signInAs } from './support/browser.ts';
import { FOOD_BUSINESS, foodBusinessOwing } from './support/cases.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the apply wizard with the keyboard alone', () => {
  it('moves through every step, reports problems where the focus lands, submits a 容缺 application and supplies the deferred material', async () => {
    const page = await (await context(browser, baseUrl())).newPage();
    await signInAs(page, 'citizen-zhang', `/matters/${FOOD_BUSINESS}/apply`);
    await page.getByRole('heading', { name: /第 1 步/ }).waitFor();

    // Next with nothing filled in: the summary of problems takes the focus and the step stays.
    await tabTo(page, page.getByRole('button', { name: '下一步' }));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: '还有 2 处需要修改' }).waitFor();
    // The summary takes the focus just after it is shown (the next task), so wait for it rather than race it.
    await page.waitForFunction("document.activeElement?.classList.contains('error-summary')", null, {
      timeout: 5_000,
    });
    expect(await focusedClass(page)).toContain('error-summary');

    await tabTo(page, page.getByLabel('联系电话'));
    await page.keyboard.type('13900139000');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('form-address');
    await page.keyboard.type('西安市碑林区东大街 8 号');
    await tabTo(page, page.getByRole('button', { name: '下一步' }));
    await page.keyboard.press('Enter');

    // Each new step starts at its heading.
    await page.getByRole('heading', { name: /第 2 步/ }).waitFor();
    expect(await focusedId(page)).toBe('wizard-step-title');
    // 张伟 holds no e-licence of a business licence: it is uploaded like the others.
    for (const name of [
      '食品经营许可申请书',
      '营业执照或其他主体资格证明文件',
      '与食品经营相适应的主要设备设施',
    ]) {
      const input = page.getByLabel(new RegExp(`选择“${name}`));
      await tabTo(page, input);
      // A file chooser is the operating system's own dialog: the focused input is handed the file directly.
      await input.setInputFiles({ name: `${name}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    }
    const rules = page.getByRole('group', { name: /保证食品安全的规章制度目录/ });
    await tabTo(page, rules.getByRole('radio', { name: '上传文件' }));
    await page.keyboard.press('ArrowRight');
    expect(await rules.getByRole('radio', { name: '容缺，受理后补交' }).isChecked()).toBe(true);
    await tabTo(page, page.getByRole('checkbox', { name: '我同意以上容缺受理承诺' }));
    await page.keyboard.press('Space');
    await screenshot(page, '13-apply-tolerance-keyboard');
    await tabTo(page, page.getByRole('button', { name: '下一步' }));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: /第 3 步/ }).waitFor();
    expect(await focusedId(page)).toBe('wizard-step-title');
    await page.getByText('容缺，受理后补交').waitFor();
    await tabTo(page, page.getByRole('button', { name: '提交申请' }));
    await page.keyboard.press('Enter');

    await page.getByText('申请已提交').waitFor({ timeout: 60_000 });
    await tabTo(page, page.getByRole('link', { name: '查看办件' }));
    await page.keyboard.press('Enter');
    // Accepted under 容缺: the deferred material is owed, with its deadline.
    const owed = page.getByRole('region', { name: '容缺待补材料' });
    await owed.getByText(/^食品安全自查.*保证食品安全的规章制度目录$/).waitFor();
    await owed.getByText(/^请于 \d{4}-\d{2}-\d{2} 前补交$/).waitFor();
    await screenshot(page, '14-case-tolerance');

    // It is supplied from the case page after acceptance, with the keyboard too, and its obligation closes.
    const input = owed.getByLabel(/^选择“.*保证食品安全的规章制度目录”的文件$/);
    await tabTo(page, input);
    await input.setInputFiles({ name: '规章制度目录.pdf', mimeType: 'application/pdf', buffer: PDF });
    await tabTo(page, owed.getByRole('button', { name: /^上传并补交“.*保证食品安全的规章制度目录”$/ }));
    await page.keyboard.press('Enter');
    await owed.getByText('已补交', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await owed.getByRole('button').count()).toBe(0);
    await screenshot(page, '25-case-tolerance-supplied');
  });
});

/** The focused control shows that it has the focus (an outline or a ring), as WCAG 2.4.7 asks. */
const focusShows = (page: Page) =>
  inPage<boolean>(
    page,
    `(() => {
      const s = getComputedStyle(document.activeElement);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    })()`,
  );

describe("the reviewer's decision with the keyboard alone", () => {
  it('waits for the materials, views one, returns the case for correction with a reason, and goes back to the inbox', async () => {
    const citizen = await tokenFor('citizen', { user: 'citizen-zhang' });
    const caseId = await foodBusinessOwing(citizen);
    const task = await taskFor(
      await tokenFor('reviewer', { user: 'reviewer-xian-market' }),
      caseId,
      'review',
    );
    const page = await (await context(browser, baseUrl())).newPage();
    await signInAs(page, 'reviewer-xian-market');
    await page.getByRole('heading', { level: 1, name: '待审件' }).waitFor();

    // The case's materials are held back for a moment: until they are on the page, nothing can be decided.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`**/api/staff/cases/${caseId}`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/staff/tasks/${task.id}`);
    await page.getByText('正在加载申请材料…').waitFor();
    const approve = page.getByRole('button', { name: '确认：通过' });
    expect(await approve.isDisabled()).toBe(true);
    release();
    const view = page.getByRole('button', { name: '查看“application-form.pdf”' });
    await view.waitFor();
    expect(await approve.isEnabled()).toBe(true);

    // The uploaded form opens in a new tab with Enter.
    await tabTo(page, view);
    expect(await focusShows(page)).toBe(true);
    const [pdf] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
    await pdf.close();

    // The outcome is a radio group: the arrow keys move through it; a return needs its reason.
    await tabTo(page, page.getByRole('radio', { name: '通过' }));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: '退回补正' }).isChecked()).toBe(true);
    const reason = page.getByLabel('需要补正的内容');
    await tabTo(page, reason);
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.type('布局图不清晰，请重新上传');
    const submit = page.getByRole('button', { name: '确认：退回补正' });
    await tabTo(page, submit);
    expect(await focusShows(page)).toBe(true);
    await screenshot(page, '26-reviewer-keyboard');
    await page.keyboard.press('Enter');
    await page.getByText('已退回补正', { exact: true }).waitFor({ timeout: 30_000 });

    const back = page.getByRole('link', { name: '返回待审件' });
    await tabTo(page, back);
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '待审件' }).waitFor();
  });
});
