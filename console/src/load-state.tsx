/** What a page shows around something it loads: progress, the API's error, an empty note, paging. */
import type { ComponentChildren, JSX } from 'preact';
import { t } from './strings';
import { Busy, Empty, ErrorNote, Pager, type Loaded, type PageOf } from './ui';

/**
 * Busy until loaded, the error if it failed, else `children(data)`. `keepWhileReloading` leaves what is shown
 * in place during a reload (so a detail page keeps its notices); otherwise a reload shows Busy again.
 */
export function LoadState<T>({ state, keepWhileReloading = false, children }: { state: Loaded<T>; keepWhileReloading?: boolean; children: (data: T) => JSX.Element }) {
  if (state.loading && (state.data === undefined || !keepWhileReloading)) return <Busy />;
  if (state.data === undefined) return <ErrorNote error={state.error} />;
  return children(state.data);
}

/**
 * A loaded list: Busy while loading, the API's error, `empty` when it has no rows, else `children(rows)`
 * followed by the pager when `onPage` is given (only lists answered a page at a time accept it).
 */
export function LoadedList<D extends { data: unknown[] }>({
  list,
  empty,
  onPage,
  children,
}: {
  list: Loaded<D>;
  empty: ComponentChildren;
  onPage?: D extends PageOf<unknown> ? (page: number) => void : never;
  children: (rows: D['data']) => ComponentChildren;
}) {
  const data = list.data;
  return (
    <>
      {list.loading && <Busy />}
      <ErrorNote error={list.error} />
      {data && data.data.length === 0 && <Empty>{empty}</Empty>}
      {data && data.data.length > 0 && (
        <>
          {children(data.data)}
          {/* `onPage` only type-checks when `D` is a page (see its type). */}
          {onPage && <Pager page={data as unknown as PageOf<unknown>} onPage={onPage} />}
        </>
      )}
    </>
  );
}

/** A table whose header names `columns`; `null` is the column of row buttons (named for screen readers only). */
export function Table({ columns, class: className, children }: { columns: (string | null)[]; class?: string; children: ComponentChildren }) {
  return (
    <table class={className}>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th scope="col" key={i}>
              {column ?? <span class="visually-hidden">{t.actions}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
