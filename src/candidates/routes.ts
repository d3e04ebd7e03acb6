import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import { crudRoutes } from '../http/crud-routes.ts';
import { CandidateListQuery, CandidateSchema, CreateCandidateBody, UpdateCandidateBody } from './schema.ts';
import { createCandidate, deleteCandidate, getCandidate, listCandidates, updateCandidate } from './service.ts';

/** §9. */
export function candidateRoutes(app: ZodApp, deps: AppDeps): void {
  crudRoutes(app, deps, {
    path: '/candidates',
    name: 'Candidate',
    plural: 'Candidates',
    scope: 'candidates',
    schemas: { create: CreateCandidateBody, update: UpdateCandidateBody, listQuery: CandidateListQuery, item: CandidateSchema },
    updateDescription: 'Omitted fields keep their value; null clears a nullable field; jobIds and metadata are replaced.',
    service: { create: createCandidate, get: getCandidate, list: listCandidates, update: updateCandidate, remove: deleteCandidate },
  });
}
