/**
 * The session's reads and writes: the interview behind a room token, the pinned context, and the
 * `interview_sessions` row. Everything but the token lookup goes through the company's scope.
 */
import type { Kysely } from 'kysely';
import { findAgentRow, toAgent } from '../../../agents/repository.ts';
import type { Agent } from '../../../agents/schema.ts';
import { findCandidateRow } from '../../../candidates/repository.ts';
import { findCompanyById } from '../../../companies/repository.ts';
import { forUpdate } from '../../../db/locks.ts';
import type { DB } from '../../../db/schema.ts';
import type { TenantScope, TxScope } from '../../../db/tenant-scope.ts';
import { type InterviewRecord, toInterviewRecord } from '../../repository.ts';
import type { InterviewRef } from './session-tasks.ts';
import type { SessionContext, SessionState } from './session-state.ts';

/** The token is the credential: this is the one interview lookup not made through a company's scope. */
export async function findInterviewByToken(db: Kysely<DB>, token: string): Promise<InterviewRef | undefined> {
  const row = await db.selectFrom('interviews').select(['id', 'companyId']).where('roomToken', '=', token).where('deletedAt', 'is', null).executeTakeFirst();
  return row ? { interviewId: row.id, companyId: row.companyId } : undefined;
}

/**
 * The agent (deleted ones too: the interview keeps its agent), the company's and the candidate's
 * names. The duration is at most the minutes reserved when the interview was created: an agent
 * lengthened since then does not lengthen it past what its company's allowance was checked for.
 */
export async function loadContext(scope: TenantScope, interview: InterviewRecord): Promise<(SessionContext & { agentRecord: Agent }) | undefined> {
  const agentRow = await findAgentRow(scope, interview.agentId, { includeDeleted: true });
  const company = await findCompanyById(scope.db, scope.companyId);
  const candidate = await findCandidateRow(scope, interview.candidateId, { includeDeleted: true });
  if (!agentRow || !company) return undefined;
  const agentRecord = toAgent(agentRow);
  const { name, focus, language, cefrLevel, questions, instructions, voiceId } = agentRecord;
  const duration = interview.isTest ? agentRecord.duration : Math.min(agentRecord.duration, interview.reservedMinutes);
  return {
    agent: { name, focus, language, cefrLevel, questions, instructions, duration, voiceId },
    agentRecord,
    companyName: company.name,
    candidateName: candidate?.firstName ?? '',
  };
}

export interface StoredSession {
  /** Pinned at Start; never written again. */
  context: SessionContext;
  state: SessionState;
  modelFailed: boolean;
}

type SessionRow = { context: string | null; state: string; modelFailed: number };

export async function loadSession(scope: TenantScope, interviewId: string): Promise<StoredSession | undefined> {
  const row = await scope.selectFrom('interviewSessions').select(['context', 'state', 'modelFailed']).where('interviewId', '=', interviewId).executeTakeFirst();
  return row && toSession(interviewId, row);
}

/**
 * The interview, locked until the transaction ends (as `findInterviewForUpdate`), with its session
 * (none before Start), in one statement: every step of a live interview begins with it.
 */
export async function lockInterviewSession(scope: TxScope, interviewId: string): Promise<{ interview: InterviewRecord; session: StoredSession | undefined } | undefined> {
  const query = scope
    .selectFrom('interviews')
    .leftJoin('interviewSessions as s', (join) => join.onRef('s.interviewId', '=', 'interviews.id').onRef('s.companyId', '=', 'interviews.companyId'))
    .selectAll('interviews')
    .select(['s.context as sessionContext', 's.state as sessionState', 's.modelFailed as sessionModelFailed'])
    .where('interviews.id', '=', interviewId)
    .where('interviews.deletedAt', 'is', null);
  const row = await forUpdate(scope.db, query, 'interviews').executeTakeFirst();
  if (!row) return undefined;
  const { sessionContext: context, sessionState: state, sessionModelFailed: modelFailed, ...interview } = row;
  return { interview: toInterviewRecord(interview), session: state === null ? undefined : toSession(interviewId, { context, state, modelFailed: modelFailed ?? 0 }) };
}

function toSession(interviewId: string, row: SessionRow): StoredSession {
  const state = JSON.parse(row.state) as SessionState & { context?: SessionContext };
  // A session started before migration 0017 keeps its context inside its state.
  const context = row.context === null ? state.context : (JSON.parse(row.context) as SessionContext);
  if (!context) throw new Error(`interview ${interviewId}: the session has no context`);
  return { context, state, modelFailed: row.modelFailed === 1 };
}

export async function insertSession(scope: TxScope, interviewId: string, session: StoredSession, at: string): Promise<void> {
  const { context, state, modelFailed } = session;
  await scope.insertInto('interviewSessions', { interviewId, context: JSON.stringify(context), state: JSON.stringify(state), modelFailed: modelFailed ? 1 : 0, createdAt: at, updatedAt: at }).execute();
}

/** Writes what changes at each step: the state and whether the model failed (the context stays as stored). */
export async function saveSession(scope: TxScope, interviewId: string, session: Omit<StoredSession, 'context'>, at: string): Promise<void> {
  await scope
    .updateTable('interviewSessions')
    .set({ state: JSON.stringify(session.state), modelFailed: session.modelFailed ? 1 : 0, updatedAt: at })
    .where('interviewId', '=', interviewId)
    .execute();
}
