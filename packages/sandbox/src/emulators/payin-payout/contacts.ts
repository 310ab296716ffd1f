import type { Form } from './types.ts';
import { optional } from './validation.ts';

/** A user registered through `user/api-create` (A5). */
interface RegisteredUser {
  id: string;
  email: string;
  phone: string;
  username: string;
}

/** The users one sandbox registered (A5), by id. */
export type Users = Map<string, RegisteredUser>;

/** Whether every contact criterion given (`email`, `phone`) names `owner`. */
export function isOwnerContact(form: Form, owner: string, users?: Users): boolean {
  const email = optional(form, 'email');
  const phone = optional(form, 'phone');
  const contacts = contactsOf(owner, users);
  return (
    (email === undefined || email === contacts.email) &&
    (phone === undefined || phone === contacts.phone)
  );
}

/**
 * A user's e-mail and phone: those it registered with (A5), else [sandbox guess] made-up ones,
 * since every user id is a sandbox user, so that the lookups by contact (A7–A9, A11) have
 * something to find: user 6034 is `user6034@payin-payout.sandbox` and `79000006034`.
 */
export function contactsOf(userId: string, users?: Users): { email: string; phone: string } {
  const registered = users?.get(userId);
  if (registered) return { email: registered.email, phone: registered.phone };
  return { email: `user${userId}@payin-payout.sandbox`, phone: `7900${userId.padStart(7, '0')}` };
}

/** The user with every contact given (`email`, `phone`): a registered one first, else a made-up one. */
export function findUser(
  users: Users,
  email: string | undefined,
  phone: string | undefined,
): { id: string; email: string; phone: string } | undefined {
  const matches = (contacts: { email: string; phone: string }) =>
    (email === undefined || contacts.email === email) &&
    (phone === undefined || contacts.phone === phone);
  for (const user of users.values()) if (matches(user)) return user;
  const fromEmail = email && /^user(\d{1,15})@payin-payout\.sandbox$/.exec(email)?.[1];
  const fromPhone = phone && /^7900(\d{7})$/.exec(phone)?.[1];
  const id = String(Number(fromEmail || fromPhone || '0'));
  if (id === '0' || users.has(id)) return undefined;
  const made = contactsOf(id);
  return matches(made) ? { id, ...made } : undefined;
}
