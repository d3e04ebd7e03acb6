import { type RawBuilder, sql } from 'kysely';
import { errors } from '../errors/catalogue.ts';
import type { WebhookRow } from './repository.ts';

/**
 * A webhook's circuit (§11, docs/decisions.md): ACTIVE (delivering), OPEN (it failed
 * `CIRCUIT_THRESHOLD` times in a row) or PAUSED (by PATCH `isActive: false`). Stored as
 * `is_active` and `circuit_opened_at`; the failure count is kept beside them and is not a state.
 * Every change of those two columns goes through this table.
 */
export type CircuitState = 'ACTIVE' | 'OPEN' | 'PAUSED';

/** After this many failed attempts in a row, an active webhook's circuit opens (§11). */
export const CIRCUIT_THRESHOLD = 10;

export const CIRCUIT_TRANSITIONS: Readonly<Record<CircuitState, readonly CircuitState[]>> = {
  // the threshold reached; PATCH isActive:false (or DELETE)
  ACTIVE: ['OPEN', 'PAUSED'],
  // re-armed by reset-circuit or PATCH isActive:true; PATCH isActive:false pauses it instead
  OPEN: ['ACTIVE', 'PAUSED'],
  // PATCH isActive:true. Failures of attempts already on the wire count, but never open it.
  PAUSED: ['ACTIVE'],
};

type CircuitColumns = Pick<WebhookRow, 'isActive' | 'circuitOpenedAt'>;

export function circuitState(row: CircuitColumns): CircuitState {
  if (row.circuitOpenedAt !== null) return 'OPEN';
  return row.isActive === 1 ? 'ACTIVE' : 'PAUSED';
}

export function canMoveCircuit(from: CircuitState, to: CircuitState): boolean {
  return CIRCUIT_TRANSITIONS[from].includes(to);
}

/**
 * The columns that move `row` to `to` at `at`, or null when it is there already. A re-armed
 * webhook starts counting from zero. A move the table does not allow is a 409.
 */
export function moveCircuit(row: CircuitColumns, to: CircuitState, at: string): Partial<WebhookRow> | null {
  const from = circuitState(row);
  if (from === to) return null;
  if (!canMoveCircuit(from, to)) throw errors.invalidTransition('webhook circuit', from, to);
  if (to === 'ACTIVE') return { isActive: 1, circuitOpenedAt: null, consecutiveFailures: 0 };
  if (to === 'PAUSED') return { isActive: 0, circuitOpenedAt: null };
  return { isActive: 0, circuitOpenedAt: at };
}

/** Each state as a condition on the current row, for moves the database decides. */
const STATE_SQL: Readonly<Record<CircuitState, RawBuilder<boolean>>> = {
  ACTIVE: sql<boolean>`(circuit_opened_at is null and is_active = 1)`,
  OPEN: sql<boolean>`(circuit_opened_at is not null)`,
  PAUSED: sql<boolean>`(circuit_opened_at is null and is_active <> 1)`,
};

const OPENS_FROM = (Object.keys(CIRCUIT_TRANSITIONS) as CircuitState[]).filter((from) => canMoveCircuit(from, 'OPEN'));

/**
 * The move to OPEN as SQL, for the statement that counts an outcome (`failures`: the row's new
 * count): evaluated by the database against the current row, so concurrent writers count exactly
 * and the circuit opens once, at `at`, only from a state the table allows.
 */
export function openAtThresholdSql(failures: RawBuilder<number>, at: string) {
  const opens = sql<boolean>`(${failures} >= ${CIRCUIT_THRESHOLD} and (${sql.join(OPENS_FROM.map((s) => STATE_SQL[s]), sql` or `)}))`;
  return {
    isActive: sql<number>`case when ${opens} then 0 else is_active end`,
    circuitOpenedAt: sql<string | null>`case when ${opens} then ${at} else circuit_opened_at end`,
    updatedAt: sql<string>`case when ${opens} then ${at} else updated_at end`,
  };
}
