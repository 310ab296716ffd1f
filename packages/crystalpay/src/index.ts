export {
  CRYSTALPAY_BASE_URL,
  type CrystalPayClient,
  type CrystalPaySettings,
  createCrystalPay,
} from './crystalpay-client.ts';
export { readCrystalPayError } from './crystalpay-errors.ts';
export type { InvoiceCreateParams, InvoiceCreateResult } from './crystalpay-schemas.ts';
export { VERSION } from './version.ts';
