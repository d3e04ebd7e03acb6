import { type Kysely, type Migration } from 'kysely';
import { listIndexes } from './list-indexes.ts';

/** Jobs (§8), candidates (§9) and their ordered links. */
export const jobsCandidates: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('job_url', 'text')
      .addColumn('benefits', 'text')
      .addColumn('required_skills', 'text', (c) => c.notNull())
      .addColumn('nice_to_have_skills', 'text', (c) => c.notNull())
      .addColumn('language_requirements', 'text', (c) => c.notNull())
      .addColumn('education', 'text', (c) => c.notNull())
      .addColumn('experience', 'text')
      .addColumn('contract_type', 'text')
      .addColumn('location', 'text')
      .addColumn('salary', 'text')
      .addColumn('metadata', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await listIndexes(db, 'jobs');

    await db.schema
      .createTable('candidates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone_number', 'text')
      .addColumn('gdpr_expiry_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('metadata', 'text', (c) => c.notNull())
      .addColumn('erased_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await listIndexes(db, 'candidates');

    // Ordered links (the first is the deprecated single `jobId`); company_id keeps them in the tenant door.
    await db.schema
      .createTable('candidate_jobs')
      .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
      .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id'))
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('candidate_jobs_pk', ['candidate_id', 'job_id'])
      .execute();
    await db.schema.createIndex('candidate_jobs_job').on('candidate_jobs').columns(['job_id', 'candidate_id']).execute();
  },
};
