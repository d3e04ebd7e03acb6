/**
 * JSON text rendered elsewhere — agents keep theirs with the row (src/db/json-rows.ts) — that a
 * response writes out as it is. `T` is what the text holds, for the types of the code around it.
 */
export class RenderedJson<T> {
  declare readonly holds?: T;

  constructor(readonly text: string) {}

  /** A JSON array of JSON texts, each one value. */
  static array<T>(items: string[]): RenderedJson<T[]> {
    return new RenderedJson(`[${items.join(',')}]`);
  }
}
