import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Agent, AgentInput } from '../api/types';
import { AGENT_FOCUS, AGENT_TYPES, BACKGROUND, CEFR, LANGUAGES, VOICES } from '../enums';
import { Link, navigate } from '../router';
import { label, t, when } from '../strings';
import { LoadedList, LoadState, Table } from '../load-state';
import { Filters, PageHead, SaveButtons, useRowAction } from '../page-layout';
import { fieldErrors, FormError, Notice, SelectField, TextArea, TextField, useLoad, useSubmit } from '../ui';

export function AgentsPage() {
  const [search, setSearch] = useState('');
  const [type, setType] = useState('');
  const [focus, setFocus] = useState('');
  const [language, setLanguage] = useState('');
  const [page, setPage] = useState(1);
  const filtered = Boolean(search || type || focus || language);
  const list = useLoad(
    () =>
      unwrap(
        api.GET('/v1/agents', {
          params: { query: { page, limit: 20, search: search.trim() || undefined, type: (type || undefined) as never, focus: (focus || undefined) as never, language: (language || undefined) as never } },
        }),
      ),
    [page, search, type, focus, language],
  );
  const { notice, act } = useRowAction(list.reload);
  const remove = (agent: Agent) => confirm(t.confirmDelete(agent.name)) && act(() => unwrap(api.DELETE('/v1/agents/{id}', { params: { path: { id: agent.id } } })), t.agents.deleted);
  const any = (values: readonly string[]) => [['', t.any] as const, ...values.map((v) => [v, label(v)] as const)];
  return (
    <>
      <PageHead title={t.agents.title} newHref="/agents/new" newLabel={t.agents.newAgent} />
      <Filters>
        <TextField name="search" label={t.agents.searchLabel} type="search" value={search} onInput={(v) => (setSearch(v), setPage(1))} errors={{}} idPrefix="q" />
        <SelectField name="type" label={t.agents.type} value={type} onChange={(v) => (setType(v), setPage(1))} options={any(AGENT_TYPES)} errors={{}} idPrefix="q" />
        <SelectField name="focus" label={t.agents.focus} value={focus} onChange={(v) => (setFocus(v), setPage(1))} options={any(AGENT_FOCUS)} errors={{}} idPrefix="q" />
        <SelectField name="language" label={t.agents.language} value={language} onChange={(v) => (setLanguage(v), setPage(1))} options={any(LANGUAGES)} errors={{}} idPrefix="q" />
      </Filters>
      <Notice text={notice} />
      <LoadedList list={list} empty={filtered ? t.agents.emptyFiltered : t.agents.empty} onPage={setPage}>
        {(rows) => (
          <Table columns={[t.agents.name, t.agents.type, t.agents.focus, t.agents.language, t.agents.duration, t.agents.updated, null]}>
            {rows.map((agent) => (
              <tr key={agent.id}>
                <td>
                  <Link href={`/agents/${agent.id}`}>{agent.name}</Link>
                </td>
                <td>{label(agent.type)}</td>
                <td>{label(agent.focus)}</td>
                <td>{agent.language}</td>
                <td>{agent.duration}</td>
                <td>{when(agent.updatedAt)}</td>
                <td class="actions">
                  <Link href={`/agents/${agent.id}/duplicate`} aria-label={`${t.agents.duplicate} ${agent.name}`}>
                    {t.agents.duplicate}
                  </Link>
                  <button type="button" class="danger" aria-label={`${t.delete} ${agent.name}`} onClick={() => remove(agent)}>
                    {t.delete}
                  </button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </LoadedList>
    </>
  );
}

interface AgentDraft {
  name: string;
  type: string;
  focus: string;
  language: string;
  duration: string;
  questions: string;
  instructions: string;
  voiceId: string;
  companyPhoneNumberId: string;
  cefrLevel: string;
  backgroundSound: string;
}

const BLANK: AgentDraft = { name: '', type: 'ONLINE', focus: 'SCREENING', language: 'EN', duration: '30', questions: '', instructions: '', voiceId: '', companyPhoneNumberId: '', cefrLevel: '', backgroundSound: 'OFFICE' };

function draftOf(agent: Agent, duplicate: boolean): AgentDraft {
  return {
    name: duplicate ? t.agents.copyOf(agent.name) : agent.name,
    type: agent.type,
    focus: agent.focus,
    language: agent.language,
    duration: String(agent.duration),
    questions: agent.questions.join('\n'),
    instructions: agent.instructions ?? '',
    voiceId: agent.voiceId ?? '',
    companyPhoneNumberId: agent.companyPhoneNumberId ?? '',
    cefrLevel: agent.cefrLevel ?? '',
    backgroundSound: agent.backgroundSound,
  };
}

/** What the form sends: the API checks every rule, and its issues come back onto the fields. */
function bodyOf(d: AgentDraft): AgentInput {
  return {
    name: d.name,
    type: d.type as AgentInput['type'],
    focus: d.focus as AgentInput['focus'],
    language: d.language as AgentInput['language'],
    duration: d.duration.trim() === '' ? (undefined as never) : Number(d.duration),
    questions: d.questions.split('\n').filter((q) => q.trim() !== ''),
    instructions: d.instructions.trim() === '' ? null : d.instructions,
    voiceId: (d.voiceId || null) as AgentInput['voiceId'],
    companyPhoneNumberId: d.companyPhoneNumberId || null,
    cefrLevel: (d.cefrLevel || null) as AgentInput['cefrLevel'],
    backgroundSound: d.backgroundSound as AgentInput['backgroundSound'],
  };
}

export function AgentFormPage({ id, duplicate = false }: { id?: string; duplicate?: boolean }) {
  const existing = useLoad(() => (id ? unwrap(api.GET('/v1/agents/{id}', { params: { path: { id } } })) : Promise.resolve(null)), [id]);
  return <LoadState state={existing}>{(agent) => <AgentForm agent={agent} duplicate={duplicate} />}</LoadState>;
}

function AgentForm({ agent, duplicate }: { agent: Agent | null; duplicate: boolean }) {
  const [draft, setDraft] = useState<AgentDraft>(agent ? draftOf(agent, duplicate) : BLANK);
  const editing = agent !== null && !duplicate;
  const phones = useLoad(() => unwrap(api.GET('/v1/phone-numbers', {})).catch(() => null), []);
  const set = (key: keyof AgentDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const { busy, error, submit } = useSubmit(
    () =>
      editing
        ? unwrap(api.PATCH('/v1/agents/{id}', { params: { path: { id: agent.id } }, body: bodyOf(draft) }))
        : unwrap(api.POST('/v1/agents', { body: { ...bodyOf(draft), ...(agent ? { metadata: agent.metadata } : {}) } })),
    () => navigate('/agents'),
  );
  const errors = fieldErrors(error);
  const phoneOptions = [['', t.none] as const, ...((phones.data as { data?: { id: string; number: string }[] } | null)?.data ?? []).map((p) => [p.id, p.number] as const)];
  const title = editing ? t.agents.editTitle(agent.name) : t.agents.newTitle;
  return (
    <>
      <h1>{title}</h1>
      <form class="form" onSubmit={submit} noValidate aria-label={title}>
        <TextField name="name" label={t.agents.name} value={draft.name} onInput={set('name')} errors={errors} />
        <div class="row">
          <SelectField name="type" label={t.agents.type} value={draft.type} onChange={set('type')} options={AGENT_TYPES.map((v) => [v, label(v)] as const)} errors={errors} />
          <SelectField name="focus" label={t.agents.focus} value={draft.focus} onChange={set('focus')} options={AGENT_FOCUS.map((v) => [v, label(v)] as const)} errors={errors} />
          <SelectField name="language" label={t.agents.language} value={draft.language} onChange={set('language')} options={LANGUAGES} errors={errors} />
        </div>
        <div class="row">
          <TextField name="duration" label={t.agents.duration} type="number" value={draft.duration} onInput={set('duration')} errors={errors} />
          <SelectField name="cefrLevel" label={t.agents.cefrLevel} value={draft.cefrLevel} onChange={set('cefrLevel')} options={[['', t.none], ...CEFR]} errors={errors} />
          <SelectField name="voiceId" label={t.agents.voice} value={draft.voiceId} onChange={set('voiceId')} options={[['', t.none], ...VOICES.map((v) => [v, label(v)] as const)]} errors={errors} />
        </div>
        <div class="row">
          <SelectField name="companyPhoneNumberId" label={t.agents.phoneNumber} value={draft.companyPhoneNumberId} onChange={set('companyPhoneNumberId')} options={phoneOptions} errors={errors} />
          <SelectField name="backgroundSound" label={t.agents.backgroundSound} value={draft.backgroundSound} onChange={set('backgroundSound')} options={BACKGROUND.map((v) => [v, label(v)] as const)} errors={errors} />
        </div>
        <TextArea name="questions" label={t.agents.questions} rows={6} value={draft.questions} onInput={set('questions')} errors={errors} />
        <TextArea name="instructions" label={t.agents.instructions} value={draft.instructions} onInput={set('instructions')} errors={errors} />
        <FormError error={error} fields={Object.keys(BLANK)} />
        <SaveButtons busy={busy} cancelHref="/agents" />
      </form>
    </>
  );
}
