import { Button, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Guide, Material } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { matterName, useI18n } from '../../i18n/i18n.ts';

/**
 * A material's blank form (空白表格) or filled-in sample (填写样例), drawn from the guide in force and printable:
 * the applicant's particulars, the matter, its situations and the materials that go with it, the commitment
 * where the matter offers one, and the signature. Made from catalog data, so a guide never links a form that
 * says something else than the guide; a sample's particulars are made up and marked as such.
 */
export default function FormPage() {
  const { t, lang } = useI18n();
  const { code, materialId } = useParams();
  const [params] = useSearchParams();
  const sample = params.has('sample');
  const guide = useApi<Guide>(`/api/matters/${code}`, { anonymous: true });
  const g = guide.data;
  const m = g?.materials.find((x) => x.id === materialId && (sample ? x.sample : x.blankForm));
  usePageTitle(m && (sample ? m.sample : m.blankForm));
  if (guide.error !== undefined) return <ErrorNotice error={guide.error} onRetry={guide.reload} />;
  if (!g) return <p className="loading">{t('common.loading')}</p>;
  if (!m) {
    return (
      <div className="page">
        <Typography.Title level={1}>{t('form.none')}</Typography.Title>
        <Link to={`/matters/${g.implementationCode}`}>{t('form.backToGuide')}</Link>
      </div>
    );
  }
  return (
    <article className={`page form-doc${sample ? ' form-doc--sample' : ''}`}>
      <div className="form-doc__tools">
        <Link to={`/matters/${g.implementationCode}`}>{t('form.backToGuide')}</Link>
        <Button onClick={() => window.print()}>{t('form.print')}</Button>
      </div>
      {sample && <p className="form-doc__mark">{t('form.sampleMark')}</p>}
      <Typography.Title level={1}>{sample ? m.sample : m.blankForm}</Typography.Title>
      <p>
        {t('form.matter')}
        {matterName(g, lang)}（{g.implementationCode}）
        <br />
        {t('form.to')}
        {g.implementingBody.name}
      </p>
      <Particulars guide={g} sample={sample} />
      {m.id === 'application-form' ? (
        <ApplicationBody guide={g} sample={sample} />
      ) : (
        <Lines sample={sample} />
      )}
      <Signature sample={sample} />
    </article>
  );
}

const EXAMPLE = {
  person: {
    name: '张三',
    id: '610104XXXXXXXX123X',
    phone: '138XXXX8000',
    address: '西安市新城区解放路 X 号',
  },
  enterprise: {
    name: '陕西某某科技有限公司',
    id: '91610131XXXXXXXXXX',
    phone: '029-8888XXXX',
    address: '西安市高新区科技路 X 号',
  },
};

function Particulars({ guide, sample }: { guide: Guide; sample: boolean }) {
  const { t } = useI18n();
  const kind = guide.serviceTargets.includes('person') ? 'person' : 'enterprise';
  const e = EXAMPLE[kind];
  const rows: [string, string][] = [
    [t(kind === 'person' ? 'form.name' : 'form.enterpriseName'), e.name],
    [t(kind === 'person' ? 'form.idNumber' : 'form.uscc'), e.id],
    [t('form.phone'), e.phone],
    [t('form.address'), e.address],
  ];
  return (
    <table className="form-doc__table">
      <caption>{t('form.applicant')}</caption>
      <tbody>
        {rows.map(([label, example]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{sample ? example : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The application itself: which situation applies, and what goes with it. */
function ApplicationBody({ guide, sample }: { guide: Guide; sample: boolean }) {
  const { t } = useI18n();
  const box = (ticked: boolean) => (sample && ticked ? '☑' : '☐');
  const others = guide.materials.filter((x: Material) => x.id !== 'application-form');
  return (
    <>
      {guide.situations.length > 0 && (
        <section>
          <Typography.Title level={2}>{t('form.situations')}</Typography.Title>
          <ul className="plain-list">
            {guide.situations.map((s, i) => (
              <li key={s.id}>
                {box(i === 0)} {s.name}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <Typography.Title level={2}>{t('form.attached')}</Typography.Title>
        <ul className="plain-list">
          {others.map((x) => (
            <li key={x.id}>
              {box(x.required)} {x.name}
              {x.copies > 0 && `（${t('guide.copies', { n: x.copies })}）`}
            </li>
          ))}
        </ul>
      </section>
      {guide.commitment.offered && guide.commitment.text && (
        <section>
          <Typography.Title level={2}>{t('form.commitment')}</Typography.Title>
          <p>{guide.commitment.text}</p>
        </section>
      )}
      <p>{t('form.truthful')}</p>
    </>
  );
}

/** A form of the material's own: room to write it, as the window hands out. */
function Lines({ sample }: { sample: boolean }) {
  const { t } = useI18n();
  return (
    <section>
      <Typography.Title level={2}>{t('form.content')}</Typography.Title>
      <div className="form-doc__lines">{sample ? t('form.contentSample') : ''}</div>
    </section>
  );
}

function Signature({ sample }: { sample: boolean }) {
  const { t } = useI18n();
  return (
    <p className="form-doc__signature">
      {t('form.signature')}
      {sample ? '张三' : '＿＿＿＿＿＿'}　{t('form.date')}
      {sample ? '2026 年 X 月 X 日' : '＿＿＿＿年＿＿月＿＿日'}
    </p>
  );
}
