import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Interview, InterviewInput } from '../api/types';
import { useSession } from '../app';
import { INTERVIEW_STATUS } from '../enums';
import { Link, navigate } from '../router';
import { label, t, when } from '../strings';
import { LoadedList, Table } from '../load-state';
import { Filters, useRowAction } from '../page-layout';
import { Busy, CopyButton, fieldErrors, FormError, Notice, SelectField, TextField, useLoad, useSubmit } from '../ui';

/** Names of the agents, candidates and jobs an interview list points at, fetched once each. */
const nameCache = new Map<string, Promise<string>>();
function nameOf(kind: 'agents' | 'candidates' | 'jobs', id: string | null): Promise<string> {
  if (!id) return Promise.resolve('—');
  const key = `${kind}:${id}`;
  let name = nameCache.get(key);
  if (!name) {
    const params = { params: { path: { id } } };
    const call =
      kind === 'agents'
        ? unwrap(api.GET('/v1/agents/{id}', params)).then((a) => a.name)
        : kind === 'jobs'
          ? unwrap(api.GET('/v1/jobs/{id}', params)).then((j) => j.title)
          : unwrap(api.GET('/v1/candidates/{id}', params)).then((c) => `${c.firstName} ${c.lastName}`);
    name = call.catch(() => t.interviews.unknown);
    nameCache.set(key, name);
  }
  return name;
}

export function useNames(rows: { agentId: string | null; candidateId: string | null }[] | undefined) {
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!rows) return;
    const wanted = rows.flatMap((r) => [['agents', r.agentId], ['candidates', r.candidateId]] as const);
    Promise.all(wanted.map(async ([kind, id]) => [id ?? '', await nameOf(kind, id)] as const)).then((pairs) => setNames(Object.fromEntries(pairs)));
  }, [rows]);
  return names;
}

/** Agents and jobs to choose from (the first 100 of each, newest first). */
export function useChoices() {
  return useLoad(async () => {
    const [agents, jobs] = await Promise.all([unwrap(api.GET('/v1/agents', { params: { query: { limit: 100 } } })), unwrap(api.GET('/v1/jobs', { params: { query: { limit: 100 } } }))]);
    return { agents: agents.data, jobs: jobs.data };
  }, []);
}

/** A date input (the browser's own day) as the instant its day starts. */
const startOfDay = (value: string) => (value ? new Date(`${value}T00:00:00`).toISOString() : undefined);

export function InterviewTable({ rows, onCancel }: { rows: Interview[]; onCancel?: (interview: Interview) => void }) {
  const names = useNames(rows);
  return (
    <Table columns={[t.interviews.candidate, t.interviews.agent, t.interviews.status, t.interviews.created, null]}>
      {rows.map((row) => (
        <tr key={row.id} data-interview-id={row.id}>
          <td>
            <Link href={`/interviews/${row.id}`}>{names[row.candidateId ?? ''] ?? '…'}</Link>
          </td>
          <td>{names[row.agentId ?? ''] ?? '…'}</td>
          <td>
            <span class={`status status-${row.status.toLowerCase()}`}>{label(row.status)}</span>
          </td>
          <td>{when(row.createdAt)}</td>
          <td class="actions">
            {row.interviewUrl && row.status === 'SCHEDULED' && <CopyButton text={row.interviewUrl} label={t.interviews.copyLink} />}
            {onCancel && (row.status === 'SCHEDULED' || row.status === 'IN_PROGRESS') && (
              <button type="button" class="danger" onClick={() => onCancel(row)}>
                {t.interviews.cancelInterview}
              </button>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function InterviewsPage() {
  const [status, setStatus] = useState('');
  const [agentId, setAgentId] = useState('');
  const [jobId, setJobId] = useState('');
  const [after, setAfter] = useState('');
  const [before, setBefore] = useState('');
  const [page, setPage] = useState(1);
  const choices = useChoices();
  const filtered = Boolean(status || agentId || jobId || after || before);
  const query = { page, limit: 20, sort: 'createdAt', order: 'desc', status: status || undefined, agentId: agentId || undefined, jobId: jobId || undefined, createdAfter: startOfDay(after), createdBefore: startOfDay(before) };
  const list = useLoad(() => unwrap(api.GET('/v1/interviews', { params: { query: query as never } })), [page, status, agentId, jobId, after, before]);
  const reset = (set: (v: string) => void) => (v: string) => (set(v), setPage(1));
  const { notice, act } = useRowAction(list.reload);
  const cancel = (interview: Interview) => confirm(t.interviews.confirmCancel) && act(() => unwrap(api.POST('/v1/interviews/{id}/cancel', { params: { path: { id: interview.id } } })));
  const agentOptions = [['', t.any] as const, ...(choices.data?.agents ?? []).map((a) => [a.id, a.name] as const)];
  const jobOptions = [['', t.any] as const, ...(choices.data?.jobs ?? []).map((j) => [j.id, j.title] as const)];
  return (
    <>
      <h1>{t.interviews.title}</h1>
      <Filters>
        <SelectField name="status" label={t.interviews.status} value={status} onChange={reset(setStatus)} options={[['', t.any], ...INTERVIEW_STATUS.map((s) => [s, label(s)] as const)]} errors={{}} idPrefix="q" />
        <SelectField name="agentId" label={t.interviews.agent} value={agentId} onChange={reset(setAgentId)} options={agentOptions} errors={{}} idPrefix="q" />
        <SelectField name="jobId" label={t.interviews.job} value={jobId} onChange={reset(setJobId)} options={jobOptions} errors={{}} idPrefix="q" />
        <TextField name="createdAfter" label={t.interviews.createdAfter} type="date" value={after} onInput={reset(setAfter)} errors={{}} idPrefix="q" />
        <TextField name="createdBefore" label={t.interviews.createdBefore} type="date" value={before} onInput={reset(setBefore)} errors={{}} idPrefix="q" />
      </Filters>
      <Notice text={notice} />
      <LoadedList list={list} empty={filtered ? t.interviews.emptyFiltered : t.interviews.empty} onPage={setPage}>
        {(rows) => <InterviewTable rows={rows} onCancel={cancel} />}
      </LoadedList>
      <NewInterview choices={choices.data} onCreated={() => (setPage(1), list.reload())} />
    </>
  );
}

function NewInterview({ choices, onCreated }: { choices: ReturnType<typeof useChoices>['data']; onCreated: () => void }) {
  const session = useSession();
  const [agentId, setAgentId] = useState('');
  const [jobId, setJobId] = useState('');
  const [kind, setKind] = useState<'new' | 'existing'>('new');
  const [candidateId, setCandidateId] = useState('');
  const [person, setPerson] = useState({ firstName: '', lastName: '', email: '', phoneNumber: '' });
  const [created, setCreated] = useState<Interview | null>(null);
  const candidates = useLoad(() => (kind === 'existing' ? unwrap(api.GET('/v1/candidates', { params: { query: { limit: 100 } } })) : Promise.resolve(null)), [kind]);

  const base = (): Partial<InterviewInput> => ({ agentId: agentId || (undefined as never), ...(jobId ? { jobId } : {}) });
  const create = useSubmit(
    () => {
      const who =
        kind === 'existing'
          ? { candidateId: candidateId || (undefined as never) }
          : { candidate: { firstName: person.firstName, lastName: person.lastName, ...(person.email ? { email: person.email } : {}), ...(person.phoneNumber ? { phoneNumber: person.phoneNumber } : {}) } };
      return unwrap(api.POST('/v1/interviews', { body: { ...base(), ...who } as InterviewInput }));
    },
    (interview) => (setCreated(interview), onCreated()),
  );
  // "Try it": the signed-in user takes the agent's interview as its candidate, in the room.
  const tryIt = useSubmit(
    () => {
      const local = session.user.email.split('@')[0] || session.user.email;
      const candidate = { firstName: local.slice(0, 100), lastName: 'Preview', email: session.user.email };
      return unwrap(api.POST('/v1/interviews', { body: { ...base(), candidate, metadata: { preview: true } } as InterviewInput }));
    },
    (interview) => {
      setCreated(interview);
      onCreated();
      if (interview.interviewUrl) window.open(interview.interviewUrl, '_blank', 'noopener');
    },
  );
  const error = create.error ?? tryIt.error;
  const errors = fieldErrors(error);
  const busy = create.busy || tryIt.busy;
  const set = (key: keyof typeof person) => (value: string) => setPerson((p) => ({ ...p, [key]: value }));
  const candidateOptions = [['', t.interviews.chooseCandidate] as const, ...((candidates.data?.data ?? []).map((c) => [c.id, `${c.firstName} ${c.lastName}${c.email ? ` <${c.email}>` : ''}`] as const))];
  return (
    <section aria-labelledby="new-interview">
      <h2 id="new-interview">{t.interviews.newInterview}</h2>
      <form class="form" onSubmit={create.submit} noValidate aria-labelledby="new-interview">
        <div class="row">
          <SelectField name="agentId" label={t.interviews.agent} value={agentId} onChange={setAgentId} options={[['', t.interviews.chooseAgent], ...(choices?.agents ?? []).map((a) => [a.id, a.name] as const)]} errors={errors} />
          <SelectField name="jobId" label={t.interviews.job} value={jobId} onChange={setJobId} options={[['', t.interviews.noJob], ...(choices?.jobs ?? []).map((j) => [j.id, j.title] as const)]} errors={errors} />
        </div>
        <fieldset>
          <legend>{t.interviews.candidateKind}</legend>
          <label class="inline">
            <input type="radio" name="candidate-kind" checked={kind === 'new'} onChange={() => setKind('new')} /> {t.interviews.newCandidate}
          </label>
          <label class="inline">
            <input type="radio" name="candidate-kind" checked={kind === 'existing'} onChange={() => setKind('existing')} /> {t.interviews.existingCandidate}
          </label>
        </fieldset>
        {kind === 'existing' ? (
          <SelectField name="candidateId" label={t.interviews.candidate} value={candidateId} onChange={setCandidateId} options={candidateOptions} errors={errors} />
        ) : (
          <div class="row">
            <TextField name="candidate.firstName" label={t.interviews.firstName} value={person.firstName} onInput={set('firstName')} errors={errors} />
            <TextField name="candidate.lastName" label={t.interviews.lastName} value={person.lastName} onInput={set('lastName')} errors={errors} />
            <TextField name="candidate.email" label={t.interviews.email} type="email" value={person.email} onInput={set('email')} errors={errors} />
            <TextField name="candidate.phoneNumber" label={t.interviews.phone} type="tel" value={person.phoneNumber} onInput={set('phoneNumber')} errors={errors} />
          </div>
        )}
        <FormError error={error} fields={['agentId', 'jobId', 'candidateId', 'candidate.firstName', 'candidate.lastName', 'candidate.email', 'candidate.phoneNumber']} />
        <div class="buttons">
          <button type="submit" disabled={busy}>
            {t.create}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => tryIt.submit()} aria-describedby="try-it-help">
            {t.interviews.tryIt}
          </button>
        </div>
        <small id="try-it-help" class="hint">
          {t.interviews.tryItHelp}
        </small>
        {busy && <Busy text={t.saving} />}
      </form>
      {created && (
        <div class="once" role="status">
          <p>{t.interviews.created_}</p>
          {created.interviewUrl && (
            <>
              <code class="once-value" id="created-link">
                {created.interviewUrl}
              </code>
              <CopyButton text={created.interviewUrl} label={t.interviews.copyLink} />
            </>
          )}
          <button type="button" class="secondary" onClick={() => navigate(`/interviews/${created.id}`)}>
            {t.interviews.open}
          </button>
        </div>
      )}
    </section>
  );
}
