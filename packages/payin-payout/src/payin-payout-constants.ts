import { VERSION } from './version.ts';

/** Payin-payout's production host, for both the developer-key API and the shop API. */
export const PAYIN_PAYOUT_BASE_URL = 'https://lk.payin-payout.net';

/** Payin-payout's sandbox host (fake payment pages; callbacks are sent from it too). */
export const PAYIN_PAYOUT_SANDBOX_URL = 'https://dev1.payin-payout.net';

/** The provider's name as errors show it. */
export const PROVIDER = 'Payin-payout';

/** The `User-Agent` of every request. */
export const USER_AGENT = `pay-payin-payout/${VERSION}`;
