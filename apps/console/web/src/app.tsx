import { problemText } from '@onefin/ui';
import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { ApprovalsPage } from './approvals/approvals-page.tsx';
import { AuditPage } from './audit/audit-page.tsx';
import { StaffContext, useHasPermission, useStaffQuery } from './auth.ts';
import { CampaignPage } from './campaigns/campaign-page.tsx';
import { CreateCustomerPage } from './customers/create-customer-page.tsx';
import { CustomerPage } from './customers/customer-page.tsx';
import { CustomersPage } from './customers/customers-page.tsx';
import { DemoClockPage } from './demo/demo-clock-page.tsx';
import { EndOfDayPage } from './investing/end-of-day-page.tsx';
import { OrderPage } from './investing/order-page.tsx';
import { OrdersPage } from './investing/orders-page.tsx';
import { SalesPage } from './investing/sales-page.tsx';
import { ConsoleLayout } from './layout/console-layout.tsx';
import { AccountPage } from './ledger/account-page.tsx';
import { AccountsPage } from './ledger/accounts-page.tsx';
import { ReconciliationPage } from './ledger/reconciliation-page.tsx';
import { TransferPage } from './ledger/transfer-page.tsx';
import { TrialBalancePage } from './ledger/trial-balance-page.tsx';
import { ModelPage, ModelRedirect } from './models/model-page.tsx';
import { ModelsPage } from './models/models-page.tsx';
import { ScorePage } from './models/score-page.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NavImportPage } from './products/nav-import-page.tsx';
import { ProductEditPage } from './products/product-edit-page.tsx';
import { ProductPage } from './products/product-page.tsx';
import { ProductsPage } from './products/products-page.tsx';
import { StaffPage } from './staff/staff-page.tsx';

function FullPageSpin() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Pages behind log-in: wait for the staff user, send anyone without a session to the log-in page. */
function RequireStaff() {
  const { t } = useTranslation();
  const location = useLocation();
  const staff = useStaffQuery();
  if (staff.isPending) return <FullPageSpin />;
  if (staff.isError) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={problemText(t, staff.error)}
        extra={<Button onClick={() => void staff.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!staff.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <StaffContext value={staff.data}>
      <Outlet />
    </StaffContext>
  );
}

/** A page only staff holding `permission` may open; the others see why not. */
function RequirePermission(props: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  const isAllowed = useHasPermission(props.permission);
  if (!isAllowed) {
    return (
      <Result
        status="403"
        title={t('forbidden.title')}
        subTitle={t('forbidden.subtitle')}
        data-testid="forbidden"
      />
    );
  }
  return props.children;
}

function GuestOnly() {
  const staff = useStaffQuery();
  if (staff.isPending) return <FullPageSpin />;
  if (staff.data) return <Navigate to="/" replace />;
  return <Outlet />;
}

export function ConsoleApp() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<GuestOnly />}>
          <Route path="/login" element={<LoginPage />} />
        </Route>
        <Route element={<RequireStaff />}>
          <Route element={<ConsoleLayout />}>
            <Route index element={<DashboardPage />} />
            <Route
              path="/approvals"
              element={
                <RequirePermission permission="approvals.read">
                  <ApprovalsPage />
                </RequirePermission>
              }
            />
            <Route
              path="/customers"
              element={
                <RequirePermission permission="customers.read">
                  <CustomersPage />
                </RequirePermission>
              }
            />
            <Route
              path="/customers/new/:type"
              element={
                <RequirePermission permission="customers.write">
                  <CreateCustomerPage />
                </RequirePermission>
              }
            />
            <Route
              path="/customers/:id"
              element={
                <RequirePermission permission="customers.read">
                  <CustomerPage />
                </RequirePermission>
              }
            />
            <Route
              path="/orders"
              element={
                <RequirePermission permission="orders.read">
                  <OrdersPage />
                </RequirePermission>
              }
            />
            <Route
              path="/orders/:id"
              element={
                <RequirePermission permission="orders.read">
                  <OrderPage />
                </RequirePermission>
              }
            />
            <Route
              path="/sales"
              element={
                <RequirePermission permission="orders.read">
                  <SalesPage />
                </RequirePermission>
              }
            />
            <Route
              path="/operations/end-of-day"
              element={
                <RequirePermission permission="operations.run">
                  <EndOfDayPage />
                </RequirePermission>
              }
            />
            {/* Any staff member reads the demo clock; the page shows moves only with `demo.clock`. */}
            <Route path="/demo/clock" element={<DemoClockPage />} />
            <Route
              path="/products"
              element={
                <RequirePermission permission="products.read">
                  <ProductsPage />
                </RequirePermission>
              }
            />
            <Route
              path="/products/nav"
              element={
                <RequirePermission permission="products.nav">
                  <NavImportPage />
                </RequirePermission>
              }
            />
            <Route
              path="/products/new/:kind"
              element={
                <RequirePermission permission="products.manage">
                  <ProductEditPage />
                </RequirePermission>
              }
            />
            <Route
              path="/products/:id/edit"
              element={
                <RequirePermission permission="products.manage">
                  <ProductEditPage />
                </RequirePermission>
              }
            />
            <Route
              path="/products/:id"
              element={
                <RequirePermission permission="products.read">
                  <ProductPage />
                </RequirePermission>
              }
            />
            <Route
              path="/models"
              element={
                <RequirePermission permission="models.read">
                  <ModelsPage />
                </RequirePermission>
              }
            />
            <Route
              path="/models/credit/score"
              element={
                <RequirePermission permission="models.score">
                  <ScorePage />
                </RequirePermission>
              }
            />
            <Route
              path="/models/:model"
              element={
                <RequirePermission permission="models.read">
                  <ModelRedirect />
                </RequirePermission>
              }
            />
            <Route
              path="/models/:model/versions/:version"
              element={
                <RequirePermission permission="models.read">
                  <ModelPage />
                </RequirePermission>
              }
            />
            <Route
              path="/campaigns/deposit"
              element={
                <RequirePermission permission="campaigns.read">
                  <CampaignPage />
                </RequirePermission>
              }
            />
            <Route
              path="/audit"
              element={
                <RequirePermission permission="audit.read">
                  <AuditPage />
                </RequirePermission>
              }
            />
            <Route
              path="/ledger/accounts"
              element={
                <RequirePermission permission="ledger.read">
                  <AccountsPage />
                </RequirePermission>
              }
            />
            <Route
              path="/ledger/accounts/:id"
              element={
                <RequirePermission permission="ledger.read">
                  <AccountPage />
                </RequirePermission>
              }
            />
            <Route
              path="/ledger/transfers/:id"
              element={
                <RequirePermission permission="ledger.read">
                  <TransferPage />
                </RequirePermission>
              }
            />
            <Route
              path="/ledger/trial-balance"
              element={
                <RequirePermission permission="ledger.read">
                  <TrialBalancePage />
                </RequirePermission>
              }
            />
            <Route
              path="/ledger/reconciliation"
              element={
                <RequirePermission permission="payments.reconcile">
                  <ReconciliationPage />
                </RequirePermission>
              }
            />
            <Route
              path="/staff"
              element={
                <RequirePermission permission="staff.read">
                  <StaffPage />
                </RequirePermission>
              }
            />
          </Route>
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </BrowserRouter>
  );
}
