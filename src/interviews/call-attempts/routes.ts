import { z } from 'zod';
import type { AppDeps, ZodApp } from '../../http/app-deps.ts';
import { CompanyIdQuery, IdParamsSchema } from '../../http/common-schemas.ts';
import { pageSchema } from '../../http/pagination.ts';
import { companyContext } from '../../http/request-context.ts';
import { routeSchema } from '../../http/route-docs.ts';
import { CallAttemptSchema } from '../call-attempt-schema.ts';
import { CallAttemptListQuery, CallAttemptParams, CreateCallAttemptBody, UpdateCallAttemptBody } from './schema.ts';
import { type CallAttemptDeps, createCallAttempt, deleteCallAttempt, getCallAttempt, listCallAttempts, MAX_CALL_ATTEMPTS, rescheduleCallAttempt } from './service.ts';

const tags = ['Interviews'];
const CompanyQuery = z.object(CompanyIdQuery);
const read = { scopes: ['read:interviews' as const], companyScoped: true };
const write = { scopes: ['write:interviews' as const], companyScoped: true };
const NoContent = z.undefined().describe('No content.');
const PHONE_ONLY = 'PHONE interviews only: on an ONLINE interview the answer is 400.';

/** §10 "Call attempts". Each SCHEDULED attempt has its dial task (telephony/dial-tasks.ts), moved and cancelled with it. */
export function callAttemptRoutes(app: ZodApp, deps: AppDeps): void {
  const service: CallAttemptDeps = { clock: deps.clock, callingWindow: deps.config.calls.window };

  app.post(
    '/interviews/:id/call-attempts',
    routeSchema({
      method: 'POST',
      operationId: 'createCallAttempt',
      summary: 'Schedule a call (now or later)',
      description: `${PHONE_ONLY} The body may be omitted (call now). Replaces a still-SCHEDULED attempt (it becomes CANCELLED). 409 CONFLICT while a call is in progress or once the interview has had ${MAX_CALL_ATTEMPTS} attempts (dropped ones included: create a new interview); 409 INVALID_STATE_TRANSITION once the interview is finished or cancelled.`,
      tags,
      access: write,
      params: IdParamsSchema,
      querystring: CompanyQuery,
      body: CreateCallAttemptBody.nullish(),
      success: { 201: CallAttemptSchema },
    }),
    async (request, reply) => reply.code(201).send(await createCallAttempt(service, companyContext(request, deps), request.params.id, request.body ?? {})),
  );

  app.get(
    '/interviews/:id/call-attempts',
    routeSchema({
      method: 'GET',
      operationId: 'listCallAttempts',
      summary: "List an interview's call attempts",
      description: PHONE_ONLY,
      tags,
      access: read,
      params: IdParamsSchema,
      querystring: CallAttemptListQuery,
      success: { 200: pageSchema(CallAttemptSchema, 'CallAttemptPage') },
    }),
    async (request) => listCallAttempts(companyContext(request, deps), request.params.id, request.query),
  );

  app.get(
    '/interviews/:id/call-attempts/:attemptId',
    routeSchema({ method: 'GET', operationId: 'getCallAttempt', summary: 'Get a call attempt', description: PHONE_ONLY, tags, access: read, params: CallAttemptParams, querystring: CompanyQuery, success: { 200: CallAttemptSchema } }),
    async (request) => getCallAttempt(companyContext(request, deps), request.params.id, request.params.attemptId),
  );

  app.patch(
    '/interviews/:id/call-attempts/:attemptId',
    routeSchema({
      method: 'PATCH',
      operationId: 'rescheduleCallAttempt',
      summary: 'Reschedule a SCHEDULED call attempt',
      description: `${PHONE_ONLY} Any other status is a 409.`,
      tags,
      access: write,
      params: CallAttemptParams,
      querystring: CompanyQuery,
      body: UpdateCallAttemptBody,
      success: { 204: NoContent },
      errors: [409],
    }),
    async (request, reply) => {
      await rescheduleCallAttempt(service, companyContext(request, deps), request.params.id, request.params.attemptId, request.body);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/interviews/:id/call-attempts/:attemptId',
    routeSchema({
      method: 'DELETE',
      operationId: 'deleteCallAttempt',
      summary: 'Cancel a pending call attempt, or drop a finished one',
      description: `${PHONE_ONLY} A SCHEDULED attempt becomes CANCELLED; a COMPLETED, FAILED or CANCELLED one disappears; 409 while the call is in progress.`,
      tags,
      access: write,
      params: CallAttemptParams,
      querystring: CompanyQuery,
      success: { 204: NoContent },
      errors: [409],
    }),
    async (request, reply) => {
      await deleteCallAttempt(service, companyContext(request, deps), request.params.id, request.params.attemptId);
      return reply.code(204).send();
    },
  );
}
