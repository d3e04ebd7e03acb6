import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Candidate, CandidateInput } from '../api/types';
import { CANDIDATE_STATUS } from '../enums';
import { Link, navigate } from '../router';
import { label, t, when } from '../strings';
import { LoadedList, LoadState, Table } from '../load-state';
import { Filters, PageHead, SaveButtons } from '../page-layout';
import { fieldErrors, FormError, SelectField, TextField, useLoad, useSubmit } from '../ui';
import { InterviewTable } from './interviews';

export function CandidatesPage() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const list = useLoad(
    () => unwrap(api.GET('/v1/candidates', { params: { query: { page, limit: 20, search: search.trim() || undefined, status: (status || undefined) as never } } })),
    [page, search, status],
  );
  return (
    <>
      <PageHead title={t.candidates.title} newHref="/candidates/new" newLabel={t.candidates.newCandidate} />
      <Filters>
        <TextField name="search" label={t.candidates.searchLabel} type="search" value={search} onInput={(v) => (setSearch(v), setPage(1))} errors={{}} idPrefix="q" />
        <SelectField name="status" label={t.interviews.status} value={status} onChange={(v) => (setStatus(v), setPage(1))} options={[['', t.any], ...CANDIDATE_STATUS.map((s) => [s, label(s)] as const)]} errors={{}} idPrefix="q" />
      </Filters>
      <LoadedList list={list} empty={search || status ? t.candidates.emptyFiltered : t.candidates.empty} onPage={setPage}>
        {(rows) => (
          <Table columns={[t.candidates.name, t.interviews.email, t.interviews.status, t.candidates.interviewsOf, t.interviews.created]}>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/candidates/${c.id}`}>{`${c.firstName} ${c.lastName}`}</Link>
                </td>
                <td>{c.email ?? '—'}</td>
                <td>{label(c.status)}</td>
                <td>{c.interviewCount}</td>
                <td>{when(c.createdAt)}</td>
              </tr>
            ))}
          </Table>
        )}
      </LoadedList>
    </>
  );
}

export function CandidatePage({ id }: { id?: string }) {
  const loaded = useLoad(async () => {
    const jobs = (await unwrap(api.GET('/v1/jobs', { params: { query: { limit: 100 } } }))).data;
    if (!id) return { candidate: null, jobs };
    return { candidate: await unwrap(api.GET('/v1/candidates/{id}', { params: { path: { id } } })), jobs };
  }, [id]);
  return <LoadState state={loaded}>{(data) => <CandidateForm candidate={data.candidate} jobs={data.jobs} />}</LoadState>;
}

function CandidateForm({ candidate, jobs }: { candidate: Candidate | null; jobs: { id: string; title: string }[] }) {
  const [draft, setDraft] = useState({
    firstName: candidate?.firstName ?? '',
    lastName: candidate?.lastName ?? '',
    email: candidate?.email ?? '',
    phoneNumber: candidate?.phoneNumber ?? '',
    status: candidate?.status ?? 'APPLIED',
    jobId: candidate?.jobIds[0] ?? '',
  });
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const body = (): CandidateInput => ({
    firstName: draft.firstName,
    lastName: draft.lastName,
    email: draft.email || null,
    phoneNumber: draft.phoneNumber || null,
    status: draft.status as CandidateInput['status'],
    // The form edits the first job; any further ones the API holds are kept.
    jobIds: draft.jobId ? [draft.jobId, ...(candidate?.jobIds.slice(1) ?? []).filter((j) => j !== draft.jobId)] : (candidate?.jobIds.slice(1) ?? []),
  });
  const { busy, error, submit } = useSubmit(
    () => (candidate ? unwrap(api.PATCH('/v1/candidates/{id}', { params: { path: { id: candidate.id } }, body: body() })) : unwrap(api.POST('/v1/candidates', { body: body() }))),
    () => navigate('/candidates'),
  );
  const errors = fieldErrors(error);
  const title = candidate ? t.candidates.editTitle(`${candidate.firstName} ${candidate.lastName}`) : t.candidates.newCandidate;
  return (
    <>
      <h1>{title}</h1>
      <form class="form" onSubmit={submit} noValidate aria-label={title}>
        <div class="row">
          <TextField name="firstName" label={t.interviews.firstName} value={draft.firstName} onInput={set('firstName')} errors={errors} />
          <TextField name="lastName" label={t.interviews.lastName} value={draft.lastName} onInput={set('lastName')} errors={errors} />
        </div>
        <div class="row">
          <TextField name="email" label={t.interviews.email} type="email" value={draft.email} onInput={set('email')} errors={errors} />
          <TextField name="phoneNumber" label={t.interviews.phone} type="tel" value={draft.phoneNumber} onInput={set('phoneNumber')} errors={errors} />
        </div>
        <div class="row">
          <SelectField name="status" label={t.interviews.status} value={draft.status} onChange={set('status')} options={CANDIDATE_STATUS.map((s) => [s, label(s)] as const)} errors={errors} />
          <SelectField name="jobIds" label={t.interviews.job} value={draft.jobId} onChange={set('jobId')} options={[['', t.interviews.noJob], ...jobs.map((j) => [j.id, j.title] as const)]} errors={errors} />
        </div>
        <FormError error={error} fields={['firstName', 'lastName', 'email', 'phoneNumber', 'status', 'jobIds']} />
        <SaveButtons busy={busy} cancelHref="/candidates" />
      </form>
      {candidate && <CandidateInterviews id={candidate.id} />}
    </>
  );
}

function CandidateInterviews({ id }: { id: string }) {
  const list = useLoad(() => unwrap(api.GET('/v1/interviews', { params: { query: { candidateId: id, limit: 100 } } })), [id]);
  return (
    <section aria-labelledby="candidate-interviews">
      <h2 id="candidate-interviews">{t.candidates.interviewsOf}</h2>
      <LoadedList list={list} empty={t.candidates.noInterviews}>
        {(rows) => <InterviewTable rows={rows} />}
      </LoadedList>
    </section>
  );
}
