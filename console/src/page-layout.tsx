/** Parts of a page's frame the list and form pages share: the heading with its "new" link, filters, form buttons, the "new …" section. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Link } from './router';
import { t } from './strings';
import type { ApiError } from './api/client';
import { Busy, FormError, OnceValue, type useSubmit } from './ui';

export function PageHead({ title, newHref, newLabel }: { title: string; newHref: string; newLabel: string }) {
  return (
    <div class="page-head">
      <h1>{title}</h1>
      <Link class="button" href={newHref}>
        {newLabel}
      </Link>
    </div>
  );
}

/** A list's filters: they apply as they change, so the form never submits. */
export function Filters({ children }: { children: ComponentChildren }) {
  return (
    <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      {children}
    </form>
  );
}

/** An edit form's Save and Cancel (back to `cancelHref`), with progress while saving. */
export function SaveButtons({ busy, cancelHref }: { busy: boolean; cancelHref: string }) {
  return (
    <>
      <div class="buttons">
        <button type="submit" disabled={busy}>
          {t.save}
        </button>
        <Link class="button secondary" href={cancelHref}>
          {t.cancel}
        </Link>
      </div>
      {busy && <Busy text={t.saving} />}
    </>
  );
}

/**
 * A row's action (delete, revoke, cancel…): on success it shows `done` (when given) and reloads the list;
 * a failure's message goes to the page's notice.
 */
export function useRowAction(reload: () => void) {
  const [notice, setNotice] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>, done?: string) => {
    try {
      await run();
      if (done) setNotice(done);
      reload();
    } catch (error) {
      setNotice(error instanceof Error ? error.message : t.somethingWrong);
    }
  };
  return { notice, setNotice, act };
}

/**
 * A list page's "new …" section: its fields (`children`), the form's error, the submit with progress, and the
 * one-time value the answer carries (a key, a secret, a link) once there is one.
 */
export function CreateSection(props: {
  id: string;
  title: string;
  once: { title: string; value: string | null };
  onSubmit: ReturnType<typeof useSubmit>['submit'];
  busy: boolean;
  error: ApiError | null;
  fields: string[];
  submitLabel?: string;
  children: ComponentChildren;
}) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.once.value && <OnceValue title={props.once.title} value={props.once.value} />}
      <form class="form" onSubmit={props.onSubmit} noValidate aria-labelledby={props.id}>
        {props.children}
        <FormError error={props.error} fields={props.fields} />
        <button type="submit" disabled={props.busy}>
          {props.submitLabel ?? t.create}
        </button>
        {props.busy && <Busy text={t.saving} />}
      </form>
    </section>
  );
}
