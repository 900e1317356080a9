import { describe, expect, it } from 'vitest';
import { acceptByLapse, acceptedByLapse } from '../../../shared/domain/cases/auto-acceptance.ts';
import { addWeekdays, at, caseIn } from './fixtures.ts';

describe('acceptance by lapse (行政许可法 Art. 32)', () => {
  const received = caseIn('submitted', { receivedAt: at('2025-09-01', '16:30') });

  it('given no notice, the fifth working day after receipt is still in time', () => {
    expect(acceptedByLapse(received, '2025-09-08', addWeekdays)).toEqual({
      lapsed: false,
      deadline: '2025-09-08',
    });
  });

  it('given no notice by then, from the next day the case counts as accepted from receipt', () => {
    expect(acceptedByLapse(received, '2025-09-09', addWeekdays)).toEqual({
      lapsed: true,
      deadline: '2025-09-08',
      acceptedFrom: at('2025-09-01', '16:30'),
    });
  });

  it('counts working days only: received on a Friday, the period ends on the next Friday', () => {
    const friday = caseIn('submitted', { receivedAt: at('2025-09-05') });
    expect(acceptedByLapse(friday, '2025-09-12', addWeekdays).lapsed).toBe(false);
    expect(acceptedByLapse(friday, '2025-09-13', addWeekdays).lapsed).toBe(true);
  });

  it('does not apply once a correction notice was sent', () => {
    expect(acceptedByLapse(caseIn('correction-requested'), '2025-12-31', addWeekdays).lapsed).toBe(false);
  });

  it('when the timer records it, the case is accepted by the system, dated from receipt', () => {
    const { case: c, record } = acceptByLapse(received, at('2025-09-09', '00:01'), addWeekdays);
    expect(c).toMatchObject({ status: 'accepted', acceptedAt: at('2025-09-01', '16:30') });
    expect(record).toMatchObject({ action: 'auto-accept', actor: { subject: 'system' } });
    expect(() => acceptByLapse(received, at('2025-09-08', '23:59'), addWeekdays)).toThrow(
      expect.objectContaining({ code: 'NOT_LAPSED' }),
    );
  });
});
