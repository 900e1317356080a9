import { Button, Flex, Result, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { CaseView, Guide, HeldLicence } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { RequireRole } from '../../components/RequireRole.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { type MessageKey, matterName, useI18n } from '../../i18n/i18n.ts';
import { ApplicantStep } from './ApplicantStep.tsx';
import { DetailsStep } from './DetailsStep.tsx';
import {
  checkApplicant,
  checkDetails,
  checkMaterials,
  clearDraft,
  type Draft,
  loadDraft,
  type Mode,
  normaliseDraft,
  type Problems,
  saveDraft,
} from './draft.ts';
import { MaterialsStep } from './MaterialsStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { SubmitProgress } from './SubmitProgress.tsx';
import { draftFromCase, keepDraft, type Progress, submitApplication } from './submit.ts';

type Step = 'applicant' | 'details' | 'materials' | 'review';
const STEP_TITLE: Record<Step, MessageKey> = {
  applicant: 'apply.stepApplicant',
  details: 'apply.stepDetails',
  materials: 'apply.stepMaterials',
  review: 'apply.stepReview',
};

/** The apply wizard: for oneself (citizens, enterprises) or, at a window, for the applicant in front of you. */
export default function Apply({ mode }: { mode: Mode }) {
  return (
    <RequireRole roles={mode === 'window' ? ['window'] : ['citizen', 'enterprise']}>
      <Wizard mode={mode} />
    </RequireRole>
  );
}

function Wizard({ mode }: { mode: Mode }) {
  const { t, lang } = useI18n();
  const { code = '' } = useParams();
  // Going on with a draft from 我的办件: the one kept in this tab, else the one kept on the server.
  const [search] = useSearchParams();
  const draftId = search.get('draft') ?? undefined;
  const kept = loadDraft(mode, code);
  const fromServer = mode === 'self' && draftId && kept.caseId !== draftId ? draftId : undefined;
  const guide = useApi<Guide>(`/api/matters/${code}`, { anonymous: true });
  const resumed = useApi<CaseView>(fromServer && `/api/cases/${fromServer}`);
  usePageTitle(guide.data ? t('apply.title', { name: matterName(guide.data, lang) }) : undefined);
  const error = guide.error ?? resumed.error;
  if (error !== undefined)
    return <ErrorNotice error={error} onRetry={guide.error ? guide.reload : resumed.reload} />;
  if (!guide.data || (fromServer && !resumed.data)) return <p className="loading">{t('common.loading')}</p>;
  if (resumed.data && resumed.data.status !== 'draft')
    return <Navigate to={`/cases/${resumed.data.id}`} replace />;
  const initial = resumed.data ? draftFromCase(resumed.data, kept) : kept;
  return <WizardFor guide={guide.data} mode={mode} initial={initial} />;
}

function WizardFor({ guide, mode, initial }: { guide: Guide; mode: Mode; initial: Draft }) {
  const { t, pick, lang } = useI18n();
  const steps: Step[] =
    mode === 'window' ? ['applicant', 'details', 'materials', 'review'] : ['details', 'materials', 'review'];
  const [draft, setDraftState] = useState<Draft>(initial);
  const [files, setFiles] = useState<Record<string, File>>({});
  const [step, setStep] = useState<Step>(steps[0]!);
  const [problems, setProblems] = useState<Problems>({});
  const [progress, setProgress] = useState<Progress>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<CaseView>();
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  const setDraft = (d: Draft) => {
    setDraftState(d);
    saveDraft(mode, d);
  };
  /** The e-licences the applicant holds (免证办): only those are offered instead of a copy. */
  const withLicences = (licences: HeldLicence[]) =>
    setDraftState((d) => {
      const next = { ...d, licences };
      saveDraft(mode, next);
      return next;
    });

  // Online, one's own licences; at a window, the walk-in's, once their number is known (see `next`).
  // biome-ignore lint/correctness/useExhaustiveDependencies: looked up once, when the wizard opens
  useEffect(() => {
    if (mode === 'self') {
      api<{ items: HeldLicence[] }>('/api/licences')
        .then((r) => withLicences(r.items))
        .catch(() => withLicences([]));
    }
  }, []);

  // Each step starts at its heading, so keyboard and screen-reader users hear where they are.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [step]);

  const problemsOf = (s: Step): Problems =>
    s === 'applicant'
      ? checkApplicant(draft.applicant)
      : s === 'details'
        ? checkDetails(draft)
        : s === 'materials'
          ? checkMaterials(draft, guide, mode, files)
          : {};

  const go = (to: Step) => {
    setProblems({});
    setStep(to);
  };

  const next = () => {
    const found = problemsOf(step);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setTimeout(() => summary.current?.focus());
      return;
    }
    // What was typed is kept while it is wrong; once right, it is shown as it will be sent.
    if (step === 'applicant' || step === 'details') setDraft(normaliseDraft(draft));
    // Online, the draft is kept on the server once the details are in: the applicant finds it in 我的办件.
    if (mode === 'self' && step === 'details') {
      keepDraft(normaliseDraft(draft), guide)
        .then((caseId) =>
          setDraftState((d) => {
            const next = d.caseId ? d : { ...d, caseId };
            saveDraft(mode, next);
            return next;
          }),
        )
        .catch(() => undefined); // kept at submission otherwise
    }
    if (step === 'applicant') {
      const a = normaliseDraft(draft).applicant;
      const body =
        a.kind === 'person' ? { kind: a.kind, idNumber: a.idNumber } : { kind: a.kind, uscc: a.uscc };
      api<{ items: HeldLicence[] }>('/api/window/licences', { method: 'POST', body })
        .then((r) => withLicences(r.items))
        .catch(() => withLicences([]));
    }
    go(steps[steps.indexOf(step) + 1]!);
  };

  const submit = async () => {
    setError(undefined);
    try {
      const result = await submitApplication({
        draft,
        guide,
        mode,
        files,
        onDraft: setDraft,
        onProgress: setProgress,
      });
      clearDraft(mode, guide.implementationCode);
      setDone(result);
    } catch (e) {
      setError(e);
      setProgress(undefined);
    }
  };

  if (done) {
    const caseLink = mode === 'window' ? '/staff/window/cases' : `/cases/${done.id}`;
    return (
      <Result
        status="success"
        title={<h1 className="result-title">{t('apply.submitted')}</h1>}
        subTitle={t('apply.submittedHint', { status: pick(done.statusLabel), id: done.id })}
        extra={
          <Link className="button button--primary" to={caseLink}>
            {t(mode === 'window' ? 'nav.windowCases' : 'apply.viewCase')}
          </Link>
        }
      />
    );
  }

  const index = steps.indexOf(step);
  const problemList = Object.entries(problems);
  return (
    <div className="page wizard">
      <Typography.Title level={1}>{t('apply.title', { name: matterName(guide, lang) })}</Typography.Title>
      <Steps
        className="wizard__steps"
        size="small"
        current={index}
        responsive={false}
        items={steps.map((s) => ({ title: t(STEP_TITLE[s]) }))}
        aria-label={t('apply.progress', { n: index + 1, total: steps.length })}
      />
      <section className="wizard__step" aria-labelledby="wizard-step-title">
        <h2 id="wizard-step-title" ref={heading} tabIndex={-1} className="wizard__title">
          {t('apply.stepN', { n: index + 1, total: steps.length, title: t(STEP_TITLE[step]) })}
        </h2>
        {problemList.length > 0 && (
          <div ref={summary} tabIndex={-1} role="alert" className="error-summary">
            <strong>{t('apply.fixThese', { n: problemList.length })}</strong>
            <ul>
              {problemList.map(([field, key]) => (
                <li key={field}>{t(key)}</li>
              ))}
            </ul>
          </div>
        )}
        {step === 'applicant' && (
          <ApplicantStep
            applicant={draft.applicant}
            onChange={(applicant) => setDraft({ ...draft, applicant })}
            problems={problems}
          />
        )}
        {step === 'details' && (
          <DetailsStep guide={guide} draft={draft} onChange={setDraft} problems={problems} />
        )}
        {step === 'materials' && (
          <MaterialsStep
            guide={guide}
            draft={draft}
            mode={mode}
            files={files}
            onChange={setDraft}
            onFile={(id, file) => {
              const nextFiles = { ...files };
              if (file) nextFiles[id] = file;
              else delete nextFiles[id];
              setFiles(nextFiles);
              // A new file replaces the one uploaded to the draft before.
              if (draft.uploaded?.[id]) {
                const { [id]: _replaced, ...rest } = draft.uploaded;
                setDraft({ ...draft, uploaded: rest });
              }
            }}
            problems={problems}
          />
        )}
        {step === 'review' && <ReviewStep guide={guide} draft={draft} mode={mode} files={files} goTo={go} />}
      </section>
      {error !== undefined && <ErrorNotice error={error} onRetry={submit} />}
      {progress && <SubmitProgress progress={progress} guide={guide} mode={mode} />}
      <Flex gap="middle" wrap className="wizard__nav">
        {index > 0 && (
          <Button size="large" onClick={() => go(steps[index - 1]!)} disabled={!!progress}>
            {t('apply.back')}
          </Button>
        )}
        {step !== 'review' ? (
          <Button type="primary" size="large" onClick={next}>
            {t('apply.next')}
          </Button>
        ) : (
          <Button type="primary" size="large" onClick={submit} loading={!!progress}>
            {t('apply.submit')}
          </Button>
        )}
      </Flex>
    </div>
  );
}
