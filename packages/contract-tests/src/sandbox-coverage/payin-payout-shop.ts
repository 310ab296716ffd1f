import type { Sandbox } from '@pay/sandbox';
import type { CoverageContext, SandboxCoverage } from './coverage.ts';

let sequence = 0;

/** An order paid (on the sandbox's page) through a JSON terminal invoice: what `rpay.token` needs. */
async function paidOrder({ call, sandbox }: CoverageContext): Promise<string> {
  const orderId = `coverage-${Date.now().toString(36)}-${++sequence}`;
  const invoice = (await call('shop.createInvoice', {
    orderId,
    agentName: 'Superstore',
    amount: '166.70',
    goods: 'Notebook',
    email: 'user@example.ru',
    phone: '79090000001',
  })) as { payment_id: string };
  await sandbox.act('payin-payout', invoice.payment_id, 'pay');
  return orderId;
}

/** The sandbox's coverage of this client's success fixtures (see coverage.ts). */
export const coverage: SandboxCoverage = {
  pending: {},
  // The merchant shop API shares the developer-key API's host, so its mount; the shop's
  // credentials (agentId, secret) are in the same credentials entry.
  settings: (sandbox: Sandbox) => {
    const { agentId, secret } = sandbox.credentials['payin-payout'];
    return { agentId, secret };
  },
  prepare: {
    'rpay.token': async (context) => ({ orderId: await paidOrder(context) }),
    'rpay.pay': async (context) => {
      const { result } = (await context.call('rpay.token', {
        orderId: await paidOrder(context),
      })) as { result: string };
      return { token: result };
    },
    'rpay.getStatusToken': async ({ call }) => {
      const { token } = (await call('rpay.getToken', {
        preference: 133,
        successUrl: 'https://shop.example/ok',
        cancelUrl: 'https://shop.example/cancel',
      })) as { token: string };
      return { token };
    },
  },
};
