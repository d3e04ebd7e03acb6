import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors } from '../../errors/catalogue.ts';
import type { AppDeps, ZodApp } from '../../http/app-deps.ts';
import { formRoutes } from '../../http/form-body.ts';
import { UuidSchema } from '../../http/common-schemas.ts';
import { type AttemptCallbackDeps, applyAttemptMove, reportCallStatus, reportRecording, withLockedAttempt } from '../attempt-callbacks.ts';
import { answerInboundCall, attemptOfCall } from '../inbound-call.ts';
import type { PhoneConversation } from '../phone-conversation.ts';
import { answeredByMachine, moveForCallStatus, TWILIO_CALL_STATUSES } from './call-status.ts';
import { INBOUND_PATH, TWILIO_CALLBACK_PREFIX } from './callback-urls.ts';
import { hasValidTwilioSignature } from './signature.ts';
import { hangUpNow } from './twiml.ts';

const Params = z.object({ attemptId: UuidSchema });
// Twilio posts many more fields than these, and adds new ones: the rest is ignored.
const StatusBody = z.looseObject({
  CallSid: z.string().min(1),
  CallStatus: z.string().min(1),
  AnsweredBy: z.string().optional(),
  CallDuration: z.string().optional(),
});
const AnswerBody = z.looseObject({ CallSid: z.string().min(1), AnsweredBy: z.string().optional() });
const GatherBody = z.looseObject({ CallSid: z.string().min(1), SpeechResult: z.string().optional(), Confidence: z.string().optional() });
const InboundBody = z.looseObject({ CallSid: z.string().min(1), From: z.string().min(1), To: z.string().min(1) });
// The interviewer turn a Gather answers (phone-interview.ts), signed with the rest of the URL.
const GatherQuery = z.object({ turn: UuidSchema.optional() });
const RecordingBody = z.looseObject({ RecordingStatus: z.string().min(1), RecordingUrl: z.url().optional() });

/** Callbacks need no key: the signature is the credential (checked before anything else is looked at). */
const access = { public: true, scopes: [], companyScoped: false };

/** Until the interview session is plugged in (`AppDeps.phoneConversation`), an answered call is ended politely by hanging up. */
const noConversation: PhoneConversation = {
  onAnswered: async () => hangUpNow(),
  onSpeech: async () => hangUpNow(),
};

function twiml(reply: FastifyReply, body: string): FastifyReply {
  return reply.code(200).type('text/xml; charset=utf-8').send(body);
}

function confidenceOf(text: string | undefined): number | null {
  if (text === undefined || !/^\d*\.?\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= 0 && value <= 1 ? value : null;
}

/**
 * Twilio's callbacks (contract §14), served outside `/v1` and taking form bodies only. Every
 * request must carry a valid `X-Twilio-Signature` over `PUBLIC_URL` + its path and query + its
 * fields, or it is answered 403 before its parameters are even read: nothing changes.
 */
export async function twilioCallbackRoutes(app: ZodApp, deps: AppDeps): Promise<void> {
  const authToken = deps.config.twilio?.authToken ?? null;
  const { publicUrl } = deps.config;
  const callbacks: AttemptCallbackDeps = { db: deps.database.db, clock: deps.clock, calls: deps.config.calls };
  const conversation = (): PhoneConversation => deps.phoneConversation ?? noConversation;

  const requireSignature = async (request: FastifyRequest) => {
    const params = (request.body ?? {}) as Record<string, string>;
    if (!hasValidTwilioSignature(authToken, publicUrl, { url: request.url, header: request.headers['x-twilio-signature'], params })) {
      throw errors.accessDenied('This request does not carry a valid X-Twilio-Signature for this server.');
    }
  };

  await formRoutes(app, (scoped) => {
    scoped.addHook('preValidation', requireSignature);
    const route = (kind: string) => `${TWILIO_CALLBACK_PREFIX}/:attemptId/${kind}`;

    scoped.post(route('status'), { schema: { params: Params, body: StatusBody }, config: { access } }, async (request, reply) => {
      const { CallStatus, AnsweredBy, CallDuration } = request.body;
      const known = (TWILIO_CALL_STATUSES as readonly string[]).includes(CallStatus);
      const move = known ? moveForCallStatus(CallStatus as (typeof TWILIO_CALL_STATUSES)[number], AnsweredBy, CallDuration) : null;
      await reportCallStatus(callbacks, request.params.attemptId, move);
      return reply.code(204).send();
    });

    scoped.post(route('recording'), { schema: { params: Params, body: RecordingBody }, config: { access } }, async (request, reply) => {
      const { RecordingStatus, RecordingUrl } = request.body;
      if (RecordingStatus === 'completed' && RecordingUrl) await reportRecording(callbacks, request.params.attemptId, RecordingUrl);
      return reply.code(204).send();
    });

    // Answering-machine detection has run before Twilio asks for this: a machine ends the
    // attempt as VOICEMAIL and the call; a person (or "unknown") starts the conversation.
    scoped.post(route('answer'), { schema: { params: Params, body: AnswerBody }, config: { access } }, async (request, reply) => {
      const { attemptId } = request.params;
      if (answeredByMachine(request.body.AnsweredBy)) {
        const moved = await withLockedAttempt(callbacks, attemptId, (scope, time, attempt, interview) =>
          applyAttemptMove(scope, time, attempt, interview, { to: 'FAILED', reasonCode: 'VOICEMAIL', notes: 'An answering machine or voicemail took the call.' }, callbacks.calls),
        );
        const leaveMessage = deps.config.calls.voicemailMessage && moved === 'changed' && conversation().onVoicemail;
        return twiml(reply, leaveMessage ? await conversation().onVoicemail?.(attemptId) ?? hangUpNow() : hangUpNow());
      }
      const live = await withLockedAttempt(callbacks, attemptId, async (_scope, _time, attempt) => attempt.status === 'IN_PROGRESS');
      return twiml(reply, live === true ? await conversation().onAnswered(attemptId) : hangUpNow());
    });

    // A call to a company number (the number's Voice webhook, set by the operator: operator guide).
    scoped.post(INBOUND_PATH, { schema: { body: InboundBody }, config: { access } }, async (request, reply) => {
      const { CallSid, From, To } = request.body;
      return twiml(reply, await answerInboundCall({ db: deps.database.db, clock: deps.clock, conversation: conversation() }, { callSid: CallSid, from: From, to: To }));
    });

    // The number's status callback: an inbound call's attempt is found by its CallSid.
    scoped.post(`${INBOUND_PATH}/status`, { schema: { body: StatusBody }, config: { access } }, async (request, reply) => {
      const { CallSid, CallStatus, AnsweredBy, CallDuration } = request.body;
      const attemptId = await attemptOfCall(deps.database.db, CallSid);
      const known = (TWILIO_CALL_STATUSES as readonly string[]).includes(CallStatus);
      if (attemptId && known) await reportCallStatus(callbacks, attemptId, moveForCallStatus(CallStatus as (typeof TWILIO_CALL_STATUSES)[number], AnsweredBy, CallDuration));
      return reply.code(204).send();
    });

    scoped.post(route('gather'), { schema: { params: Params, querystring: GatherQuery, body: GatherBody }, config: { access } }, async (request, reply) => {
      const { SpeechResult, Confidence } = request.body;
      return twiml(reply, await conversation().onSpeech(request.params.attemptId, SpeechResult ?? '', confidenceOf(Confidence), request.query.turn ?? null));
    });
  });
}
