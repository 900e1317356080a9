import { Checkbox, Descriptions, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Guide } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { hasRole, useSession } from '../auth/session.ts';
import { MapLink, PhoneLink } from '../components/contact.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { HANDLING_FORM, SCOPE } from '../components/labels.ts';
import { applicable, MaterialTags } from '../components/materials.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { matterName, useI18n } from '../i18n/i18n.ts';

/** 办事指南: everything a citizen needs to know before applying, from the implementation item in force. */
export default function GuidePage() {
  const { t, lang } = useI18n();
  const { code } = useParams();
  const session = useSession();
  const guide = useApi<Guide>(`/api/matters/${code}`, { anonymous: true });
  const [situations, setSituations] = useState<string[]>([]);
  const g = guide.data;
  usePageTitle(g && matterName(g, lang));
  if (guide.error !== undefined) return <ErrorNotice error={guide.error} onRetry={guide.reload} />;
  if (!g) return <p className="loading">{t('common.loading')}</p>;

  const atWindow = hasRole(session, 'window');
  const applyTo = atWindow
    ? `/staff/window/apply/${g.implementationCode}`
    : `/matters/${g.implementationCode}/apply`;
  const canApplyOnline = g.handlingForm !== 'window';
  return (
    <article className="page guide">
      <Typography.Title level={1}>{matterName(g, lang)}</Typography.Title>
      <p className="guide__body">{g.implementingBody.name}</p>
      <Flex gap="small" wrap className="guide__actions">
        {canApplyOnline ? (
          <Link to={applyTo} className="button button--primary">
            {t(atWindow ? 'window.takeIn' : 'guide.apply')}
          </Link>
        ) : (
          <Tag>{t('guide.windowOnly')}</Tag>
        )}
      </Flex>

      <section aria-labelledby="g-basics">
        <Typography.Title level={2} id="g-basics">
          {t('guide.basics')}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('guide.handlingForm')}>
            {t(HANDLING_FORM[g.handlingForm] ?? 'matter.both')}
          </Descriptions.Item>
          <Descriptions.Item label={t('guide.visits')}>
            {t('guide.visitsN', { n: g.visits })}
          </Descriptions.Item>
          <Descriptions.Item label={t('guide.legalLimit')}>
            {t('common.workdays', { n: g.legalLimitDays })}
          </Descriptions.Item>
          <Descriptions.Item label={t('guide.promisedLimit')}>
            {t('common.workdays', { n: g.promisedLimitDays })}
          </Descriptions.Item>
          <Descriptions.Item label={t('guide.fees')}>
            {g.fees.length === 0
              ? t('guide.free')
              : g.fees.map((f) => `${f.name} ${f.amountYuan} ${t('common.yuan')}`).join('；')}
          </Descriptions.Item>
          <Descriptions.Item label={t('guide.scope')}>
            {t(SCOPE[g.crossRegionScope] ?? 'matter.scopeNone')}
          </Descriptions.Item>
          <Descriptions.Item label={t('guide.result')}>
            {matterName({ name: g.resultName, nameEn: g.resultNameEn }, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('guide.phones')}>
            {t('guide.consult')} <PhoneLink phone={g.consultationPhone} /> · {t('guide.complain')}{' '}
            <PhoneLink phone={g.complaintPhone} />
          </Descriptions.Item>
        </Descriptions>
      </section>

      <section aria-labelledby="g-conditions">
        <Typography.Title level={2} id="g-conditions">
          {t('guide.conditions')}
        </Typography.Title>
        <ul>
          {g.acceptanceConditions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="g-materials">
        <Typography.Title level={2} id="g-materials">
          {t('guide.materials')}
        </Typography.Title>
        {g.situations.length > 0 && (
          <fieldset className="fieldset">
            <legend>{t('guide.situations')}</legend>
            <Checkbox.Group
              value={situations}
              onChange={(v) => setSituations(v as string[])}
              options={g.situations.map((s) => ({ value: s.id, label: s.name }))}
            />
          </fieldset>
        )}
        <ol className="material-list" aria-live="polite">
          {applicable(g, situations).map((m) => (
            <li key={m.id}>
              <strong>{m.name}</strong>
              {m.copies > 0 && <span className="muted"> · {t('guide.copies', { n: m.copies })}</span>}
              <MaterialTags guide={g} material={m} t={t} />
              {(m.blankForm || m.sample) && (
                <Flex gap="middle" wrap component="span" className="material-list__forms">
                  {m.blankForm && (
                    <Link
                      to={`/matters/${g.implementationCode}/forms/${m.id}`}
                      aria-label={`${t('guide.blankForm')}：${m.blankForm}`}
                    >
                      {t('guide.blankForm')}
                    </Link>
                  )}
                  {m.sample && (
                    <Link
                      to={`/matters/${g.implementationCode}/forms/${m.id}?sample`}
                      aria-label={`${t('guide.sample')}：${m.sample}`}
                    >
                      {t('guide.sample')}
                    </Link>
                  )}
                </Flex>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="g-special">
        <Typography.Title level={2} id="g-special">
          {t('guide.commitmentTolerance')}
        </Typography.Title>
        <Typography.Paragraph>
          <strong>{t('guide.commitmentTitle')}</strong>
          {g.commitment.offered ? t('guide.commitmentYes') : t('guide.commitmentNo')}
        </Typography.Paragraph>
        {g.commitment.offered && g.commitment.text && (
          <blockquote className="quote">{g.commitment.text}</blockquote>
        )}
        <Typography.Paragraph>
          <strong>{t('guide.toleranceTitle')}</strong>
          {g.tolerance.offered
            ? t('guide.toleranceYes', { n: g.toleranceDays ?? g.promisedLimitDays })
            : t('guide.toleranceNo')}
        </Typography.Paragraph>
      </section>

      <section aria-labelledby="g-where">
        <Typography.Title level={2} id="g-where">
          {t('guide.where')}
        </Typography.Title>
        <ul className="plain-list">
          {g.locations.map((l) => (
            <li key={l.name} className="location">
              <strong>{l.name}</strong>
              <MapLink address={l.address} />
              <span>{t('guide.hours', { hours: l.hours })}</span>
              <span>
                {t('guide.phone')}
                <PhoneLink phone={l.phone} />
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="g-process">
        <Typography.Title level={2} id="g-process">
          {t('guide.process')}
        </Typography.Title>
        <ol>
          {g.processSteps.map((s) => {
            // A review step's days are its share of the promise, which is what the case's task is given.
            const share = g.stepShares.find((x) => x.step === s.id)?.days ?? s.limitDays;
            return (
              <li key={s.id}>
                {share >= s.limitDays
                  ? `${s.name} · ${t('common.workdays', { n: s.limitDays })}`
                  : t(share === 0 ? 'guide.stepShareSameDay' : 'guide.stepShare', {
                      name: s.name,
                      n: share,
                      own: s.limitDays,
                    })}
              </li>
            );
          })}
        </ol>
        {g.stepShares.some((x) => x.days < (g.processSteps.find((s) => s.id === x.step)?.limitDays ?? 0)) && (
          <Typography.Paragraph>{t('guide.stepsShared')}</Typography.Paragraph>
        )}
      </section>

      <section aria-labelledby="g-basis">
        <Typography.Title level={2} id="g-basis">
          {t('guide.legalBasis')}
        </Typography.Title>
        <ul>
          {g.legalBasis.map((b) => (
            <li key={`${b.law}${b.article ?? ''}`}>
              {b.law}
              {b.article && ` ${b.article}`}
              {b.excerpt && <span className="muted">：{b.excerpt}</span>}
            </li>
          ))}
        </ul>
      </section>
      {canApplyOnline && (
        <p className="guide__actions">
          <Link to={applyTo} className="button button--primary">
            {t(atWindow ? 'window.takeIn' : 'guide.apply')}
          </Link>
        </p>
      )}
    </article>
  );
}
