/** What the analysis reads of a finished interview besides the interview itself, and its one write. */
import { PostgresAdapter } from 'kysely';
import type { TenantScope, TxScope } from '../../db/tenant-scope.ts';
import type { Analysis } from '../analysis-schema.ts';
import type { TranscriptTurn } from '../schema.ts';

export interface TranscriptWithQuestions {
  transcript: TranscriptTurn[];
  /** Plan question index → the interviewer turn that first asked it. */
  askedIn: Map<number, string>;
}

/** The transcript in order, and which interviewer turn asked which plan question (`question_index`). */
export async function transcriptWithQuestions(scope: TenantScope, interviewId: string): Promise<TranscriptWithQuestions> {
  const rows = await scope.selectFrom('transcriptTurns').selectAll().where('interviewId', '=', interviewId).orderBy('position').execute();
  const askedIn = new Map<number, string>();
  const transcript: TranscriptTurn[] = [];
  for (const row of rows) {
    const role = row.role as TranscriptTurn['role'];
    transcript.push({ id: row.id, role, text: row.text, startedAt: row.startedAt, endedAt: row.endedAt });
    // A question asked again (a phone call resumed) keeps its first asking: its answers start there.
    if (role === 'agent' && row.questionIndex !== null && !askedIn.has(row.questionIndex)) askedIn.set(row.questionIndex, row.id);
  }
  return { transcript, askedIn };
}

/**
 * Stores the analysis of a live COMPLETED interview that has none yet, in one statement the
 * database checks against the current row: a second run (a retry, a duplicate task) writes
 * nothing and answers false.
 */
export async function storeFirstAnalysis(scope: TxScope, interviewId: string, analysis: Analysis, at: string): Promise<boolean> {
  const result = await scope
    .updateTable('interviews')
    .set({ analysis: JSON.stringify(analysis), updatedAt: at })
    .where('id', '=', interviewId)
    .where('deletedAt', 'is', null)
    .where('status', '=', 'COMPLETED')
    .where('analysis', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Whether the candidate's words may no longer be kept: erased (GDPR), or past its GDPR date (the
 * next sweep erases them). Read in the transaction that stores the analysis, before the interview
 * is locked, as the erasure does (candidate, then interviews); on PostgreSQL the candidate row is
 * held (`FOR SHARE`) to commit, so an erasure running meanwhile either committed first and is seen
 * here, or waits for this transaction and then erases what it stored.
 */
export async function candidateWordsErased(scope: TxScope, candidateId: string, today: string): Promise<boolean> {
  const query = scope.selectFrom('candidates').select(['erasedAt', 'gdprExpiryDate']).where('id', '=', candidateId);
  const row = await (scope.db.getExecutor().adapter instanceof PostgresAdapter ? query.forShare() : query).executeTakeFirst();
  return row !== undefined && (row.erasedAt !== null || row.gdprExpiryDate < today);
}
