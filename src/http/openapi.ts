import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Config } from '../config/config.ts';

/** Routes under /v1 are documented; the unprefixed twins and the /companies alias are not (§1). */
export function isDocumentedPath(url: string): boolean {
  return url.startsWith('/v1/') && !url.startsWith('/v1/companies') && !url.startsWith('/v1/sourcing') && url !== '/v1/openapi.json';
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
          'Self-hosted AI interviews, wire-compatible with the InstaView public API. Every route is also served without the /v1 prefix. Errors always use the ErrorEnvelope body.',
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key: sk_live_… or sk_test_…' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/v1/openapi.json', { config: { access: { public: true, scopes: [], companyScoped: false } } }, async () => app.swagger());
}
