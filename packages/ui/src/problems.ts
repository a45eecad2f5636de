import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client.ts';

/** `body.mobile` → `['mobile']`, `body.address.city` → `['address', 'city']`, `query.limit` → `['limit']`. */
export function formFieldPath(serverField: string): (string | number)[] {
  const parts = serverField.split('.').filter((part) => part !== '');
  const withoutSource = ['body', 'query', 'params', 'querystring'].includes(parts[0] ?? '')
    ? parts.slice(1)
    : parts;
  return withoutSource.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function hasPath(values: unknown, path: (string | number)[]): boolean {
  let node: unknown = values;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !(key in node)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

/**
 * Puts the server's field errors onto the antd Form fields of the same name.
 * @returns whether at least one error landed on a field of this form.
 */
export function applyProblemToForm(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || !error.problem.errors?.length) return false;
  const registered: unknown = form.getFieldsValue();
  const fields = error.problem.errors
    .map((e) => ({ name: formFieldPath(e.field), errors: [e.message] }))
    .filter((f) => f.name.length > 0 && hasPath(registered, f.name));
  form.setFields(fields);
  return fields.length > 0;
}

/** The text to show a person for an error: our translation of its code, else the server's own words. */
export function problemText(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const serverWords = error.problem.detail ?? error.problem.title;
    return t(`problems.${error.code}`, { defaultValue: serverWords });
  }
  return error instanceof Error ? error.message : String(error);
}

/** The server's own detail when it says more than the translated title (e.g. which field, which limit). */
export function problemDetail(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  const { detail, title } = error.problem;
  return detail && detail !== title ? detail : undefined;
}

/**
 * Returns a function that shows an error: field errors onto the form, everything else as a message.
 * @example const showProblem = useShowProblem(); mutation.mutate(v, { onError: (e) => showProblem(e, form) });
 */
export function useShowProblem(): (error: unknown, form?: FormInstance) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      const isOnFields = form ? applyProblemToForm(form, error) : false;
      if (isOnFields && isApiError(error) && error.status === 400) return;
      message.error(problemText(t, error));
    },
    [t, message],
  );
}
