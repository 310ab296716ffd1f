import type { PeerAdapter } from '../adapter.ts';
import { cryptocloudApi } from './cryptocloud-api.ts';

/**
 * Other npm clients measured side by side with a `@pay/*` package (`comparesWith`). While that
 * package is not registered in ../providers/index.ts, the report shows the peer's own figures and
 * marks our side as pending.
 */
export const peers: readonly PeerAdapter[] = [cryptocloudApi];
