/**
 * When a call is placed (issue 14): the time asked for (or now), rolled to the next opening of the
 * calling window in the candidate's local time — an explicit offset written in `scheduledAt`,
 * else the country of the candidate's number, else the company's `timezone`.
 */
import type { TxScope } from '../db/tenant-scope.ts';
import { explicitOffsetMinutes, nextCallTime, resolveCallZone } from './call-zone.ts';
import type { CallingWindow } from './calling-window.ts';

export interface PlannedCall {
  /** When the call is due, in UTC. */
  at: Date;
  /** The offset written in the request (stored on the attempt for its retries), or null. */
  zoneOffsetMinutes: number | null;
}

export async function planCall(
  scope: TxScope,
  request: { at: Date; scheduledAtText: string | undefined; candidateId: string },
  window: CallingWindow | undefined,
): Promise<PlannedCall> {
  const zoneOffsetMinutes = request.scheduledAtText === undefined ? null : explicitOffsetMinutes(request.scheduledAtText);
  if (!window) return { at: request.at, zoneOffsetMinutes };
  const [candidate, company] = await Promise.all([
    scope.selectFrom('candidates').select('phoneNumber').where('id', '=', request.candidateId).executeTakeFirst(),
    scope.db.selectFrom('companies').select('timezone').where('id', '=', scope.companyId).executeTakeFirst(),
  ]);
  const zone = resolveCallZone({ offsetMinutes: zoneOffsetMinutes, phoneNumber: candidate?.phoneNumber ?? null, companyTimeZone: company?.timezone ?? 'UTC' });
  return { at: nextCallTime(request.at, window, zone), zoneOffsetMinutes };
}
