import type { EmulatorContext } from '../../emulator.ts';

export type Credentials = {
  apiKey: string;
  shopId: string;
  secretKey: string;
  /** The account-level key («Security» settings) that authorises withdrawals only. */
  withdrawalApiKey: string;
};
export type CryptoCloudContext = EmulatorContext<Credentials>;
