import { jsonNumber } from '@pay/core';
import type { Hono } from 'hono';
import { compareDecimal } from '../../decimal-math.ts';
import { positiveDecimal } from '../shared/amount.ts';
import { fitsNetwork, isCoin } from './coins.ts';
import { readBody, refuse } from './http.ts';
import type { Ledger } from './ledger.ts';
import { currencyObject } from './payloads.ts';
import type { CryptoCloudContext } from './types.ts';
import { REQUIRED } from './validation.ts';

/** CryptoCloud's documented minimum interval between withdrawal requests. */
const DEFAULT_WITHDRAWAL_INTERVAL_MS = 12_000;

/** `providerOptions.cryptocloud.withdrawalIntervalMs`, checked, or CryptoCloud's 12 s. */
function withdrawalInterval(options: Record<string, unknown>): number {
  const value = options.withdrawalIntervalMs ?? DEFAULT_WITHDRAWAL_INTERVAL_MS;
  if (typeof value !== 'number' || !(value >= 0 && value <= 600_000))
    throw new RangeError(
      'providerOptions.cryptocloud.withdrawalIntervalMs must be a number from 0 to 600000',
    );
  return value;
}

/** Static wallets and withdrawals, on the account `ledger`. */
export function walletRoutes(app: Hono, context: CryptoCloudContext, ledger: Ledger): void {
  const { credentials } = context;
  const interval = withdrawalInterval(context.options);
  let lastWithdrawalAt: number | undefined;
  const newId = () => `INV-${context.randomId(8).toUpperCase()}`;

  app.post('/v2/invoice/static/create', async (c) => {
    const body = await readBody(c);
    if (!body) return refuse(c, 400, { validate_error: 'Invalid JSON body' }); // [sandbox guess]
    const errors: Record<string, string> = {};
    // [sandbox guess] the texts (the docs show the keys only; these are the fixtures').
    if (body.shop_id === undefined) errors.shop_id = REQUIRED;
    else if (body.shop_id !== credentials.shopId) errors.shop_id = 'Shop not found';
    if (body.currency === undefined) errors.currency = REQUIRED;
    else if (!isCoin(body.currency)) errors.currency = 'Currency is not supported';
    const { identify } = body;
    if (identify === undefined) errors.identify = REQUIRED;
    else if (typeof identify !== 'string' || identify.trim() === '')
      errors.identify = 'Not a valid string.';
    if (Object.keys(errors).length > 0) return refuse(c, 400, errors);
    const coin = body.currency as string;
    // [sandbox guess] a user's wallet is permanent: the same user and coin, the same wallet.
    const key = `${coin}\u0000${identify as string}`;
    let wallet = ledger.wallets.get(key);
    if (!wallet) {
      const uuid = newId();
      wallet = {
        uuid,
        coin,
        identify: identify as string,
        address: `sandbox-${coin.toLowerCase()}-static-${uuid.slice(4).toLowerCase()}`,
      };
      ledger.wallets.set(key, wallet);
    }
    return c.json({
      status: 'success',
      result: { currency: currencyObject(coin), address: wallet.address, uuid: wallet.uuid },
    });
  });

  // Authorised by the account-level withdrawal key (checked in index.ts), not the project's.
  app.post('/v2/invoice/api/out/create', async (c) => {
    const body = await readBody(c);
    if (!body) return refuse(c, 400, { validate_error: 'Invalid JSON body' }); // [sandbox guess]
    const now = context.now();
    // One request per interval; a refused request does not count ([sandbox guess]).
    if (lastWithdrawalAt !== undefined && now - lastWithdrawalAt < interval)
      return refuse(c, 400, { rate_limit: 'Request limit exceeded' });
    // [sandbox guess] every message text below: the docs give the keys only.
    const missing = ['currency_code', 'to_address', 'amount'].filter(
      (name) => body[name] === undefined,
    );
    if (missing.length > 0)
      return refuse(c, 400, { required_parameter: `Required parameters: ${missing.join(', ')}` });
    const { currency_code: coin, to_address: address } = body;
    if (!isCoin(coin)) return refuse(c, 400, { currency_code: 'Currency is not supported' });
    if (typeof address !== 'string' || !fitsNetwork(coin, address))
      return refuse(c, 400, { network: 'Incorrect address format' });
    const amount = positiveDecimal(body.amount);
    if (!amount) return refuse(c, 400, { uncorrected_amount: 'Incorrect amount' });
    const anchor = ledger.newestInvoice();
    if (!anchor || compareDecimal(amount, ledger.balances().get(coin) ?? '0') > 0)
      return refuse(c, 400, { uncorrected_amount: 'Insufficient funds' });
    const withdrawal = { id: newId(), coin, amount, toAddress: address, createdAt: now, anchor };
    ledger.add(withdrawal);
    lastWithdrawalAt = now;
    const result = {
      invoice_id: withdrawal.id,
      status: 'created',
      currency: coin,
      amount: jsonNumber(amount),
    };
    // The docs' two versions put it in `result` (newer) and `data` (older): both are sent.
    return c.json({ status: 'success', result, data: result });
  });
}
