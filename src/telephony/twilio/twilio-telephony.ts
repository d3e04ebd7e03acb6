import type { Config } from '../../config/config.ts';
import { type DialOutcome, type DialRequest, type Telephony, unconfiguredTelephony } from '../telephony.ts';
import { callbackUrl } from './callback-urls.ts';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** The origin `/2010-04-01/Accounts/…` is appended to (`TWILIO_API_BASE`). */
  apiBase: string;
  /** Where Twilio reaches this server (`PUBLIC_URL`). */
  publicUrl: string;
  /** A REST call with no answer after this long counts as failed. */
  timeoutMs?: number;
  /**
   * Wait for a voicemail's beep before asking for the TwiML (`DetectMessageEnd`), so a message
   * said to a machine is recorded (CALL_VOICEMAIL_MESSAGE); else `Enable`, the quickest verdict.
   */
  waitForBeep?: boolean;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** What Twilio's REST API answers on an error (https://www.twilio.com/docs/api/errors). */
interface TwilioErrorBody {
  code?: number;
  message?: string;
}

/**
 * Twilio over its public REST API, form-encoded with basic auth as the API takes it. The `twilio`
 * package's client has no setting for another API origin, and tests point `TWILIO_API_BASE` at a
 * local fake, so the two requests are made here with `fetch` (the package builds the TwiML and
 * checks signatures: `twiml.ts`, `signature.ts`).
 */
export class TwilioTelephony implements Telephony {
  readonly configured = true;
  private readonly authorization: string;

  constructor(private readonly settings: TwilioSettings) {
    this.authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  }

  private url(path: string): string {
    return `${this.settings.apiBase}/2010-04-01/Accounts/${encodeURIComponent(this.settings.accountSid)}${path}`;
  }

  /**
   * `POST Calls.json`: the call asks `answer` for its TwiML once answered, with answering-machine
   * detection done before (so that callback already knows a person from a machine: `AnsweredBy`),
   * and reports every status change to `status` and a finished recording to `recording`.
   */
  dial(request: DialRequest): Promise<DialOutcome> {
    const { publicUrl } = this.settings;
    const form = new URLSearchParams({
      To: request.to,
      From: request.from,
      Url: callbackUrl(publicUrl, request.attemptId, 'answer'),
      Method: 'POST',
      StatusCallback: callbackUrl(publicUrl, request.attemptId, 'status'),
      StatusCallbackMethod: 'POST',
      MachineDetection: this.settings.waitForBeep ? 'DetectMessageEnd' : 'Enable',
    });
    for (const event of ['initiated', 'ringing', 'answered', 'completed']) form.append('StatusCallbackEvent', event);
    if (request.record) {
      form.set('Record', 'true');
      form.set('RecordingStatusCallback', callbackUrl(publicUrl, request.attemptId, 'recording'));
      form.set('RecordingStatusCallbackMethod', 'POST');
      form.set('RecordingStatusCallbackEvent', 'completed');
    }
    return this.post('/Calls.json', form, 'place the call');
  }

  /** `POST Calls/{sid}.json` with `Status=completed`: ends the call whatever its state. */
  async hangUp(callSid: string): Promise<DialOutcome> {
    const outcome = await this.post(`/Calls/${encodeURIComponent(callSid)}.json`, new URLSearchParams({ Status: 'completed' }), 'end the call');
    // 21220: the call is not in progress any more, which is what was asked.
    return !outcome.ok && outcome.message.includes('(21220:') ? { ok: true, callSid } : outcome;
  }

  private async post(path: string, form: URLSearchParams, action: string): Promise<DialOutcome> {
    const timeoutMs = this.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let response: Response;
    try {
      response = await fetch(this.url(path), {
        method: 'POST',
        headers: { authorization: this.authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'it could not be reached';
      return { ok: false, reasonCode: 'FAILED', message: `Twilio did not ${action}: ${reason}.` };
    }
    const text = await response.text().catch(() => '');
    const body = parseJson(text);
    if (!response.ok) {
      const error = body as TwilioErrorBody | null;
      const detail = error?.message ? `${error.code ? `${error.code}: ` : ''}${error.message}` : `HTTP ${response.status}`;
      return { ok: false, reasonCode: 'FAILED', message: `Twilio refused to ${action} (${detail.replace(/\.$/, '')}).` };
    }
    const sid = (body as { sid?: unknown } | null)?.sid;
    if (typeof sid !== 'string' || sid.length === 0) {
      return { ok: false, reasonCode: 'FAILED', message: `Twilio answered without a call SID when asked to ${action}.` };
    }
    return { ok: true, callSid: sid };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The server's telephony: Twilio when its SID and token are configured, else the unconfigured port. */
export function telephonyFromConfig(config: Pick<Config, 'twilio' | 'publicUrl'> & { calls?: Pick<Config['calls'], 'voicemailMessage'> }): Telephony {
  return config.twilio ? new TwilioTelephony({ ...config.twilio, publicUrl: config.publicUrl, waitForBeep: config.calls?.voicemailMessage ?? false }) : unconfiguredTelephony;
}
