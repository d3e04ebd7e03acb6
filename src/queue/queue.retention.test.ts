import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from './enqueue.ts';
import { purgeFinishedTasks } from './retention.ts';
import { PermanentTaskError } from './task-kind.ts';
import { queueWorld, type QueueWorld, spec, testKind } from './queue.test-helpers.ts';

describe('queue retention', () => {
  let world: QueueWorld;
  beforeAll(async () => {
    world = await queueWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  it('removes DONE and DEAD tasks a week after they finished, never unfinished ones', async () => {
    const runner = world.runner();
    runner.register(testKind('ok', { run: async () => undefined }));
    runner.register(testKind('bad', { run: async () => { throw new PermanentTaskError('no'); } }));
    const { db } = world.database;
    const done = await enqueue(db, world.clock, spec('ok'), 1);
    const dead = await enqueue(db, world.clock, spec('bad'), 2);
    await runner.runOnce();
    const later = await enqueue(db, world.clock, spec('ok'), 3, { runAt: new Date(world.clock.now().getTime() + 30 * 86_400_000) });

    world.clock.advance(7 * 86_400_000 - 1);
    expect(await purgeFinishedTasks(db, world.clock)).toBe(0);
    world.clock.advance(2);
    expect(await purgeFinishedTasks(db, world.clock)).toBe(2);
    const left = (await world.tasks()).map((t) => t.id);
    expect(left).toEqual([later]);
    expect(left).not.toContain(done);
    expect(left).not.toContain(dead);
  });
});
