/**
 * A local, Twilio-faithful fake for tests: real HTTP on loopback. It takes `POST
 * /2010-04-01/Accounts/{AccountSid}/Calls.json` as Twilio's REST API does (basic auth with the
 * account SID and auth token, a form-encoded body; a JSON call resource with a `sid` back, or
 * Twilio's error body), records every request, and then plays Twilio's side of the call: it posts
 * our callbacks (status, answer with AMD's `AnsweredBy`, Gather results with `SpeechResult` and
 * `Confidence`, recordings), each signed with `X-Twilio-Signature` by the `twilio` package over
 * the URL it was given (built on `PUBLIC_URL`), and follows `<Gather action>` and `<Redirect>`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

export type FormParams = Record<string, string>;

export interface RecordedRequest {
  method: string;
  path: string;
  authorized: boolean;
  contentType: string | undefined;
  /** Every field; a repeated one (StatusCallbackEvent) as its values joined by a space. */
  params: FormParams;
  /** Repeated fields as lists. */
  lists: Record<string, string[]>;
}

export interface FakeCall {
  sid: string;
  request: RecordedRequest;
  /** The TwiML our server answered last, and where a `<Gather>` in it posts. */
  lastTwiml: string | null;
  gatherAction: string | null;
  hungUp: boolean;
}

export interface CallbackResult {
  status: number;
  text: string;
}

type Signing = 'valid' | 'missing' | 'wrong-token' | 'tampered';

export interface TwilioFake {
  url: string;
  accountSid: string;
  authToken: string;
  requests: RecordedRequest[];
  calls: FakeCall[];
  /** Where our server really listens (callbacks go there, signed over the URL they were given). */
  connect(target: { publicUrl: string; serverUrl: string }): void;
  /** The next Calls.json request fails like Twilio does (status, Twilio error code, message). */
  failNextDial(failure: { status: number; code: number; message: string }): void;
  /** Posts a signed callback for `call` to `url` (one of the URLs our server gave), as Twilio would. */
  post(url: string, params: FormParams, signing?: Signing): Promise<CallbackResult>;
  /** A status callback with Twilio's usual fields. */
  status(call: FakeCall, callStatus: string, extra?: FormParams, signing?: Signing): Promise<CallbackResult>;
  /** Twilio asking the answer URL for TwiML, AMD's verdict included; follows `<Redirect>`. */
  answer(call: FakeCall, answeredBy?: string): Promise<CallbackResult>;
  /** What the recogniser heard, posted to the last `<Gather action>`; follows `<Redirect>`. */
  speak(call: FakeCall, speech: string, confidence?: number): Promise<CallbackResult>;
  recording(call: FakeCall, extra?: FormParams, signing?: Signing): Promise<CallbackResult>;
  /**
   * Someone calls one of our numbers: Twilio asks the number's Voice URL for TwiML (following
   * `<Redirect>`); later status callbacks of the call go to `statusUrl` (the number's setting).
   * The call is not a dial: it is not in `calls`.
   */
  incoming(voiceUrl: string, call: { from: string; to: string; statusUrl: string }): Promise<{ call: FakeCall; result: CallbackResult }>;
  close(): Promise<void>;
}

const xmlText = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startTwilioFake(): Promise<TwilioFake> {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const requests: RecordedRequest[] = [];
  const calls: FakeCall[] = [];
  const failures: { status: number; code: number; message: string }[] = [];
  let target: { publicUrl: string; serverUrl: string } | null = null;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const lists: Record<string, string[]> = {};
      for (const [name, value] of new URLSearchParams(text)) (lists[name] ??= []).push(value);
      const params = Object.fromEntries(Object.entries(lists).map(([name, values]) => [name, values.join(' ')]));
      const recorded: RecordedRequest = { method: req.method ?? '', path, authorized: req.headers.authorization === expectedAuth, contentType: req.headers['content-type'], params, lists };
      requests.push(recorded);
      const base = `/2010-04-01/Accounts/${accountSid}`;
      if (!recorded.authorized) return sendJson(res, 401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
      if (req.method !== 'POST' || !recorded.contentType?.startsWith('application/x-www-form-urlencoded')) {
        return sendJson(res, 400, { code: 20001, message: 'Bad request: a form-encoded POST is expected', status: 400 });
      }
      if (path === `${base}/Calls.json`) {
        const failure = failures.shift();
        if (failure) return sendJson(res, failure.status, { code: failure.code, message: failure.message, more_info: `https://www.twilio.com/docs/errors/${failure.code}`, status: failure.status });
        for (const field of ['To', 'From', 'Url']) {
          if (!params[field]) return sendJson(res, 400, { code: 21201, message: `Required parameter "${field}" missing.`, status: 400 });
        }
        const sid = `CA${randomBytes(16).toString('hex')}`;
        calls.push({ sid, request: recorded, lastTwiml: null, gatherAction: null, hungUp: false });
        return sendJson(res, 201, { sid, account_sid: accountSid, to: params.To, from: params.From, status: 'queued', direction: 'outbound-api', api_version: '2010-04-01', uri: `${base}/Calls/${sid}.json` });
      }
      const update = new RegExp(`^${base}/Calls/(CA[0-9a-f]{32})\\.json$`).exec(path);
      const call = update ? calls.find((c) => c.sid === update[1]) : undefined;
      if (call) {
        if (params.Status === 'completed') call.hungUp = true;
        return sendJson(res, 200, { sid: call.sid, status: call.hungUp ? 'completed' : 'in-progress' });
      }
      return sendJson(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    })().catch((error: unknown) => sendJson(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const callParams = (call: FakeCall): FormParams => ({
    AccountSid: accountSid,
    CallSid: call.sid,
    From: call.request.params.From ?? '',
    To: call.request.params.To ?? '',
    Direction: call.request.params.Direction ?? 'outbound-api',
    ApiVersion: '2010-04-01',
  });

  const post = async (callbackUrl: string, params: FormParams, signing: Signing = 'valid'): Promise<CallbackResult> => {
    if (!target) throw new Error('connect() the fake to the server first');
    if (!callbackUrl.startsWith(target.publicUrl)) throw new Error(`${callbackUrl} is not under PUBLIC_URL ${target.publicUrl}`);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const token = signing === 'wrong-token' ? `${authToken.slice(1)}x` : authToken;
    // Signed over what it will send, except when the test tampers with a field after signing.
    if (signing !== 'missing') headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(token, callbackUrl, params);
    const sent = signing === 'tampered' ? { ...params, CallStatus: 'completed', Tampered: '1' } : params;
    const response = await fetch(`${target.serverUrl}${callbackUrl.slice(target.publicUrl.length)}`, { method: 'POST', headers, body: new URLSearchParams(sent).toString() });
    return { status: response.status, text: await response.text() };
  };

  /** Keeps what the TwiML asks next: a Gather's action, or a Redirect it follows at once. */
  const follow = async (call: FakeCall, result: CallbackResult): Promise<CallbackResult> => {
    if (result.status !== 200) return result;
    call.lastTwiml = result.text;
    const action = /<Gather\b[^>]*\baction="([^"]*)"/.exec(result.text)?.[1];
    call.gatherAction = action ? xmlText(action) : null;
    if (/<Hangup\s*\/>/.test(result.text)) call.hungUp = true;
    const redirect = /<Redirect\b[^>]*>([^<]+)<\/Redirect>/.exec(result.text)?.[1];
    if (redirect && !call.hungUp) return follow(call, await post(xmlText(redirect), { ...callParams(call), CallStatus: 'in-progress' }));
    return result;
  };

  return {
    url,
    accountSid,
    authToken,
    requests,
    calls,
    connect(t) {
      target = { publicUrl: t.publicUrl.replace(/\/$/, ''), serverUrl: t.serverUrl.replace(/\/$/, '') };
    },
    failNextDial(failure) {
      failures.push(failure);
    },
    post,
    status(call, callStatus, extra = {}, signing = 'valid') {
      const callback = call.request.params.StatusCallback;
      if (!callback) throw new Error('the call was placed without a StatusCallback');
      return post(callback, { ...callParams(call), CallStatus: callStatus, ...extra }, signing);
    },
    async answer(call, answeredBy = 'human') {
      const answerUrl = call.request.params.Url ?? '';
      return follow(call, await post(answerUrl, { ...callParams(call), CallStatus: 'in-progress', AnsweredBy: answeredBy }));
    },
    async speak(call, speech, confidence = 0.9) {
      if (!call.gatherAction) throw new Error('the last TwiML had no <Gather action>');
      return follow(call, await post(call.gatherAction, { ...callParams(call), CallStatus: 'in-progress', SpeechResult: speech, Confidence: String(confidence) }));
    },
    recording(call, extra = {}, signing = 'valid') {
      const callback = call.request.params.RecordingStatusCallback;
      if (!callback) throw new Error('the call was placed without a RecordingStatusCallback');
      const recordingSid = `RE${randomBytes(16).toString('hex')}`;
      return post(
        callback,
        {
          AccountSid: accountSid,
          CallSid: call.sid,
          RecordingSid: recordingSid,
          RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/${recordingSid}`,
          RecordingStatus: 'completed',
          RecordingDuration: '42',
          RecordingChannels: '1',
          RecordingSource: 'OutboundAPI',
          ...extra,
        },
        signing,
      );
    },
    async incoming(voiceUrl, { from, to, statusUrl }) {
      const sid = `CA${randomBytes(16).toString('hex')}`;
      const params = { From: from, To: to, Url: voiceUrl, StatusCallback: statusUrl, Direction: 'inbound' };
      const call: FakeCall = { sid, request: { method: 'POST', path: '', authorized: true, contentType: undefined, params, lists: {} }, lastTwiml: null, gatherAction: null, hungUp: false };
      const result = await follow(call, await post(voiceUrl, { ...callParams(call), CallStatus: 'ringing' }));
      return { call, result };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
