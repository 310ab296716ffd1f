export type { CallbackRetryPolicy, OutgoingCallback } from './callback-delivery.ts';
export {
  type CallbackReceiver,
  type ReceivedCallback,
  startCallbackReceiver,
} from './callback-receiver.ts';
export type { SandboxBaseUrls, SandboxCredentials } from './credentials.ts';
export {
  type AnyEmulator,
  defaultNotEmulated,
  type EmulatorContext,
  notEmulatedMessage,
  type ProviderEmulator,
} from './emulator.ts';
export { EMULATORS } from './emulators/index.ts';
export type { FaultConfig, FaultSettings } from './faults.ts';
export type { CallbackAttempt, ProviderId, SandboxInvoice } from './invoice-store.ts';
export type { InvoiceAction, InvoiceState } from './lifecycle.ts';
export {
  type ActionResult,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from './sandbox.ts';
export { VERSION } from './version.ts';
