import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { createWebhookAt, emit, eventually } from '../../test/webhook-helpers.ts';
import { ManualClock } from '../core/clock.ts';
import { AppError } from '../errors/catalogue.ts';
import { canMoveCircuit, CIRCUIT_TRANSITIONS, type CircuitState, circuitState, moveCircuit } from './circuit.ts';

describe('webhook circuit table (unit, every pair)', () => {
  // docs/decisions.md, written out independently of the implementation's table.
  const allowed = new Set(['ACTIVE>OPEN', 'ACTIVE>PAUSED', 'OPEN>ACTIVE', 'OPEN>PAUSED', 'PAUSED>ACTIVE']);
  const states: CircuitState[] = ['ACTIVE', 'OPEN', 'PAUSED'];
  const columns: Record<CircuitState, { isActive: number; circuitOpenedAt: string | null }> = {
    ACTIVE: { isActive: 1, circuitOpenedAt: null },
    OPEN: { isActive: 0, circuitOpenedAt: '2025-11-20T10:00:00.000Z' },
    PAUSED: { isActive: 0, circuitOpenedAt: null },
  };
  const pairs = states.flatMap((from) => states.filter((to) => to !== from).map((to) => ({ from, to, ok: allowed.has(`${from}>${to}`) })));

  it('has the three states, each stored as its own columns', () => {
    expect(Object.keys(CIRCUIT_TRANSITIONS).sort()).toEqual([...states].sort());
    for (const state of states) expect(circuitState(columns[state])).toBe(state);
  });

  it.each(pairs)('$from → $to allowed: $ok', ({ from, to, ok }) => {
    expect(canMoveCircuit(from, to)).toBe(ok);
    if (ok) {
      const changes = moveCircuit(columns[from], to, '2025-11-21T10:00:00.000Z');
      expect(circuitState({ ...columns[from], ...changes })).toBe(to);
      if (to === 'ACTIVE') expect(changes).toMatchObject({ consecutiveFailures: 0 });
    } else {
      let thrown: unknown;
      try {
        moveCircuit(columns[from], to, '2025-11-21T10:00:00.000Z');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('INVALID_STATE_TRANSITION');
    }
  });

  it('staying where it is is no move', () => {
    for (const state of states) expect(moveCircuit(columns[state], state, '2025-11-21T10:00:00.000Z')).toBeNull();
  });
});

/** Pausing wins over the circuit: a paused webhook never opens, and pausing an open one keeps it paused through a reset. */
describe('webhooks: pausing and the circuit', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let company: SeededCompany;
  const clock = new ManualClock();
  beforeAll(async () => {
    server = await startTestServer({ clock });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });
  beforeEach(async () => {
    clock.set(new Date());
    company = await server.company();
  });

  const webhook = async (id: string) => (await company.api('GET', `/v1/webhooks/${id}`)).body;
  const patch = (id: string, body: unknown) => company.api('PATCH', `/v1/webhooks/${id}`, { body });

  it('PATCH isActive:false on an open circuit pauses it: reset-circuit then leaves it paused; isActive:true re-arms', async () => {
    const endpoint = receiver.endpoint({ respond: (d) => (d.verified ? 500 : 401) });
    const hook = await createWebhookAt(company.api, endpoint, { maxRetries: 0 });
    for (let i = 0; i < 10; i++) await emit(server.deps.database, { companyId: company.id }, clock);
    await endpoint.waitForReceived(10);
    const opened = await eventually(async () => {
      const w = await webhook(hook.id);
      return w.circuitOpenedAt ? w : null;
    });
    expect(opened).toMatchObject({ isActive: false, consecutiveFailures: 10 });

    clock.advance(1000);
    const paused = await patch(hook.id, { isActive: false });
    expect(paused.status, paused.text).toBe(200);
    expect(paused.body).toMatchObject({ isActive: false, circuitOpenedAt: null, consecutiveFailures: 10, updatedAt: clock.now().toISOString() });

    const reset = await company.api('POST', `/v1/webhooks/${hook.id}/reset-circuit`);
    expect(reset.status, reset.text).toBe(200);
    expect(reset.body).toMatchObject({ isActive: false, circuitOpenedAt: null, consecutiveFailures: 0 });

    const resumed = await patch(hook.id, { isActive: true });
    expect(resumed.body).toMatchObject({ isActive: true, circuitOpenedAt: null, consecutiveFailures: 0 });
  });

  it('a paused webhook counts the failures of attempts already on the wire but never opens', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The tenth request is held until the webhook is paused, then fails like the nine before it.
    const endpoint = receiver.endpoint({ respond: (d) => (!d.verified ? 401 : endpoint.received.length === 9 ? { status: 500, until: held } : 500) });
    const hook = await createWebhookAt(company.api, endpoint, { maxRetries: 0 });
    for (let i = 0; i < 9; i++) await emit(server.deps.database, { companyId: company.id }, clock);
    await endpoint.waitForReceived(9);
    await eventually(async () => (await webhook(hook.id)).consecutiveFailures === 9);
    await emit(server.deps.database, { companyId: company.id }, clock);
    await endpoint.waitForReceived(10);

    expect((await patch(hook.id, { isActive: false })).body).toMatchObject({ isActive: false, circuitOpenedAt: null });
    release();
    const counted = await eventually(async () => {
      const w = await webhook(hook.id);
      return w.consecutiveFailures === 10 ? w : null;
    });
    expect(counted).toMatchObject({ isActive: false, circuitOpenedAt: null });

    const resumed = await patch(hook.id, { isActive: true });
    expect(resumed.body).toMatchObject({ isActive: true, circuitOpenedAt: null, consecutiveFailures: 0 });
  });
});
