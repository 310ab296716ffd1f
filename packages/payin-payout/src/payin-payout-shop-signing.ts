import { digestHex } from '@pay/core';

/**
 * The shop API's `sign`: `MD5(v1#v2#…#MD5(secret))`, both digests lowercase hex. `values` are
 * the exact texts sent (or received): `166.70` and `166.7` sign differently, as do `+7…` and
 * `7…`, so nothing is re-rendered between signing and sending.
 */
export function shopSign(values: readonly string[], secret: string): string {
  return digestHex('md5', [...values, digestHex('md5', secret)].join('#'));
}

/** The shop API's time format, `HH:mm:SS dd.MM.yyyy` (`agentTime`, `limitTime`, `paymentDate`). */
export const AGENT_TIME_PATTERN = /^\d{2}:\d{2}:\d{2} \d{2}\.\d{2}\.\d{4}$/;

/**
 * Formats an instant as `HH:mm:SS dd.MM.yyyy` in `timeZone` (an IANA name), e.g.
 * `13:12:03 10.01.2010`. The docs do not name the zone the shop API expects; Moscow time is the
 * SDK's default (see the README's "Unconfirmed").
 */
export function formatAgentTime(instant: number | Date, timeZone = 'Europe/Moscow'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((item) => item.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')}:${part('second')} ${part('day')}.${part('month')}.${part('year')}`;
}
