import { z } from 'zod';

/** Event names on the wire (§11); the first six are InstaView's, the rest extensions. */
export const EVENT_TYPES = [
  'interview.scheduled',
  'interview.started',
  'interview.completed',
  'interview.failed',
  'interview.cancelled',
  'analysis.completed',
  'analysis.failed',
  'call_attempt.failed',
  'ping',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** InstaView's numeric codes (§11). */
export const NUMERIC_EVENT_CODES: Record<number, EventType> = {
  0: 'analysis.completed',
  1: 'analysis.failed',
  2: 'ping',
  3: 'interview.completed',
  4: 'interview.failed',
  5: 'interview.started',
};

/** `interview.started` → `INTERVIEW_STARTED`, `call_attempt.failed` → `CALL_ATTEMPT_FAILED`. */
export const upperSnake = (type: EventType): string => type.replace('.', '_').toUpperCase();

const UPPER_SNAKE = Object.fromEntries(EVENT_TYPES.map((type) => [upperSnake(type), type])) as Record<string, EventType>;

export const EventTypeSchema = z.enum(EVENT_TYPES).meta({ id: 'WebhookEventType', description: 'An event name as delivered (dotted).' });

/** One event as a request may spell it: dotted, UPPER_SNAKE or InstaView's numeric code. */
export const EventInputSchema = z
  .union([
    z.enum(EVENT_TYPES),
    z.enum(Object.keys(UPPER_SNAKE) as [string, ...string[]]),
    z
      .number()
      .int()
      .min(0)
      .max(5)
      .describe('InstaView codes: 0 analysis.completed, 1 analysis.failed, 2 ping, 3 interview.completed, 4 interview.failed, 5 interview.started'),
  ])
  .meta({ id: 'WebhookEventInput', description: 'An event: dotted name, UPPER_SNAKE name or InstaView numeric code (0..5).' });

/** The canonical (dotted) name of an accepted spelling. */
export function canonicalEvent(input: string | number): EventType {
  if (typeof input === 'number') return NUMERIC_EVENT_CODES[input] as EventType;
  return (EVENT_TYPES as readonly string[]).includes(input) ? (input as EventType) : (UPPER_SNAKE[input] as EventType);
}

/** At least one event, any spelling, stored and answered dotted, without repeats, in the order given. */
export const EventListSchema = z
  .array(EventInputSchema)
  .min(1)
  .max(EVENT_TYPES.length * 3)
  .transform((events) => [...new Set(events.map(canonicalEvent))]);
