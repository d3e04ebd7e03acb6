import type { Kysely, Migration } from 'kysely';
import type { DatabaseKind } from '../database.ts';
import { type JsonRowSpec, renderJsonColumn } from '../json-rows.ts';

/**
 * Agents keep their API rendering in `api_json` (src/db/json-rows.ts): GET and the list read it
 * instead of building JSON from sixteen columns on every read. The fields in AgentSchema's order.
 */
const AGENT_JSON: JsonRowSpec = {
  id: { column: 'id' },
  companyId: { column: 'company_id' },
  name: { column: 'name' },
  type: { column: 'type' },
  focus: { column: 'focus' },
  language: { column: 'language' },
  duration: { column: 'duration' },
  questions: { column: 'questions', json: true },
  instructions: { column: 'instructions' },
  voiceId: { column: 'voice_id' },
  companyPhoneNumberId: { column: 'company_phone_number_id' },
  cefrLevel: { column: 'cefr_level' },
  backgroundSound: { column: 'background_sound' },
  metadata: { column: 'metadata', json: true },
  createdAt: { column: 'created_at' },
  updatedAt: { column: 'updated_at' },
};

export function agentsApiJson(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await renderJsonColumn(db, kind, { table: 'agents', column: 'api_json', spec: AGENT_JSON });
    },
  };
}
