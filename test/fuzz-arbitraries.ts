/**
 * fast-check arbitraries for test/fuzz.test.ts: requests built from an operation of the OpenAPI
 * document — mutated and random bodies, random query strings, random path ids.
 */
import fc from 'fast-check';
import { exampleBody, type OpenApiDocument, type Operation, type RefResolver } from './openapi-routes.ts';

export type FuzzBody = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string };

export interface FuzzRequest {
  caller: 'company' | 'ats';
  /** Fills the path parameters; null when the operation has none. */
  id: string | null;
  query: [string, string][];
  body: FuzzBody | null;
}

export interface FuzzIds {
  /** The acting company's resource for this operation (its own company for company routes). */
  own: string;
  /** Another company's resource of the same collection. */
  foreignSame: string;
  /** Another company's resources of every collection, and that company's id. */
  foreign: string[];
  companies: { own: string; foreign: string };
}

const text = (maxLength = 40) => fc.string({ unit: 'grapheme', maxLength });

/** Values that break a field: wrong types, null, sizes around the limits, nesting. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  text(),
  fc.constantFrom('', ' ', '  padded  ', 'UNDEFINED', 'online', '0', '-1', '1e309', '2025-02-30', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', '+1', '<script>', "'; drop table agents; --", '\u0000'),
  fc.constant('x'.repeat(100_000)),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(text(10), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 6, max: 40 }).map((depth) => nest(depth)),
);

function nest(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = { level: value };
  return value;
}

function isJson(textValue: string): boolean {
  try {
    JSON.parse(textValue);
    return true;
  } catch {
    return false;
  }
}

/** Bodies for an operation that takes one. */
export function bodyArb(doc: OpenApiDocument, op: Operation, ref: RefResolver): fc.Arbitrary<FuzzBody> {
  const fields = Object.keys(op.body?.properties ?? {});
  const fieldArb = fields.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...fields), weight: 4 }, { arbitrary: text(12), weight: 1 }) : text(12);
  const json = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzBody> => arb.map((value) => ({ kind: 'json' as const, value }));
  return fc.oneof(
    // A valid body: the success path must hold up too.
    { arbitrary: json(fc.constant(null).map(() => exampleBody(doc, op, ref) ?? {})), weight: 3 },
    // A valid body with one field mutated, or an unknown key added.
    { arbitrary: json(fc.tuple(fieldArb, badValue).map(([field, value]) => ({ ...exampleBody(doc, op, ref), [field]: value }))), weight: 6 },
    // Any JSON value at all.
    { arbitrary: json(fc.jsonValue({ maxDepth: 4 })), weight: 2 },
    // Not JSON, but labelled as JSON.
    { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).filter((t) => !isJson(t)).map((t) => ({ kind: 'raw' as const, text: t, contentType: 'application/json' })), weight: 2 },
    // Nesting deep enough to hurt a recursive walker.
    { arbitrary: fc.integer({ min: 1000, max: 50_000 }).map((n) => ({ kind: 'raw' as const, text: `{"metadata":${'['.repeat(n)}${']'.repeat(n)}}`, contentType: 'application/json' })), weight: 1 },
    // Over the 1 MiB limit.
    { arbitrary: fc.constant({ kind: 'raw' as const, text: JSON.stringify({ name: 'y'.repeat(1_100_000) }), contentType: 'application/json' }), weight: 1 },
    // Another media type.
    { arbitrary: fc.tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x'), text()).map(([contentType, t]) => ({ kind: 'raw' as const, text: t || 'a=b', contentType })), weight: 1 },
  );
}

/**
 * Path ids: mostly the route's own resource (so the success path is reached), then another
 * company's, random UUIDs of any version, and things that are no UUID at all.
 */
export function idArb(ids: FuzzIds): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(ids.own), weight: 5 },
    { arbitrary: fc.constant(ids.foreignSame), weight: 2 },
    { arbitrary: fc.constantFrom(...ids.foreign, ids.companies.own), weight: 1 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: fc.uuid().map((u) => u.toUpperCase()), weight: 1 },
    {
      arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '12345678-1234-1234-1234-123456789012', 'not-a-uuid', '1', '-1', 'null', 'undefined', '%00', "' or 1=1 --", 'a'.repeat(5000)),
      weight: 1,
    },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '' && s !== '.' && s !== '..'), weight: 1 },
  );
}

/** Query strings: the documented parameters and others, with any values, keys possibly repeated. */
export function queryArb(op: Operation, ids: FuzzIds): fc.Arbitrary<[string, string][]> {
  const keys = op.queryParams.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...op.queryParams), weight: 3 }, { arbitrary: text(12), weight: 1 }) : text(12);
  const values = fc.oneof(
    text(),
    fc.integer().map(String),
    fc.double().map(String),
    fc.constantFrom('', '0', '1', '-1', '100', '101', '10000', '10001', '1.5', '1e3', 'NaN', 'asc', 'desc', 'ASC', 'createdAt', 'updatedAt', 'name', 'true', 'null', '2025-01-01T00:00:00Z', '2025-01-01', 'yesterday', 'ONLINE', 'OPEN'),
    fc.constantFrom(ids.companies.own, ids.companies.foreign, ...ids.foreign),
    fc.uuid(),
  );
  return fc.array(fc.tuple(keys, values), { maxLength: 5 });
}

export function requestArb(doc: OpenApiDocument, op: Operation, ids: FuzzIds, ref: RefResolver): fc.Arbitrary<FuzzRequest> {
  // Mostly the company the ATS key manages, so that the route's own checks get exercised too.
  const companyId = fc.oneof(
    { arbitrary: fc.constant(ids.companies.own), weight: 6 },
    { arbitrary: fc.constantFrom(ids.companies.foreign, undefined), weight: 2 },
    { arbitrary: fc.oneof(fc.uuid(), text(40)), weight: 2 },
  );
  // GET cannot carry a body over fetch; a DELETE sometimes does, though it takes none.
  const body: fc.Arbitrary<FuzzBody | null> = op.body ? bodyArb(doc, op, ref) : op.method === 'DELETE' ? fc.option(bodyArb(doc, op, ref), { nil: null, freq: 3 }) : fc.constant(null);
  return fc
    .record({
      caller: fc.constantFrom('company' as const, 'ats' as const),
      companyId,
      id: op.pathParams.length > 0 ? idArb(ids) : fc.constant(null),
      query: queryArb(op, ids),
      body,
    })
    .map(({ companyId: named, ...rest }) => ({ ...rest, query: named === undefined ? rest.query : [['companyId', named] as [string, string], ...rest.query] }));
}
