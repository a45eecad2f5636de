import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { problemText, safeNextPath } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { login } from '../api.ts';
import { signIn } from '../auth.ts';
import { AuthShell } from '../layout/auth-shell.tsx';
import { mobileRules } from '../validation.ts';

interface LoginValues {
  mobile: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginValues>();
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (account) => {
      signIn(account);
      navigate(safeNextPath(params.get('next')), { replace: true });
    },
  });
  return (
    <AuthShell title={t('login.title')} subtitle={t('login.subtitle')}>
      {mutation.isError ? (
        <Alert
          type="error"
          showIcon
          title={problemText(t, mutation.error)}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      ) : null}
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
            autoComplete="username"
            maxLength={11}
            data-testid="login-mobile"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.password')}
          rules={[{ required: true, message: t('validation.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            placeholder={t('fields.passwordPlaceholder')}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={mutation.isPending}
          data-testid="login-submit"
        >
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('login.noAccount')}{' '}
        <Link to="/register" data-testid="to-register">
          {t('login.toRegister')}
        </Link>
      </Typography.Paragraph>
    </AuthShell>
  );
}
