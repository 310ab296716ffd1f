import type { Context } from 'hono';

/** Form fields as received: text only, and an empty field counts as absent. */
export type Form = Record<string, string | undefined>;

/**
 * The text fields of a form body. [sandbox guess] Other bodies (JSON, none, unreadable) carry no
 * fields: Bitsby documents only form fields.
 */
export async function formOf(c: Context): Promise<Form> {
  try {
    const body = await c.req.parseBody();
    return Object.fromEntries(
      Object.entries(body).filter(([, value]) => typeof value === 'string' && value !== ''),
    ) as Form;
  } catch {
    return {};
  }
}

/** Items on the requested page, with Bitsby's defaults (offset 0, limit 10). */
export function page<T>(items: T[], form: Form): T[] {
  const offset = Number(form.offset ?? 0);
  return items.slice(offset, offset + Number(form.limit ?? 10));
}

/** Whether a `YYYY-MM-DD …` datetime falls within the `startDate`/`endDate` filter. */
export function inPeriod(at: string | null, form: Form): boolean {
  const day = at?.slice(0, 10) ?? '';
  return (!form.startDate || day >= form.startDate) && (!form.endDate || day <= form.endDate);
}
