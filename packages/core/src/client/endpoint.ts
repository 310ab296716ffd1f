import type * as v from 'valibot';
import type {
  RequestBody,
  RequestOptions,
  Transport,
  TransportRequest,
} from '../http/transport.ts';
import { parseInput } from '../validation.ts';

/**
 * One documented API method, declared once: what the caller may pass, what comes back and
 * whether it is safe to send twice. Every method of every `@pay/*` client is one of these; the
 * provider adds only its own extras (`TExtra`, e.g. the fields a call signs).
 */
export interface EndpointDefinition<
  TParams extends v.GenericSchema = v.GenericSchema,
  TResult extends v.GenericSchema = v.GenericSchema,
> {
  /** The operation in the provider's words, as errors name it: `invoice/create`, `invoice.create`. */
  operation: string;
  /** The documented path, appended to the client's `baseUrl`: `v3/invoice/create/`. */
  path: string;
  /** Strict schema of the caller's parameters: bad input fails before anything is sent. */
  params: TParams;
  /** Lenient schema of the provider's answer (inside its envelope): unknown fields pass. */
  result: TResult;
  /**
   * A read that is safe to send again: retried on 429, 5xx and network failures up to
   * `maxRetries`. `false` for anything that creates, changes or moves something: sent once.
   */
  idempotent: boolean;
  /**
   * Picks the method's answer from the result, for a method served by a broader call (Bitsby's
   * `invoices.get` is `invoices/list` filtered by id). Default: the result as it is.
   */
  select?: ((result: v.InferOutput<TResult>, input: v.InferOutput<TParams>) => unknown) | undefined;
}

/** The request a provider builds from an endpoint and its validated parameters. */
export interface ProviderRequest {
  /** Default: the endpoint's `path`. */
  path?: string | undefined;
  /** Default: `POST`. */
  method?: 'GET' | 'POST' | undefined;
  body?: RequestBody | undefined;
  searchParams?: Record<string, string> | undefined;
  headers?: Record<string, string> | undefined;
  /** Values derived from a secret (signatures): redacted from errors. Default: none. */
  secrets?: readonly string[] | undefined;
}

/**
 * What a provider package supplies to turn endpoint definitions into client methods: only what is
 * its own — how a body is encoded and signed, and which envelope a success answers with.
 */
export interface ProviderProtocol<TExtra extends object> {
  /** The provider's name in errors: `CrystalPay`. */
  provider: string;
  /** The client's transport (see `createClientSetup`). */
  transport: Transport;
  /** Encodes (and signs) the validated parameters of one call. Called after validation. */
  buildRequest(
    endpoint: EndpointDefinition & TExtra,
    input: unknown,
  ): ProviderRequest | Promise<ProviderRequest>;
  /**
   * Wraps a result schema in the provider's success envelope, so the method resolves to what is
   * inside (`{ "result": … }` → `…`). Default: the answer is the result.
   */
  envelope?(result: v.GenericSchema): v.GenericSchema;
}

/** A client method: the parameters may be left out when its schema accepts `undefined`. */
export type EndpointMethod<TParams extends v.GenericSchema, TOutput> =
  undefined extends v.InferInput<TParams>
    ? (params?: v.InferInput<TParams>, options?: RequestOptions) => Promise<TOutput>
    : (params: v.InferInput<TParams>, options?: RequestOptions) => Promise<TOutput>;

/** Declares one method of a provider's client; see {@link createEndpointFactory}. */
export type DefineEndpoint<TExtra extends object> = <
  TParams extends v.GenericSchema,
  TResult extends v.GenericSchema,
  TOutput = v.InferOutput<TResult>,
>(
  definition: EndpointDefinition<TParams, TResult> &
    TExtra & {
      select?:
        | ((result: v.InferOutput<TResult>, input: v.InferOutput<TParams>) => TOutput)
        | undefined;
    },
) => EndpointMethod<TParams, TOutput>;

/**
 * Returns the one function a provider declares its methods with. Each method validates its
 * parameters (a `PayValidationError`, nothing sent), lets the provider build the request, sends
 * it through the transport (retrying only idempotent calls) and resolves to the result inside the
 * provider's envelope. Errors are always `@pay/core` errors, rejected, never thrown synchronously.
 */
export function createEndpointFactory<TExtra extends object = Record<never, never>>(
  protocol: ProviderProtocol<TExtra>,
): DefineEndpoint<TExtra> {
  return (definition) => {
    const context = { provider: protocol.provider, operation: definition.operation };
    const schema = protocol.envelope ? protocol.envelope(definition.result) : definition.result;
    const method = async (params: unknown, options?: RequestOptions) => {
      const input = parseInput(definition.params, params, context);
      const built = await protocol.buildRequest(definition, input);
      const request: TransportRequest<v.GenericSchema> = {
        operation: definition.operation,
        ...built,
        path: built.path ?? definition.path,
        schema,
        idempotent: definition.idempotent,
        signal: options?.signal,
      };
      const result = await protocol.transport.request(request);
      return definition.select ? definition.select(result, input) : result;
    };
    return method as never;
  };
}
