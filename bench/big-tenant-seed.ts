// The seed of bench/big-tenant.ts: one company with many agents, another with a few, a key for
// each. Rows go in by direct SQL, in batches inside transactions, built by the app's own
// `toAgentRow` (so the rows are exactly what the app writes). Runnable alone too:
//   node bin/run-ts.mjs bench/big-tenant-seed.ts <DATABASE_URL> [agents]
import { sql } from 'kysely';
import { createApiKey } from '../src/auth/api-keys.ts';
import { toAgentRow } from '../src/agents/repository.ts';
import type { Agent } from '../src/agents/schema.ts';
import { insertCompany } from '../src/companies/repository.ts';
import { newCompanyRow } from '../src/companies/service.ts';
import { systemClock } from '../src/core/clock.ts';
import { newId } from '../src/core/ids.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrations.ts';

export interface SeededTenants {
  big: { companyId: string; key: string };
  other: { companyId: string; key: string; agentId: string };
}

/** One agent in this many is soft-deleted (deleted rows stay in the table and its indexes). */
export const DELETED_EVERY = 50;
/** The search term the benchmark uses: about one name in twenty contains it. */
export const SEARCH_TERM = 'kotlin';
/** The filter the benchmark uses: about one agent in ten speaks German. */
export const FILTER = 'language=DE';

const ROLES = ['Backend', 'Frontend', 'Data', 'DevOps', 'Mobile', 'QA', 'Security', 'Platform', 'Support', 'Sales'];
const STACKS = ['Java', 'Go', 'Python', 'TypeScript', 'Rust', 'C#', 'Ruby', 'PHP', 'Scala', 'Elixir', 'Swift', 'C++', 'SQL', 'AWS', 'React', 'Vue', 'Node', 'Spark', 'Kotlin', 'Terraform'];
const LEVELS = ['junior', 'mid-level', 'senior', 'staff', 'lead'];
const LANGUAGES = ['EN', 'EN', 'EN', 'EN', 'EN', 'DE', 'FR', 'ES', 'NL', 'PL'] as const;
const FOCUSES = ['SCREENING', 'SCREENING', 'SCREENING', 'GENERIC', 'OUTREACH', 'LANGUAGE_TEST'] as const;
const QUESTIONS = [
  'Tell me about a system you scaled.',
  'Describe a production incident you handled and what you changed afterwards.',
  'How do you review a colleague’s code?',
  'What would you improve in your current team’s process?',
  'Walk me through a design decision you would make differently today.',
];

/** The i-th agent of a company: varied names, languages, focuses and sizes, created a minute apart. */
export function seedAgent(companyId: string, i: number, start: number): Agent {
  const createdAt = new Date(start + i * 60_000).toISOString();
  const updatedAt = i % 7 === 0 ? new Date(start + i * 60_000 + 3_600_000).toISOString() : createdAt;
  const focus = FOCUSES[i % FOCUSES.length] as Agent['focus'];
  return {
    id: newId(start + i * 60_000),
    companyId,
    name: `${ROLES[i % ROLES.length]} ${STACKS[Math.floor(i / 10) % STACKS.length]} ${LEVELS[i % LEVELS.length]} screener #${i}`,
    type: i % 9 === 0 ? 'UNDEFINED' : 'ONLINE',
    focus,
    language: LANGUAGES[Math.floor(i / 3) % LANGUAGES.length] as Agent['language'],
    duration: 15 + (i % 4) * 15,
    questions: QUESTIONS.slice(0, 2 + (i % 4)),
    instructions: i % 3 === 0 ? 'Be friendly; ask one follow-up question per answer and keep to the time.' : null,
    voiceId: i % 2 === 0 ? 'EMMA' : null,
    companyPhoneNumberId: null,
    cefrLevel: focus === 'LANGUAGE_TEST' ? 'B2' : null,
    backgroundSound: 'OFFICE',
    metadata: { team: `team-${i % 40}`, requisition: `REQ-${100_000 + i}` },
    createdAt,
    updatedAt,
  };
}

const BATCH = 500;
const ROWS_PER_TRANSACTION = 20_000;

export async function seedTenants(url: string, agents: number, log: (line: string) => void = () => undefined): Promise<SeededTenants> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    const { db } = database;
    const clock = systemClock;
    const tenants = await db.transaction().execute(async (trx) => {
      const big = newCompanyRow(clock, { name: 'Big tenant' });
      const other = newCompanyRow(clock, { name: 'Other tenant' });
      await insertCompany(trx, big);
      await insertCompany(trx, other);
      const bigKey = await createApiKey(trx, clock, { name: 'big', kind: 'COMPANY', companyId: big.id });
      const otherKey = await createApiKey(trx, clock, { name: 'other', kind: 'COMPANY', companyId: other.id });
      return { big: { companyId: big.id, key: bigKey.plaintext }, other: { companyId: other.id, key: otherKey.plaintext } };
    });
    const start = Date.now() - (agents + 10) * 60_000;
    const started = Date.now();
    for (let from = 0; from < agents; from += ROWS_PER_TRANSACTION) {
      await db.transaction().execute(async (trx) => {
        for (let at = from; at < Math.min(from + ROWS_PER_TRANSACTION, agents); at += BATCH) {
          const rows = [];
          for (let i = at; i < Math.min(at + BATCH, agents); i++) {
            const row = { ...toAgentRow(seedAgent(tenants.big.companyId, i, start)), companyId: tenants.big.companyId };
            if (i % DELETED_EVERY === DELETED_EVERY - 1) row.deletedAt = row.updatedAt;
            rows.push(row);
          }
          await trx.insertInto('agents').values(rows).execute();
        }
      });
      log(`  seeded ${Math.min(from + ROWS_PER_TRANSACTION, agents)} agents`);
    }
    const others = Array.from({ length: 20 }, (_, i) => ({ ...toAgentRow(seedAgent(tenants.other.companyId, i, start)), companyId: tenants.other.companyId }));
    await db.insertInto('agents').values(others).execute();
    // As the tables are after a while in production: PostgreSQL's autovacuum has set the visibility
    // map and statistics; SQLite has no statistics unless someone runs ANALYZE, and interviewd does not.
    if (database.kind === 'postgres') await sql`vacuum analyze agents`.execute(db);
    log(`  ${agents} agents seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { big: tenants.big, other: { ...tenants.other, agentId: (others[5] as { id: string }).id } };
  } finally {
    await database.close();
  }
}

if (process.argv[1]?.endsWith('big-tenant-seed.ts')) {
  const [url, count] = process.argv.slice(2);
  if (!url) throw new Error('usage: node bin/run-ts.mjs bench/big-tenant-seed.ts <DATABASE_URL> [agents]');
  const seeded = await seedTenants(url, Number(count ?? 200_000), (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify(seeded, null, 2)}\n`);
}
