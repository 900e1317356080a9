import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localModel, physicalName } from '../support/assembly.ts';
import { fastForward, submit, taskFor } from '../support/cases.ts';
import { baseUrl, call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';
import { context, launch, screenshot, signInAs } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('staff pages', () => {
  it('lets window staff take in a birth registration for a walk-in applicant and list it', async () => {
    const page = await (await context(browser, baseUrl())).newPage();
    await signInAs(page, 'window-xian');
    await page.getByRole('heading', { level: 1, name: '窗口受理' }).waitFor();
    await page.getByLabel('查找事项').fill('出生登记');
    await page.getByRole('button', { name: '搜索' }).click();
    await screenshot(page, '18-window-intake');
    await page.locator('li', { hasText: '出生登记' }).getByRole('link', { name: '代为受理' }).first().click();

    await page.getByLabel('申请人姓名或名称').fill('王小明');
    await page.getByLabel('居民身份证号码').fill('610104198506122315');
    await page.getByRole('button', { name: '下一步' }).click();
    // A wrong check character is caught before anything is sent.
    await page.getByText('居民身份证号码不正确').first().waitFor();
    await page.getByLabel('居民身份证号码').fill('610104198506122314');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('联系电话').fill('13700137000');
    await page.getByLabel('联系地址').fill('西安市新城区解放路 3 号');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: /申请材料/ }).waitFor();
    await screenshot(page, '19-window-apply-materials');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('申请已提交').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: '代办记录' }).last().click();
    await page.getByRole('cell', { name: '出生登记' }).first().waitFor();
    await screenshot(page, '20-window-cases');
  });

  it('shows supervisors the escalated review tasks of their region, and administrators the catalog adjustments', async () => {
    // A birth registration whose review task runs out of time at once (local mode's fast-forward): escalated.
    const id = await submit(await tokenFor('citizen'), {
      implementationCode: BIRTH_REGISTRATION,
      materials: E_LICENCES,
    });
    await taskFor(await tokenFor('reviewer', { user: 'reviewer-xian-police' }), id, 'review');
    const approval = physicalName(localModel(), 'AWS::StepFunctions::StateMachine', 'ApprovalStateMachine');
    await fastForward({
      timeOut: { executionArn: `${approval.replace(':stateMachine:', ':execution:')}:${id}` },
    });
    const supervisor = await tokenFor('supervisor', { user: 'supervisor-xian' });
    await eventually(async () => {
      const { body } = await call('/api/staff/escalations?limit=50', { token: supervisor });
      return body.items.find((t: { caseId: string }) => t.caseId === id);
    });

    const page = await (await context(browser, baseUrl())).newPage();
    await signInAs(page, 'supervisor-xian');
    await page.getByRole('heading', { level: 1, name: '督办' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: id.slice(0, 8) }) });
    await row.getByText('已督办').waitFor();
    await row.getByRole('cell', { name: '出生登记' }).waitFor();
    // No error; a warning (the next year's holidays missing, in December) may be there.
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    await screenshot(page, '21-supervision');
    await page.getByRole('button', { name: '退出' }).click();
    await signInAs(page, 'admin-province');
    await page.getByRole('heading', { level: 1, name: '事项调整审核' }).waitFor();
    await page.locator('.ant-empty, .ant-card').first().waitFor();
    await screenshot(page, '22-adjustments');
  });

  it('shows a citizen without cases an empty messages page, in plain words', async () => {
    const page = await (await context(browser, baseUrl())).newPage();
    await signInAs(page, 'citizen-wang', '/messages');
    await page.getByRole('heading', { level: 1, name: '我的消息' }).waitFor();
    await page.locator('.ant-empty').first().waitFor();
    await screenshot(page, '24-messages-empty');
  });
});
