import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Webhook, WebhookInput } from '../api/types';
import { WEBHOOK_EVENTS } from '../enums';
import { Link, navigate } from '../router';
import { t, when } from '../strings';
import { LoadedList, LoadState, Table } from '../load-state';
import { CreateSection, useRowAction } from '../page-layout';
import { Busy, ErrorNote, fieldErrors, FormError, Notice, TextField, useLoad, useSubmit } from '../ui';

type Draft = { url: string; name: string; description: string; events: string[]; isActive: boolean };

function WebhookFields({ draft, setDraft, errors, withActive }: { draft: Draft; setDraft: (d: Draft) => void; errors: Record<string, string>; withActive: boolean }) {
  const toggle = (event: string) => setDraft({ ...draft, events: draft.events.includes(event) ? draft.events.filter((e) => e !== event) : [...draft.events, event] });
  return (
    <>
      <TextField name="url" label={t.webhooks.url} type="url" value={draft.url} onInput={(url) => setDraft({ ...draft, url })} errors={errors} />
      <div class="row">
        <TextField name="name" label={t.webhooks.name} value={draft.name} onInput={(name) => setDraft({ ...draft, name })} errors={errors} />
        <TextField name="description" label={t.webhooks.description} value={draft.description} onInput={(description) => setDraft({ ...draft, description })} errors={errors} />
      </div>
      <fieldset aria-describedby={errors.events ? 'events-error' : undefined} aria-invalid={errors.events ? 'true' : undefined}>
        <legend>{t.webhooks.events}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label class="inline" key={event}>
            <input type="checkbox" checked={draft.events.includes(event)} onChange={() => toggle(event)} /> {event}
          </label>
        ))}
        {errors.events && (
          <small id="events-error" class="field-error">
            {errors.events}
          </small>
        )}
      </fieldset>
      {withActive && (
        <label class="inline">
          <input type="checkbox" checked={draft.isActive} onChange={() => setDraft({ ...draft, isActive: !draft.isActive })} /> {t.webhooks.active}
        </label>
      )}
    </>
  );
}

const bodyOf = (d: Draft) => ({ url: d.url, name: d.name.trim() || null, description: d.description || null, events: d.events as WebhookInput['events'] });

export function WebhooksPage() {
  const list = useLoad(() => unwrap(api.GET('/v1/webhooks', { params: { query: { limit: 100 } } })), []);
  const [draft, setDraft] = useState<Draft>({ url: '', name: '', description: '', events: ['interview.completed', 'analysis.completed'], isActive: true });
  const [secret, setSecret] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit(
    () => unwrap(api.POST('/v1/webhooks', { body: bodyOf(draft) as WebhookInput })),
    (created) => (setSecret(created.signingSecret), list.reload()),
  );
  const errors = fieldErrors(error);
  return (
    <>
      <h1>{t.webhooks.title}</h1>
      <LoadedList list={list} empty={t.webhooks.empty}>
        {(rows) => (
          <Table columns={[t.webhooks.name, t.webhooks.url, t.webhooks.events, t.webhooks.active]}>
            {rows.map((w) => (
              <tr key={w.id}>
                <td>
                  <Link href={`/webhooks/${w.id}`}>{w.name ?? w.url}</Link>
                </td>
                <td>{w.url}</td>
                <td>{w.events.join(', ')}</td>
                <td>{w.isActive ? t.yes : t.no}</td>
              </tr>
            ))}
          </Table>
        )}
      </LoadedList>
      <CreateSection id="new-webhook" title={t.webhooks.newWebhook} once={{ title: t.webhooks.secretOnce, value: secret }} onSubmit={submit} busy={busy} error={error} fields={['url', 'name', 'description', 'events']}>
        <WebhookFields draft={draft} setDraft={setDraft} errors={errors} withActive={false} />
      </CreateSection>
    </>
  );
}

export function WebhookPage({ id }: { id: string }) {
  const loaded = useLoad(() => unwrap(api.GET('/v1/webhooks/{id}', { params: { path: { id } } })), [id]);
  return (
    <LoadState state={loaded} keepWhileReloading>
      {(webhook) => <WebhookDetail webhook={webhook} reload={loaded.reload} />}
    </LoadState>
  );
}

function WebhookDetail({ webhook, reload }: { webhook: Webhook; reload: () => void }) {
  const [draft, setDraft] = useState<Draft>({ url: webhook.url, name: webhook.name ?? '', description: webhook.description ?? '', events: [...webhook.events], isActive: webhook.isActive });
  const path = { params: { path: { id: webhook.id } } };
  const deliveries = useLoad(() => unwrap(api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: webhook.id }, query: { limit: 20 } } })), [webhook.id]);
  const { notice, setNotice, act } = useRowAction(deliveries.reload);
  const save = useSubmit(() => unwrap(api.PATCH('/v1/webhooks/{id}', { ...path, body: { ...bodyOf(draft), isActive: draft.isActive } })), () => (setNotice(t.webhooks.saved), reload()));
  const ping = useSubmit(
    () => unwrap(api.POST('/v1/webhooks/{id}/test', path)),
    (r) => (setNotice(t.webhooks.testResult(r.success, r.httpStatus === null ? '—' : String(r.httpStatus), r.durationMs, r.message)), deliveries.reload()),
  );
  // Re-arming activates the webhook: the form's switch follows, or the next Save would pause it again.
  // The opening it re-armed stops showing at once, with the notice, not after the reload.
  const [rearmedOpening, setRearmedOpening] = useState<string | null>(null);
  const rearm = useSubmit(
    () => unwrap(api.POST('/v1/webhooks/{id}/reset-circuit', path)),
    (armed) => (setRearmedOpening(webhook.circuitOpenedAt), setDraft((d) => ({ ...d, isActive: armed.isActive })), setNotice(t.webhooks.rearmed), reload(), deliveries.reload()),
  );
  const circuitOpenedAt = webhook.circuitOpenedAt === rearmedOpening ? null : webhook.circuitOpenedAt;
  const redeliver = (deliveryId: string) => act(() => unwrap(api.POST('/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id: webhook.id, deliveryId } } })), t.webhooks.redelivered);
  const remove = async () => {
    if (!confirm(t.confirmDelete(webhook.name ?? webhook.url))) return;
    await unwrap(api.DELETE('/v1/webhooks/{id}', path));
    navigate('/webhooks');
  };
  const errors = fieldErrors(save.error);
  const title = t.webhooks.editTitle(webhook.name ?? webhook.url);
  return (
    <>
      <p>
        <Link href="/webhooks">{t.webhooks.title}</Link>
      </p>
      <h1>{title}</h1>
      {circuitOpenedAt && (
        <div class="error-note">
          <p>{t.webhooks.circuitOpen(when(circuitOpenedAt))}</p>
          <button type="button" onClick={() => rearm.submit()} disabled={rearm.busy}>
            {t.webhooks.rearm}
          </button>
        </div>
      )}
      <Notice text={notice} />
      <form class="form" onSubmit={save.submit} noValidate aria-label={title}>
        <WebhookFields draft={draft} setDraft={setDraft} errors={errors} withActive />
        <FormError error={save.error} fields={['url', 'name', 'description', 'events']} />
        <div class="buttons">
          <button type="submit" disabled={save.busy}>
            {t.save}
          </button>
          <button type="button" class="secondary" onClick={() => ping.submit()} disabled={ping.busy}>
            {t.webhooks.test}
          </button>
          <button type="button" class="danger" onClick={remove}>
            {t.delete}
          </button>
        </div>
        {(save.busy || ping.busy) && <Busy />}
        <ErrorNote error={ping.error ?? rearm.error} />
      </form>
      <section aria-labelledby="deliveries">
        <h2 id="deliveries">{t.webhooks.deliveries}</h2>
        <LoadedList list={deliveries} empty={t.webhooks.noDeliveries}>
          {(rows) => (
            <Table class="deliveries" columns={[t.webhooks.event, t.interviews.status, t.webhooks.attempts, null]}>
              {rows.map((d) => (
                <tr key={d.id} data-delivery-id={d.id}>
                  <td>
                    {d.event}
                    <br />
                    <small>{when(d.createdAt)}</small>
                  </td>
                  <td>{d.status}</td>
                  <td>
                    <ol class="attempts">
                      {d.attempts.map((a) => (
                        <li key={a.id}>{t.webhooks.attemptLine(when(a.attemptedAt), a.statusCode === null ? '—' : String(a.statusCode), String(a.latencyMs), a.error ?? '')}</li>
                      ))}
                    </ol>
                  </td>
                  <td>
                    <button type="button" class="secondary" onClick={() => redeliver(d.id)}>
                      {t.webhooks.redeliver}
                    </button>
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </LoadedList>
      </section>
    </>
  );
}
