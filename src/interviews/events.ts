import type { Clock } from '../core/clock.ts';
import type { TxScope } from '../db/tenant-scope.ts';
import { type EventType, recordEvent } from '../webhooks/record-event.ts';
import type { InterviewRecord } from './repository.ts';

/** The §11 `data` of an interview or analysis event. */
function interviewEventData(record: InterviewRecord, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    interviewId: record.id,
    companyId: record.companyId,
    candidateId: record.candidateId,
    agentId: record.agentId,
    jobId: record.jobId,
    status: record.status,
    isTest: record.isTest,
    ...extra,
  };
}

/** Records an interview event in the transaction of the change that caused it. */
export async function interviewEvent(scope: TxScope, clock: Clock, type: EventType, record: InterviewRecord, extra: Record<string, unknown> = {}): Promise<void> {
  await recordEvent(scope.db, clock, { type, companyId: record.companyId, interviewId: record.id, data: interviewEventData(record, extra) });
}
