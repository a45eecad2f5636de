import { problemText } from '@onefin/ui';
import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { AccountPage } from './account/account-page.tsx';
import { AccountContext, useAccountQuery } from './auth.ts';
import { AssetsPage } from './investing/assets-page.tsx';
import { OrderDetailPage } from './investing/order-detail-page.tsx';
import { PortalLayout } from './layout/portal-layout.tsx';
import { HomePage } from './pages/home-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { RegisterPage } from './pages/register-page.tsx';
import { SecurityPage } from './pages/security-page.tsx';
import { PlanDetailPage } from './plans/plan-detail-page.tsx';
import { PlansPage } from './plans/plans-page.tsx';
import { ComparePage } from './products/compare-page.tsx';
import { ProductPage } from './products/product-page.tsx';
import { SupermarketPage } from './products/supermarket-page.tsx';
import { ProfilePage } from './profile/profile-page.tsx';
import { QuestionnairePage } from './risk/questionnaire-page.tsx';
import { AssessmentResultPage } from './risk/result-page.tsx';

function FullPageSpin(props: { isInFrame?: boolean }) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: props.isInFrame ? '50vh' : '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Pages behind log-in (inside the frame): wait for the account, send anyone without one to log in. */
function RequireAccount() {
  const { t } = useTranslation();
  const location = useLocation();
  const account = useAccountQuery();
  if (account.isPending) return <FullPageSpin isInFrame />;
  if (account.isError) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={problemText(t, account.error)}
        extra={<Button onClick={() => void account.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!account.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <AccountContext value={account.data}>
      <Outlet />
    </AccountContext>
  );
}

/** Log-in and register: someone already logged in goes straight home. */
function GuestOnly() {
  const account = useAccountQuery();
  if (account.isPending) return <FullPageSpin />;
  if (account.data) return <Navigate to="/" replace />;
  return <Outlet />;
}

export function PortalApp() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<GuestOnly />}>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/register" element={<RegisterPage />} />
        </Route>
        <Route element={<PortalLayout />}>
          {/* Public: the financial supermarket is browsable without logging in. */}
          <Route path="/products" element={<SupermarketPage />} />
          <Route path="/products/compare" element={<ComparePage />} />
          <Route path="/products/:productId" element={<ProductPage />} />
          <Route element={<RequireAccount />}>
            <Route index element={<HomePage />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/assets" element={<AssetsPage />} />
            <Route path="/assets/orders/:orderId" element={<OrderDetailPage />} />
            <Route path="/plans" element={<PlansPage />} />
            <Route path="/plans/:planId" element={<PlanDetailPage />} />
            <Route path="/profile" element={<ProfilePage />} />
            <Route path="/risk-assessment" element={<QuestionnairePage />} />
            <Route path="/risk-assessment/result" element={<AssessmentResultPage />} />
            <Route path="/security" element={<SecurityPage />} />
          </Route>
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </BrowserRouter>
  );
}
