import type { Sandbox } from '@pay/sandbox';
import type { CoverageContext, SandboxCoverage } from './coverage.ts';

// The fixtures pin the clock (`now`) and reuse externalids across files (ORDER-123, PO-1, …):
// on the sandbox the client runs on the real clock, and every create takes a fresh externalid.
// Money-out methods need a balance: `fund` pays sandbox invoices first.

let sequence = 0;
const fresh = (prefix: string) => `${prefix}-${Date.now()}-${++sequence}`;

type Call = CoverageContext['call'];

/** Credits `amount` (rounded up to a whole one) of `currency` in paid invoices of at most `max`. */
async function fund(
  { call, sandbox }: CoverageContext,
  currency: string,
  amount: number,
  max = 100_000,
) {
  for (let left = Math.ceil(amount); left > 0; left -= max) {
    const externalid = fresh('FUND');
    await call('invoice.create', {
      amount: String(Math.min(left, max)),
      externalid,
      in_curr: currency,
    });
    await sandbox.act('anymoney', externalid, 'pay');
  }
}

const invoice = async (call: Call) => {
  const externalid = fresh('ORDER');
  await call('invoice.create', { amount: '100', externalid, in_curr: 'UAH' });
  return externalid;
};

const payout = async (context: CoverageContext) => {
  await fund(context, 'UAH', 128);
  const externalid = fresh('PO');
  await context.call('payout.create', {
    amount: '128',
    externalid,
    out_curr: 'UAH',
    payway: 'card',
    payee: '4444444444444448',
  });
  return externalid;
};

const code = async (context: CoverageContext) => {
  await fund(context, 'UAH', 655);
  const externalid = fresh('C');
  const created = (await context.call('code.create', {
    amount: '655',
    curr: 'UAH',
    externalid,
    payway: 'anycash',
  })) as { code: string };
  return { externalid, code: created.code };
};

const address = async (call: Call) =>
  (await call('address.create', { in_curr: 'BTC' })) as { id: number; name: string };

/** The sandbox's coverage of this client's success fixtures (see coverage.ts). */
export const coverage: SandboxCoverage = {
  pending: {},
  settings: (sandbox: Sandbox) => ({ ...sandbox.credentials.anymoney, now: () => Date.now() }),
  prepare: {
    'invoice.create': async () => ({ externalid: fresh('ORDER') }),
    'invoice.get': async ({ call }) => ({ externalid: await invoice(call) }),
    status: async ({ call }) => ({ externalid: await invoice(call) }),
    'payout.create': async (context) => {
      await fund(context, 'UAH', 128);
      return { externalid: fresh('PO') };
    },
    'payout.get': async (context) => ({ externalid: await payout(context) }),
    'payout.cancel': async (context) => ({ externalid: await payout(context) }),
    'convert.create': async (context) => {
      await fund(context, 'USD', 100);
      return { externalid: fresh('CV') };
    },
    'convert.get': async (context) => {
      await fund(context, 'USD', 100);
      const externalid = fresh('CV');
      await context.call('convert.create', {
        externalid,
        in_curr: 'USD',
        out_curr: 'UAH',
        in_amount: '100',
      });
      return { externalid };
    },
    'transfer.create': async (context) => {
      await fund(context, 'USD', 435_345.34);
      return { externalid: fresh('T') };
    },
    'transfer.get': async (context) => {
      await fund(context, 'USD', 10);
      const externalid = fresh('T');
      await context.call('transfer.create', {
        amount: '10',
        externalid,
        out_curr: 'USD',
        tgt: '1056',
      });
      return { externalid };
    },
    'code.create': async (context) => {
      await fund(context, 'UAH', 655);
      return { externalid: fresh('C') };
    },
    'code.get': async (context) => ({ externalid: (await code(context)).externalid }),
    'code.verify': async (context) => ({ code: (await code(context)).code }),
    'code.redeem': async (context) => ({
      code: (await code(context)).code,
      externalid: fresh('R'),
    }),
    'address.get': async ({ call }) => ({ name: (await address(call)).name }),
    'history.address': async ({ call }) => ({ addr_id: String((await address(call)).id) }),
    // A raw call's first argument is the method name, so nothing can be merged into its params:
    // the fixture's order ORDER-123 is made (and paid, and its receipt prepared) in place.
    call: async ({ call, sandbox }) => {
      if (!sandbox.invoices('anymoney').some((order) => order.id === 'ORDER-123')) {
        await call('invoice.create', { amount: '100', externalid: 'ORDER-123', in_curr: 'UAH' });
        await sandbox.act('anymoney', 'ORDER-123', 'pay');
        await call('call', 'anydoc.prepare_receipt', { externalid: 'ORDER-123' });
      }
      return undefined as unknown as Record<string, unknown>;
    },
  },
};
