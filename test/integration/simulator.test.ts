import { describe, expect, it } from 'vitest';
import { statusBecomes, submit } from '../support/cases.ts';
import { call, tokenFor } from '../support/local.ts';
import { licenceOf } from '../support/matters.ts';

// 失业登记 in Xi'an (human resources): the ID card is the one material, offered as an e-licence. The test
// platform runs a simulated human-resources system that approves every step at once (global-setup.ts).
const UNEMPLOYMENT_REGISTRATION = '002003008000610100';

describe('the department simulator of local mode', () => {
  it('answers every review task of its department like a department system, so a case concludes hands-off', async () => {
    const citizen = await tokenFor('citizen');
    const id = await submit(citizen, {
      implementationCode: UNEMPLOYMENT_REGISTRATION,
      materials: [{ materialId: 'id-card', by: 'e-licence', licenceId: licenceOf('居民身份证') }],
    });
    const concluded = await statusBecomes(citizen, id, 'concluded');
    const decisions = concluded.timeline.filter((r: { action: string }) =>
      ['next-step', 'approve'].includes(r.action),
    );
    expect(decisions.length).toBeGreaterThanOrEqual(1);
    // The applicant is told the department decided; its staff see that its simulated system did.
    for (const record of decisions) expect(record.actor.subject).toBe('human-resources');
    const staff = await tokenFor('reviewer', { department: 'human-resources', region: '610100' });
    const seen = (await call(`/api/staff/cases/${id}`, { token: staff })).body;
    for (const record of seen.timeline.filter((r: { action: string }) =>
      ['next-step', 'approve'].includes(r.action),
    ))
      expect(record.actor.subject).toMatch(/^department:human-resources:simulator-/);
  });
});
