import { type AnyEmulator, actionsOf } from './emulator.ts';
import type { SandboxInvoice } from './invoice-store.ts';
import { INVOICE_ACTIONS, type InvoiceAction, isFinal, nextState } from './lifecycle.ts';

const ACTION_LABELS: Record<InvoiceAction, string> = {
  pay: 'Pay',
  'pay-partial': 'Pay partially',
  fail: 'Fail',
  expire: 'Expire',
  cancel: 'Cancel',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The hosted pay page of an invoice: what it is, its state, the buttons the provider's flow
 * offers (Pay, Pay partially, Fail, Expire), and what happened to the last callback. It is
 * served at `/_sandbox/pay/<provider>/<id>`; its forms post to `<id>/<action>` beside it.
 */
export function renderPayPage(
  invoice: SandboxInvoice,
  emulator: AnyEmulator,
  notice: string | undefined,
  /** Where callbacks go: the invoice's own URL, else the provider's project-level one. */
  callbackUrl: string | undefined,
  /** Whether a callback is still on its way: the page then reloads itself every second. */
  delivering = false,
): string {
  const rows: Array<[string, string]> = [
    ['Invoice', invoice.id],
    ['Amount', `${invoice.amount} ${invoice.currency}`],
    ['Paid', `${invoice.paidAmount} ${invoice.currency}`],
    ['Status', `${emulator.statusOf(invoice)} (${invoice.state})`],
    ['Callback URL', callbackUrl ?? '— none —'],
  ];
  const last = invoice.callbacks.at(-1);
  const callbackLine = last
    ? `Last callback: ${last.status === undefined ? `no answer (${last.error ?? 'error'})` : `HTTP ${last.status}`}, ${last.acknowledged ? 'acknowledged' : 'not acknowledged'} — ${invoice.callbacks.length} attempt(s)`
    : 'No callback sent yet.';
  const deliveringLine = delivering
    ? '<p data-testid="delivering">A callback is on its way; this page reloads until it ends.</p>\n'
    : '';
  const buttons = isFinal(invoice.state)
    ? '<p data-testid="final">This invoice is final.</p>'
    : INVOICE_ACTIONS.filter(
        (action) =>
          actionsOf(emulator, invoice).includes(action) && nextState(invoice.state, action).ok,
      )
        .map(
          (action) =>
            `<form method="post" action="${escapeHtml(`${encodeURIComponent(invoice.id)}/${action}`)}"><button type="submit" data-testid="${action}">${ACTION_LABELS[action]}</button></form>`,
        )
        .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${delivering ? '<meta http-equiv="refresh" content="1">\n' : ''}<title>${escapeHtml(emulator.name)} sandbox — invoice ${escapeHtml(invoice.id)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1b1f24; }
  h1 { font-size: 1.4rem; } .badge { background: #fde68a; border-radius: 4px; padding: 0 .4rem; font-size: .8rem; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; } td { border-bottom: 1px solid #e5e7eb; padding: .4rem; }
  td:first-child { color: #6b7280; width: 9rem; } form { display: inline-block; margin-right: .5rem; }
  button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 1px solid #9ca3af; cursor: pointer; }
  button[data-testid="pay"] { background: #16a34a; color: white; border-color: #15803d; }
  .notice { background: #eff6ff; border-left: 4px solid #3b82f6; padding: .5rem 1rem; }
</style>
</head>
<body>
<h1>${escapeHtml(emulator.name)} <span class="badge">sandbox</span></h1>
${notice ? `<p class="notice" data-testid="notice">${escapeHtml(notice)}</p>` : ''}
<table>
${rows.map(([name, value]) => `<tr><td>${escapeHtml(name)}</td><td data-testid="${escapeHtml(name.toLowerCase().replace(/ /g, '-'))}">${escapeHtml(value)}</td></tr>`).join('\n')}
</table>
<p data-testid="callback">${escapeHtml(callbackLine)}</p>
${deliveringLine}${buttons}
<p><small>Nothing here is real money. @pay/sandbox emulates the provider for tests and demos.</small></p>
</body>
</html>`;
}
