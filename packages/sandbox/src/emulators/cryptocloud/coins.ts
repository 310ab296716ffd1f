// The crypto codes CryptoCloud lists for payments and withdrawals (SPEC §3.1), and what a
// withdrawal address must look like on each network. The list grows over time; the families
// the docs give as `DAI_*`, `PYUSD_*`, … take any network code.

const LISTED = new Set(
  (
    'BTC LTC TRX SOL TON BNB ETH ETH_ARB ETH_BASE ETH_OPT USDT_ARB USDT_BSC USDT_ERC20 USDT_OPT ' +
    'USDT_SOL USDT_TON USDT_TRC20 USDC_ARB USDC_BASE USDC_BSC USDC_ERC20 USDC_OPT USDC_SOL ' +
    'USDD_TRC20 ARB_ARB OP_OPT TRUMP_SOL'
  ).split(' '),
);
const FAMILIES = /^(DAI|PYUSD|XAUT|TUSD|SHIB|PEPE)_[A-Z0-9]+$/;

/** Whether `code` is one of CryptoCloud's crypto codes (`USDT_TRC20`, `BTC`, `DAI_ERC20`, …). */
export function isCoin(code: unknown): code is string {
  return typeof code === 'string' && (LISTED.has(code) || FAMILIES.test(code));
}

/** The network a coin moves on: the part after `_`, else the coin itself (`BTC`). */
const networkOf = (code: string) => code.split('_')[1] ?? code;

const BASE58 = '[1-9A-HJ-NP-Za-km-z]';
const EVM = /^0x[0-9a-fA-F]+$/;
/**
 * [sandbox guess] The address shapes checked per network, loose on purpose: the prefix and
 * alphabet only, never a length or checksum (the docs' own ETH example has 47 hex digits).
 * Networks not listed take any address without spaces.
 */
const ADDRESS: Record<string, RegExp> = {
  BTC: new RegExp(`^(bc1[02-9ac-hj-np-z]{6,}|[13]${BASE58}{20,})$`, 'i'),
  LTC: new RegExp(`^(ltc1[02-9ac-hj-np-z]{6,}|[LM3]${BASE58}{20,})$`, 'i'),
  TRX: new RegExp(`^T${BASE58}{20,}$`),
  TRC20: new RegExp(`^T${BASE58}{20,}$`),
  SOL: new RegExp(`^${BASE58}{20,}$`),
  ETH: EVM,
  ERC20: EVM,
  BSC: EVM,
  BNB: EVM,
  ARB: EVM,
  BASE: EVM,
  OPT: EVM,
};

/** Whether `address` fits the network of `coin`. */
export function fitsNetwork(coin: string, address: string): boolean {
  return (ADDRESS[networkOf(coin)] ?? /^\S+$/).test(address);
}
