import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Agent, AgentInput } from '../api/types';
import { AGENT_FOCUS, AGENT_TYPES, BACKGROUND, CEFR, LANGUAGES, VOICES } from '../enums';
import { Link, navigate } from '../router';
import { label, t, when } from '../strings';
import { Busy, Empty, ErrorNote, fieldErrors, FormError, Notice, Pager, SelectField, TextArea, TextField, useLoad, useSubmit } from '../ui';

export function AgentsPage() {
  const [search, setSearch] = useState('');
  const [type, setType] = useState('');
  const [focus, setFocus] = useState('');
  const [language, setLanguage] = useState('');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
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
  const remove = async (agent: Agent) => {
    if (!confirm(t.confirmDelete(agent.name))) return;
    try {
      await unwrap(api.DELETE('/v1/agents/{id}', { params: { path: { id: agent.id } } }));
      setNotice(t.agents.deleted);
      list.reload();
    } catch (error) {
      setNotice(error instanceof Error ? error.message : t.somethingWrong);
    }
  };
  const any = (values: readonly string[]) => [['', t.any] as const, ...values.map((v) => [v, label(v)] as const)];
  return (
    <>
      <div class="page-head">
        <h1>{t.agents.title}</h1>
        <Link class="button" href="/agents/new">
          {t.agents.newAgent}
        </Link>
      </div>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <TextField name="search" label={t.agents.searchLabel} type="search" value={search} onInput={(v) => (setSearch(v), setPage(1))} errors={{}} idPrefix="q" />
        <SelectField name="type" label={t.agents.type} value={type} onChange={(v) => (setType(v), setPage(1))} options={any(AGENT_TYPES)} errors={{}} idPrefix="q" />
        <SelectField name="focus" label={t.agents.focus} value={focus} onChange={(v) => (setFocus(v), setPage(1))} options={any(AGENT_FOCUS)} errors={{}} idPrefix="q" />
        <SelectField name="language" label={t.agents.language} value={language} onChange={(v) => (setLanguage(v), setPage(1))} options={any(LANGUAGES)} errors={{}} idPrefix="q" />
      </form>
      <Notice text={notice} />
      {list.loading && <Busy />}
      <ErrorNote error={list.error} />
      {list.data && list.data.data.length === 0 && <Empty>{filtered ? t.agents.emptyFiltered : t.agents.empty}</Empty>}
      {list.data && list.data.data.length > 0 && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.agents.name}</th>
                <th scope="col">{t.agents.type}</th>
                <th scope="col">{t.agents.focus}</th>
                <th scope="col">{t.agents.language}</th>
                <th scope="col">{t.agents.duration}</th>
                <th scope="col">{t.agents.updated}</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.data.map((agent) => (
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
            </tbody>
          </table>
          <Pager page={list.data} onPage={setPage} />
        </>
      )}
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
  if (existing.loading) return <Busy />;
  if (existing.error) return <ErrorNote error={existing.error} />;
  const agent = existing.data ?? null;
  return <AgentForm agent={agent} duplicate={duplicate} />;
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
        <div class="buttons">
          <button type="submit" disabled={busy}>
            {t.save}
          </button>
          <Link class="button secondary" href="/agents">
            {t.cancel}
          </Link>
        </div>
        {busy && <Busy text={t.saving} />}
      </form>
    </>
  );
}
