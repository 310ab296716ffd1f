import { inspect } from 'node:util';
import {
  PayApiError,
  PayConfigError,
  type PayError,
  PayNetworkError,
  PayResponseError,
  PaySignatureError,
  PayValidationError,
} from '@pay/core';
import { expect } from 'vitest';
import type { Fixture } from './fixture-schema.ts';

/** How a call ended. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs a call and captures how it ended, never throwing. */
export async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

type ErrorClassName = Extract<Fixture['expect'], { error: unknown }>['error']['class'];

const errorClasses: Record<ErrorClassName, { isInstance(value: unknown): boolean }> = {
  PayConfigError,
  PayValidationError,
  PayApiError,
  PayNetworkError,
  PayResponseError,
  PaySignatureError,
};

/** Asserts the error is a `@pay/core` error of the named class (checked with `isInstance`). */
export function expectErrorClass(outcome: Outcome, className: ErrorClassName): PayError {
  expect(outcome.ok, `expected ${className}, but the call resolved`).toBe(false);
  const error = (outcome as { error: unknown }).error;
  const errorClass = errorClasses[className];
  expect(
    errorClass.isInstance(error),
    `expected ${className}, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  ).toBe(true);
  return error as PayError;
}

/** Asserts the outcome is what the fixture expects. */
export function expectOutcome(outcome: Outcome, expected: Fixture['expect']): void {
  if ('result' in expected) {
    if (!outcome.ok) throw outcome.error;
    expect(outcome.value).toEqual(expected.result);
    return;
  }
  const { class: className, messageIncludes, ...fields } = expected.error;
  const error = expectErrorClass(outcome, className);
  if (messageIncludes !== undefined) expect(error.message).toContain(messageIncludes);
  expect(error).toMatchObject(fields);
}

/** Asserts that no secret value appears in any view of an error. */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  const views = [
    error instanceof Error ? error.message : '',
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 8, showHidden: true }),
  ];
  for (const secret of secrets) {
    for (const view of views) expect(view, 'a secret leaked into an error').not.toContain(secret);
  }
}

/** The secret values of a package's test settings, by the manifest's list of secret settings. */
export function secretValues(
  testSettings: Record<string, unknown>,
  names: readonly string[],
): string[] {
  return names
    .map((name) => testSettings[name])
    .filter((value): value is string => typeof value === 'string');
}
