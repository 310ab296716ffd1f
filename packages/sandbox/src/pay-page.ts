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

/** How the pay page is rendered, besides the invoice itself. */
export interface PayPageOptions {
  /** A message about the last request (a refused action), shown as given. */
  notice?: string | undefined;
  /** The action just done (`?done=`), so the page can say so; what it did is read from the invoice. */
  done?: InvoiceAction | undefined;
  /** Where callbacks go: the invoice's own URL, else the provider's project-level one. */
  callbackUrl?: string | undefined;
  /** Whether the provider posts to a project-level webhook URL rather than one per invoice. */
  projectWebhook?: boolean;
  /** Whether a callback is still on its way: the page then reloads itself every second. */
  delivering?: boolean;
}

/** What became of the invoice's callbacks, read from its attempts (never from the URL). */
function callbackStory(invoice: SandboxInvoice, delivering: boolean): string {
  const last = invoice.callbacks.at(-1);
  const count = invoice.callbacks.length;
  if (!last)
    return delivering ? 'A callback is on its way: no answer yet.' : 'No callback sent yet.';
  const answer =
    last.status === undefined ? `no answer (${last.error ?? 'error'})` : `HTTP ${last.status}`;
  const line = `Last callback: ${answer}, ${last.acknowledged ? 'acknowledged' : 'not acknowledged'} — ${count} attempt(s)`;
  if (last.acknowledged) return `${line}.`;
  return delivering
    ? `${line}; retrying.`
    : `${line}; no more retries: the sandbox has given up on it.`;
}

/**
 * The hosted pay page of an invoice: what it is, its state, the buttons the provider's flow
 * offers (Pay, Pay partially, Fail, Expire), and the whole story of its last callback (what was
 * sent, what the receiver answered, whether it is retried), all read from the invoice. It is
 * served at `/_sandbox/pay/<provider>/<id>`; its forms post to `<id>/<action>` beside it.
 */
export function renderPayPage(
  invoice: SandboxInvoice,
  emulator: AnyEmulator,
  options: PayPageOptions = {},
): string {
  const { notice, done, callbackUrl, projectWebhook = false, delivering = false } = options;
  const rows: Array<[string, string]> = [
    ['Invoice', invoice.id],
    ['Amount', `${invoice.amount} ${invoice.currency}`],
    ['Paid', `${invoice.paidAmount} ${invoice.currency}`],
    ['Status', `${emulator.statusOf(invoice)} (${invoice.state})`],
    ['Callback URL', callbackUrl ?? '— none —'],
  ];
  const last = invoice.callbacks.at(-1);
  const sentSomething = delivering || last !== undefined;
  const doneLine = done
    ? `${ACTION_LABELS[done]} done: ${sentSomething ? 'callback sent in the background; its delivery shows below' : 'no callback sent (the provider sends none for this change, or no callback URL is set)'}.`
    : undefined;
  const shownNotice = notice ?? doneLine;
  const webhookHelp =
    projectWebhook && callbackUrl === undefined
      ? `<div class="help" data-testid="webhook-help"><p>${escapeHtml(emulator.name)} posts its callbacks to the project's webhook URL, and none is set: nothing is sent. Set one with any of:</p>
<ul>
<li><code>${escapeHtml(`pay-sandbox --webhook-url ${emulator.id}=http://127.0.0.1:3000/callbacks`)}</code></li>
<li><code>${escapeHtml(`PUT /_sandbox/webhook-urls/${emulator.id}`)}</code> with <code>{"url": "http://127.0.0.1:3000/callbacks"}</code></li>
<li><code>${escapeHtml(`sandbox.setWebhookUrl('${emulator.id}', url)`)}</code> (or <code>startSandbox({ webhookUrls })</code>)</li>
</ul></div>\n`
      : '';
  const lastCallback = last
    ? `<h2>Last callback</h2>
<p data-testid="callback-request-line">Sent: ${escapeHtml(`${last.method ?? 'POST'} ${last.url}`)}</p>
<pre data-testid="callback-request">${escapeHtml(
        [
          ...Object.entries(last.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
          '',
          last.body ?? '',
        ].join('\n'),
      )}</pre>
<p data-testid="callback-answer-line">Answer: ${escapeHtml(last.status === undefined ? `none (${last.error ?? 'error'})` : `HTTP ${last.status}, ${last.acknowledged ? 'acknowledged' : 'not acknowledged'}`)}</p>
${last.status === undefined ? '' : `<pre data-testid="callback-response">${escapeHtml(last.responseBody || '(empty body)')}</pre>\n`}`
    : '';
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
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; } .badge { background: #fde68a; border-radius: 4px; padding: 0 .4rem; font-size: .8rem; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; } td { border-bottom: 1px solid #e5e7eb; padding: .4rem; }
  td:first-child { color: #6b7280; width: 9rem; } form { display: inline-block; margin-right: .5rem; }
  button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 1px solid #9ca3af; cursor: pointer; }
  button[data-testid="pay"] { background: #16a34a; color: white; border-color: #15803d; }
  pre { background: #f3f4f6; padding: .5rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; font-size: .85rem; }
  .notice { background: #eff6ff; border-left: 4px solid #3b82f6; padding: .5rem 1rem; }
  .help { background: #fff7ed; border-left: 4px solid #f97316; padding: .5rem 1rem; }
</style>
</head>
<body>
<h1>${escapeHtml(emulator.name)} <span class="badge">sandbox</span></h1>
${shownNotice ? `<p class="notice" data-testid="notice">${escapeHtml(shownNotice)}</p>` : ''}
<table>
${rows.map(([name, value]) => `<tr><td>${escapeHtml(name)}</td><td data-testid="${escapeHtml(name.toLowerCase().replace(/ /g, '-'))}">${escapeHtml(value)}</td></tr>`).join('\n')}
</table>
${webhookHelp}<p data-testid="callback">${escapeHtml(callbackStory(invoice, delivering))}</p>
${deliveringLine}${buttons}
${lastCallback}<p><small>Nothing here is real money. @pay/sandbox emulates the provider for tests and demos.</small></p>
</body>
</html>`;
}
