import type { Sandbox } from '@pay/sandbox';

/** What one client's emulator needs to serve the client's success fixtures. */
export interface SandboxCoverage {
  /**
   * Fixture operations the sandbox does not emulate yet, each with the reason. A new SDK method
   * without emulation fails `npm test` until it is emulated or listed here with a reason; the goal
   * is an empty list.
   */
  pending: Record<string, string>;
  /**
   * Input fields that must come from the sandbox's own state (the id of an invoice it holds),
   * made first with the same client; merged over the fixture's input. Default: none.
   */
  prepare?: Record<string, (context: CoverageContext) => Promise<Record<string, unknown>>>;
  /** The client's base URL on the sandbox. Default: the provider's `sandbox.baseUrls` entry. */
  baseUrl?: (sandbox: Sandbox) => string;
  /** The client's settings on the sandbox. Default: the provider's `sandbox.credentials` entry. */
  settings?: (sandbox: Sandbox) => Record<string, unknown>;
}

export interface CoverageContext {
  /** The client under test, on the sandbox. */
  client: Record<string, unknown>;
  sandbox: Sandbox;
  /** Calls a client method by its dotted path. */
  call(operation: string, ...args: unknown[]): Promise<unknown>;
}
