import { testId, useShowProblem } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { Form, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { proposeRoleGrant, proposeRoleRevoke, ROLES, type Staff } from '../api.ts';
import { useProposalSubmitted } from './proposal.tsx';

/** Proposes granting a role the user lacks, or revoking one they hold; a second administrator decides. */
export function RoleChangeModal(props: {
  change: { staff: Staff; kind: 'grant' | 'revoke' } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ role: string }>();
  const showProblem = useShowProblem();
  const onSubmitted = useProposalSubmitted();
  const { change } = props;
  const propose = useMutation({
    mutationFn: ({ staff, kind, role }: { staff: Staff; kind: 'grant' | 'revoke'; role: string }) =>
      kind === 'grant' ? proposeRoleGrant(staff.id, role) : proposeRoleRevoke(staff.id, role),
    onSuccess: () => {
      onSubmitted();
      props.onClose();
    },
    onError: (error) => showProblem(error, form),
  });
  const { reset } = propose;
  useEffect(() => {
    if (change) {
      form.resetFields();
      reset();
    }
  }, [change, form, reset]);
  const roles = change
    ? change.kind === 'grant'
      ? ROLES.filter((role) => !change.staff.roles.includes(role))
      : change.staff.roles
    : [];
  const title = change
    ? t(change.kind === 'grant' ? 'staff.grantTitle' : 'staff.revokeTitle', {
        name: change.staff.displayName,
      })
    : '';
  return (
    <Modal
      open={change !== undefined}
      title={title}
      okText={t('staff.propose')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: change?.kind === 'revoke', ...testId('role-change-submit') }}
      confirmLoading={propose.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ role }) => change && propose.mutate({ staff: change.staff, kind: change.kind, role })}
      >
        <Form.Item
          name="role"
          label={t('staff.role')}
          rules={[{ required: true, message: t('staff.roleRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={roles.map((role) => ({
              value: role,
              label: t(`roles.${role}`, { defaultValue: role }),
            }))}
            data-testid="role-select"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
