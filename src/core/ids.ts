import { v7 } from 'uuid';

/** Every identifier interviewd generates: UUID v7, so ids sort by creation time. */
export function newId(): string {
  return v7();
}
