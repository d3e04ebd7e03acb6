import { type Kysely, Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/harness.ts';
import { openDatabase } from '../../../db/database.ts';
import { migrateToLatest, migrationsFor } from '../../../db/migrations.ts';
import { TenantScope, TxScope } from '../../../db/tenant-scope.ts';
import { initialState } from '../engine/engine.ts';
import type { SessionContext, SessionState } from './session-state.ts';
import { insertSession, loadSession, saveSession } from './session-store.ts';

const context: SessionContext = {
  agent: { name: 'Ada', focus: 'GENERIC', language: 'EN', cefrLevel: null, questions: ['Why this role?'], instructions: null, duration: 30, voiceId: 'EMMA' },
  companyName: 'Acme',
  candidateName: 'Grace',
};
const state: SessionState = { engine: initialState(), owed: null, lastTurnEnd: 1000, answered: ['a1'] };
const AT = '2026-12-02T10:00:00.000Z';

describe('interview_sessions: the context written once, the state at every step', () => {
  it('stores the context at Start and rewrites only the state afterwards', async () => {
    const fresh = await freshDatabase();
    const database = openDatabase(fresh.url);
    try {
      await migrateToLatest(database);
      await database.db.transaction().execute((trx) => insertSession(new TxScope(trx, 'c1'), 'i1', { context, state, modelFailed: false }, AT));
      const next = { ...state, lastTurnEnd: 2000, answered: ['a1', 'a2'] };
      await database.db.transaction().execute((trx) => saveSession(new TxScope(trx, 'c1'), 'i1', { state: next, modelFailed: true }, AT));
      const row = await database.db.selectFrom('interviewSessions').select(['context', 'state']).where('interviewId', '=', 'i1').executeTakeFirstOrThrow();
      expect(JSON.parse(row.state)).toEqual(next);
      expect(JSON.parse(row.context ?? 'null')).toEqual(context);
      expect(await loadSession(new TenantScope(database.db, 'c1'), 'i1')).toEqual({ context, state: next, modelFailed: true });
      expect(await loadSession(new TenantScope(database.db, 'other company'), 'i1')).toBeUndefined();
    } finally {
      await database.close();
      await fresh.drop();
    }
  });

  it('migration 0017: a session started before it keeps its context inside its state', async () => {
    const fresh = await freshDatabase();
    const database = openDatabase(fresh.url);
    try {
      const migrator = new Migrator({ db: database.db as unknown as Kysely<unknown>, provider: { getMigrations: async () => migrationsFor(database.kind) } });
      expect((await migrator.migrateTo('0014_company_locale')).error).toBeUndefined();
      await (database.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .insertInto('interview_sessions')
        .values({ interview_id: 'i1', company_id: 'c1', state: JSON.stringify({ ...state, context }), model_failed: 0, created_at: AT, updated_at: AT })
        .execute();
      expect(await migrateToLatest(database)).toContain('0017_session_context');
      const scope = new TenantScope(database.db, 'c1');
      const loaded = await loadSession(scope, 'i1');
      expect(loaded?.context).toEqual(context);
      // A step writes the state back as loaded: the context stays where it is read from.
      await database.db.transaction().execute((trx) => saveSession(new TxScope(trx, 'c1'), 'i1', { state: { ...loaded!.state, lastTurnEnd: 5000 }, modelFailed: false }, AT));
      expect(await loadSession(scope, 'i1')).toMatchObject({ context, state: { lastTurnEnd: 5000 } });
    } finally {
      await database.close();
      await fresh.drop();
    }
  });
});
