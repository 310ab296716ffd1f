import type { Context } from 'hono';

/** Form fields as received: text only, and an empty field counts as absent. */
export type Form = Record<string, string | undefined>;

/**
 * The fields of a request body: a form (multipart, as Bitsby's docs send, or urlencoded), or
 * [sandbox guess: Bitsby documents only forms; the tolerant reading] a JSON object, whose `null`
 * values count as absent and whose numbers are read as the text the client sent (`10.50` stays
 * `10.50`). Any other body (none, unreadable) carries no fields.
 */
export async function formOf(c: Context): Promise<Form> {
  try {
    if (/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
      return jsonFields(await c.req.text());
    }
    const body = await c.req.parseBody();
    return Object.fromEntries(
      Object.entries(body).filter(([, value]) => typeof value === 'string' && value !== ''),
    ) as Form;
  } catch {
    return {};
  }
}

/** A JSON object's members as fields: strings as they are, anything else as its raw JSON text. */
function jsonFields(text: string): Form {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const raw = topLevelValues(text);
  const form: Form = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (value === null || value === '') continue;
    form[name] = typeof value === 'string' ? value : raw.get(name);
  }
  return form;
}

/** The source text of each member of a valid JSON object's top level (the last of a repeated name). */
function topLevelValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  let at = text.indexOf('{') + 1;
  const skipSpace = () => {
    while (/\s/.test(text[at] ?? '')) at += 1;
  };
  const readString = () => {
    const start = at;
    at += 1;
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at += 1;
    return text.slice(start, at);
  };
  const readValue = () => {
    const start = at;
    let depth = 0;
    while (at < text.length) {
      const char = text[at];
      if (char === '"') {
        readString();
        continue;
      }
      if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') {
        if (depth === 0) break;
        depth -= 1;
      } else if (char === ',' && depth === 0) break;
      at += 1;
    }
    return text.slice(start, at).trim();
  };
  for (;;) {
    skipSpace();
    if (text[at] !== '"') return values;
    const name = JSON.parse(readString()) as string;
    skipSpace();
    at += 1; // the colon
    skipSpace();
    values.set(name, readValue());
    skipSpace();
    if (text[at] !== ',') return values;
    at += 1;
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
