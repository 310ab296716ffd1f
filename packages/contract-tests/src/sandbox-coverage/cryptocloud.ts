import type { CoverageContext, SandboxCoverage } from './coverage.ts';

/** A fresh invoice's uuid. */
const newInvoice = async ({ call }: CoverageContext, fields: Record<string, unknown> = {}) =>
  ((await call('invoice.create', { amount: '10', ...fields })) as { uuid: string }).uuid;

/** Funds the sandbox balance in `coin`: an invoice paid in it (rates are 1:1). */
const fund =
  (coin: string, amount: string) =>
  async (context: CoverageContext): Promise<Record<string, unknown>> => {
    const uuid = await newInvoice(context, { amount, add_fields: { cryptocurrency: coin } });
    await context.sandbox.act('cryptocloud', uuid, 'pay');
    return {};
  };

/** The sandbox's coverage of this client's success fixtures (see coverage.ts). */
export const coverage: SandboxCoverage = {
  pending: {},
  prepare: {
    // The fixture names another project; the sandbox knows its own only.
    'invoice.create': async ({ sandbox }) => ({ shop_id: sandbox.credentials.cryptocloud.shopId }),
    'invoice.info': async (context) => ({ uuids: [await newInvoice(context)] }),
    'invoice.cancel': async (context) => ({ uuid: await newInvoice(context) }),
    // A withdrawal takes no more than the balance.
    'withdrawal.create': async (context) => {
      await fund('BTC', '1')(context);
      return fund('ETH', '1')(context);
    },
  },
};
