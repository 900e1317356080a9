import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localModel, physicalName } from '../support/assembly.ts';
import { approveAll, decide, fastForward, statusBecomes, taskFor } from '../support/cases.ts';
import { baseUrl, call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION } from '../support/matters.ts';
import { PDF } from './support/app.ts';
import { type Device, type Finding, Scanner, setElder } from './support/audit.ts';
import { launch, SCREENSHOTS } from './support/browser.ts';
import {
  birthRegistration,
  FOOD_BUSINESS,
  foodBusinessNotified,
  foodBusinessOwing,
  SOLE_TRADER,
} from './support/cases.ts';

// Every page and state of the web app, in normal and elder mode, on a phone (390×844) and a desktop (1280×900):
// axe-core finds no violation of WCAG 2.0/2.1/2.2 A and AA; no touch target is under 60×60 CSS px in elder mode,
// 44×44 on a phone or 24×24 anywhere; no control lies under another; nothing is wider than a phone's screen.
// (DOMAIN.md, "The web for everyone".)

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Keeps the figures of each run (test-results/a11y) and fails with every problem found, not just the first. */
async function expectAccessible(name: string, scanners: Scanner[]) {
  const findings: Finding[] = scanners.flatMap((s) => s.findings);
  const dir = `${SCREENSHOTS}/../a11y`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}.json`, JSON.stringify(findings, null, 2));
  const problems = scanners.flatMap((s) => s.problems());
  for (const s of scanners) await s.close();
  expect(problems, `${problems.length} problems:\n${problems.join('\n')}`).toEqual([]);
}

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name }).waitFor();

describe('every page and state passes axe-core, and is large enough to touch and narrow enough for a phone', () => {
  it('public pages: home, search, guides, sign-in, not found, English', async () => {
    const s = new Scanner(browser, baseUrl());
    await s.scan('home', async (page) => {
      await page.goto('/');
      await heading(page, '一网通办，办事不求人');
    });
    await s.scan('home, suggestions open', async (page) => {
      await page.goto('/');
      await page.getByRole('combobox', { name: '搜索事项' }).fill('营业执照');
      await page.getByRole('option').first().waitFor();
    });
    await s.scan('search results', async (page) => {
      await page.goto(`/search?q=${encodeURIComponent('营业执照')}`);
      await page.getByRole('link', { name: '个体工商户设立登记' }).waitFor();
    });
    await s.scan('search, region list open', async (page) => {
      await page.goto(`/search?q=${encodeURIComponent('营业执照')}`);
      await page.getByRole('link', { name: '个体工商户设立登记' }).waitFor();
      await page.getByRole('combobox', { name: '办理地区' }).click();
      await page.locator('.ant-select-item-option', { hasText: '宝鸡市' }).waitFor();
    });
    await s.scan('search, nothing found', async (page) => {
      await page.goto('/search?q=zzqqxx');
      await page.locator('.ant-empty').waitFor();
    });
    await s.scan('guide with 容缺', async (page) => {
      await page.goto(`/matters/${FOOD_BUSINESS}`);
      await heading(page, '食品经营许可');
    });
    await s.scan('guide with 告知承诺 and a situation chosen', async (page) => {
      await page.goto(`/matters/${SOLE_TRADER}`);
      await heading(page, '个体工商户设立登记');
      await page.getByRole('checkbox', { name: '委托他人代为办理' }).check();
      await page.getByText('授权委托书').waitFor();
    });
    await s.scan('a blank form, and its filled-in sample', async (page) => {
      await page.goto(`/matters/${SOLE_TRADER}/forms/application-form`);
      await page.getByRole('button', { name: '打印' }).waitFor();
      await page.goto(`/matters/${SOLE_TRADER}/forms/application-form?sample`);
      await page.getByText(/^样例 · 仅供参考/).waitFor();
    });
    await s.scan('sign-in', async (page) => {
      await page.goto('/sign-in');
      await page.locator('button[data-user="citizen-zhang"]').waitFor();
    });
    await s.scan('sign-in required', async (page) => {
      await page.goto('/cases');
      await page.getByText('请先登录').waitFor();
    });
    await s.scan('page not found', async (page) => {
      await page.goto('/no-such-page');
      await page.getByText('页面不存在', { exact: true }).waitFor();
    });
    await s.scan('guide in English', async (page) => {
      await page.goto(`/matters/${FOOD_BUSINESS}`);
      await heading(page, '食品经营许可');
      const english = page.getByRole('button', { name: 'English' });
      if (await english.isVisible()) await english.click();
      await page.getByRole('heading', { name: 'Materials' }).waitFor();
    });
    await s.scan('home in English', async (page) => {
      await page.goto('/');
      await heading(page, 'One portal for every government service');
    });
    await expectAccessible('public', [s]);
  }, 300_000);

  it('a citizen applying: each step of the wizard, its problems, the commitment, 容缺, the review, submitted', async () => {
    const s = new Scanner(browser, baseUrl(), 'citizen-zhang');
    const stepOne = async (page: Page, code: string) => {
      await page.goto(`/matters/${code}/apply`);
      await page.getByRole('heading', { name: /第 1 步/ }).waitFor();
    };
    const toMaterials = async (page: Page, code: string) => {
      await stepOne(page, code);
      await page.getByLabel('联系电话').fill('13800138000');
      await page.getByLabel('联系地址').fill('西安市雁塔区科技路 1 号');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('heading', { name: /第 2 步/ }).waitFor();
    };
    await s.scan('apply: first step with its problems listed', async (page) => {
      await stepOne(page, SOLE_TRADER);
      await page.getByLabel('联系电话').fill('');
      await page.getByLabel('联系地址').fill('');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('alert').filter({ hasText: '还有 2 处需要修改' }).waitFor();
    });
    await s.scan('apply: materials with their problems listed', async (page) => {
      await toMaterials(page, SOLE_TRADER);
      await page.getByRole('button', { name: '下一步' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /还有 \d+ 处需要修改/ })
        .waitFor();
    });
    const commitment = async (page: Page) => {
      await toMaterials(page, SOLE_TRADER);
      await page.getByLabel('选择“个体工商户登记（备案）申请书”的文件').setInputFiles({
        name: '申请书.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      const premises = page.getByRole('group', { name: /经营场所使用相关文件/ });
      await premises.getByRole('radio', { name: '以告知承诺代替' }).check();
      await page.getByRole('checkbox', { name: '我已阅读并签署以上承诺' }).check();
    };
    await s.scan('apply: materials, a file chosen and the commitment signed', commitment);
    await s.scan('apply: materials, one deferred under 容缺', async (page) => {
      await toMaterials(page, FOOD_BUSINESS);
      const rules = page.getByRole('group', { name: /保证食品安全的规章制度目录/ });
      await rules.getByRole('radio', { name: '容缺，受理后补交' }).check();
      await page.getByRole('checkbox', { name: '我同意以上容缺受理承诺' }).waitFor();
    });
    await s.scan('apply: review before submitting', async (page) => {
      await commitment(page);
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('heading', { name: /第 3 步/ }).waitFor();
    });
    await s.scan('apply: submitted', async (page) => {
      await toMaterials(page, BIRTH_REGISTRATION);
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.getByText('申请已提交').waitFor({ timeout: 60_000 });
    });
    await expectAccessible('apply', [s]);
  }, 300_000);

  it("a citizen's cases: the list, a notice to answer, 容缺 owed, withdrawing, approved, denied, messages", async () => {
    const citizen = await tokenFor('citizen', { user: 'citizen-zhang' });
    const police = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const [notified, owing, approved, denied] = await Promise.all([
      foodBusinessNotified(citizen),
      foodBusinessOwing(citizen),
      birthRegistration(citizen).then(async (id) => {
        await approveAll(police, id, ['review', 'decision', 'issuance']);
        return id;
      }),
      birthRegistration(citizen).then(async (id) => {
        const task = await taskFor(police, id, 'review');
        const answer = await decide(
          police,
          task.id,
          'deny',
          '出生医学证明信息不全 / the birth certificate is incomplete',
        );
        expect(answer.status).toBe(200);
        return id;
      }),
    ]);
    await statusBecomes(citizen, denied, 'denied').catch(() => statusBecomes(citizen, denied, 'concluded'));

    const s = new Scanner(browser, baseUrl(), 'citizen-zhang');
    await s.scan('home, signed in', async (page) => {
      await page.goto('/');
      await page.getByRole('link', { name: '我的办件' }).first().waitFor();
    });
    await s.scan('my cases', async (page) => {
      await page.goto('/cases');
      await page.locator('.case-list li').first().waitFor();
    });
    await s.scan('case: one-time notice to answer', async (page) => {
      await page.goto(`/cases/${notified}`);
      await page.getByRole('region', { name: '一次性告知：请补正以下材料' }).waitFor();
    });
    await s.scan('case: 容缺 material owed', async (page) => {
      await page.goto(`/cases/${owing}`);
      await page.getByRole('region', { name: '容缺待补材料' }).getByText(/^请于/).waitFor();
    });
    await s.scan('case: withdrawing', async (page) => {
      await page.goto(`/cases/${owing}`);
      await page.getByRole('button', { name: '撤回申请' }).click();
      await page.getByLabel('撤回原因').waitFor();
    });
    await s.scan('case: approved', async (page) => {
      await page.goto(`/cases/${approved}`);
      await page.locator('.case__outcome').waitFor();
    });
    await s.scan('case: denied', async (page) => {
      await page.goto(`/cases/${denied}`);
      await page.locator('.case__outcome').waitFor();
    });
    await s.scan('case: not found', async (page) => {
      await page.goto('/cases/0000000000000000');
      await page.getByRole('alert').waitFor();
    });
    await s.scan('messages', async (page) => {
      await page.goto('/messages');
      await page.locator('.message').first().waitFor();
    });
    await s.scan('a staff page', async (page) => {
      await page.goto('/staff/tasks');
      await page.getByText('此页面不适用于当前账号').waitFor();
    });

    const enterprise = new Scanner(browser, baseUrl(), 'enterprise-qinchuan');
    await enterprise.scan('my cases, none yet', async (page) => {
      await page.goto('/cases');
      await page.locator('.ant-empty, .case-list li').first().waitFor();
    });
    await enterprise.scan('messages, none yet', async (page) => {
      await page.goto('/messages');
      await page.locator('.ant-empty, .message').first().waitFor();
    });
    await expectAccessible('cases', [s, enterprise]);
  }, 300_000);

  it("staff pages: the reviewer's inbox, a task and its decision, the window, supervision and adjustments", async () => {
    const citizen = await tokenFor('citizen', { user: 'citizen-zhang' });
    const police = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const market = await tokenFor('reviewer', { user: 'reviewer-xian-market' });
    const [owing, phoneCase, desktopCase, escalated] = await Promise.all([
      foodBusinessOwing(citizen, { layoutAsPicture: true }),
      birthRegistration(citizen),
      birthRegistration(citizen),
      birthRegistration(citizen),
    ]);
    const marketTask = await taskFor(market, owing, 'review');
    const decideOn: Record<Device, string> = {
      phone: (await taskFor(police, phoneCase, 'review')).id,
      desktop: (await taskFor(police, desktopCase, 'review')).id,
    };
    // A review task that ran out of time (local mode's fast-forward): escalated to the supervisors.
    await taskFor(police, escalated, 'review');
    const approval = physicalName(localModel(), 'AWS::StepFunctions::StateMachine', 'ApprovalStateMachine');
    await fastForward({
      timeOut: { executionArn: `${approval.replace(':stateMachine:', ':execution:')}:${escalated}` },
    });
    const supervisor = await tokenFor('supervisor', { user: 'supervisor-xian' });
    await eventually(async () => {
      const { body } = await call('/api/staff/escalations?limit=50', { token: supervisor });
      return body.items.find((t: { caseId: string }) => t.caseId === escalated);
    });
    // A catalog adjustment waiting for the service-management office (never decided here).
    const guide = (await call(`/api/matters/${SOLE_TRADER}`)).body;
    const proposed = await call('/api/catalog/adjustments', {
      method: 'POST',
      token: await tokenFor('reviewer', { user: 'reviewer-xian-market', department: guide.department }),
      body: JSON.stringify({
        implementationCode: SOLE_TRADER,
        changes: { consultationPhone: '029-12315' },
        effectiveFrom: '2099-01-01',
        reason: '咨询电话变更',
      }),
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);

    const reviewer = new Scanner(browser, baseUrl(), 'reviewer-xian-market');
    await reviewer.scan('inbox', async (page) => {
      await page.goto('/staff/tasks');
      await page.locator('[data-deadline]').first().waitFor();
    });
    // On a phone, matter names in the inbox read as words: never one character a line (at least 4 a line).
    const phone = await reviewer.page('phone');
    for (const elder of [false, true]) {
      await setElder(phone, elder);
      const perLine = await phone.evaluate<number[]>(
        `[...document.querySelectorAll('.matter-name')].map((a) => {
          const range = document.createRange();
          range.selectNodeContents(a);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          return a.textContent.length / Math.max(1, lines);
        })`,
      );
      expect(perLine.length).toBeGreaterThan(0);
      expect(
        Math.min(...perLine),
        `characters a line, ${elder ? 'elder' : 'normal'} mode`,
      ).toBeGreaterThanOrEqual(4);
    }
    await setElder(phone, false);
    await reviewer.scan('task with its materials', async (page) => {
      await page.goto(`/staff/tasks/${marketTask.id}`);
      await page.getByRole('button', { name: '查看“application-form.pdf”' }).waitFor();
    });
    await reviewer.scan('task, denying without a reason', async (page) => {
      await page.goto(`/staff/tasks/${marketTask.id}`);
      await page.getByRole('button', { name: '查看“application-form.pdf”' }).waitFor();
      await page.getByRole('radio', { name: '不予许可' }).check();
      await page.getByRole('button', { name: '确认：不予许可' }).click();
      await page.getByText('请写明理由（至少 2 个字）').waitFor();
    });
    await reviewer.scan('task, a picture of a material open', async (page) => {
      await page.goto(`/staff/tasks/${marketTask.id}`);
      await page.getByRole('button', { name: '查看“layout.png”' }).click();
      await page.getByRole('dialog').getByRole('img', { name: 'layout.png' }).waitFor();
    });
    await reviewer.scan('task not found', async (page) => {
      await page.goto('/staff/tasks/no-such-task');
      await page.getByText('该任务已处理或不存在').waitFor();
    });
    const decider = new Scanner(browser, baseUrl(), 'reviewer-xian-police');
    await decider.scan('task decided', async (page, device) => {
      await page.goto(`/staff/tasks/${decideOn[device]}`);
      await page.getByRole('heading', { level: 2, name: '审查决定' }).waitFor();
      await page.locator('.ant-descriptions').nth(1).waitFor();
      await page.getByRole('button', { name: /确认：通过/ }).click();
      await page.getByText('已通过', { exact: true }).waitFor({ timeout: 30_000 });
    });

    const window = new Scanner(browser, baseUrl(), 'window-xian');
    await window.scan('window: matters found', async (page) => {
      await page.goto('/staff/window');
      await page.getByLabel('查找事项').fill('出生登记');
      await page.getByRole('button', { name: '搜索' }).click();
      await page.getByRole('link', { name: '代为受理' }).first().waitFor();
    });
    const applicant = async (page: Page) => {
      await page.goto(`/staff/window/apply/${BIRTH_REGISTRATION}`);
      await page.getByRole('heading', { name: /第 1 步/ }).waitFor();
    };
    await window.scan('window: applicant with its problems listed', async (page) => {
      await applicant(page);
      await page.getByLabel('申请人姓名或名称').fill('');
      await page.getByRole('button', { name: '下一步' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /还有 \d+ 处需要修改/ })
        .waitFor();
    });
    await window.scan('window: review before submitting', async (page) => {
      await applicant(page);
      await page.getByLabel('申请人姓名或名称').fill('王小明');
      await page.getByLabel('居民身份证号码').fill('610104198506122314');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByLabel('联系电话').fill('13700137000');
      await page.getByLabel('联系地址').fill('西安市新城区解放路 3 号');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('heading', { name: /第 3 步/ }).waitFor();
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('heading', { name: /第 4 步/ }).waitFor();
    });
    await window.scan('window: cases taken in', async (page) => {
      await page.goto('/staff/window/cases');
      await page.locator('.ant-table, .data-list, .ant-empty').first().waitFor();
    });

    const supervision = new Scanner(browser, baseUrl(), 'supervisor-xian');
    await supervision.scan('supervision', async (page) => {
      await page.goto('/staff/supervision');
      await page.getByText('已督办', { exact: true }).first().waitFor();
    });
    const admin = new Scanner(browser, baseUrl(), 'admin-province');
    await admin.scan('adjustments waiting', async (page) => {
      await page.goto('/staff/adjustments');
      await page.getByRole('button', { name: '通过并发布' }).first().waitFor();
    });
    await admin.scan('adjustments, another status', async (page) => {
      await page.goto('/staff/adjustments');
      await page.getByRole('button', { name: '通过并发布' }).first().waitFor();
      await page.getByText('已驳回', { exact: true }).click();
      await page.getByRole('button', { name: '通过并发布' }).first().waitFor({ state: 'detached' });
      await page.locator('.ant-empty, .ant-card').first().waitFor();
    });
    await expectAccessible('staff', [reviewer, decider, window, supervision, admin]);
  }, 420_000);
});
