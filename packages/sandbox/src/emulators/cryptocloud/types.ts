import type { EmulatorContext } from '../../emulator.ts';

export type Credentials = { apiKey: string; shopId: string; secretKey: string };
export type CryptoCloudContext = EmulatorContext<Credentials>;
