import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LanguageSwitch, problemText, safeNextPath } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { login } from '../api.ts';
import { signIn } from '../auth.ts';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (staff) => {
      signIn(staff);
      navigate(safeNextPath(params.get('next')), { replace: true });
    },
  });
  return (
    <Flex vertical className="login-shell">
      <Flex justify="flex-end" className="login-shell__top">
        <LanguageSwitch />
      </Flex>
      <Flex justify="center" align="flex-start" style={{ flex: 1, padding: '0 16px' }}>
        <Card className="login-card">
          <Flex align="center" gap={10} style={{ marginBottom: 20 }}>
            <span className="brand-logo">1</span>
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t('brand.name')} · {t('brand.console')}
            </Typography.Text>
          </Flex>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {mutation.isError ? (
            <Alert
              type="error"
              showIcon
              title={problemText(t, mutation.error)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          ) : null}
          <Form<LoginValues>
            layout="vertical"
            requiredMark={false}
            size="large"
            onFinish={(values) => mutation.mutate(values)}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoCapitalize="none"
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
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
        </Card>
      </Flex>
    </Flex>
  );
}
