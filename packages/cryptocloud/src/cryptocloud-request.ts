import {
  createEndpointFactory,
  type DefineEndpoint,
  jsonNumber,
  PayConfigError,
  type Transport,
} from '@pay/core';
import { explainV1Status } from './cryptocloud-errors.ts';

/** Provider name as shown in errors. */
export const PROVIDER = 'CryptoCloud';

/**
 * What a CryptoCloud endpoint declares besides the common definition: which key authorises it
 * and how its validated input becomes the JSON body and the query string. Everything else is
 * the same for every call (a `POST`, `Authorization: Token <key>`, no signing).
 */
export interface CryptoCloudEndpoint {
  /**
   * The setting whose key goes into `Authorization: Token <key>`. Withdrawals use the
   * account-level `withdrawalApiKey`; a call whose key is not set fails with `PayConfigError`
   * before anything is sent. Default: `apiKey`.
   */
  key?: 'apiKey' | 'withdrawalApiKey' | undefined;
  /** Puts the client's `shopId` first in the body as `shop_id`, unless the call gives one. Default: `false`. */
  shopId?: boolean | undefined;
  /** Input fields sent in the query string rather than the body (`?locale=`). Default: none. */
  query?: readonly string[] | undefined;
  /**
   * Amount fields sent as JSON numbers with exactly the digits given (CryptoCloud documents
   * numbers), never through a float. Default: none.
   */
  numbers?: readonly string[] | undefined;
  /** `false` for a call that takes no body at all (the account-wide balance). Default: the input. */
  body?: false | undefined;
}

/** The client settings the request builder reads. */
export interface CryptoCloudRequestSettings {
  apiKey: string;
  shopId: string;
  withdrawalApiKey?: string | undefined;
}

/**
 * Returns the function every CryptoCloud method is declared with. CryptoCloud's success
 * envelope differs per call (`result`; `result` beside `all_count` for the list; `result` or
 * `data` for withdrawals; none in v1), so each result schema reads its own envelope and the
 * protocol declares none.
 */
export function createCryptoCloudEndpoint(
  transport: Transport,
  settings: CryptoCloudRequestSettings,
): DefineEndpoint<CryptoCloudEndpoint> {
  return createEndpointFactory<CryptoCloudEndpoint>({
    provider: PROVIDER,
    // v1 answers its documented errors with empty bodies: the status is what it explains.
    transport: {
      request: (call) =>
        call.operation.startsWith('v1/')
          ? transport.request(call).catch(explainV1Status)
          : transport.request(call),
    },
    buildRequest(endpoint, input) {
      const keyName = endpoint.key ?? 'apiKey';
      const key = settings[keyName];
      // `apiKey` is required when the client is made: only the withdrawal key can be missing.
      if (typeof key !== 'string' || key.trim() === '') {
        throw new PayConfigError(
          keyName,
          'is required for withdrawals: the account-level key from the «Security» settings',
          { provider: PROVIDER, operation: endpoint.operation },
        );
      }
      const fields = { ...(input as Record<string, unknown> | undefined) };
      const searchParams: Record<string, string> = {};
      for (const name of endpoint.query ?? []) {
        if (fields[name] !== undefined) searchParams[name] = String(fields[name]);
        delete fields[name];
      }
      for (const name of endpoint.numbers ?? []) {
        if (typeof fields[name] === 'string') fields[name] = jsonNumber(fields[name]);
      }
      const body = endpoint.shopId ? { shop_id: settings.shopId, ...fields } : fields;
      return {
        body: endpoint.body === false ? undefined : { json: body },
        searchParams: Object.keys(searchParams).length > 0 ? searchParams : undefined,
        // The only auth: no request signing. The transport redacts the header's value.
        headers: { authorization: `Token ${key}` },
      };
    },
  });
}
