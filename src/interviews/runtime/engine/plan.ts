/**
 * The interview plan as numbers: which questions there are, when the interview must end, when the
 * time notice is due and whether a follow-up still fits. Pure: every time is an argument.
 */
import type { Agent } from '../../../agents/schema.ts';
import type { Lines } from '../lines/lines.ts';

/** Contract §14: each question gets at most 2 follow-ups by default. */
export const DEFAULT_MAX_FOLLOW_UPS = 2;

export interface EngineConfig {
  /** The agent's questions, in order; none → the focus's default questions. */
  questions: readonly string[];
  focus: Agent['focus'];
  /** The agent's `duration` in minutes: the interview never runs past it. */
  durationMinutes: number;
  /** Follow-ups per question at most (default 2); the structured brain gets 0. */
  maxFollowUps?: number;
  /** INTERVIEW_IDLE_NUDGE_SECONDS: silence before the one nudge of a silence. */
  idleNudgeSeconds: number;
  /** INTERVIEW_ABANDON_MINUTES: silence after which the interview is FAILED (ABANDONED). */
  abandonMinutes: number;
}

/** The fixed lines that stand in for questions when the agent has none. */
export type DefaultQuestionLine = Extract<keyof Lines, 'fallbackQuestion' | 'outreachInterest' | 'outreachAvailability'>;

/** OUTREACH gauges interest and availability; every other focus opens with the fallback question. */
export function defaultQuestionLines(focus: Agent['focus']): DefaultQuestionLine[] {
  return focus === 'OUTREACH' ? ['outreachInterest', 'outreachAvailability'] : ['fallbackQuestion'];
}

export function questionCount(config: Pick<EngineConfig, 'questions' | 'focus'>): number {
  return config.questions.length > 0 ? config.questions.length : defaultQuestionLines(config.focus).length;
}

export function maxFollowUpsOf(config: EngineConfig): number {
  return config.maxFollowUps ?? DEFAULT_MAX_FOLLOW_UPS;
}

const MINUTE_MS = 60_000;
const NOTICE_AT_MOST_MS = 2 * MINUTE_MS;

export function deadlineOf(startedAt: number, config: EngineConfig): number {
  return startedAt + config.durationMinutes * MINUTE_MS;
}

/** The notice comes when about two minutes remain, or a fifth of a short interview. */
export function noticeThresholdMs(config: EngineConfig): number {
  return Math.min(NOTICE_AT_MOST_MS, (config.durationMinutes * MINUTE_MS) / 5);
}

/** The minutes the notice announces: the remaining time rounded, never "0 minutes". */
export function noticeMinutes(remainingMs: number): number {
  return Math.max(1, Math.round(remainingMs / MINUTE_MS));
}

export function nudgeDelayMs(config: EngineConfig): number {
  return config.idleNudgeSeconds * 1000;
}

export function abandonDelayMs(config: EngineConfig): number {
  return config.abandonMinutes * MINUTE_MS;
}

/**
 * A question's share of the time is what remained when it was first asked, divided by the
 * questions left (itself included). Another follow-up fits only if, at this question's pace so
 * far (time spent ÷ exchanges), one more exchange still ends within that share.
 */
export function followUpFits(
  question: { index: number; askedAt: number; followUps: number },
  at: number,
  deadline: number,
  config: EngineConfig,
): boolean {
  if (question.followUps >= maxFollowUpsOf(config)) return false;
  const questionsLeft = questionCount(config) - question.index;
  const share = (deadline - question.askedAt) / questionsLeft;
  const spent = Math.max(0, at - question.askedAt);
  const perExchange = spent / (question.followUps + 1);
  return spent + perExchange <= share;
}
