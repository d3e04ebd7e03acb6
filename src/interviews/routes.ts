import { z } from 'zod';
import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import { CompanyIdQuery, DeletedSchema, IdParamsSchema } from '../http/common-schemas.ts';
import { pageSchema } from '../http/pagination.ts';
import { companyContext, requireActor } from '../http/request-context.ts';
import { routeSchema } from '../http/route-docs.ts';
import { getAnalysisPdf } from './analysis-report.ts';
import { hangUpInterviewCalls } from '../telephony/place-call.ts';
import { callAttemptRoutes } from './call-attempts/routes.ts';
import { AnalysisPdfSchema, CreateInterviewBody, InterviewListQuery, InterviewSchema, TranscriptSchema, UpdateInterviewBody } from './schema.ts';
import { cancelInterview, createInterview, deleteInterview, getInterview, getTranscript, type InterviewDeps, listInterviews, updateInterview } from './service.ts';

const tags = ['Interviews'];
const CompanyQuery = z.object(CompanyIdQuery);
const read = { scopes: ['read:interviews' as const], companyScoped: true };
const write = { scopes: ['write:interviews' as const], companyScoped: true };

/** §10. */
export function interviewRoutes(app: ZodApp, deps: AppDeps): void {
  const service: InterviewDeps = {
    clock: deps.clock,
    publicUrl: deps.config.publicUrl,
    defaultMonthlyMinutes: deps.config.defaultMonthlyMinutes,
    callingWindow: deps.config.calls.window,
    ended: async (id, status, deleted) => {
      deps.sessions.interviewEnded(id, status, deleted);
      // Before the answer, so an integrator that cancelled knows the line is being closed; a
      // provider that fails is logged, never the cancellation's error (it has committed).
      await hangUpInterviewCalls(deps.database.db, deps.telephony, id).catch((err: unknown) => app.log.error({ err, interviewId: id }, 'the call of a cancelled interview was not hung up'));
    },
  };

  app.post(
    '/interviews',
    routeSchema({
      method: 'POST',
      operationId: 'createInterview',
      summary: 'Create an interview',
      description:
        'One of candidateId/candidate, one of agentId/agent, optionally one of jobId/job; inline resources are created in the same transaction. Needs write:interviews, read:candidates and read:agents.',
      tags,
      access: { scopes: ['write:interviews', 'read:candidates', 'read:agents'], companyScoped: true },
      querystring: CompanyQuery,
      body: CreateInterviewBody,
      success: { 201: InterviewSchema },
      errors: [402],
    }),
    async (request, reply) => {
      const testKey = requireActor(request).apiKey.isTest;
      return reply.code(201).send(await createInterview(service, companyContext(request, deps), request.body, testKey));
    },
  );

  app.get(
    '/interviews',
    routeSchema({
      method: 'GET',
      operationId: 'listInterviews',
      summary: 'List interviews (the global feed; filters optional)',
      tags,
      access: read,
      querystring: InterviewListQuery,
      success: { 200: pageSchema(InterviewSchema, 'InterviewPage') },
    }),
    async (request) => listInterviews(service, companyContext(request, deps), request.query),
  );

  app.get(
    '/interviews/:id',
    routeSchema({ method: 'GET', operationId: 'getInterview', summary: 'Get an interview', tags, access: read, params: IdParamsSchema, querystring: CompanyQuery, success: { 200: InterviewSchema } }),
    async (request) => getInterview(service, companyContext(request, deps), request.params.id),
  );

  app.patch(
    '/interviews/:id',
    routeSchema({ method: 'PATCH', operationId: 'updateInterview', summary: "Update an interview's metadata (merged)", tags, access: write, params: IdParamsSchema, querystring: CompanyQuery, body: UpdateInterviewBody, success: { 200: InterviewSchema } }),
    async (request) => updateInterview(service, companyContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/interviews/:id/cancel',
    routeSchema({ method: 'POST', operationId: 'cancelInterview', summary: 'Cancel a scheduled or running interview', tags, access: write, params: IdParamsSchema, querystring: CompanyQuery, success: { 200: InterviewSchema } }),
    async (request) => cancelInterview(service, companyContext(request, deps), request.params.id),
  );

  app.delete(
    '/interviews/:id',
    routeSchema({ method: 'DELETE', operationId: 'deleteInterview', summary: 'Delete an interview (soft; a scheduled one is cancelled first)', tags, access: { scopes: ['delete:interviews'], companyScoped: true }, params: IdParamsSchema, querystring: CompanyQuery, success: { 200: DeletedSchema } }),
    async (request) => deleteInterview(service, companyContext(request, deps), request.params.id),
  );

  app.get(
    '/interviews/:id/transcript',
    routeSchema({ method: 'GET', operationId: 'getInterviewTranscript', summary: "Get an interview's transcript", tags, access: read, params: IdParamsSchema, querystring: CompanyQuery, success: { 200: TranscriptSchema } }),
    async (request) => getTranscript(companyContext(request, deps), request.params.id),
  );

  app.get(
    '/interviews/:id/analysis-pdf',
    routeSchema({
      method: 'GET',
      operationId: 'getInterviewAnalysisPdf',
      summary: "Get an interview's analysis as a PDF report (base64)",
      description: '404 RESOURCE_NOT_FOUND until the interview has an analysis.',
      tags,
      access: read,
      params: IdParamsSchema,
      querystring: CompanyQuery,
      success: { 200: AnalysisPdfSchema },
    }),
    async (request) => getAnalysisPdf(companyContext(request, deps), request.params.id),
  );

  callAttemptRoutes(app, deps);
}
