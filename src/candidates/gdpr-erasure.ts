import type { Transaction } from 'kysely';
import type { TransactionClock } from '../db/feed-clock.ts';
import { forUpdate } from '../db/locks.ts';
import type { DB } from '../db/schema.ts';
import type { TxScope } from '../db/tenant-scope.ts';
import type { Analysis } from '../interviews/analysis-schema.ts';

/** What an erased text reads: visibly erased, not silently empty. */
export const ERASED = '(erased)';

/**
 * An erased analysis as stored matches this (only JSON.stringify writes analyses: no spaces, and a
 * quote inside a text is escaped), so "not erased yet" is a cheap test in SQL.
 */
export const ERASED_ANALYSIS = `%"summary":"${ERASED}"%`;

const erased = (text: string | null): string | null => (text === null ? null : ERASED);

/**
 * The analysis without the candidate's words: every free text (summary, strong and weak points,
 * each question, answer summary, reasoning and evidence quote — a live agent's questions quote the
 * candidate too — an outreach's availability and next step) becomes the marker. Scores, ratings, levels, evidence
 * turn ids, the evaluator and the dates stay. Erasing twice changes nothing.
 */
export function erasedAnalysis(analysis: Analysis): Analysis {
  const { general, specific } = analysis;
  return {
    ...analysis,
    general: {
      ...general,
      strongPoints: general.strongPoints.map(() => ERASED),
      weakPoints: general.weakPoints.map(() => ERASED),
      // Analyses stored before evidence quotes existed have none (storedAnalysis() reads them so).
      evaluation: general.evaluation.map((e) => ({ ...e, question: ERASED, answerSummary: ERASED, reasoning: ERASED, evidence: (e.evidence ?? []).map((q) => ({ ...q, quote: ERASED })) })),
      summary: ERASED,
    },
    specific: specific && 'interestLevel' in specific ? { ...specific, availability: erased(specific.availability), nextStep: erased(specific.nextStep) } : specific,
  };
}

/**
 * Erases the words of these candidates' interviews (deleted ones too): every transcript turn's
 * text (the agent's turns address and repeat the candidate), the analysis, and the bodies of the
 * `analysis.completed` deliveries that carried it, with the receivers' answers to them (a receiver
 * may echo what it got). An interview whose words changed gets the transaction's time as
 * `updatedAt`, like any change. Only what is not erased yet is written.
 */
export async function eraseWords(scope: TxScope, time: TransactionClock, candidateIds: string[]): Promise<void> {
  // Locked (in id order) before the analyses are read: a concurrent writer of an interview (its
  // PATCH, its completion) either finishes first and is erased here, or waits and sees the erasure.
  const interviews = await forUpdate(scope.db, scope.selectFrom('interviews').select(['id', 'analysis']).where('candidateId', 'in', candidateIds).orderBy('id')).execute();
  if (interviews.length === 0) return;
  const interviewIds = interviews.map((i) => i.id);
  const talking = await scope.selectFrom('transcriptTurns').select('interviewId').distinct().where('interviewId', 'in', interviewIds).where('text', '<>', ERASED).execute();
  const changed = new Set(talking.map((t) => t.interviewId));
  if (changed.size > 0) await scope.updateTable('transcriptTurns').set({ text: ERASED }).where('interviewId', 'in', [...changed]).where('text', '<>', ERASED).execute();
  for (const interview of interviews) {
    if (interview.analysis === null) continue;
    const analysis = JSON.stringify(erasedAnalysis(JSON.parse(interview.analysis) as Analysis));
    if (analysis === interview.analysis) continue;
    await scope.updateTable('interviews').set({ analysis }).where('id', '=', interview.id).execute();
    changed.add(interview.id);
  }
  if (changed.size > 0) await scope.updateTable('interviews').set({ updatedAt: time.at }).where('id', 'in', [...changed]).execute();
  await eraseDeliveredAnalyses(scope.db, interviewIds, time.at);
}

/** Webhook deliveries are the webhook's, not the company's: reached by the interviews they are about. */
async function eraseDeliveredAnalyses(trx: Transaction<DB>, interviewIds: string[], at: string): Promise<void> {
  const deliveries = await trx.selectFrom('webhookDeliveries').select(['id', 'body']).where('interviewId', 'in', interviewIds).where('eventType', '=', 'analysis.completed').execute();
  if (deliveries.length === 0) return;
  for (const delivery of deliveries) {
    const payload = JSON.parse(delivery.body) as { data?: { analysis?: Analysis | null } };
    if (payload.data?.analysis) payload.data.analysis = erasedAnalysis(payload.data.analysis);
    const body = JSON.stringify(payload);
    if (body !== delivery.body) await trx.updateTable('webhookDeliveries').set({ body, updatedAt: at }).where('id', '=', delivery.id).execute();
  }
  const ids = deliveries.map((d) => d.id);
  await trx.updateTable('webhookAttempts').set({ responseBody: null }).where('deliveryId', 'in', ids).where('responseBody', 'is not', null).execute();
}

/**
 * Forgets the stored answers of idempotent requests that showed these candidates (their create):
 * a record whose answer holds an object with the candidate's id. Deleting it only means a retry
 * with that key runs again (the record would have expired within a day anyway).
 */
export async function forgetIdempotentAnswers(trx: Transaction<DB>, candidateIds: string[]): Promise<void> {
  if (candidateIds.length === 0) return;
  await trx
    .deleteFrom('idempotencyKeys')
    .where((eb) => eb.or(candidateIds.map((id) => eb('responseBody', 'like', `%"id":"${id}"%`))))
    .execute();
}
