import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findAgentRow, toAgent } from '../agents/repository.ts';
import type { Agent } from '../agents/schema.ts';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { DB } from '../db/schema.ts';
import { TenantScope } from '../db/tenant-scope.ts';
import { companyTransaction } from '../db/transaction.ts';
import { type TaskKind, taskKind, type TaskKindSpec } from '../queue/task-kind.ts';
import type { Analysis } from './analysis-schema.ts';
import { interviewEvent } from './events.ts';
import { languageMeasures } from './runtime/evaluator/measures.ts';
import { appendTranscriptTurns, findInterviewForUpdate } from './repository.ts';
import type { TranscriptTurn } from './schema.ts';
import { moveInterview } from './transitions.ts';

export const TEST_RUN_TASK = 'interviews.test-run';

const testRunPayload = z.object({ companyId: z.string(), interviewId: z.string() });
type TestRunPayload = z.infer<typeof testRunPayload>;

/** What enqueueing a test run needs (its handler: `testRunKind`). */
export const testRunTask: TaskKindSpec<TestRunPayload> = { name: TEST_RUN_TASK, payload: testRunPayload };

/** A deterministic number in [lo, hi] from the interview id: varied, reproducible, obviously synthetic. */
function syntheticScore(seed: string, salt: string, lo = 40, hi = 95): number {
  const byte = createHash('sha256').update(`${seed}:${salt}`).digest()[0] ?? 0;
  return lo + Math.round((byte / 255) * (hi - lo));
}

function syntheticTranscript(agent: Agent, start: Date): TranscriptTurn[] {
  const questions = agent.questions.length > 0 ? agent.questions.slice(0, 3) : ['Tell me about yourself.'];
  const lines: Array<[TranscriptTurn['role'], string]> = [['agent', `Hello, this is a test interview for ${agent.name}.`]];
  for (const question of questions) lines.push(['agent', question], ['candidate', 'This is a synthetic answer from a test interview.']);
  return lines.map(([role, text], i) => ({
    id: newId(),
    role,
    text,
    startedAt: new Date(start.getTime() + i * 10_000).toISOString(),
    endedAt: new Date(start.getTime() + i * 10_000 + 8_000).toISOString(),
  }));
}

function syntheticAnalysis(interviewId: string, agent: Agent, turns: TranscriptTurn[], at: string): Analysis {
  const evaluation = turns
    .map((turn, i) => ({ turn, answer: turns[i + 1] }))
    .filter(({ turn, answer }, i) => i > 0 && turn.role === 'agent' && answer?.role === 'candidate')
    .map(({ turn, answer }) => ({
      question: turn.text,
      answerSummary: answer?.text ?? '',
      score: syntheticScore(interviewId, turn.text),
      reasoning: 'Synthetic score of a test interview; nothing was evaluated.',
      evidenceTurnIds: answer ? [answer.id] : [],
      evidence: answer ? [{ turnId: answer.id, quote: answer.text }] : [],
      insufficientEvidence: false,
    }));
  const specific: Analysis['specific'] =
    agent.focus === 'LANGUAGE_TEST' && agent.cefrLevel
      ? {
          targetLevel: agent.cefrLevel,
          estimatedLevel: agent.cefrLevel,
          scores: { grammar: syntheticScore(interviewId, 'g'), vocabulary: syntheticScore(interviewId, 'v'), fluency: syntheticScore(interviewId, 'f'), coherence: syntheticScore(interviewId, 'c') },
          measures: languageMeasures(turns, agent.language),
        }
      : agent.focus === 'OUTREACH'
        ? { interestLevel: 'MEDIUM', availability: null, nextStep: 'None: this was a test interview.' }
        : null;
  return {
    general: {
      overallRating: syntheticScore(interviewId, 'overall'),
      companyFitRating: 'MEDIUM',
      strongPoints: ['Synthetic strong point (test interview).'],
      weakPoints: ['Synthetic weak point (test interview).'],
      evaluation,
      summary: 'Synthetic analysis of a test interview: no candidate was evaluated and no minutes were used.',
      createdAt: at,
    },
    specific,
    evaluator: { kind: 'test', model: null, promptVersion: null, notes: [] },
  };
}

/**
 * §10 `isTest`: the interview runs at once, without a candidate: started, a short synthetic
 * transcript, completed with a synthetic analysis (evaluator.kind "test"), no minutes used. It
 * fires the same events as a real interview.
 */
export function testRunKind(db: Kysely<DB>, clock: Clock): TaskKind<TestRunPayload> {
  return taskKind({
    ...testRunTask,
    async run({ companyId, interviewId }) {
      await companyTransaction(clock, { scope: new TenantScope(db, companyId) }, async (scope, time) => {
        const interview = await findInterviewForUpdate(scope, interviewId);
        if (!interview || interview.status !== 'SCHEDULED') return; // cancelled or deleted meanwhile
        const agentRow = await findAgentRow(scope, interview.agentId, { includeDeleted: true });
        if (!agentRow) return;
        const agent = toAgent(agentRow);
        const started = await moveInterview(scope, time, interview, 'IN_PROGRESS');
        const turns = syntheticTranscript(agent, time.now());
        await appendTranscriptTurns(scope, interviewId, turns);
        const analysis = syntheticAnalysis(interviewId, agent, turns, time.at);
        const completed = await moveInterview(scope, time, started, 'COMPLETED', { durationMinutes: 0, analysis });
        await interviewEvent(scope, time, 'analysis.completed', completed, { analysis });
      });
    },
  });
}
