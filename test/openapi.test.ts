/**
 * §1: the OpenAPI 3.1 document at GET /v1/openapi.json lists every route under /v1 with its
 * parameters, body, success answer and the error envelope for every status it can answer, and it
 * passes `redocly lint` without errors.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../src/errors/catalogue.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { deref, fetchDocument, opLabel, type OpenApiDocument, type Operation, operations } from './openapi-routes.ts';

const run = promisify(execFile);
const ENVELOPE_REF = '#/components/schemas/ErrorEnvelope';

let server: TestServer;
let doc: OpenApiDocument;
let ops: Operation[];
beforeAll(async () => {
  server = await startTestServer();
  doc = await fetchDocument(server.anonymous);
  ops = operations(doc);
});
afterAll(() => server.close());

/** True when the schema is the §2 envelope, by reference or spelled out. */
function isEnvelope(schema: Record<string, unknown> | undefined): boolean {
  if (!schema) return false;
  if (schema.$ref === ENVELOPE_REF) return true;
  const resolved = deref(doc, schema);
  return JSON.stringify(resolved) === JSON.stringify(doc.components?.schemas?.ErrorEnvelope);
}

describe('openapi: the document', () => {
  it('is served as JSON without a key and is OpenAPI 3.1', async () => {
    const res = await server.anonymous('GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info?.title).toBe('interviewd API');
    expect(doc.info?.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists only /v1 paths, without the /companies alias or the document itself', () => {
    const paths = Object.keys(doc.paths ?? {});
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path).toMatch(/^\/v1\//);
      expect(path).not.toMatch(/^\/v1\/(companies|openapi\.json|sourcing)/);
    }
    expect(paths).toEqual(expect.arrayContaining(['/v1/agents', '/v1/agents/{id}', '/v1/phone-numbers', '/v1/phone-numbers/{id}', '/v1/company', '/v1/company/{id}']));
  });

  it('documents the §2 error envelope as a component', () => {
    const envelope = doc.components?.schemas?.ErrorEnvelope;
    expect(envelope?.type).toBe('object');
    expect(envelope.required).toEqual(expect.arrayContaining(['success', 'data', 'error', 'timestamp']));
    const error = deref(doc, envelope.properties.error);
    expect(error?.required).toEqual(expect.arrayContaining(['code', 'message', 'details']));
    for (const code of Object.keys(ERROR_STATUS)) expect(deref(doc, error?.properties.code)?.enum).toContain(code);
  });

  it('declares the bearer scheme its operations use', () => {
    expect(doc.components?.securitySchemes?.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

describe('openapi: every operation', () => {
  it('has a summary and a unique operationId', () => {
    expect(ops.length).toBeGreaterThanOrEqual(14);
    const ids = ops.map((op) => op.operationId);
    for (const op of ops) {
      expect(op.operationId, opLabel(op)).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(op.summary, opLabel(op)).toMatch(/^[A-Z].*[^\s.]$/); // a capitalised phrase, trimmed, no full stop
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents the error envelope for every non-2xx status it declares', () => {
    for (const op of ops) {
      const errorStatuses = op.statuses.filter((s) => s < 200 || s >= 300);
      expect(errorStatuses.length, opLabel(op)).toBeGreaterThan(0);
      for (const status of errorStatuses) {
        const response = deref(doc, op.raw.responses[String(status)]);
        expect(response?.description, `${opLabel(op)} ${status}`).toMatch(/\S/); // required by OpenAPI
        expect(isEnvelope(response?.content?.['application/json']?.schema), `${opLabel(op)} ${status} is not the ErrorEnvelope`).toBe(true);
      }
    }
  });

  it('declares exactly one success status, with a body unless it is 204', () => {
    for (const op of ops) {
      const success = op.statuses.filter((s) => s >= 200 && s < 300);
      expect(success, opLabel(op)).toHaveLength(1);
      const response = deref(doc, op.raw.responses[String(success[0])]);
      if (success[0] === 204) expect(response?.content, opLabel(op)).toBeUndefined();
      else expect(['object', 'array', 'boolean'], opLabel(op)).toContain(deref(doc, response?.content?.['application/json']?.schema)?.type);
    }
  });

  it('declares 401, 403 and 429 when it needs a key, and names the scopes', () => {
    const authenticated = ops.filter((op) => op.authenticated);
    expect(authenticated.length).toBe(ops.length); // every documented /v1 route needs a key today
    for (const op of authenticated) {
      expect(op.statuses, opLabel(op)).toEqual(expect.arrayContaining([401, 403, 429]));
      expect(op.scopes.length, opLabel(op)).toBeGreaterThan(0);
    }
  });

  it('declares what its shape implies: 400 and 500 always, 404 with a path id, 413/415 with a body, 409/422 on POST', () => {
    for (const op of ops) {
      const need = [400, 500];
      if (op.pathParams.length > 0) need.push(404);
      if (op.body) need.push(413, 415);
      if (op.method === 'POST') need.push(409, 422);
      expect(op.statuses, opLabel(op)).toEqual(expect.arrayContaining(need));
      if (op.body) expect(op.raw.requestBody, opLabel(op)).toMatchObject({ required: true, content: { 'application/json': { schema: expect.any(Object) } } });
    }
  });

  it('declares every path parameter of its template, and companyId where ATS keys must send it', () => {
    for (const op of ops) {
      const template = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect([...op.pathParams].sort(), opLabel(op)).toEqual([...template].sort());
      if (op.companyScoped) expect(op.queryParams, opLabel(op)).toContain('companyId');
    }
  });

  it('is served under /v1 and without the prefix (§1)', async () => {
    for (const op of ops) {
      const path = op.path.replace(/\{[^}]+\}/g, crypto.randomUUID());
      for (const url of [path, path.replace(/^\/v1/, '')]) {
        const res = await server.anonymous(op.method, url);
        expect(res.status, `${op.method} ${url}: ${res.text.slice(0, 200)}`).toBe(401);
      }
    }
  });
});

/** `METHOD /path/{param}` for every route the server registers, parsed from Fastify's route tree. */
function registeredRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = (match[1] as string).length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + (match[2] as string);
    stack[depth] = path;
    for (const method of (match[3] as string).split(', ')) if (method !== 'HEAD') routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return routes;
}

describe('openapi: completeness', () => {
  it('documents every route the server registers under /v1 (but the /companies alias, sourcing and the document)', () => {
    const registered = registeredRoutes(server.app.printRoutes({ commonPrefix: false }));
    expect(registered).toContain('GET /v1/agents/{id}');
    const documented = new Set(ops.map((op) => `${op.method} ${op.path}`));
    const missing = registered.filter((r) => /^\S+ \/v1\//.test(r) && !/ \/v1\/(companies|sourcing|openapi\.json)/.test(r) && !documented.has(r));
    expect(missing).toEqual([]);
  });
});

describe('openapi: redocly lint', () => {
  it('reports zero errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interviewd-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc, null, 2));
      // Exits non-zero when it finds errors; the JSON report on stdout says which.
      const result = await run(join(process.cwd(), 'node_modules/.bin/redocly'), ['lint', file, '--format=json'], {
        cwd: process.cwd(),
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        maxBuffer: 32 * 1024 * 1024,
      }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
      const report = JSON.parse(result.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
      const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
      expect(errors, result.stderr.slice(0, 500)).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
