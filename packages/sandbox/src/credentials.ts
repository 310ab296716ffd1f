import type { ProviderId } from './invoice-store.ts';

/**
 * The credentials each provider's sandbox accepts, typed per provider and keyed by the provider
 * ids (`sandbox.credentials['payin-payout']`), so that a client's settings can be spread from them:
 * `createCrystalPay({ ...sandbox.credentials.crystalpay, baseUrl: sandbox.baseUrls.crystalpay })`.
 */
export interface SandboxCredentials {
  /** `createCrystalPay` settings: the cash register's login, secret and salt. */
  crystalpay: { login: string; secret: string; salt: string };
  /**
   * `createCryptoCloud` settings: the API key, the shop id, the project's secret key and the
   * separate key withdrawals are authorised with.
   */
  cryptocloud: { apiKey: string; shopId: string; secretKey: string; withdrawalApiKey: string };
  /** `createAnyMoney` settings: the merchant id, the API key and the SCI key. */
  anymoney: { merchantId: string; apiKey: string; sciKey: string };
  /**
   * `createPayinPayout` takes `userId` and `developerKey` (`serviceId` is the auto-debit
   * service); `createPayinPayoutShop` takes `agentId` and `secret`.
   */
  'payin-payout': {
    userId: string;
    developerKey: string;
    serviceId: string;
    agentId: string;
    secret: string;
  };
  /** `createBitsby` settings: the API key and the project it belongs to. */
  bitsby: { apiKey: string; projectId: string };
}

// Every provider has an entry, and nothing else does.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyProvider: Exact<keyof SandboxCredentials, ProviderId> = true;
void everyProvider;

/** Each provider's base URL, keyed by the same provider ids as `credentials` and `act()`. */
export type SandboxBaseUrls = Record<ProviderId, string>;
