import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Job, JobInput } from '../api/types';
import { JOB_STATUS } from '../enums';
import { Link, navigate } from '../router';
import { label, t, when } from '../strings';
import { LoadedList, LoadState, Table } from '../load-state';
import { Filters, PageHead, SaveButtons } from '../page-layout';
import { fieldErrors, FormError, SelectField, TextArea, TextField, useLoad, useSubmit } from '../ui';

export function JobsPage() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const list = useLoad(() => unwrap(api.GET('/v1/jobs', { params: { query: { page, limit: 20, search: search.trim() || undefined, status: (status || undefined) as never } } })), [page, search, status]);
  return (
    <>
      <PageHead title={t.jobs.title} newHref="/jobs/new" newLabel={t.jobs.newJob} />
      <Filters>
        <TextField name="search" label={t.jobs.searchLabel} type="search" value={search} onInput={(v) => (setSearch(v), setPage(1))} errors={{}} idPrefix="q" />
        <SelectField name="status" label={t.interviews.status} value={status} onChange={(v) => (setStatus(v), setPage(1))} options={[['', t.any], ...JOB_STATUS.map((s) => [s, label(s)] as const)]} errors={{}} idPrefix="q" />
      </Filters>
      <LoadedList list={list} empty={search || status ? t.jobs.emptyFiltered : t.jobs.empty} onPage={setPage}>
        {(rows) => (
          <Table columns={[t.jobs.jobTitle, t.interviews.status, t.interviews.created]}>
            {rows.map((job) => (
              <tr key={job.id}>
                <td>
                  <Link href={`/jobs/${job.id}`}>{job.title}</Link>
                </td>
                <td>{label(job.status)}</td>
                <td>{when(job.createdAt)}</td>
              </tr>
            ))}
          </Table>
        )}
      </LoadedList>
    </>
  );
}

export function JobFormPage({ id }: { id?: string }) {
  const loaded = useLoad(() => (id ? unwrap(api.GET('/v1/jobs/{id}', { params: { path: { id } } })) : Promise.resolve(null)), [id]);
  return <LoadState state={loaded}>{(job) => <JobForm job={job} />}</LoadState>;
}

function JobForm({ job }: { job: Job | null }) {
  const [draft, setDraft] = useState({
    title: job?.title ?? '',
    description: job?.description ?? '',
    status: job?.status ?? 'OPEN',
    jobUrl: job?.jobUrl ?? '',
    requiredSkills: (job?.requiredSkills ?? []).join(', '),
  });
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const body = (): JobInput => ({
    title: draft.title,
    description: draft.description,
    status: draft.status as JobInput['status'],
    jobUrl: draft.jobUrl || null,
    requiredSkills: draft.requiredSkills
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  });
  const { busy, error, submit } = useSubmit(
    () => (job ? unwrap(api.PATCH('/v1/jobs/{id}', { params: { path: { id: job.id } }, body: body() })) : unwrap(api.POST('/v1/jobs', { body: body() }))),
    () => navigate('/jobs'),
  );
  const errors = fieldErrors(error);
  const title = job ? t.jobs.editTitle(job.title) : t.jobs.newJob;
  return (
    <>
      <h1>{title}</h1>
      <form class="form" onSubmit={submit} noValidate aria-label={title}>
        <TextField name="title" label={t.jobs.jobTitle} value={draft.title} onInput={set('title')} errors={errors} />
        <TextArea name="description" label={t.jobs.description} rows={6} value={draft.description} onInput={set('description')} errors={errors} />
        <div class="row">
          <SelectField name="status" label={t.interviews.status} value={draft.status} onChange={set('status')} options={JOB_STATUS.map((s) => [s, label(s)] as const)} errors={errors} />
          <TextField name="jobUrl" label={t.jobs.url} type="url" value={draft.jobUrl} onInput={set('jobUrl')} errors={errors} />
        </div>
        <TextField name="requiredSkills" label={t.jobs.requiredSkills} value={draft.requiredSkills} onInput={set('requiredSkills')} errors={errors} />
        <FormError error={error} fields={['title', 'description', 'status', 'jobUrl', 'requiredSkills']} />
        <SaveButtons busy={busy} cancelHref="/jobs" />
      </form>
    </>
  );
}
