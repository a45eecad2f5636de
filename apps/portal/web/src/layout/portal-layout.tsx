import { DownOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { LanguageSwitch } from '@onefin/ui';
import { Avatar, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useAccount, useLogout } from '../auth.ts';
import { BrandMark } from './brand-mark.tsx';

const NAV = [
  { path: '/', key: 'home' },
  { path: '/account', key: 'account' },
  { path: '/security', key: 'security' },
] as const;

function useNavItems(onNavigate?: () => void): MenuProps['items'] {
  const { t } = useTranslation();
  return NAV.map((item) => ({
    key: item.path,
    label: (
      <Link to={item.path} onClick={onNavigate} data-testid={`nav-${item.key}`}>
        {t(`nav.${item.key}`)}
      </Link>
    ),
  }));
}

/** The signed-in frame: header with navigation, a compact header with a drawer menu on phones. */
export function PortalLayout() {
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  return (
    <Layout className="portal-layout">
      <Layout.Header className="portal-header">{isPhone ? <PhoneHeader /> : <DesktopHeader />}</Layout.Header>
      <Layout.Content className="portal-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

function DesktopHeader() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const account = useAccount();
  const logout = useLogout();
  const items = useNavItems();
  return (
    <Flex align="center" gap={24} className="portal-header__inner">
      <BrandMark />
      <Menu
        mode="horizontal"
        selectedKeys={[pathname]}
        items={items}
        style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
      />
      <LanguageSwitch />
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'logout',
              icon: <LogoutOutlined />,
              label: <span data-testid="logout">{t('common.logout')}</span>,
            },
          ],
          onClick: () => logout.mutate(),
        }}
      >
        <Button type="text" data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} />
          <span>{account.displayName}</span>
          <DownOutlined />
        </Button>
      </Dropdown>
    </Flex>
  );
}

function PhoneHeader() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const account = useAccount();
  const logout = useLogout();
  const [isOpen, setOpen] = useState(false);
  const items = useNavItems(() => setOpen(false));
  return (
    <Flex align="center" justify="space-between" className="portal-header__inner">
      <BrandMark />
      <Flex align="center" gap={4}>
        <LanguageSwitch isCompact />
        <Button
          type="text"
          icon={<MenuOutlined />}
          aria-label={t('common.menu')}
          data-testid="phone-menu"
          onClick={() => setOpen(true)}
        />
      </Flex>
      <Drawer
        open={isOpen}
        onClose={() => setOpen(false)}
        placement="right"
        size={280}
        title={account.displayName}
      >
        <Typography.Paragraph type="secondary">{account.mobileMasked}</Typography.Paragraph>
        <Menu mode="inline" selectedKeys={[pathname]} items={items} style={{ borderInlineEnd: 'none' }} />
        <Button
          block
          icon={<LogoutOutlined />}
          style={{ marginTop: 16 }}
          data-testid="logout"
          onClick={() => logout.mutate()}
        >
          {t('common.logout')}
        </Button>
      </Drawer>
    </Flex>
  );
}
