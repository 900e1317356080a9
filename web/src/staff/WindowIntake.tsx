import { Button, Card, Empty, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MatterPage } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { matterName, useI18n } from '../i18n/i18n.ts';

/** 综合窗口: find any matter of the service centre's region and take it in for the applicant (一窗受理). */
export default function WindowIntake() {
  return (
    <RequireRole roles={['window']}>
      <Intake />
    </RequireRole>
  );
}

function Intake() {
  const { t, lang } = useI18n();
  usePageTitle(t('nav.window'));
  const session = useSession();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const region = session?.region ?? '610100';
  const results = useApi<MatterPage>(
    q ? `/api/matters?${new URLSearchParams({ q, region, limit: '20' })}` : undefined,
    {
      anonymous: true,
    },
  );
  return (
    <div className="page">
      <Typography.Title level={1}>{t('nav.window')}</Typography.Title>
      <p>{t('window.hint')}</p>
      <search>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setQ(text.trim());
          }}
        >
          <label htmlFor="window-q" className="field__label">
            {t('window.find')}
          </label>
          <Flex gap="small">
            <Input
              id="window-q"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('search.placeholder')}
            />
            <Button htmlType="submit" type="primary">
              {t('search.submit')}
            </Button>
          </Flex>
        </form>
      </search>
      {results.error !== undefined && <ErrorNotice error={results.error} onRetry={results.reload} />}
      {results.data?.items.length === 0 && <Empty description={t('search.none')} />}
      <ul className="result-list">
        {results.data?.items.map((m) => (
          <li key={m.implementationCode}>
            <Card size="small">
              <Flex justify="space-between" align="center" wrap gap="small">
                <span>
                  <strong>{matterName(m, lang)}</strong>
                  <br />
                  <span className="muted">{m.departmentName}</span>
                </span>
                <Link className="button button--primary" to={`/staff/window/apply/${m.implementationCode}`}>
                  {t('window.takeIn')}
                </Link>
              </Flex>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
