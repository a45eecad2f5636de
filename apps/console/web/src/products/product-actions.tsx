import { testId } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryClient, type StaffName } from '../api.ts';
import { ApprovalDrawer } from '../approvals/approval-drawer.tsx';
import { useHasPermission } from '../auth.ts';
import {
  PRICING_FIELDS,
  type Product,
  productKeys,
  proposeReprice,
  runStaffAction,
  type StaffAction,
  submitForReview,
} from './api.ts';
import { applyProductProblem } from './product-edit-page.tsx';
import { TermsFields } from './terms-fields.tsx';
import { formToTerms, type TermsForm, termsToForm } from './terms-spec.ts';
import { useShowProductProblem } from './use-product-problem.ts';

type Dialog = 'suspend' | 'close' | 'reprice' | 'review' | undefined;

function refresh(id: string) {
  void queryClient.invalidateQueries({ queryKey: productKeys.all });
  void queryClient.invalidateQueries({ queryKey: productKeys.detail(id) });
  void queryClient.invalidateQueries({ queryKey: ['approvals'] });
}

/**
 * What staff may do with a product in its state: edit and submit a draft, review it (the approval
 * drawer, for a second person), withdraw, suspend, resume, reprice or close.
 */
export function ProductActions(props: {
  product: Product;
  directory: Map<string, StaffName>;
  isOwnReview: boolean;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const canManage = useHasPermission('products.manage');
  const canApprove = useHasPermission('products.approve');
  const showProblem = useShowProductProblem();
  const [dialog, setDialog] = useState<Dialog>(undefined);
  const navigate = useNavigate();
  const { product } = props;
  const submit = useMutation({
    mutationFn: () => submitForReview(product.id, product.version),
    onSuccess: () => {
      message.info({
        content: <span data-testid="product-submitted">{t('products.actions.submitted')}</span>,
        duration: 5,
      });
      refresh(product.id);
    },
    onError: (error) => showProblem(error, product.id),
  });
  const act = useMutation({
    mutationFn: (input: { action: StaffAction; reason?: string }) =>
      runStaffAction(product.id, input.action, {
        version: product.version,
        ...(input.reason ? { reason: input.reason } : {}),
      }),
    onSuccess: (_done, input) => {
      const done = {
        withdraw: 'withdrawn',
        suspend: 'suspended',
        resume: 'resumed',
        close: 'closed',
      } as const;
      message.success(t(`products.actions.${done[input.action]}`));
      refresh(product.id);
      setDialog(undefined);
    },
    onError: (error) => showProblem(error, product.id),
  });
  const confirm = (content: string, onOk: () => void, testIdValue: string) =>
    modal.confirm({
      content,
      onOk,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: testId(`${testIdValue}-confirm`),
    });
  const button = (key: string, label: string, onClick: () => void, extra: object = {}) => (
    <Button key={key} onClick={onClick} data-testid={`product-${key}`} {...extra}>
      {label}
    </Button>
  );
  const buttons: React.ReactNode[] = [];
  const s = product.status;
  if (canManage && s === 'draft') {
    buttons.push(
      button('edit', t('products.actions.edit'), () =>
        navigate(`/products/${encodeURIComponent(product.id)}/edit`),
      ),
      button(
        'submit',
        t('products.actions.submit'),
        () => confirm(t('products.actions.confirmSubmit'), () => submit.mutate(), 'product-submit'),
        { type: 'primary', loading: submit.isPending },
      ),
    );
  }
  if (s === 'under_review' && product.reviewApprovalId && (canApprove || canManage)) {
    // The maker may open the approval to see it, but a second person decides (maker–checker).
    buttons.push(
      <Tooltip key="approve" title={props.isOwnReview ? t('products.detail.ownReviewHint') : undefined}>
        {button('approve', t('products.actions.approve'), () => setDialog('review'), {
          type: 'primary',
          disabled: props.isOwnReview,
        })}
      </Tooltip>,
    );
  }
  if (canManage && s === 'under_review') {
    buttons.push(
      button('withdraw', t('products.actions.withdraw'), () =>
        confirm(
          t('products.actions.confirmWithdraw'),
          () => act.mutate({ action: 'withdraw' }),
          'product-withdraw',
        ),
      ),
    );
  }
  if (canManage && s === 'on_sale') {
    buttons.push(button('suspend', t('products.actions.suspend'), () => setDialog('suspend')));
  }
  if (canManage && s === 'suspended') {
    buttons.push(
      button(
        'resume',
        t('products.actions.resume'),
        () =>
          confirm(
            t('products.actions.confirmResume'),
            () => act.mutate({ action: 'resume' }),
            'product-resume',
          ),
        { type: 'primary' },
      ),
    );
  }
  if (canManage && (s === 'on_sale' || s === 'suspended')) {
    buttons.push(button('reprice', t('products.actions.reprice'), () => setDialog('reprice')));
  }
  if (canManage && (s === 'draft' || s === 'on_sale' || s === 'suspended')) {
    buttons.push(button('close', t('products.actions.close'), () => setDialog('close'), { danger: true }));
  }
  return (
    <>
      <Space wrap>{buttons}</Space>
      <ReasonModal
        action={dialog === 'suspend' || dialog === 'close' ? dialog : undefined}
        product={product}
        isPending={act.isPending}
        onSubmit={(action, reason) => act.mutate({ action, reason })}
        onClose={() => setDialog(undefined)}
      />
      <RepriceModal open={dialog === 'reprice'} product={product} onClose={() => setDialog(undefined)} />
      <ApprovalDrawer
        approvalId={dialog === 'review' ? (product.reviewApprovalId ?? undefined) : undefined}
        listed={undefined}
        directory={props.directory}
        onDecided={() => refresh(product.id)}
        onClose={() => {
          setDialog(undefined);
          refresh(product.id);
        }}
      />
    </>
  );
}

function ReasonModal(props: {
  action: 'suspend' | 'close' | undefined;
  product: Product;
  isPending: boolean;
  onSubmit: (action: 'suspend' | 'close', reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (props.action) form.resetFields();
  }, [props.action, form]);
  const title =
    props.action === 'close'
      ? t('products.actions.closeTitle', { name: props.product.nameZh })
      : t('products.actions.suspendTitle', { name: props.product.nameZh });
  return (
    <Modal
      open={props.action !== undefined}
      title={title}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: props.action === 'close', ...testId('product-reason-submit') }}
      confirmLoading={props.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      {props.action === 'close' ? (
        <Alert type="warning" showIcon title={t('products.actions.closeHint')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => props.action && props.onSubmit(props.action, v.reason.trim())}
      >
        <Form.Item
          name="reason"
          label={t('products.actions.reason')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('products.actions.reasonRequired') },
          ]}
        >
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="product-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** New rates, fees or yields, proposed for a second person to approve; only the kind's pricing terms. */
function RepriceModal(props: { open: boolean; product: Product; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ attributes: TermsForm; reason: string }>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const { product } = props;
  const pricingFields = PRICING_FIELDS[product.kind];
  const propose = useMutation({
    mutationFn: (v: { attributes: TermsForm; reason: string }) => {
      const merged = formToTerms(
        product.kind,
        { ...termsToForm(product.attributes), ...v.attributes },
        product.currency,
      );
      const now = product.attributes as unknown as Record<string, unknown>;
      const next = merged as unknown as Record<string, unknown>;
      const pricing = Object.fromEntries(
        pricingFields
          .filter((f) => JSON.stringify(next[f]) !== JSON.stringify(now[f]))
          .map((f) => [f, next[f]]),
      );
      return proposeReprice(product.id, { version: product.version, pricing, reason: v.reason.trim() });
    },
    onSuccess: () => {
      message.info({
        content: <span data-testid="reprice-proposed">{t('products.actions.repriceProposed')}</span>,
        duration: 5,
      });
      refresh(product.id);
      props.onClose();
    },
    onError: (error) => setUnplaced(applyProductProblem(form, error, t)),
  });
  const { reset } = propose;
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      const all = termsToForm(product.attributes);
      form.setFieldsValue({ attributes: Object.fromEntries(pricingFields.map((f) => [f, all[f]])) });
      setUnplaced([]);
      reset();
    }
  }, [props.open, product, pricingFields, form, reset]);
  return (
    <Modal
      open={props.open}
      width={860}
      title={t('products.form.repriceTitle', { name: product.nameZh })}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={testId('reprice-submit')}
      confirmLoading={propose.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      <Alert type="info" showIcon title={t('products.form.repriceHint')} style={{ marginBottom: 16 }} />
      {unplaced.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={unplaced.join('; ')}
          style={{ marginBottom: 16 }}
          data-testid="reprice-errors"
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => propose.mutate(v)}>
        <TermsFields kind={product.kind} currency={product.currency} only={pricingFields} />
        <Form.Item
          name="reason"
          label={t('products.form.repriceReason')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('products.actions.reasonRequired') },
          ]}
        >
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 4 }}
            data-testid="reprice-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
