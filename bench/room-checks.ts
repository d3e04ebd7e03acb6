// The final check of bench/rooms.ts: what one room's client sent and saw against the transcript
// the server stored (`GET /v1/interviews/{id}/transcript`).
import type { RoomClient } from './room-client.ts';

export interface StoredTurn {
  id: string;
  role: 'agent' | 'candidate';
  text: string;
}

export interface Mismatches {
  /** An answer taken (200) that the transcript does not hold. */
  lostAnswers: number;
  /** An answer the transcript holds more than once. */
  duplicatedAnswers: number;
  /** A turn id stored twice. */
  duplicatedTurns: number;
  /** A turn the client saw end (turn-end) that is not stored, or stored with another text. */
  lostTurns: number;
  /** A stored turn the client never saw end (its push connection missed it). */
  unseenTurns: number;
  /** The client saw the turns in another order than they are stored. */
  outOfOrder: number;
  /** The client got the same turn-end twice, or tokens that do not add up to the turn. */
  duplicateEvents: number;
  tokenMismatches: number;
  details: string[];
}

export function emptyMismatches(): Mismatches {
  return { lostAnswers: 0, duplicatedAnswers: 0, duplicatedTurns: 0, lostTurns: 0, unseenTurns: 0, outOfOrder: 0, duplicateEvents: 0, tokenMismatches: 0, details: [] };
}

export function checkRoom(room: RoomClient, stored: StoredTurn[], into: Mismatches): void {
  const note = (what: string) => void (into.details.length < 20 && into.details.push(`room ${room.index} (${room.interviewId}): ${what}`));
  const storedById = new Map<string, StoredTurn>();
  for (const turn of stored) {
    if (storedById.has(turn.id)) {
      into.duplicatedTurns++;
      note(`turn ${turn.id} stored twice`);
    }
    storedById.set(turn.id, turn);
  }
  for (const answer of room.answers) {
    if (answer.status !== 200) continue;
    const copies = stored.filter((turn) => turn.role === 'candidate' && turn.text === answer.text).length;
    if (copies === 0) {
      into.lostAnswers++;
      note(`answer ${answer.n} not stored`);
    } else if (copies > 1) {
      into.duplicatedAnswers++;
      note(`answer ${answer.n} stored ${copies} times`);
    }
  }
  const seenIds = new Set(room.seen.map((turn) => turn.turnId));
  for (const turn of room.seen) {
    const kept = storedById.get(turn.turnId);
    if (!kept || kept.text !== turn.text || kept.role !== turn.role) {
      into.lostTurns++;
      note(`turn ${turn.turnId} (${turn.role}) seen but ${kept ? 'stored differently' : 'not stored'}`);
    }
  }
  for (const turn of stored) {
    if (!seenIds.has(turn.id)) {
      into.unseenTurns++;
      note(`turn ${turn.id} (${turn.role}) stored but never seen`);
    }
  }
  const storedOrder = stored.map((turn) => turn.id).filter((id) => seenIds.has(id));
  const seenOrder = [...new Set(room.seen.map((turn) => turn.turnId))].filter((id) => storedById.has(id));
  if (storedOrder.join() !== seenOrder.join()) {
    into.outOfOrder++;
    note('turns seen in another order than stored');
  }
  into.duplicateEvents += room.duplicateEvents;
  into.tokenMismatches += room.tokenMismatches;
  for (const problem of room.problems) note(problem);
}
