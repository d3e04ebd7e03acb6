import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import { crudRoutes } from '../http/crud-routes.ts';
import { CreateJobBody, JobListQuery, JobSchema, UpdateJobBody } from './schema.ts';
import { createJob, deleteJob, getJob, listJobs, updateJob } from './service.ts';

/** §8. */
export function jobRoutes(app: ZodApp, deps: AppDeps): void {
  crudRoutes(app, deps, {
    path: '/jobs',
    name: 'Job',
    plural: 'Jobs',
    scope: 'jobs',
    schemas: { create: CreateJobBody, update: UpdateJobBody, listQuery: JobListQuery, item: JobSchema },
    updateDescription: 'Omitted fields keep their value; null clears a nullable field; metadata is replaced.',
    service: { create: createJob, get: getJob, list: listJobs, update: updateJob, remove: deleteJob },
  });
}
