import { isApiError } from '@onefin/ui';
import { Col, Form, type FormInstance, Input, Row, Select } from 'antd';
import type { TFunction } from 'i18next';
import { Children, isValidElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleZhCN } from '../messages/zh-CN.ts';

/** The code lists the API validates (modules/customers/reference.ts); labels from the messages. */
const CODES = {
  provinces: Object.keys(consoleZhCN.reference.provinces),
  occupations: Object.keys(consoleZhCN.reference.occupations),
  incomeBands: Object.keys(consoleZhCN.reference.incomeBands),
  industries: Object.keys(consoleZhCN.reference.industries),
  sizes: Object.keys(consoleZhCN.reference.sizes),
} as const;

/** 18 characters, the last a digit or X: the form's own check; the check digit is the API's. */
export const ID_NUMBER_FORMAT = /^\d{17}[\dXx]$/;
export const MOBILE_FORMAT = /^1[3-9]\d{9}$/;
export const USCC_FORMAT = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

export function CodeSelect(props: {
  id?: string;
  list: keyof typeof CODES;
  value?: string | null;
  onChange?: (value: string | null) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select<string>
      id={props.id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('customers.form.select')}
      value={props.value ?? undefined}
      onChange={(value) => props.onChange?.(value ?? null)}
      options={CODES[props.list].map((code) => ({
        value: code,
        label: t(`reference.${props.list}.${code}`),
      }))}
      data-testid={props.testId}
    />
  );
}

/** Two fields a row on wide screens, one on narrow. */
export function FieldRow(props: { children: ReactNode }) {
  return (
    <Row gutter={16}>
      {Children.toArray(props.children).map((child) => (
        // toArray keys every child, so the fields keep their state as the layout changes
        <Col key={isValidElement(child) ? child.key : String(child)} xs={24} md={12}>
          {child}
        </Col>
      ))}
    </Row>
  );
}

/** Province (code list), city and street address: the same on every kind of customer. */
export function AddressFields() {
  const { t } = useTranslation();
  return (
    <>
      <FieldRow>
        <Form.Item name="provinceCode" label={t('customers.profile.province')}>
          <CodeSelect list="provinces" testId="customer-province" />
        </Form.Item>
        <Form.Item name="city" label={t('customers.profile.city')} rules={[{ max: 40 }]}>
          <Input maxLength={40} data-testid="customer-city" />
        </Form.Item>
      </FieldRow>
      <Form.Item name="address" label={t('customers.profile.address')} rules={[{ max: 200 }]}>
        <Input maxLength={200} data-testid="customer-address" />
      </Form.Item>
    </>
  );
}

/** What the API refuses about identity numbers, said in the staff member's language. */
const FIELD_PROBLEMS: Record<string, { field: string; key: string }> = {
  invalid_id_number: { field: 'idNumber', key: 'problems.invalid_id_number' },
  id_number_taken: { field: 'idNumber', key: 'problems.id_number_taken' },
  invalid_uscc: { field: 'uscc', key: 'problems.invalid_uscc' },
  uscc_taken: { field: 'uscc', key: 'problems.uscc_taken' },
};

/**
 * Puts the API's answer onto the form: a refused ID number or USCC (the check digit is the server's to
 * judge) in our words, the other field errors in the server's words.
 * @returns whether the problem landed on a field.
 */
export function applyCustomerProblem(form: FormInstance, error: unknown, t: TFunction): boolean {
  if (!isApiError(error)) return false;
  const known = FIELD_PROBLEMS[error.code];
  if (known) {
    form.setFields([{ name: known.field, errors: [t(known.key)] }]);
    return true;
  }
  const errors = error.problem.errors ?? [];
  const registered = form.getFieldsValue(true) as Record<string, unknown>;
  const fields = errors
    .map((e) => ({ name: e.field.replace(/^body\./, ''), message: e.message }))
    .filter((e) => e.name in registered)
    .map((e) => ({
      name: e.name,
      // The format is checked here first, so a well-formed number the API refuses has a wrong check digit.
      errors: [
        e.name === 'idNumber'
          ? t('problems.invalid_id_number')
          : e.name === 'uscc'
            ? t('problems.invalid_uscc')
            : e.message,
      ],
    }));
  form.setFields(fields);
  return fields.length > 0;
}
