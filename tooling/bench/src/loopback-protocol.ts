/** One answer the loopback server gives: `method path` → a fixed response. */
export interface LoopbackRoute {
  method: string;
  /** Absolute path on the server, query string included: `/crystalpay/v3/invoice/create/`. */
  path: string;
  status: number;
  contentType: string;
  body: string;
}

/** A request as it arrived on the wire, for the SDK-vs-raw identity check. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Parent → server messages. */
export type ToServer =
  | { type: 'start'; routes: LoopbackRoute[] }
  | { type: 'take-recorded' }
  | { type: 'cpu-usage' };

/** Server → parent messages. */
export type FromServer =
  | { type: 'listening'; port: number }
  | { type: 'recorded'; requests: RecordedRequest[] }
  | { type: 'cpu-usage'; micros: number };
