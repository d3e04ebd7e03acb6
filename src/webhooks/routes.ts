import { z } from 'zod';
import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import { IdParamsSchema } from '../http/common-schemas.ts';
import { pageSchema } from '../http/pagination.ts';
import { requireActor } from '../http/request-context.ts';
import { routeSchema } from '../http/route-docs.ts';
import {
  CreatedWebhookSchema,
  CreateWebhookBody,
  DeliveryListQuery,
  DeliveryParamsSchema,
  DeliverySchema,
  TestResultSchema,
  UpdateWebhookBody,
  WebhookListQuery,
  WebhookSchema,
} from './schema.ts';
import { createWebhook, deleteWebhook, getWebhook, listDeliveries, listWebhooks, redeliver, resetCircuit, testWebhook, updateWebhook, type WebhookDeps } from './service.ts';

const tags = ['Webhooks'];
const WebhookPage = pageSchema(WebhookSchema, 'WebhookPage');
const DeliveryPage = pageSchema(DeliverySchema, 'WebhookDeliveryPage');
const NoContent = z.null().describe('No content.');

/** §11. Not company-scoped (§3.3): the key decides what a webhook covers and who sees it. */
export function webhookRoutes(app: ZodApp, deps: AppDeps): void {
  const service: WebhookDeps = { db: deps.database.db, clock: deps.clock, allowPrivate: deps.config.webhookAllowPrivateTargets, wake: () => deps.queue.wake() };
  const read = { scopes: ['read:webhooks' as const], companyScoped: false };
  const write = { scopes: ['write:webhooks' as const], companyScoped: false };

  app.post(
    '/webhooks',
    routeSchema({
      method: 'POST',
      operationId: 'createWebhook',
      summary: 'Create a webhook',
      description: 'The answer holds `signingSecret` (whsec_…), shown this once. Events may be given dotted, UPPER_SNAKE or as InstaView numeric codes; they are answered dotted.',
      tags,
      access: write,
      body: CreateWebhookBody,
      success: { 201: CreatedWebhookSchema },
    }),
    async (request, reply) => reply.code(201).send(await createWebhook(service, requireActor(request), request.body, request.commitHook)),
  );

  app.get(
    '/webhooks',
    routeSchema({ method: 'GET', operationId: 'listWebhooks', summary: 'List webhooks', tags, access: read, querystring: WebhookListQuery, success: { 200: WebhookPage } }),
    async (request) => listWebhooks(service, requireActor(request), request.query),
  );

  app.get(
    '/webhooks/:id',
    routeSchema({ method: 'GET', operationId: 'getWebhook', summary: 'Get a webhook', tags, access: read, params: IdParamsSchema, success: { 200: WebhookSchema } }),
    async (request) => getWebhook(service, requireActor(request), request.params.id),
  );

  app.patch(
    '/webhooks/:id',
    routeSchema({
      method: 'PATCH',
      operationId: 'updateWebhook',
      summary: 'Update a webhook',
      description: 'Omitted fields keep their value; `headers` replaces the list; `isActive: false` pauses deliveries and `isActive: true` resumes them (re-arming an open circuit).',
      tags,
      access: write,
      params: IdParamsSchema,
      body: UpdateWebhookBody,
      success: { 200: WebhookSchema },
    }),
    async (request) => updateWebhook(service, requireActor(request), request.params.id, request.body, request.commitHook),
  );

  app.delete(
    '/webhooks/:id',
    routeSchema({ method: 'DELETE', operationId: 'deleteWebhook', summary: 'Delete a webhook', description: 'Its pending deliveries are dropped.', tags, access: write, params: IdParamsSchema, success: { 204: NoContent } }),
    async (request, reply) => {
      await deleteWebhook(service, requireActor(request), request.params.id, request.commitHook);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/webhooks/:id/test',
    routeSchema({
      method: 'POST',
      operationId: 'testWebhook',
      summary: 'Send a ping now',
      description: 'Sends a `ping` event synchronously (also to an inactive webhook) and reports the outcome; a failing receiver is `success: false` with the reason, not an error.',
      tags,
      access: write,
      params: IdParamsSchema,
      success: { 200: TestResultSchema },
    }),
    async (request) => testWebhook(service, requireActor(request), request.params.id),
  );

  app.post(
    '/webhooks/:id/reset-circuit',
    routeSchema({
      method: 'POST',
      operationId: 'resetWebhookCircuit',
      summary: 'Re-arm a webhook whose circuit opened',
      description: 'Activates the webhook, clears its failure count and resumes the deliveries held while the circuit was open, oldest first.',
      tags,
      access: write,
      params: IdParamsSchema,
      success: { 200: WebhookSchema },
    }),
    async (request) => resetCircuit(service, requireActor(request), request.params.id, request.commitHook),
  );

  app.get(
    '/webhooks/:id/deliveries',
    routeSchema({
      method: 'GET',
      operationId: 'listWebhookDeliveries',
      summary: "List a webhook's deliveries",
      description: 'Newest first by default, each with its attempts (time, status code, latency, the first 2 KB of the answer, error).',
      tags,
      access: read,
      params: IdParamsSchema,
      querystring: DeliveryListQuery,
      success: { 200: DeliveryPage },
    }),
    async (request) => listDeliveries(service, requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/webhooks/:id/deliveries/:deliveryId/redeliver',
    routeSchema({
      method: 'POST',
      operationId: 'redeliverWebhookDelivery',
      summary: 'Send a delivery again',
      description: 'Queues one new attempt with the same webhook-id and body (202). A paused webhook or one whose circuit is open answers 409.',
      tags,
      access: write,
      params: DeliveryParamsSchema,
      success: { 202: DeliverySchema },
    }),
    async (request, reply) => reply.code(202).send(await redeliver(service, requireActor(request), request.params.id, request.params.deliveryId, request.commitHook)),
  );
}
