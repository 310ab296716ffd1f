import type { CoverageContext, SandboxCoverage } from './coverage.ts';

// CrystalPay's fixtures name invoices, payoffs, swaps and transfers the sandbox does not hold:
// each is created first through the same client (the sandbox's cash register starts with a
// balance in every method, so payoffs, swaps and transfers can be made at once).

const idOf = (answer: unknown) => ({ id: (answer as { id: string | number }).id });

const invoice = async ({ call }: CoverageContext) =>
  idOf(await call('invoice.create', { amount: '100', type: 'topup', lifetime: 60 }));
const payoff = async ({ call }: CoverageContext) =>
  idOf(
    await call('payoff.create', {
      amount: '0.001',
      method: 'BITCOIN',
      wallet: 'bc1qexample',
      subtract_from: 'balance',
    }),
  );
const swap = async ({ call }: CoverageContext) =>
  idOf(await call('swap.create', { pair_id: 1, amount: '0.015', amount_type: 'source' }));
const transfer = async ({ call }: CoverageContext) =>
  idOf(await call('transfer.create', { method: 'USDTTRC', amount: '25', receiver: 'other_shop' }));

/** The sandbox's coverage of this client's success fixtures (see coverage.ts). */
export const coverage: SandboxCoverage = {
  pending: {},
  prepare: {
    'invoice.info': invoice,
    'payoff.submit': payoff,
    'payoff.cancel': payoff,
    'payoff.info': payoff,
    'swap.submit': swap,
    'swap.cancel': swap,
    'swap.info': swap,
    'transfer.submit': transfer,
    'transfer.cancel': transfer,
    'transfer.info': transfer,
  },
};
