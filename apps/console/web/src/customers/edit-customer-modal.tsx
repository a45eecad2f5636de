import { isApiError, testId } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';
import { type Customer, changeCustomerStatus, customerKeys, updateCustomer } from './api.ts';
import {
  AddressFields,
  CodeSelect,
  FieldRow,
  ID_NUMBER_FORMAT,
  MOBILE_FORMAT,
  USCC_FORMAT,
} from './customer-fields.tsx';
import { useShowCustomerProblem } from './use-customer-problem.ts';

type Values = Record<string, string | null | undefined>;

/** The record as the form starts: codes for the code lists, blanks for the masked numbers. */
function initialValues(c: Customer): Values {
  const i = c.individual;
  const k = c.corporate;
  const where = i ?? k;
  const common = {
    name: c.name,
    provinceCode: where?.province?.code ?? null,
    city: where?.city ?? null,
    address: where?.address ?? null,
  };
  if (i) {
    return {
      ...common,
      idNumber: '',
      mobile: '',
      email: i.email,
      occupation: i.occupation?.code ?? null,
      incomeBand: i.incomeBand?.code ?? null,
    };
  }
  return {
    ...common,
    uscc: k?.uscc ?? '',
    industry: k?.industry?.code ?? null,
    size: k?.size?.code ?? null,
    legalRepresentative: k?.legalRepresentative ?? '',
  };
}

/** Only what changed: a cleared optional field becomes null; a masked number only when retyped. */
function patchOf(before: Values, after: Values): Values {
  const patch: Values = {};
  for (const [field, raw] of Object.entries(after)) {
    const value = typeof raw === 'string' ? raw.trim() : (raw ?? null);
    if (field === 'idNumber' || field === 'mobile') {
      if (value) patch[field] = field === 'idNumber' ? value.toUpperCase() : value;
      continue;
    }
    const normalised = value === '' ? null : value;
    if (normalised !== (before[field] ?? null)) patch[field] = normalised;
  }
  return patch;
}

/**
 * Edits a customer on the version the staff member opened: if someone else saved in between, the API
 * answers 409 and the form says so, offering to reload the record.
 */
export function EditCustomerModal(props: { open: boolean; customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showProblem = useShowCustomerProblem();
  const [isConflict, setConflict] = useState(false);
  const [isReloading, setReloading] = useState(false);
  const { customer } = props;
  const isIndividual = customer.type === 'individual';
  const save = useMutation({
    mutationFn: (values: Values) => {
      const patch = patchOf(initialValues(customer), values);
      return updateCustomer(customer.id, { ...patch, version: customer.version });
    },
    onSuccess: (saved) => {
      message.success(t('customers.form.saved'));
      queryClient.setQueryData(customerKeys.profile(saved.id), (old: unknown) =>
        old && typeof old === 'object' ? { ...old, customer: saved } : old,
      );
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      props.onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'version_conflict') {
        setConflict(true);
        return;
      }
      showProblem(error, form);
    },
  });
  const { reset } = save;
  // A freshly opened (or reloaded) record starts the form over.
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue(initialValues(customer));
      setConflict(false);
      reset();
    }
  }, [props.open, customer, form, reset]);
  const reload = async () => {
    setReloading(true);
    try {
      await queryClient.refetchQueries({ queryKey: customerKeys.profile(customer.id) });
    } finally {
      setReloading(false);
    }
  };
  const onSave = (values: Values) => {
    if (Object.keys(patchOf(initialValues(customer), values)).length === 0) {
      props.onClose();
      return;
    }
    save.mutate(values);
  };
  const masked = isIndividual ? customer.individual : null;
  return (
    <Modal
      open={props.open}
      width={760}
      title={`${t('customers.form.editTitle')} · ${customer.name}`}
      okText={t('customers.form.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      okButtonProps={{ disabled: isConflict, ...testId('customer-edit-submit') }}
      forceRender
    >
      {isConflict ? (
        <Alert
          type="warning"
          showIcon
          title={t('customers.form.conflictTitle')}
          description={t('customers.form.conflictBody')}
          action={
            <Button
              size="small"
              onClick={() => void reload()}
              loading={isReloading}
              data-testid="conflict-reload"
            >
              {t('customers.form.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="edit-conflict"
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={onSave} disabled={isConflict}>
        {isIndividual ? (
          <>
            <FieldRow>
              <Form.Item
                name="name"
                label={t('customers.profile.name')}
                rules={[
                  { required: true, whitespace: true, max: 40, message: t('customers.form.nameRequired') },
                ]}
              >
                <Input maxLength={40} data-testid="edit-name" />
              </Form.Item>
              <Form.Item
                name="idNumber"
                label={t('customers.profile.idNumber')}
                extra={t('customers.form.unchangedIdHint', { masked: masked?.idNumberMasked ?? '—' })}
                rules={[{ pattern: ID_NUMBER_FORMAT, message: t('customers.form.idNumberFormat') }]}
              >
                <Input maxLength={18} autoComplete="off" data-testid="edit-id-number" />
              </Form.Item>
            </FieldRow>
            <FieldRow>
              <Form.Item
                name="mobile"
                label={t('customers.profile.mobile')}
                extra={t('customers.form.unchangedMobileHint', { masked: masked?.mobileMasked ?? '—' })}
                rules={[{ pattern: MOBILE_FORMAT, message: t('customers.form.mobileFormat') }]}
              >
                <Input maxLength={11} inputMode="numeric" autoComplete="off" data-testid="edit-mobile" />
              </Form.Item>
              <Form.Item
                name="email"
                label={t('customers.profile.email')}
                rules={[{ type: 'email', message: t('customers.form.emailFormat') }]}
              >
                <Input maxLength={254} data-testid="edit-email" />
              </Form.Item>
            </FieldRow>
            <FieldRow>
              <Form.Item name="occupation" label={t('customers.profile.occupation')}>
                <CodeSelect list="occupations" />
              </Form.Item>
              <Form.Item name="incomeBand" label={t('customers.profile.incomeBand')}>
                <CodeSelect list="incomeBands" />
              </Form.Item>
            </FieldRow>
          </>
        ) : (
          <>
            <FieldRow>
              <Form.Item
                name="name"
                label={t('customers.profile.corporateName')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    min: 2,
                    max: 100,
                    message: t('customers.form.corporateNameRequired'),
                  },
                ]}
              >
                <Input maxLength={100} data-testid="edit-name" />
              </Form.Item>
              <Form.Item
                name="uscc"
                label={t('customers.profile.uscc')}
                normalize={(v: string | undefined) => v?.toUpperCase()}
                rules={[
                  { required: true, message: t('customers.form.usccRequired') },
                  { pattern: USCC_FORMAT, message: t('customers.form.usccFormat') },
                ]}
              >
                <Input maxLength={18} data-testid="edit-uscc" />
              </Form.Item>
            </FieldRow>
            <FieldRow>
              <Form.Item name="industry" label={t('customers.profile.industry')} rules={[{ required: true }]}>
                <CodeSelect list="industries" />
              </Form.Item>
              <Form.Item name="size" label={t('customers.profile.size')} rules={[{ required: true }]}>
                <CodeSelect list="sizes" />
              </Form.Item>
            </FieldRow>
            <FieldRow>
              <Form.Item
                name="legalRepresentative"
                label={t('customers.profile.legalRepresentative')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('customers.form.legalRepresentativeRequired'),
                  },
                ]}
              >
                <Input maxLength={40} />
              </Form.Item>
            </FieldRow>
          </>
        )}
        <Divider titlePlacement="start">{t('customers.form.address')}</Divider>
        <AddressFields />
      </Form>
    </Modal>
  );
}

const NEXT_STATUSES: Record<Customer['status'], ('active' | 'dormant' | 'closed')[]> = {
  prospect: ['active', 'closed'],
  active: ['dormant', 'closed'],
  dormant: ['active', 'closed'],
  closed: [],
};

/** Moves the customer's lifecycle (dormant and back, or closed), with the reason on record. */
export function StatusModal(props: { open: boolean; customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status: 'active' | 'dormant' | 'closed'; reason: string }>();
  const showProblem = useShowCustomerProblem();
  const { customer } = props;
  const options = NEXT_STATUSES[customer.status];
  const change = useMutation({
    mutationFn: (v: { status: 'active' | 'dormant' | 'closed'; reason: string }) =>
      changeCustomerStatus(customer.id, { ...v, reason: v.reason.trim(), version: customer.version }),
    onSuccess: () => {
      message.success(t('customers.status_change.changed'));
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      props.onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'version_conflict') {
        void queryClient.invalidateQueries({ queryKey: customerKeys.profile(customer.id) });
      }
      showProblem(error, form);
    },
  });
  const { reset } = change;
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      reset();
    }
  }, [props.open, form, reset]);
  return (
    <Modal
      open={props.open}
      title={t('customers.status_change.title')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      okButtonProps={testId('customer-status-submit')}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: options[0] }}
        onFinish={(v) => change.mutate(v)}
      >
        <Form.Item name="status" label={t('customers.status_change.status')} rules={[{ required: true }]}>
          <Select
            options={options.map((s) => ({ value: s, label: t(`customers.status.${s}`) }))}
            data-testid="customer-status-select"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('customers.status_change.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              message: t('customers.status_change.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea
            maxLength={200}
            showCount
            autoSize={{ minRows: 2, maxRows: 4 }}
            data-testid="customer-status-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
