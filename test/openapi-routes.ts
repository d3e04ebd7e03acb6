/**
 * The OpenAPI document as a test driver: every documented operation, with what it needs (scopes,
 * company scoping), what it may answer (declared statuses) and an example body built from its
 * schema. The cross-cutting suites iterate over this list, so a new route is covered as soon as
 * it is documented.
 */
import type { ApiClient } from './harness.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type JsonSchema = Record<string, any>;
export type OpenApiDocument = Record<string, any>;

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  /** Template as documented, e.g. /v1/agents/{id}. */
  path: string;
  operationId: string;
  summary: string | undefined;
  /** Scopes listed in the operation's bearerAuth requirement. */
  scopes: string[];
  authenticated: boolean;
  /** Extension x-company-scoped: ATS keys must send ?companyId=. */
  companyScoped: boolean;
  /** Every status the document declares for the operation. */
  statuses: number[];
  successStatus: number;
  pathParams: string[];
  queryParams: string[];
  /** The request body's schema with references resolved at the top level, or null. */
  body: JsonSchema | null;
  /** The collection whose id fills the first path parameter, e.g. /v1/agents. */
  collection: string;
  raw: JsonSchema;
}

const METHODS = ['get', 'post', 'patch', 'delete', 'put'] as const;

export async function fetchDocument(anonymous: ApiClient): Promise<OpenApiDocument> {
  const res = await anonymous('GET', '/v1/openapi.json');
  if (res.status !== 200) throw new Error(`GET /v1/openapi.json answered ${res.status}: ${res.text.slice(0, 200)}`);
  return res.body as OpenApiDocument;
}

/** Follows local `$ref`s until a schema without one. */
export function deref(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined {
  let current = schema;
  for (let i = 0; current?.$ref && i < 20; i++) {
    const pointer = String(current.$ref).replace(/^#\//, '').split('/');
    current = pointer.reduce<any>((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return current;
}

export function operations(doc: OpenApiDocument): Operation[] {
  const result: Operation[] = [];
  for (const [path, item] of Object.entries<JsonSchema>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters: JsonSchema[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(doc, p) ?? p);
      const statuses = Object.keys(op.responses ?? {}).map(Number).sort((a, b) => a - b);
      const security: JsonSchema[] = op.security ?? doc.security ?? [];
      const bodySchema = op.requestBody ? deref(doc, deref(doc, op.requestBody)?.content?.['application/json']?.schema) : undefined;
      result.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        operationId: op.operationId,
        summary: op.summary,
        scopes: security.flatMap((req) => Object.values(req).flat() as string[]),
        authenticated: security.length > 0,
        companyScoped: op['x-company-scoped'] === true,
        statuses,
        successStatus: statuses.find((s) => s >= 200 && s < 300) ?? 200,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body: bodySchema ?? null,
        collection: path.split('/{')[0] as string,
        raw: op,
      });
    }
  }
  return result;
}

export const opLabel = (op: Operation) => `${op.method} ${op.path} (${op.operationId})`;

/** Fills every path parameter: the first with `id`, later ones with `rest` (or `id`). */
export function fillPath(op: Operation, id: string, rest: string = id): string {
  let first = true;
  return op.path.replace(/\{[^}]+\}/g, () => {
    const value = first ? id : rest;
    first = false;
    return encodeURIComponent(value);
  });
}

export const isItem = (op: Operation) => op.pathParams.length > 0;
export const isCreate = (op: Operation) => op.method === 'POST' && op.pathParams.length === 0;

/** A list answers the §1 page shape. */
export function isList(doc: OpenApiDocument, op: Operation): boolean {
  if (op.method !== 'GET' || op.pathParams.length > 0) return false;
  const schema = deref(doc, op.raw.responses?.['200']?.content?.['application/json']?.schema);
  return Boolean(schema?.properties?.data && schema.properties.totalPages);
}

let sequence = 0;
/** A fresh E.164 number (phone numbers are unique in the whole deployment). */
export function uniqueE164(): string {
  sequence = (sequence + 1) % 1_000_000;
  return `+1555${String(Date.now() % 1000).padStart(3, '0')}${String(sequence).padStart(6, '0')}`;
}

/** The acting company's resource of a collection, for bodies that reference one. */
export type RefResolver = (collection: string) => string | undefined;

type Fixture = (ref: RefResolver) => Record<string, unknown>;
const withRef = (ref: RefResolver, field: string, collection: string, wrap = false) => {
  const id = ref(collection);
  return id ? { [field]: wrap ? [id] : id } : {};
};

/** Bodies the schema alone cannot produce well (patterns, uniqueness, references, readable names), by path template. */
const CREATE_BODIES: Record<string, Fixture> = {
  '/v1/agents': () => ({ name: `Agent ${++sequence}`, questions: ['Why us?'] }),
  '/v1/phone-numbers': () => ({ number: uniqueE164() }),
  '/v1/company': () => ({ name: `Company ${++sequence}` }),
  '/v1/jobs': () => ({ title: `Engineer ${++sequence}`, description: 'Builds and runs the interview platform.' }),
  '/v1/candidates': (ref) => ({ firstName: 'Ada', lastName: `Lovelace ${++sequence}`, email: `ada${sequence}@example.com`, ...withRef(ref, 'jobIds', '/v1/jobs', true) }),
  // The candidate above holds the job, so the interview may name it (§10 job resolution).
  '/v1/interviews': (ref) => ({ ...withRef(ref, 'candidateId', '/v1/candidates'), ...withRef(ref, 'agentId', '/v1/agents'), ...withRef(ref, 'jobId', '/v1/jobs') }),
  // Port 9 (discard) refuses at once: pings fail fast and nothing leaves the machine.
  '/v1/webhooks': () => ({ url: `http://127.0.0.1:9/hook-${++sequence}`, events: ['interview.completed'] }),
  // Console users: an email is one account in the whole deployment.
  '/v1/users': () => ({ email: `console.user${++sequence}.${Date.now()}@example.com`, role: 'recruiter' }),
  '/v1/api-keys': () => ({ name: `Key ${++sequence}` }),
};

/** A change that a PATCH must visibly apply, by path template. */
const PATCH_BODIES: Record<string, Fixture> = {
  '/v1/agents/{id}': () => ({ name: `Renamed ${++sequence}` }),
  '/v1/phone-numbers/{id}': () => ({ location: `Floor ${++sequence}` }),
  '/v1/company/{id}': () => ({ name: `Renamed ${++sequence}` }),
  '/v1/candidates/{id}': () => ({ lastName: `Renamed ${++sequence}` }),
  '/v1/jobs/{id}': () => ({ title: `Renamed ${++sequence}` }),
  '/v1/interviews/{id}': () => ({ metadata: { round: ++sequence } }),
  '/v1/webhooks/{id}': () => ({ name: `Renamed ${++sequence}` }),
  '/v1/users/{id}': () => ({ role: 'admin' }),
};

/**
 * Operations whose success needs state the generic world does not build. For these the owner's
 * answer is this error, raised by the action itself: proof that the request got past the key,
 * scope and company checks and found the resource.
 */
export const PRECONDITIONED: Record<string, { status: number; code: string; why: string; resourceType?: string }> = {
  getInterviewAnalysisPdf: { status: 404, code: 'RESOURCE_NOT_FOUND', resourceType: 'analysis', why: 'a SCHEDULED interview has no analysis yet' },
  createCallAttempt: { status: 400, code: 'VALIDATION_ERROR', why: 'call attempts exist only for PHONE interviews' },
  listCallAttempts: { status: 400, code: 'VALIDATION_ERROR', why: 'call attempts exist only for PHONE interviews' },
  getCallAttempt: { status: 400, code: 'VALIDATION_ERROR', why: 'call attempts exist only for PHONE interviews' },
  rescheduleCallAttempt: { status: 400, code: 'VALIDATION_ERROR', why: 'call attempts exist only for PHONE interviews' },
  deleteCallAttempt: { status: 400, code: 'VALIDATION_ERROR', why: 'call attempts exist only for PHONE interviews' },
};

/** Whether the generic world can make the operation succeed. */
export const reachable = (op: Operation) => op.pathParams.length <= 1 && !PRECONDITIONED[op.operationId];

/** Collections in the order a world is built: what others reference comes first. */
export const CREATION_ORDER = ['/v1/company', '/v1/phone-numbers', '/v1/agents', '/v1/jobs', '/v1/candidates', '/v1/interviews', '/v1/webhooks'];

/** A valid request body for the operation (null when it takes none). */
export function exampleBody(doc: OpenApiDocument, op: Operation, ref: RefResolver = () => undefined): Record<string, unknown> | null {
  if (!op.body) return null;
  const fixtures = op.method === 'POST' ? CREATE_BODIES : op.method === 'PATCH' ? PATCH_BODIES : {};
  const fixture = fixtures[op.path];
  if (fixture) return fixture(ref);
  return example(doc, op.body) as Record<string, unknown>;
}

/** A minimal value that satisfies a JSON schema: required properties only. */
export function example(doc: OpenApiDocument, input: JsonSchema | undefined, depth = 0): unknown {
  const schema = deref(doc, input) ?? {};
  if (depth > 8) return null;
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const branches: JsonSchema[] | undefined = schema.anyOf ?? schema.oneOf;
  if (branches) return example(doc, branches.find((b) => deref(doc, b)?.type !== 'null') ?? branches[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = example(doc, schema.properties?.[name], depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => example(doc, schema.items, depth + 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return exampleString(schema);
    default:
      return {};
  }
}

function exampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case 'email':
      return `someone${++sequence}@example.com`;
    case 'uuid':
      return crypto.randomUUID();
    case 'date-time':
      return new Date(Date.now() + 3600_000).toISOString();
    case 'date':
      return new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    case 'uri':
      return 'https://example.com/';
  }
  if (typeof schema.pattern === 'string' && schema.pattern.includes('\\+[1-9]')) return uniqueE164();
  const length = Math.max(schema.minLength ?? 1, 12);
  return `example ${++sequence} text`.padEnd(length, 'x').slice(0, schema.maxLength ?? length);
}

/**
 * Body fields that reference another resource, and the collection that resource lives in.
 * A field ending in `Ids` holds a list of them.
 */
export const REFERENCE_FIELDS: Record<string, string> = {
  companyPhoneNumberId: '/v1/phone-numbers',
  agentId: '/v1/agents',
  candidateId: '/v1/candidates',
  jobId: '/v1/jobs',
  jobIds: '/v1/jobs',
};

/** The body value that makes `field` point at `id`. */
export const referenceValue = (field: string, id: string): string | string[] => (field.endsWith('Ids') ? [id] : id);
