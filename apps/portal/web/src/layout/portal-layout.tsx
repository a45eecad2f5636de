import { DownOutlined, LoginOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { LanguageSwitch } from '@onefin/ui';
import { Avatar, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Account } from '../api.ts';
import { useLogout, useOptionalAccount } from '../auth.ts';
import { BrandMark } from './brand-mark.tsx';

/**
 * The portal's sections. `isPublic` ones (the financial supermarket) are open to guests too: their
 * routes sit outside `RequireAccount`, and a guest's menu shows only them.
 */
const NAV = [
  { path: '/', key: 'home', isPublic: false },
  { path: '/products', key: 'products', isPublic: true },
  { path: '/assets', key: 'assets', isPublic: false },
  { path: '/plans', key: 'plans', isPublic: false },
  { path: '/account', key: 'account', isPublic: false },
  { path: '/profile', key: 'profile', isPublic: false },
  { path: '/security', key: 'security', isPublic: false },
] as const;

/** The menu key a path belongs to: `/products/fnd_1` highlights 金融超市. */
function selectedKey(pathname: string): string {
  const match = NAV.filter((item) => item.path !== '/' && pathname.startsWith(item.path));
  if (match[0]) return match[0].path;
  if (pathname.startsWith('/risk-assessment')) return '/profile';
  return pathname;
}

function useNavItems(isSignedIn: boolean, onNavigate?: () => void): MenuProps['items'] {
  const { t } = useTranslation();
  return NAV.filter((item) => isSignedIn || item.isPublic).map((item) => ({
    key: item.path,
    label: (
      <Link to={item.path} onClick={onNavigate} data-testid={`nav-${item.key}`}>
        {t(`nav.${item.key}`)}
      </Link>
    ),
  }));
}

/** The portal frame: header with navigation (a drawer menu on phones), for customers and guests alike. */
export function PortalLayout() {
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const account = useOptionalAccount();
  return (
    <Layout className="portal-layout">
      <Layout.Header className="portal-header">
        {isPhone ? <PhoneHeader account={account} /> : <DesktopHeader account={account} />}
      </Layout.Header>
      <Layout.Content className="portal-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

/** Log-in and register buttons for a guest; `next` brings them back to this page afterwards. */
function GuestActions(props: { isBlock?: boolean; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const go = (to: string) => {
    props.onNavigate?.();
    navigate(to);
  };
  return (
    <Flex gap={8} vertical={props.isBlock}>
      <Button
        type="primary"
        icon={<LoginOutlined />}
        block={props.isBlock}
        data-testid="guest-login"
        onClick={() => go(`/login?next=${encodeURIComponent(`${pathname}${search}`)}`)}
      >
        {t('login.submit')}
      </Button>
      <Button block={props.isBlock} data-testid="guest-register" onClick={() => go('/register')}>
        {t('register.title')}
      </Button>
    </Flex>
  );
}

function DesktopHeader(props: { account: Account | null | undefined }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const logout = useLogout();
  const items = useNavItems(Boolean(props.account));
  return (
    <Flex align="center" gap={24} className="portal-header__inner">
      <BrandMark />
      <Menu
        mode="horizontal"
        selectedKeys={[selectedKey(pathname)]}
        items={items}
        style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
      />
      <LanguageSwitch />
      {props.account === null ? <GuestActions /> : null}
      {props.account ? (
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
            <span>{props.account.displayName}</span>
            <DownOutlined />
          </Button>
        </Dropdown>
      ) : null}
    </Flex>
  );
}

function PhoneHeader(props: { account: Account | null | undefined }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const logout = useLogout();
  const [isOpen, setOpen] = useState(false);
  const close = () => setOpen(false);
  const items = useNavItems(Boolean(props.account), close);
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
        onClose={close}
        placement="right"
        size={280}
        title={props.account ? props.account.displayName : t('nav.guest')}
      >
        {props.account ? (
          <Typography.Paragraph type="secondary">{props.account.mobileMasked}</Typography.Paragraph>
        ) : null}
        <Menu
          mode="inline"
          selectedKeys={[selectedKey(pathname)]}
          items={items}
          style={{ borderInlineEnd: 'none' }}
        />
        {props.account ? (
          <Button
            block
            icon={<LogoutOutlined />}
            style={{ marginTop: 16 }}
            data-testid="logout"
            onClick={() => logout.mutate()}
          >
            {t('common.logout')}
          </Button>
        ) : null}
        {props.account === null ? (
          <div style={{ marginTop: 16 }}>
            <GuestActions isBlock onNavigate={close} />
          </div>
        ) : null}
      </Drawer>
    </Flex>
  );
}
