import { z } from 'zod';

/**
 * How the simulated department systems decide: the first rule that matches a review request wins. A rule
 * matches on any of department, region, matter (a prefix of its implementation code) and step; what it does
 * is an outcome, a reason (needed to deny or return) and a delay, like a reviewer who takes a while.
 */
export const SimulatorRule = z
  .strictObject({
    department: z.string().optional(),
    region: z.string().optional(),
    matter: z.string().optional().describe('a prefix of the implementation code'),
    step: z.string().optional(),
    outcome: z.enum(['approve', 'deny', 'return']),
    reason: z.string().min(2).optional(),
    delaySeconds: z.number().min(0).max(3600).default(10),
  })
  .refine((r) => r.outcome === 'approve' || r.reason, {
    message: 'deny and return need a reason',
    path: ['reason'],
  });
export type SimulatorRule = z.infer<typeof SimulatorRule>;
export const SimulatorRules = z.array(SimulatorRule).min(1);

/** The default: every department approves every step, ten seconds after it is asked. */
export const DEFAULT_RULES: SimulatorRule[] = [{ outcome: 'approve', delaySeconds: 10 }];

export interface ReviewRequest {
  taskId: string;
  caseId: string;
  department: string;
  handlingRegion: string;
  implementationCode: string;
  step?: string;
}

export function ruleFor(rules: readonly SimulatorRule[], request: ReviewRequest): SimulatorRule | undefined {
  return rules.find(
    (r) =>
      (!r.department || r.department === request.department) &&
      (!r.region || r.region === request.handlingRegion) &&
      (!r.matter || request.implementationCode.startsWith(r.matter)) &&
      (!r.step || r.step === request.step),
  );
}
