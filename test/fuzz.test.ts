/**
 * Property: whatever arrives at a documented route — mutated or random bodies, random query
 * strings, random path ids, from a company key or an ATS key — the answer is never a 5xx, an
 * error always carries the §2 envelope with the code's own status, and the status is one the
 * OpenAPI document declares for that operation. Real HTTP, fixed seeds.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS, type ErrorCode } from '../src/errors/catalogue.ts';
import { type ApiClient, type ApiResponse, envelopeError, startTestServer } from './harness.ts';
import { type FuzzIds, type FuzzRequest, requestArb } from './fuzz-arbitraries.ts';
import { fillPath, isItem, opLabel, type Operation, PRECONDITIONED, reachable } from './openapi-routes.ts';
import { buildWorld } from './tenancy-world.ts';

const NUM_RUNS = 50;
const SEED = 20251120;

const server = await startTestServer();
const world = await buildWorld(server);
const { a, b, doc } = world;
const ats = await server.atsKey([a.id]);
afterAll(() => server.close());

const foreign = [...world.ids.values()].map((pair) => pair.b);
/** Bodies reference company A's long-lived resources, which no fuzzed request can reach by id. */
const ref = (collection: string) => world.ids.get(collection)?.a;

/** Ids for one operation: a fresh resource of its own, so that a DELETE elsewhere cannot starve it. */
async function idsFor(op: Operation): Promise<FuzzIds> {
  const own = isItem(op) ? await world.fresh(op.collection, a) : a.id;
  return { own, foreignSame: world.ids.get(op.collection)?.b ?? b.id, foreign, companies: { own: a.id, foreign: b.id } };
}

async function perform(op: Operation, req: FuzzRequest): Promise<ApiResponse> {
  const client: ApiClient = req.caller === 'ats' ? ats.api : a.api;
  const search = new URLSearchParams(req.query).toString();
  const path = (req.id === null ? op.path : fillPath(op, req.id)) + (search ? `?${search}` : '');
  if (!req.body) return client(op.method, path);
  if (req.body.kind === 'json') return client(op.method, path, { rawBody: JSON.stringify(req.body.value), headers: { 'content-type': 'application/json' } });
  return client(op.method, path, { rawBody: req.body.text, headers: { 'content-type': req.body.contentType } });
}

/** Why the answer breaks the property, or null when it holds. */
function violation(op: Operation, res: ApiResponse): string | null {
  if (res.status >= 500) return `a ${res.status}`;
  if (!op.statuses.includes(res.status)) return `status ${res.status} is not declared (declared: ${op.statuses.join(', ')})`;
  if (res.status >= 400) {
    let code: string;
    try {
      code = envelopeError(res).code;
    } catch (error) {
      return (error as Error).message;
    }
    if (ERROR_STATUS[code as ErrorCode] !== res.status) return `code ${code} does not belong to status ${res.status}`;
    if (code === 'ROUTE_NOT_FOUND') return 'a documented route answered ROUTE_NOT_FOUND';
  } else if (res.status !== op.successStatus) return `success status ${res.status}, documented ${op.successStatus}`;
  if (!res.headers.get('x-request-id')) return 'no X-Request-Id';
  return null;
}

const describeReq = (req: FuzzRequest) =>
  JSON.stringify({ ...req, body: req.body?.kind === 'raw' ? { ...req.body, text: req.body.text.slice(0, 200) } : req.body }, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 60)}…(${v.length} chars)` : v));

describe('fuzz: every documented operation', () => {
  it('is driven by the document', () => {
    expect(world.ops.length).toBeGreaterThanOrEqual(14);
  });

  it.each(world.ops.map((op, index) => [opLabel(op), op, index] as const))('%s holds up', async (_label, op, index) => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArb(doc, op, await idsFor(op), ref), async (req) => {
        const res = await perform(op, req);
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        const problem = violation(op, res);
        if (problem) throw new Error(`${opLabel(op)}: ${problem}\nrequest: ${describeReq(req)}\nresponse: ${res.text.slice(0, 400)}`);
      }),
      { seed: SEED + index, numRuns: NUM_RUNS, endOnFailure: true },
    );
    // The generators must reach both sides of the route, or the property proves little. Where the
    // world cannot make the route succeed, its precondition error stands in (see PRECONDITIONED).
    const statuses = [...seen.keys()];
    const goal = reachable(op) ? (s: number) => s < 300 : (s: number) => s === (PRECONDITIONED[op.operationId]?.status ?? 404);
    expect(statuses.some(goal), `${opLabel(op)} never got through: ${JSON.stringify([...seen])}`).toBe(true);
    expect(statuses.some((s) => s >= 400), `${opLabel(op)} never failed: ${JSON.stringify([...seen])}`).toBe(true);
  });
});

describe('fuzz: path ids the router itself refuses', () => {
  // Over the router's parameter length limit, and percent-encoding that does not decode: Fastify
  // answers these before any route runs; they must still be 400s with the envelope (§1, §2).
  const items = world.ops.filter(isItem);
  it.each(items.map((op) => [opLabel(op), op] as const))('%s', async (_label, op) => {
    for (const id of ['a'.repeat(5000), `${'b'.repeat(101)}`]) {
      const res = await a.api(op.method, fillPath(op, id));
      expect(res.status, res.text.slice(0, 200)).toBe(400);
      expect(envelopeError(res).code).toBe('VALIDATION_ERROR');
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); // one of ours: a UUID v7
    }
    const bad = await a.api(op.method, op.path.replace(/\{[^}]+\}/g, '%E0%A4%A'));
    expect(bad.status, bad.text.slice(0, 200)).toBe(400);
    expect(envelopeError(bad).code).toBe('VALIDATION_ERROR');
  });
});
