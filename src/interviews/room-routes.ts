import { z } from 'zod';
import { errors } from '../errors/catalogue.ts';
import type { AppDeps, ZodApp } from '../http/app-deps.ts';

const LINK_LIFETIME_MS = 7 * 86_400_000;

/**
 * The candidate's join link (`interviewUrl`). The token is the credential, so this is the one
 * interview lookup that is not made through a company's scope. The room itself (the interviewer
 * engine in the browser) comes later; until then a valid link answers 501.
 */
export function roomRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/room/:token',
    { schema: { params: z.object({ token: z.string().min(1).max(200) }) }, config: { access: { public: true, scopes: [], companyScoped: false } } },
    async (request) => {
      const interview = await deps.database.db
        .selectFrom('interviews')
        .select(['id', 'scheduledAt', 'status'])
        .where('roomToken', '=', request.params.token)
        .where('deletedAt', 'is', null)
        .executeTakeFirst();
      const expired = interview && new Date(interview.scheduledAt).getTime() + LINK_LIFETIME_MS < deps.clock.now().getTime();
      if (!interview || expired) throw errors.notFound('interview link', request.params.token.slice(0, 8));
      throw errors.notImplemented('The online interview room is not available in this version of interviewd yet.');
    },
  );
}
