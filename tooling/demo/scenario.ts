import type { CallbackReceiver, Sandbox } from '@pay/sandbox';

/** What one provider's run through the sandbox produced: a row of the demo's table. */
interface ScenarioResult {
  invoiceId: string;
  payUrl: string;
  /** The provider's own status name, fetched with the SDK after the callback. */
  finalStatus: string;
  /** Whether the SDK's `webhooks.verify` accepted the callback. */
  callbackVerified: boolean;
}

/**
 * One provider in the tour: create an invoice with the real SDK package, pay it through the
 * sandbox, verify the callback with the SDK, fetch the final state with the SDK.
 */
export interface DemoScenario {
  provider: string;
  run(environment: { sandbox: Sandbox; receiver: CallbackReceiver }): Promise<ScenarioResult>;
  /** For `--keep`: an unpaid invoice a person can pay in the browser; returns its pay URL. */
  createUnpaid(environment: { sandbox: Sandbox; receiver: CallbackReceiver }): Promise<string>;
}
