import {
  DownOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { LanguageSwitch } from '@onefin/ui';
import { Avatar, Button, Dropdown, Flex, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useLogout, useStaff } from '../auth.ts';
import { useDemoClockQuery } from '../demo/api.ts';
import { NAV_GROUPS, type NavEntry, navEntryOf, visibleNavEntries } from './navigation.tsx';

/** The staff frame: a side menu of the pages this staff user may see, a header with language and user menu. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const staff = useStaff();
  const logout = useLogout();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const isNarrow = !screens.lg;
  const [isCollapsed, setCollapsed] = useState<boolean | undefined>(undefined);
  const collapsed = isCollapsed ?? isNarrow;
  const selected = navEntryOf(pathname);
  // The demo clock's page is in the menu only where the platform runs on one (its GET answers 404 elsewhere).
  const demoClock = useDemoClockQuery();
  const toItem = (entry: NavEntry) => ({
    key: entry.key,
    icon: entry.icon,
    label: (
      <Link to={entry.path} data-testid={`nav-${entry.key}`} onClick={() => isNarrow && setCollapsed(true)}>
        {t(`nav.${entry.key}`)}
      </Link>
    ),
  });
  // Grouped pages sit under their group's heading, where the group's first visible page would be.
  const visible = visibleNavEntries(staff.permissions, { hasDemoClock: Boolean(demoClock.data) });
  const items: NonNullable<MenuProps['items']> = [];
  for (const entry of visible) {
    if (!entry.group) {
      items.push(toItem(entry));
      continue;
    }
    if (items.some((item) => item?.key === entry.group)) continue;
    const group = NAV_GROUPS.find((g) => g.key === entry.group);
    items.push({
      key: entry.group,
      icon: group?.icon,
      label: <span data-testid={`nav-${entry.group}`}>{t(`nav.${entry.group}`)}</span>,
      children: visible.filter((e) => e.group === entry.group).map(toItem),
    });
  }
  return (
    <Layout className="console-layout">
      <Layout.Sider
        theme="dark"
        width={220}
        collapsible
        trigger={null}
        collapsed={collapsed}
        collapsedWidth={isNarrow ? 0 : 64}
        className={isNarrow ? 'console-sider console-sider--overlay' : 'console-sider'}
      >
        <Flex align="center" gap={8} className="console-brand">
          <span className="brand-logo">1</span>
          {collapsed ? null : (
            <Typography.Text strong className="console-brand__text">
              {t('brand.name')} · {t('brand.console')}
            </Typography.Text>
          )}
        </Flex>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected.key] : []}
          defaultOpenKeys={NAV_GROUPS.map((g) => g.key)}
          items={items}
        />
      </Layout.Sider>
      {isNarrow && !collapsed ? (
        <button
          type="button"
          className="console-backdrop"
          aria-label={t('common.menu')}
          onClick={() => setCollapsed(true)}
        />
      ) : null}
      <Layout>
        <Layout.Header className="console-header">
          <Flex align="center" justify="space-between" style={{ height: '100%' }}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
              aria-label={t('common.menu')}
              data-testid="sider-toggle"
            />
            <Flex align="center" gap={8}>
              <LanguageSwitch isCompact={isNarrow} />
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
                  <span>{staff.displayName}</span>
                  <DownOutlined />
                </Button>
              </Dropdown>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content className="console-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
