/** Building blocks every page shares: loading, fields wired to the API's errors, paging, copy. */
import type { ComponentChildren, TargetedEvent } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api/client';
import { t } from './strings';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` now and whenever `deps` change; the newest answer wins. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | null; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false }),
      (error: unknown) => mine === seq.current && setState({ data: undefined, error: asApiError(error), loading: false }),
    );
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'CLIENT', error instanceof Error ? error.message : String(error));
}

/** Shown while something takes time (anything a person may wait on). */
export function Busy({ text = t.loading }: { text?: string }) {
  return (
    <p class="busy" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {text}
    </p>
  );
}

export function ErrorNote({ error }: { error: ApiError | null | string }) {
  if (!error) return null;
  return (
    <p class="error-note" role="alert">
      {typeof error === 'string' ? error : error.status === 403 ? t.forbidden : error.message || t.somethingWrong}
    </p>
  );
}

export function Notice({ text }: { text: string | null }) {
  return (
    <p class="notice" role="status" aria-live="polite">
      {text ?? ''}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** The API's validation issues by field: `questions.0` also counts for `questions`. */
export function fieldErrors(error: ApiError | null): Record<string, string> {
  const byField: Record<string, string> = {};
  if (!error) return byField;
  for (const issue of error.issues) {
    const parts = issue.path.split('.');
    for (let i = parts.length; i > 0; i--) {
      const key = parts.slice(0, i).join('.');
      byField[key] ??= issue.message;
    }
  }
  return byField;
}

/** Form-level message: the envelope's message, unless every issue sits on a field shown. */
export function FormError({ error, fields }: { error: ApiError | null; fields: string[] }) {
  if (!error) return null;
  const errs = fieldErrors(error);
  const onFields = error.issues.length > 0 && fields.some((f) => errs[f]);
  const elsewhere = error.issues.filter((i) => !fields.some((f) => i.path === f || i.path.startsWith(f + '.')));
  return (
    <div class="error-note" role="alert">
      <p>{onFields ? t.fixFields : error.status === 403 ? t.forbidden : error.message}</p>
      {elsewhere.length > 0 && onFields && (
        <ul>
          {elsewhere.map((i) => (
            <li key={i.path}>{`${i.path}: ${i.message}`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  name: string;
  /** Ids are `<idPrefix>-<name>`: filters use their own prefix, so a page's ids stay unique. */
  idPrefix?: string;
  label: string;
  errors: Record<string, string>;
  hint?: string;
}

function described(props: FieldProps, id: string) {
  const error = props.errors[props.name];
  const ids = [error ? `${id}-error` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return { error, attrs: { id, name: props.name, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': ids || undefined } };
}

function FieldShell({ id, label, hint, error, children }: { id: string; label: string; hint?: string | undefined; error?: string | undefined; children: ComponentChildren }) {
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} class="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

export function TextField(props: FieldProps & { value: string; onInput: (value: string) => void; type?: 'text' | 'email' | 'password' | 'number' | 'search' | 'tel' | 'url' | 'date'; autoComplete?: string; required?: boolean }) {
  const id = `${props.idPrefix ?? 'f'}-${props.name.replace(/\W/g, '-')}`;
  const { error, attrs } = described(props, id);
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={error}>
      <input {...attrs} type={(props.type ?? 'text') as 'text'} value={props.value} required={props.required} autoComplete={props.autoComplete} onInput={(e) => props.onInput(e.currentTarget.value)} />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { value: string; onInput: (value: string) => void; rows?: number }) {
  const id = `${props.idPrefix ?? 'f'}-${props.name.replace(/\W/g, '-')}`;
  const { error, attrs } = described(props, id);
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={error}>
      <textarea {...attrs} rows={props.rows ?? 4} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
    </FieldShell>
  );
}

export function SelectField(props: FieldProps & { value: string; onChange: (value: string) => void; options: readonly (string | readonly [string, string])[] }) {
  const id = `${props.idPrefix ?? 'f'}-${props.name.replace(/\W/g, '-')}`;
  const { error, attrs } = described(props, id);
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={error}>
      <select {...attrs} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.options.map((o) => {
          const [value, text] = typeof o === 'string' ? [o, o] : o;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
    </FieldShell>
  );
}

export interface PageOf<T> {
  data: T[];
  total: number;
  page: number;
  totalPages: number;
}

export function Pager({ page, onPage }: { page: PageOf<unknown>; onPage: (page: number) => void }) {
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
        {t.previous}
      </button>
      <span>{t.pageOf(page.page, page.totalPages, page.total)}</span>
      <button type="button" disabled={page.page >= page.totalPages} onClick={() => onPage(page.page + 1)}>
        {t.next}
      </button>
    </nav>
  );
}

export function CopyButton({ text, label = t.copy }: { text: string; label?: string }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (plain http, an old browser): select the text for a manual copy.
      const field = document.createElement('textarea');
      field.value = text;
      document.body.append(field);
      field.select();
      document.execCommand('copy');
      field.remove();
    }
    setDone(true);
  };
  return (
    <button type="button" class="secondary" onClick={copy}>
      {done ? t.copied : label}
    </button>
  );
}

/** A one-time value (a secret, a key, a link): shown in a read-only box with a copy button. */
export function OnceValue({ title, value }: { title: string; value: string }) {
  return (
    <div class="once" role="status">
      <p>{title}</p>
      <code class="once-value">{value}</code>
      <CopyButton text={value} />
    </div>
  );
}

/** A submit handler that shows progress, turns the API's error into state, and stays on the page. */
export function useSubmit<T>(run: () => Promise<T>, done?: (value: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event?: TargetedEvent<HTMLFormElement, Event>) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const value = await run();
      done?.(value);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit, setError };
}
