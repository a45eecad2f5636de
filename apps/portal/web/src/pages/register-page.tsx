import { LockOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import { isApiError, useShowProblem } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { register } from '../api.ts';
import { signIn } from '../auth.ts';
import { AuthShell } from '../layout/auth-shell.tsx';
import { confirmRules, mobileRules, newPasswordRules } from '../validation.ts';

interface RegisterValues {
  mobile: string;
  displayName: string;
  password: string;
  confirmPassword: string;
}

export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [form] = Form.useForm<RegisterValues>();
  const mutation = useMutation({
    mutationFn: (values: RegisterValues) =>
      register({ mobile: values.mobile, displayName: values.displayName.trim(), password: values.password }),
    onSuccess: (account) => {
      signIn(account);
      message.success(t('register.welcome'));
      navigate('/', { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'mobile_taken') {
        form.setFields([{ name: 'mobile', errors: [t('problems.mobile_taken')] }]);
        return;
      }
      showProblem(error, form);
    },
  });
  return (
    <AuthShell title={t('register.title')} subtitle={t('register.subtitle')}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => mutation.mutate(values)}
        size="large"
      >
        <Form.Item name="mobile" label={t('fields.mobile')} rules={mobileRules(t)}>
          <Input
            prefix={<MobileOutlined />}
            placeholder={t('fields.mobilePlaceholder')}
            inputMode="numeric"
            autoComplete="tel"
            maxLength={11}
            data-testid="register-mobile"
          />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('fields.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('validation.displayNameRequired') },
            { max: 40, message: t('validation.displayNameTooLong') },
          ]}
        >
          <Input
            prefix={<UserOutlined />}
            placeholder={t('fields.displayNamePlaceholder')}
            autoComplete="nickname"
            data-testid="register-display-name"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.password')}
          rules={newPasswordRules(t)}
          extra={t('register.passwordHint')}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="new-password"
            data-testid="register-password"
          />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('fields.confirmPassword')}
          dependencies={['password']}
          rules={confirmRules(t, 'password')}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="new-password"
            data-testid="register-confirm"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={mutation.isPending}
          data-testid="register-submit"
        >
          {t('register.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('register.hasAccount')}{' '}
        <Link to="/login" data-testid="to-login">
          {t('register.toLogin')}
        </Link>
      </Typography.Paragraph>
    </AuthShell>
  );
}
