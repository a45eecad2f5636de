import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrdersTable } from './orders-table.tsx';

/** One customer's orders from every channel, newest first; each opens its detail with a way back here. */
export function CustomerOrdersTab(props: { customerId: string }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <Link
        to={`/orders?customerId=${encodeURIComponent(props.customerId)}`}
        style={{ alignSelf: 'flex-end' }}
      >
        {t('investing.customerOrders.viewAll')}
      </Link>
      <OrdersTable
        filter={{ customerId: props.customerId }}
        customerId={props.customerId}
        emptyText={t('investing.customerOrders.empty')}
      />
    </Flex>
  );
}
