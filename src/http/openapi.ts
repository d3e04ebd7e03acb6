import fastifySwagger, { type SwaggerTransformObject } from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { globalRegistry, type ZodType } from 'zod';
import { $ZodType } from 'zod/v4/core';
import type { Config } from '../config/config.ts';

/** Routes under /v1 are documented; the unprefixed twins and the /companies alias are not (§1). */
export function isDocumentedPath(url: string): boolean {
  return url.startsWith('/v1/') && !url.startsWith('/v1/companies') && !url.startsWith('/v1/sourcing') && url !== '/v1/openapi.json';
}

type OpenApiDocument = ReturnType<SwaggerTransformObject>;

const SCHEMA_REF = '#/components/schemas/';

function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF)) into.add(child.slice(SCHEMA_REF.length));
      else collectRefs(child, into);
    }
  }
}

/**
 * Every Zod schema with an id is emitted twice (as input and output), but a route uses only one
 * side of most of them: keep just the components the paths reach, so the document has no dead parts.
 */
function withoutUnusedSchemas(document: OpenApiDocument): OpenApiDocument {
  const doc = document as { paths?: unknown; components?: { schemas?: Record<string, unknown> } };
  const schemas = doc.components?.schemas;
  if (!schemas) return document;
  const used = new Set<string>();
  collectRefs(doc.paths, used);
  for (let pending = [...used]; pending.length > 0; ) {
    const found = new Set<string>();
    for (const name of pending) collectRefs(schemas[name], found);
    pending = [...found].filter((name) => !used.has(name));
    pending.forEach((name) => used.add(name));
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...doc.components, schemas: kept } } as OpenApiDocument;
}

type RouteDocument = Parameters<typeof jsonSchemaTransform>[0];

/**
 * Parameters are listed one by one, so their schema must be inline: a query or params schema with
 * a registered id would become a `$ref` that @fastify/swagger cannot expand (it throws, and the
 * document answers 500). Only the document changes: validation still uses the route's own schema.
 */
function withInlineParameters(route: RouteDocument): RouteDocument {
  const schema = route.schema as Record<string, unknown> | undefined;
  if (!schema) return route;
  const inlined = { ...schema };
  for (const part of ['querystring', 'params', 'headers']) {
    const value = inlined[part];
    // Cloned from its definition, so that the copy has no parent for the generator to refer to.
    if (value instanceof $ZodType && globalRegistry.get(value)?.id) inlined[part] = (value as unknown as ZodType).clone(value._zod.def);
  }
  return { ...route, schema: inlined } as RouteDocument;
}

export async function installOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (!isDocumentedPath(route.url)) route.schema = { ...(route.schema ?? {}), hide: true };
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'interviewd API',
        version: '1.0.0',
        description:
          'Self-hosted AI interviews, wire-compatible with the InstaView public API. Every route is also served without the /v1 prefix. Errors always use the ErrorEnvelope body, also those of the HTTP layer that no operation lists: 408 REQUEST_TIMEOUT (a request not received in full in time) and 431 REQUEST_HEADER_FIELDS_TOO_LARGE.',
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key: sk_live_… or sk_test_…' } },
      },
    },
    transform: (route) => jsonSchemaTransform(withInlineParameters(route)),
    transformObject: (document) => withoutUnusedSchemas(jsonSchemaTransformObject(document)),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/v1/openapi.json', { config: { access: { public: true, scopes: [], companyScoped: false } } }, async () => app.swagger());
}
