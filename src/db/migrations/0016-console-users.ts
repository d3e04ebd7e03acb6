import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Console users (contract §15): people who sign in with email and password, each in one company
 * with a role; their server-side sessions; and one-time set-password links (invitations). Session
 * ids and invitation tokens are stored only as SHA-256 hashes of what the browser or the link
 * holds, passwords only as scrypt hashes.
 */
export const consoleUsers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      // Null until the user sets one through an invitation link (or the CLI's --password-stdin).
      .addColumn('password_hash', 'text')
      .addColumn('disabled_at', 'text')
      .addColumn('last_sign_in_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    // Sign-in names the account by email alone, so an address belongs to one live user in the deployment.
    await db.schema.createIndex('users_live_email').on('users').column('email').unique().where(sql.ref('deleted_at'), 'is', null).execute();
    await db.schema.createIndex('users_live_list').on('users').columns(['company_id', 'created_at', 'id']).where(sql.ref('deleted_at'), 'is', null).execute();

    await db.schema
      .createTable('user_sessions')
      // SHA-256 of the cookie's value: a leaked table row cannot be replayed as a cookie.
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('user_sessions_user').on('user_sessions').column('user_id').execute();

    await db.schema
      .createTable('user_invitations')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('user_invitations_user').on('user_invitations').column('user_id').execute();

    // GET /v1/api-keys lists a company's keys newest first.
    await db.schema.createIndex('api_keys_company_list').on('api_keys').columns(['company_id', 'created_at', 'id']).execute();
  },
};
