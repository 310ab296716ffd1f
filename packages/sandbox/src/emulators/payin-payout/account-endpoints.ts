import { findUser, type Users } from './contacts.ts';
import { Refusal } from './envelope.ts';
import type { Endpoint } from './types.ts';
import { optional, required } from './validation.ts';

/** Where the sandbox's registered user ids start (A5): clear of the docs' example ids. */
const FIRST_USER_ID = 500_000;
/** Where the sandbox's shop ids start (A3), like the docs' `2507`. */
const FIRST_SHOP_ID = 2500;

/** Shops (A3) and users (A5, A11) of the developer-key API. */
export function accountEndpoints(users: Users): Record<string, Endpoint> {
  let shops = 0;
  return {
    // A3: a shop of the API user; its id is the result.
    'shop/api-create': (form) => {
      required(form, 'title');
      required(form, 'address');
      shops += 1;
      return FIRST_SHOP_ID + shops;
    },

    // A5: registers a user; an e-mail, phone or username registered before is refused.
    'user/api-create': (form, request) => {
      flag(form, 'ul');
      const email = required(form, 'email');
      const phone = required(form, 'phone');
      const username = required(form, 'username');
      required(form, 'password');
      flag(form, 'resident');
      // [sandbox guess] The formats Payin-payout checks are not documented.
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new Refusal('email is invalid');
      if (!/^\+?\d{10,15}$/.test(phone)) throw new Refusal('phone is invalid');
      const taken = [...users.values()].some(
        (user) => user.email === email || user.phone === phone || user.username === username,
      );
      if (taken || findUser(users, email, undefined)) throw new Refusal('EXIST_IN_SYSTEM'); // [doc]
      const id = String(FIRST_USER_ID + users.size + 1);
      users.set(id, { id, email, phone, username });
      // [sandbox guess] The links point into the sandbox, which does not serve them.
      return {
        id: Number(id),
        tips_url: `${request.base}/tips/${id}`,
        card_url: `${request.base}/card/${id}`,
        invite_url: `${request.base}/invite/${id}`,
      };
    },

    // A11: a user by e-mail and/or phone; `[]` when none matches [doc].
    'user/get_user_info_via_dev_key': (form) => {
      const email = optional(form, 'email');
      const phone = optional(form, 'phone');
      if (email === undefined && phone === undefined) {
        throw new Refusal('email or phone cannot be blank');
      }
      const user = findUser(users, email, phone);
      return user ? { inner_id: Number(user.id), email: user.email, phone: user.phone } : [];
    },
  };
}

/** A `0`/`1` field. */
function flag(form: Map<string, string>, name: string): string {
  const value = required(form, name);
  if (value !== '0' && value !== '1') throw new Refusal(`${name} is invalid`);
  return value;
}
