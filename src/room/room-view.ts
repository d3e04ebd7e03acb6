import { TenantScope } from '../db/tenant-scope.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { findInterview, type InterviewRecord } from '../interviews/repository.ts';
import type { SessionContext } from '../interviews/runtime/session/session-state.ts';
import { findInterviewByToken, loadContext, loadSession } from '../interviews/runtime/session/session-store.ts';

export interface RoomView {
  interview: InterviewRecord;
  /** The session's pinned context once started, else the agent as it is now. */
  context: SessionContext;
}

/** What the page of a link shows; undefined for an unknown or deleted link. */
export async function roomView(deps: Pick<AppDeps, 'database'>, token: string): Promise<RoomView | undefined> {
  const ref = await findInterviewByToken(deps.database.db, token);
  if (!ref) return undefined;
  const scope = new TenantScope(deps.database.db, ref.companyId);
  const interview = await findInterview(scope, ref.interviewId);
  if (!interview) return undefined;
  const context = (await loadSession(scope, ref.interviewId))?.context ?? (await loadContext(scope, interview));
  return context ? { interview, context } : undefined;
}
