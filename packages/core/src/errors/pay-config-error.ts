import { defineErrorMarker, describeCall, PayError, type PayErrorOptions } from './pay-error.ts';

const marker = defineErrorMarker('PayConfigError');

/** Settings are missing or invalid; thrown by `create<Brand>()` before any request is made. */
export class PayConfigError extends PayError {
  /** The setting at fault, e.g. `salt`. Its value is never included. */
  readonly setting: string;

  constructor(setting: string, problem: string, options: PayErrorOptions = {}) {
    super(`${describeCall(options)}setting \`${setting}\` ${problem}`, options);
    this.name = 'PayConfigError';
    this.setting = setting;
    marker.mark(this);
  }

  static override isInstance(value: unknown): value is PayConfigError {
    return marker.is(value);
  }
}
