import type { AgentFocus } from '../agents/schema.ts';
import { errors } from '../errors/catalogue.ts';
import type { z } from 'zod';

interface JobChoice {
  /** The job named by the request: inline `job`, else `jobId`, else inline `candidate.jobId`. */
  explicitJobId: string | null;
  /** Which request field named it, for error paths. */
  explicitPath: string;
  focus: z.infer<typeof AgentFocus>;
  /** The candidate's job assignments (after linking an inline job to it). */
  candidateJobIds: string[];
}

/**
 * §10 job resolution, in one place: a named job must be one of the candidate's jobs; without one,
 * a GENERIC interview needs a candidate with no jobs at all, and any other focus takes the
 * candidate's only job.
 */
export function resolveInterviewJob(choice: JobChoice): string | null {
  const { explicitJobId, candidateJobIds } = choice;
  if (explicitJobId) {
    if (!candidateJobIds.includes(explicitJobId)) throw errors.field(choice.explicitPath, `job ${explicitJobId} is not one of the candidate's jobs`, 'not_linked');
    return explicitJobId;
  }
  if (choice.focus === 'GENERIC') {
    if (candidateJobIds.length > 0) {
      throw errors.field('jobId', 'the candidate has job assignments: name the job with jobId (a GENERIC interview without a job needs a candidate with no jobs)', 'job_required');
    }
    return null;
  }
  if (candidateJobIds.length === 0) throw errors.field('jobId', 'the candidate has no job: give jobId or an inline job', 'job_required');
  if (candidateJobIds.length > 1) throw errors.field('jobId', `the candidate has ${candidateJobIds.length} jobs: name one with jobId`, 'job_ambiguous');
  return candidateJobIds[0] ?? null;
}
