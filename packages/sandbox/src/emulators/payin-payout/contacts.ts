import type { Form } from './types.ts';
import { optional } from './validation.ts';

/** Whether every contact criterion given (`email`, `phone`) names `owner`. */
export function isOwnerContact(form: Form, owner: string): boolean {
  const email = optional(form, 'email');
  const phone = optional(form, 'phone');
  return (
    (email === undefined || email === contactsOf(owner).email) &&
    (phone === undefined || phone === contactsOf(owner).phone)
  );
}

/**
 * [sandbox guess] Every user id is a sandbox user, with a made-up e-mail and phone, so that the
 * lookups by contact (A7–A9) have something to find: user 6034 is `user6034@payin-payout.sandbox`
 * and `79000006034`.
 */
export function contactsOf(userId: string): { email: string; phone: string } {
  return { email: `user${userId}@payin-payout.sandbox`, phone: `7900${userId.padStart(7, '0')}` };
}
