/**
 * The in-process fan-out of a room's live events to its push connections (SSE), and the text of
 * the interviewer turn streaming right now (a connection opened mid-turn starts from it). Live
 * rooms are served by the process that runs their session (docs/decisions.md).
 */
import type { InterviewStatus, StatusReason } from '../../schema.ts';

export type RoomEvent =
  | { event: 'turn-start'; data: { turnId: string } }
  /** `at`: where `text` starts in the turn, so a client that already has it skips it. */
  | { event: 'token'; data: { turnId: string; at: number; text: string } }
  /** A turn as stored: the interviewer's complete turn, or the candidate's answer. */
  | { event: 'turn-end'; data: { turnId: string; role: 'agent' | 'candidate'; text: string } }
  | { event: 'status'; data: { status: InterviewStatus; statusReason: StatusReason | null } }
  /** The interview was deleted: its link is gone (the page reloads and gets the not-found page). */
  | { event: 'gone'; data: Record<string, never> };

type Listener = (event: RoomEvent) => void;

interface Room {
  listeners: Set<Listener>;
  pending: { turnId: string; text: string } | null;
}

export class RoomHub {
  private readonly rooms = new Map<string, Room>();
  private readonly closers = new Set<() => void>();

  private room(interviewId: string): Room {
    let room = this.rooms.get(interviewId);
    if (!room) this.rooms.set(interviewId, (room = { listeners: new Set(), pending: null }));
    return room;
  }

  private forget(interviewId: string, room: Room): void {
    if (room.listeners.size === 0 && room.pending === null) this.rooms.delete(interviewId);
  }

  /** Listens to a room; returns the function that stops listening. */
  subscribe(interviewId: string, listener: Listener): () => void {
    const room = this.room(interviewId);
    room.listeners.add(listener);
    return () => {
      room.listeners.delete(listener);
      this.forget(interviewId, room);
    };
  }

  publish(interviewId: string, event: RoomEvent): void {
    const room = this.room(interviewId);
    if (event.event === 'turn-start') room.pending = { turnId: event.data.turnId, text: '' };
    else if (event.event === 'token' && room.pending?.turnId === event.data.turnId) room.pending.text += event.data.text;
    else if (event.event === 'turn-end' && room.pending?.turnId === event.data.turnId) room.pending = null;
    for (const listener of [...room.listeners]) listener(event);
    this.forget(interviewId, room);
  }

  /** A turn that stopped streaming without being stored (aborted, failed): it will be produced again. */
  dropPending(interviewId: string, turnId: string): void {
    const room = this.rooms.get(interviewId);
    if (room?.pending?.turnId !== turnId) return;
    room.pending = null;
    this.forget(interviewId, room);
  }

  /** How many push connections listen to the room (tests: none outlives its connection). */
  listeners(interviewId: string): number {
    return this.rooms.get(interviewId)?.listeners.size ?? 0;
  }

  pending(interviewId: string): { turnId: string; text: string } | null {
    const pending = this.rooms.get(interviewId)?.pending;
    return pending ? { ...pending } : null;
  }

  /** Push connections register how to end themselves, so a shutdown does not wait for them. */
  onClose(close: () => void): () => void {
    this.closers.add(close);
    return () => this.closers.delete(close);
  }

  closeAll(): void {
    for (const close of [...this.closers]) close();
    this.closers.clear();
  }
}
