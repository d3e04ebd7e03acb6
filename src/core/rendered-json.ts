/**
 * JSON text rendered elsewhere — the database renders list rows (src/db/json-rows.ts) — that a
 * response writes out as it is. `T` is what the text holds, for the types of the code around it.
 */
export class RenderedJson<T> {
  declare readonly holds?: T;

  constructor(readonly text: string) {}

  /** A JSON array of already rendered JSON values. */
  static array<T>(items: RenderedJson<T>[] | string[]): RenderedJson<T[]> {
    return new RenderedJson(`[${items.map((i) => (typeof i === 'string' ? i : i.text)).join(',')}]`);
  }
}
