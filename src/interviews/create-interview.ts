import { randomBytes } from 'node:crypto';
import { findAgentRow, toAgent } from '../agents/repository.ts';
import type { Agent } from '../agents/schema.ts';
import { insertAgent } from '../agents/service.ts';
import { reserveMinutes } from '../billing/allowance.ts';
import { appendJobLink, findCandidateRow, jobIdsOf } from '../candidates/repository.ts';
import { insertCandidate } from '../candidates/service.ts';
import type { Clock } from '../core/clock.ts';
import type { TransactionClock } from '../db/feed-clock.ts';
import { newId } from '../core/ids.ts';
import type { TxScope } from '../db/tenant-scope.ts';
import { errors } from '../errors/catalogue.ts';
import { liveJobIds } from '../jobs/repository.ts';
import { insertJob } from '../jobs/service.ts';
import { enqueue } from '../queue/enqueue.ts';
import { interviewEvent } from './events.ts';
import { resolveInterviewJob } from './job-resolution.ts';
import { insertCallAttempt, insertInterview, type InterviewRecord } from './repository.ts';
import { planCall } from '../telephony/call-planning.ts';
import type { CallingWindow } from '../telephony/calling-window.ts';
import { scheduleDial } from '../telephony/dial-tasks.ts';
import type { CreateInterviewInput } from './schema.ts';
import { testRunTask } from './test-run.ts';
import { scheduleLinkExpiry } from './runtime/session/session-tasks.ts';

export interface CreateInterviewOptions {
  /** The time of the creating transaction. */
  time: TransactionClock;
  defaultMonthlyMinutes: number;
  /** sk_test_ keys make every interview a test (§3.1). */
  testKey: boolean;
  /** The calling window a PHONE interview's first call is rolled into (none: called at `scheduledAt`). */
  callingWindow?: CallingWindow;
}

export const MAX_AHEAD_MS = 30 * 86_400_000;
// A client's "now" arrives a little late; an instant up to this far in the past means "now".
export const PAST_GRACE_MS = 60_000;

function exactlyOne(idPath: string, inlinePath: string, id: unknown, inline: unknown): void {
  if (id === undefined && inline === undefined) throw errors.field(idPath, `give ${idPath} or an inline ${inlinePath}`, 'required');
  if (id !== undefined && inline !== undefined) throw errors.field(inlinePath, `give ${idPath} or an inline ${inlinePath}, not both`, 'exclusive');
}

/** Checks the request's shape before anything is read or written. */
function checkShape(input: CreateInterviewInput, clock: Clock): Date {
  exactlyOne('candidateId', 'candidate', input.candidateId, input.candidate);
  exactlyOne('agentId', 'agent', input.agentId, input.agent);
  if (input.job !== undefined && input.jobId !== undefined) throw errors.field('jobId', 'give jobId or an inline job, not both', 'exclusive');
  const inlineJobs = input.candidate && (input.candidate.jobId != null || input.candidate.jobIds !== undefined);
  if (inlineJobs && (input.job !== undefined || input.jobId !== undefined)) {
    throw errors.field('candidate.jobId', 'name the job either on the inline candidate or with jobId/job, not both', 'exclusive');
  }
  const { scheduledAt, scheduleTime } = input;
  if (scheduledAt && scheduleTime && new Date(scheduledAt).getTime() !== new Date(scheduleTime).getTime()) {
    throw errors.field('scheduleTime', 'scheduleTime is an alias of scheduledAt: give one of them', 'exclusive');
  }
  const now = clock.now();
  const requested = scheduledAt ?? scheduleTime;
  if (!requested) return now;
  const at = new Date(requested);
  const path = scheduledAt ? 'scheduledAt' : 'scheduleTime';
  if (at.getTime() < now.getTime() - PAST_GRACE_MS) throw errors.field(path, `${path} must not be in the past`, 'too_small');
  if (at.getTime() > now.getTime() + MAX_AHEAD_MS) throw errors.field(path, `${path} must be at most 30 days ahead`, 'too_big');
  return at.getTime() < now.getTime() ? now : at;
}

/** §5: an agent whose `type` or `focus` is UNDEFINED is stored, but no interview may use it. */
function unusableAgent(agent: Pick<Agent, 'type' | 'focus'>): { field: 'type' | 'focus'; message: string } | null {
  if (agent.type === 'UNDEFINED') return { field: 'type', message: 'an interview needs an agent whose type is ONLINE or PHONE' };
  if (agent.focus === 'UNDEFINED') return { field: 'focus', message: 'an interview needs an agent whose focus is GENERIC, SCREENING, OUTREACH or LANGUAGE_TEST' };
  return null;
}

async function resolveAgent(scope: TxScope, time: TransactionClock, input: CreateInterviewInput): Promise<Agent> {
  if (input.agent) {
    const problem = unusableAgent(input.agent);
    if (problem) throw errors.field(`agent.${problem.field}`, problem.message, 'undefined_agent');
    return insertAgent(scope, time, input.agent, 'agent.');
  }
  const row = await findAgentRow(scope, input.agentId as string);
  if (!row) throw errors.field('agentId', `no agent ${input.agentId} exists in this company`, 'not_found');
  const agent = toAgent(row);
  const problem = unusableAgent(agent);
  if (problem) throw errors.field('agentId', problem.message, 'undefined_agent');
  return agent;
}

/**
 * §10 create: every combination of existing and inline candidate, agent and job, in the caller's
 * transaction (a failure anywhere leaves nothing behind), job resolution, schedule window,
 * billing reservation, and the follow-up work (events, the test run).
 */
export async function createInterviewRecord(scope: TxScope, options: CreateInterviewOptions, input: CreateInterviewInput): Promise<InterviewRecord> {
  const { time } = options;
  const scheduledAt = checkShape(input, time);
  const agent = await resolveAgent(scope, time, input);

  let explicitJobId: string | null = null;
  let explicitPath = 'jobId';
  if (input.job) {
    explicitJobId = (await insertJob(scope, time, input.job)).id;
    explicitPath = 'job';
  } else if (input.jobId) {
    if (!(await liveJobIds(scope, [input.jobId])).has(input.jobId)) throw errors.field('jobId', `no job ${input.jobId} exists in this company`, 'not_found');
    explicitJobId = input.jobId;
  }

  let candidateId: string;
  let candidateJobIds: string[];
  if (input.candidate) {
    const jobIds = explicitJobId ? [explicitJobId] : input.candidate.jobIds;
    const candidate = await insertCandidate(scope, time, { ...input.candidate, jobIds, jobId: explicitJobId ? undefined : input.candidate.jobId }, 'candidate.');
    candidateId = candidate.id;
    candidateJobIds = candidate.jobIds;
    if (!explicitJobId && input.candidate.jobId) {
      explicitJobId = input.candidate.jobId;
      explicitPath = 'candidate.jobId';
    }
  } else {
    candidateId = input.candidateId as string;
    if (!(await findCandidateRow(scope, candidateId))) throw errors.field('candidateId', `no candidate ${candidateId} exists in this company`, 'not_found');
    candidateJobIds = (await jobIdsOf(scope, [candidateId])).get(candidateId) ?? [];
    if (input.job && explicitJobId) {
      await appendJobLink(scope, candidateId, explicitJobId, time.at);
      candidateJobIds = [...candidateJobIds, explicitJobId];
    }
  }
  const jobId = resolveInterviewJob({ explicitJobId, explicitPath, focus: agent.focus, candidateJobIds });
  // A named job was checked above; the candidate's only job may have been deleted since it was linked (§8: no new assignment).
  if (jobId && !explicitJobId && !(await liveJobIds(scope, [jobId])).has(jobId)) {
    throw errors.field('jobId', `the candidate's only job ${jobId} was deleted: give jobId or an inline job`, 'not_found');
  }

  const isTest = input.isTest || options.testKey;
  if (!isTest) await reserveMinutes(scope, time, options.defaultMonthlyMinutes, agent.duration);

  const now = time.at;
  const record: InterviewRecord = {
    id: newId(),
    companyId: scope.companyId,
    candidateId,
    agentId: agent.id,
    jobId,
    channel: agent.type === 'PHONE' ? 'PHONE' : 'ONLINE',
    status: 'SCHEDULED',
    statusReason: null,
    scheduledAt: scheduledAt.toISOString(),
    startedAt: null,
    finishedDate: null,
    durationMinutes: null,
    reservedMinutes: isTest ? 0 : agent.duration,
    isTest,
    metadata: input.metadata,
    roomToken: agent.type === 'PHONE' ? null : randomBytes(32).toString('base64url'),
    analysis: null,
    createdAt: now,
    updatedAt: now,
  };
  await insertInterview(scope, record);
  if (record.channel === 'PHONE' && !isTest) {
    const call = await planCall(scope, { at: scheduledAt, scheduledAtText: input.scheduledAt ?? input.scheduleTime, candidateId }, options.callingWindow);
    const attemptId = newId();
    await insertCallAttempt(scope, {
      id: attemptId, interviewId: record.id, direction: 'OUTBOUND', status: 'SCHEDULED', reasonCode: null, notes: null, retryNumber: 0,
      recordingUrl: null, duration: null, scheduledAt: call.at.toISOString(), calledAt: null, createdAt: now, updatedAt: now, deletedAt: null,
      callSid: null, zoneOffsetMinutes: call.zoneOffsetMinutes,
    });
    await scheduleDial(scope.db, time, attemptId, call.at);
  }
  await interviewEvent(scope, time, 'interview.scheduled', record);
  if (isTest) await enqueue(scope.db, time, testRunTask, { companyId: scope.companyId, interviewId: record.id });
  else if (record.channel === 'ONLINE') await scheduleLinkExpiry(scope.db, time, { companyId: scope.companyId, interviewId: record.id }, scheduledAt);
  return record;
}
