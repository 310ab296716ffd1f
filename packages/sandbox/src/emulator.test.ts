import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type AnyEmulator, answerNotEmulated, notEmulatedMessage } from './emulator.ts';
import { crystalpayEmulator } from './emulators/crystalpay/index.ts';

describe('not emulated', () => {
  const appFor = (emulator: AnyEmulator | undefined) => {
    const app = new Hono();
    app.post('/known', (c) => c.text('known'));
    app.all('*', (c) => answerNotEmulated(emulator, c));
    return app;
  };

  it('answers in the emulator envelope when it has a notEmulated hook', async () => {
    const emulator: AnyEmulator = {
      ...crystalpayEmulator,
      notEmulated: (c, path) => c.json({ error: true, errors: [notEmulatedMessage(path)] }),
    };
    const response = await appFor(emulator).request('/v3/balance/info/', { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      error: true,
      errors: ['not emulated by @pay/sandbox: /v3/balance/info/'],
    });
  });

  it('answers 404 with the default envelope otherwise', async () => {
    const app = appFor({ ...crystalpayEmulator, notEmulated: undefined });
    expect((await app.request('/known', { method: 'POST' })).status).toBe(200);
    const response = await app.request('/other?x=1');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not emulated by @pay/sandbox: /other' });
  });
});
