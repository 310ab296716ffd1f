import type { EmulatorContext } from '../../emulator.ts';

export type Credentials = { merchantId: string; apiKey: string; sciKey: string };
/** A method's params after `checkParams`: strings, and booleans where the method takes them. */
export type Params = Record<string, string | boolean>;
export type AnyMoneyContext = EmulatorContext<Credentials>;

/** One JSON-RPC method: its params (any other is refused) and what it does. */
export interface Method {
  /** Every param it takes; `boolean` ones must be JSON booleans, the others strings. */
  params: Record<string, { required?: true; boolean?: true }>;
  run(params: Params, context: AnyMoneyContext): unknown;
}
