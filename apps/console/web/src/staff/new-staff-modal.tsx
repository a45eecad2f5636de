import { isApiError, testId, useShowProblem } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { proposeNewStaff, ROLES } from '../api.ts';
import { useProposalSubmitted } from './proposal.tsx';

interface NewStaffValues {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}

/** The server's rules, checked here first so the maker sees mistakes before an approver does. */
const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;
const PASSWORD_PATTERN = /^(?=.*[A-Za-z])(?=.*\d).{8,64}$/;

export function NewStaffModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewStaffValues>();
  const showProblem = useShowProblem();
  const onSubmitted = useProposalSubmitted();
  const propose = useMutation({
    mutationFn: (values: NewStaffValues) =>
      proposeNewStaff({ ...values, displayName: values.displayName.trim(), roles: values.roles ?? [] }),
    onSuccess: () => {
      onSubmitted();
      form.resetFields();
      props.onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'username_taken') {
        form.setFields([{ name: 'username', errors: [t('problems.username_taken')] }]);
        return;
      }
      showProblem(error, form);
    },
  });
  return (
    <Modal
      open={props.open}
      title={t('staff.newStaff')}
      okText={t('staff.propose')}
      cancelText={t('common.cancel')}
      confirmLoading={propose.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      okButtonProps={{ ...testId('new-staff-submit') }}
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => propose.mutate(values)}>
        <Form.Item
          name="username"
          label={t('staff.username')}
          extra={t('staff.usernameHint')}
          rules={[{ required: true, pattern: USERNAME_PATTERN, message: t('staff.usernameInvalid') }]}
        >
          <Input autoComplete="off" autoCapitalize="none" data-testid="new-staff-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('staff.displayName')}
          rules={[{ required: true, whitespace: true, max: 60, message: t('staff.displayNameRequired') }]}
        >
          <Input data-testid="new-staff-display-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('staff.initialPassword')}
          rules={[{ required: true, pattern: PASSWORD_PATTERN, message: t('staff.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="new-staff-password" />
        </Form.Item>
        <Form.Item name="roles" label={t('staff.roles')} initialValue={[]}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            data-testid="new-staff-roles"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
