/** Request and response types read off the generated OpenAPI paths, so they follow the contract. */
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: infer R } ? Json<NonNullable<R>> : never;
export type OkOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer S }
    ? Json<S>
    : R extends { 201: infer S }
      ? Json<S>
      : never
  : never;
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Agent = OkOf<'/v1/agents/{id}', 'get'>;
export type AgentInput = BodyOf<'/v1/agents', 'post'>;
export type Interview = OkOf<'/v1/interviews/{id}', 'get'>;
export type InterviewInput = BodyOf<'/v1/interviews', 'post'>;
export type Candidate = OkOf<'/v1/candidates/{id}', 'get'>;
export type CandidateInput = BodyOf<'/v1/candidates', 'post'>;
export type Job = OkOf<'/v1/jobs/{id}', 'get'>;
export type JobInput = BodyOf<'/v1/jobs', 'post'>;
export type Webhook = OkOf<'/v1/webhooks/{id}', 'get'>;
export type WebhookInput = BodyOf<'/v1/webhooks', 'post'>;
export type Turn = OkOf<'/v1/interviews/{id}/transcript', 'get'> extends (infer T)[] ? T : never;
export type InterviewStatus = Interview['status'];
