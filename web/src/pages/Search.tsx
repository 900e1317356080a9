import { Card, Empty, Flex, Select, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { MatterPage, RegionList } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { HANDLING_FORM, SCOPE } from '../components/labels.ts';
import { SearchBox } from '../components/SearchBox.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { matterName, useI18n } from '../i18n/i18n.ts';

/** Search results, best first, in the chosen region (the signed-in user's own by default). */
export default function Search() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const q = params.get('q') ?? '';
  const region = params.get('region') ?? session?.region ?? '610100';
  usePageTitle(q ? t('search.titleFor', { q }) : t('nav.search'));
  const regions = useApi<RegionList>('/api/regions', { anonymous: true });
  const query = new URLSearchParams({ ...(q ? { q } : {}), region, limit: '20' });
  const results = useApi<MatterPage>(`/api/matters?${query}`, { anonymous: true });

  const cities = regions.data?.items.filter((r) => r.kind !== 'province' && r.kind !== 'county') ?? [];
  return (
    <div className="page">
      <Typography.Title level={1}>{q ? t('search.titleFor', { q }) : t('nav.search')}</Typography.Title>
      <Flex gap="middle" wrap align="end" className="search-controls">
        <SearchBox initial={q} region={region} />
        <div className="field-inline">
          <span id="region-label">{t('search.region')}</span>
          <Select
            value={region}
            aria-labelledby="region-label"
            style={{ minWidth: 140 }}
            options={cities.map((r) => ({ value: r.code, label: lang === 'en' ? r.nameEn : r.name }))}
            onChange={(value) => navigate(`/search?${new URLSearchParams({ q, region: value })}`)}
          />
        </div>
      </Flex>
      {results.error !== undefined && <ErrorNotice error={results.error} onRetry={results.reload} />}
      {results.loading && !results.data && <p className="loading">{t('common.loading')}</p>}
      {results.data && results.data.items.length === 0 && <Empty description={t('search.none')} />}
      {results.data && results.data.items.length > 0 && (
        <>
          <p aria-live="polite">{t('search.count', { n: results.data.total })}</p>
          <ol className="result-list">
            {results.data.items.map((m) => (
              <li key={m.implementationCode}>
                <Card size="small">
                  <Link to={`/matters/${m.implementationCode}`} className="result-list__name">
                    {matterName(m, lang)}
                  </Link>
                  <div className="result-list__meta">
                    <span>{m.departmentName}</span>
                    <Flex gap={4} wrap>
                      <Tag color="blue">{t(HANDLING_FORM[m.handlingForm] ?? 'matter.both')}</Tag>
                      {m.crossRegionScope !== 'none' && (
                        <Tag>{t(SCOPE[m.crossRegionScope] ?? 'matter.scopeNone')}</Tag>
                      )}
                      {m.highFrequency && <Tag color="gold">{t('search.highFrequency')}</Tag>}
                    </Flex>
                  </div>
                </Card>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
