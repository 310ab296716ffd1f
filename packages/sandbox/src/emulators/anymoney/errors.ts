// Numbers from the docs' error table (https://docs.any.money/en/exc/). They drifted in practice
// (EParamInvalid was seen as -32002): clients must switch on the name, which is what the sandbox
// keeps exact.
export const CODES: Record<string, number> = {
  'Parse error': -32700,
  'Invalid Request': -32600,
  'Method not found': -32601,
  InvalidInputParams: -32602,
  EAuth: -32002,
  EParamInvalid: -32003,
  InvalidHeaders: -32003, // the observed variant of a missing x-utc-now-ms
  EParamType: -32004,
  EParamSignInvalid: -32010,
  EParamHeadersInvalid: -32012,
  EParamRequestWindow: -32013,
  EParamCurrencyInvalid: -32014,
  EParamFieldInvalid: -32016,
  EParamMerchantInvalid: -32015,
  EStateMerchantInactive: -32031,
  EStateForbidden: -32032,
  EStateCurrencyInactive: -32033,
  EStateUnavailable: -32035,
  EStateCurrencyUnavail: -32055,
  EStateInsufficientFunds: -32056,
  EParamCodeInvalid: -32076,
  EStatePaywayInactive: -32083,
  EStateExchangeUnavail: -32085,
  EParamPeriodInvalid: -32020,
  EParamPeriodTooShort: -32021,
  EParamPeriodTooLong: -32022,
  EParamAmountTooBig: -32073,
  EParamAmountTooSmall: -32074,
  EParamPaywayInvalid: -32081,
  EParamAmountFormatInvalid: -32082,
  EParamNotFound: -32090,
  EParamUnique: -32091,
};

/** An AnyMoney refusal: thrown by the checks, answered as the JSON-RPC error envelope. */
export class Refusal extends Error {
  constructor(
    readonly errorName: string,
    readonly data?: Record<string, unknown>,
    readonly httpStatus: 200 | 400 | 404 = 200,
  ) {
    super(errorName);
  }
}
