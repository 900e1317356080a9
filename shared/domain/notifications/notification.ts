import { SCHEMA_VERSION } from '../cases/events.ts';
import { type Case, type CaseStatus, type MaterialObligation, STATUS_LABELS } from '../cases/model.ts';
import {
  type Channel,
  type Localized,
  type RenderedMessage,
  renderMessage,
  TEMPLATES,
  type TemplateId,
  type Values,
} from './templates.ts';

/**
 * What an applicant is told, and when: one notification per case event they should know about, rendered from
 * the templates in both languages. It says no more than the applicant already knows from their case: the
 * matter, a short case reference, materials, deadlines and the reasons given to them — never a name or number.
 */

/** The case events that notify the applicant (source `tongban.cases`). */
export const NOTIFIED_DETAIL_TYPES = [
  'Case Correction Requested',
  'Case Not Accepted',
  'Case Accepted',
  'Case Approved',
  'Case Denied',
  'Case Concluded',
  'Case Terminated',
  'Case Revoked',
  'Case Withdrawn',
] as const;

/** The part of a case event (`caseEventDetail`) a notification is made from. */
export interface CaseEvent {
  detailType: string;
  idempotencyKey: string;
  caseId: string;
  occurredAt: string;
  action: string;
  from: CaseStatus;
  to: CaseStatus;
  reason?: string;
}

/** The `Notification Requested` event's detail, and the in-app message's content. */
export interface Notification {
  schemaVersion: string;
  /**
   * The key of the case event it tells of: one notification per case event, the same however often that event
   * is delivered or replayed.
   */
  idempotencyKey: string;
  recipient: { idHash: string };
  caseId: string;
  template: TemplateId;
  message: RenderedMessage;
  channels: Channel[];
  occurredAt: string;
}

/** How applicants see a case id: its first eight characters, as the web app shows it. */
export const caseRef = (caseId: string) => caseId.slice(0, 8);

const list = (names: string[]): Localized => ({ 'zh-CN': names.join('、'), en: names.join(', ') });

/** The deferred materials and the (earliest) day they are due: one deadline for all, as acceptance sets it. */
function due(obligations: MaterialObligation[]): Values {
  if (obligations.length === 0) return {};
  return {
    materials: list(obligations.map((o) => o.name)),
    deadline: obligations.map((o) => o.deadline).sort()[0]!,
  };
}

const materialObligations = (c: Case) =>
  c.obligations.filter((o): o is MaterialObligation => o.kind === 'material');

/**
 * The template for a case event and the values it needs, or undefined when the event is none the applicant
 * is told of. The case is read after the event; only what the event made of it is used (the notice it issued,
 * the obligations acceptance set), so a case that moved on meanwhile is described as the event left it.
 */
export function templateFor(event: CaseEvent, c: Case): { template: TemplateId; values: Values } | undefined {
  const common: Values = { matter: c.matter.name, caseRef: caseRef(c.id) };
  const reason: Values = event.reason ? { reason: event.reason } : {};
  const pick = (template: TemplateId, values: Values = {}) => ({
    template,
    values: { ...common, ...values },
  });
  switch (event.detailType) {
    case 'Case Correction Requested': {
      if (event.action === 'return') return pick('returned-for-correction', reason);
      const notice = c.notices.find((n) => n.issuedAt === event.occurredAt) ?? c.notices.at(-1);
      return pick('correction-requested', notice ? { materials: list(notice.items.map((i) => i.name)) } : {});
    }
    case 'Case Not Accepted':
      return pick('not-accepted', reason);
    case 'Case Accepted': {
      const deferred = materialObligations(c);
      return deferred.length > 0 ? pick('accepted-with-obligations', due(deferred)) : pick('accepted');
    }
    case 'Case Approved':
      return pick('approved');
    case 'Case Denied':
      return pick('denied', reason);
    case 'Case Concluded': {
      const outcome = STATUS_LABELS[event.from];
      return pick('concluded', { outcome: { 'zh-CN': outcome.zh, en: outcome.en } });
    }
    case 'Case Terminated':
      return pick('terminated', due(materialObligations(c).filter((o) => o.status === 'open')));
    case 'Case Revoked':
      return pick('revoked', reason);
    case 'Case Withdrawn':
      return pick('withdrawn');
    default:
      return undefined;
  }
}

/**
 * The notification a case event makes, rendered in both languages, for the case's applicant (by ID hash: the
 * same whether they applied online or a window filed for them). Throws MissingPlaceholderError when the event
 * lacks what its template says.
 */
export function notificationOf(event: CaseEvent, c: Case): Notification | undefined {
  const chosen = templateFor(event, c);
  if (!chosen) return undefined;
  return {
    schemaVersion: SCHEMA_VERSION,
    idempotencyKey: event.idempotencyKey,
    recipient: { idHash: c.applicant.idHash },
    caseId: c.id,
    template: chosen.template,
    message: renderMessage(chosen.template, chosen.values),
    channels: TEMPLATES[chosen.template].channels,
    occurredAt: event.occurredAt,
  };
}
