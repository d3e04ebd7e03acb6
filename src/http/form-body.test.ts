/**
 * Form bodies only where a route declares them (issue 12): a route registered through
 * `formRoutes` parses `application/x-www-form-urlencoded`; a JSON route beside it, and the real
 * server's `/v1`, answer the same body 415 in the envelope; a form route answers JSON 415.
 */
import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectError, expectValidation } from '../../test/domain-assertions.ts';
import { apiClient, type ApiClient, type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { systemClock } from '../core/clock.ts';
import { BODY_LIMIT } from './app.ts';
import type { ZodApp } from './app-deps.ts';
import { installErrorHandling } from './error-handler.ts';
import { formRoutes } from './form-body.ts';
import { installJsonBody } from './json-body.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
// What Twilio posts to a status callback (abridged), percent-encoded as it sends it.
const CALLBACK = 'CallSid=CA1234&AccountSid=AC5678&From=%2B14155550123&To=%2B4930123456&CallStatus=completed&SpeechResult=Gr%C3%BC%C3%9Fe+aus+Berlin&Confidence=0.92';

describe('form bodies on a route that declares them (formRoutes)', () => {
  const app = Fastify({ bodyLimit: BODY_LIMIT }).withTypeProvider<ZodTypeProvider>();
  let api: ApiClient;

  beforeAll(async () => {
    app.setValidatorCompiler(validatorCompiler);
    installJsonBody(app);
    installErrorHandling(app, systemClock, BODY_LIMIT);
    await formRoutes(app as unknown as ZodApp, (scoped) => {
      scoped.post('/telephony/test/status', { schema: { body: z.looseObject({ CallSid: z.string(), CallStatus: z.enum(['completed', 'busy']) }) } }, async (request) => ({ got: request.body }));
    });
    app.post('/json', { schema: { body: z.looseObject({}) } }, async (request) => ({ got: request.body }));
    api = apiClient(await app.listen({ port: 0, host: '127.0.0.1' }));
  });
  afterAll(() => app.close());

  it('parses the form into an object of strings, decoded as UTF-8', async () => {
    const res = await api('POST', '/telephony/test/status', { rawBody: CALLBACK, headers: FORM });
    expect(res.status, res.text).toBe(200);
    expect(res.body.got).toEqual({
      CallSid: 'CA1234',
      AccountSid: 'AC5678',
      From: '+14155550123',
      To: '+4930123456',
      CallStatus: 'completed',
      SpeechResult: 'Grüße aus Berlin',
      Confidence: '0.92',
    });
    const charset = await api('POST', '/telephony/test/status', { rawBody: CALLBACK, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' } });
    expect(charset.status, charset.text).toBe(200);
  });

  it('validates the parsed form with the route schema', async () => {
    expectValidation(await api('POST', '/telephony/test/status', { rawBody: 'CallSid=CA1&CallStatus=exploded', headers: FORM }), 'CallStatus');
    expectValidation(await api('POST', '/telephony/test/status', { rawBody: 'CallStatus=busy', headers: FORM }), 'CallSid');
  });

  it('refuses a field named twice, __proto__, U+0000 and a charset other than UTF-8', async () => {
    expectValidation(await api('POST', '/telephony/test/status', { rawBody: 'CallSid=CA1&CallSid=CA2&CallStatus=busy', headers: FORM }), 'CallSid');
    expectValidation(await api('POST', '/telephony/test/status', { rawBody: 'CallSid=CA1&CallStatus=busy&__proto__=x', headers: FORM }), '__proto__');
    expectValidation(await api('POST', '/telephony/test/status', { rawBody: 'CallSid=CA%001&CallStatus=busy', headers: FORM }), 'CallSid');
    const latin1 = await api('POST', '/telephony/test/status', { rawBody: CALLBACK, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=iso-8859-1' } });
    expectError(latin1, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers JSON, or no media type, on a form route with 415 naming the form type', async () => {
    const json = await api('POST', '/telephony/test/status', { body: { CallSid: 'CA1', CallStatus: 'busy' } });
    expect(expectError(json, 415, 'UNSUPPORTED_MEDIA_TYPE').message).toMatch(/x-www-form-urlencoded/);
    expectError(await api('POST', '/telephony/test/status', { rawBody: CALLBACK }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps the body limit', async () => {
    const big = `CallSid=CA1&CallStatus=busy&Padding=${'x'.repeat(BODY_LIMIT)}`;
    expectError(await api('POST', '/telephony/test/status', { rawBody: big, headers: FORM }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('does not reach a JSON route registered beside it: the form is 415 there, JSON still parses', async () => {
    expectError(await api('POST', '/json', { rawBody: CALLBACK, headers: FORM }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const json = await api('POST', '/json', { body: { CallSid: 'CA1' } });
    expect(json.status, json.text).toBe(200);
    expect(json.body.got).toEqual({ CallSid: 'CA1' });
  });
});

describe('the real server: /v1 stays JSON-only', () => {
  let server: TestServer;
  let acme: SeededCompany;
  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.company('Acme');
  });
  afterAll(() => server.close());

  it('a form body on /v1/agents and /agents is 415 in the envelope, and creates nothing', async () => {
    for (const path of ['/v1/agents', '/agents']) {
      const res = await acme.api('POST', path, { rawBody: 'name=Screener&focus=SCREENING', headers: FORM });
      expect(expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE').details).toEqual({ contentType: FORM['content-type'] });
    }
    expect((await acme.api('GET', '/v1/agents')).body.total).toBe(0);
  });
});
