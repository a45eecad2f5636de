import { testId } from '@onefin/ui';
import { Button, Divider, Flex, Form, Input, Popconfirm, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockMove, DemoClock } from './api.ts';
import { formatShanghai, quickMoves, shanghaiInstant } from './clock-moves.ts';

interface CustomMoveValues {
  mode: 'advance' | 'to';
  advance: string;
  date: string;
  time: string;
}

/**
 * The moves: one-click common ones (each confirmed, since the clock never goes back), and a form for a
 * duration or a Shanghai date and time of the user's own. The server refuses what it cannot take.
 */
export function ClockMoves(props: {
  clock: DemoClock;
  now: Date;
  isMoving: boolean;
  onMove: (move: ClockMove) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CustomMoveValues>();
  const mode = Form.useWatch('mode', form) ?? 'advance';
  const moves = quickMoves(props.now, props.clock);
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('demoClock.quick')}</Typography.Text>
      <Flex wrap gap={8}>
        {moves.map((m) => (
          <Popconfirm
            key={m.key}
            title={t('demoClock.confirmTitle', { time: formatShanghai(m.target) })}
            description={<div style={{ maxWidth: 300 }}>{t('demoClock.confirmText')}</div>}
            onConfirm={() => props.onMove(m.move)}
            okButtonProps={{ ...testId('demo-clock-confirm') }}
          >
            <Button
              disabled={props.isMoving}
              style={{ height: 'auto', padding: '6px 14px' }}
              data-testid={`demo-clock-${m.key}`}
            >
              <Flex vertical align="start">
                <span>{t(`demoClock.${m.key}`)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('demoClock.target', { time: formatShanghai(m.target).slice(5, 16) })}
                </Typography.Text>
              </Flex>
            </Button>
          </Popconfirm>
        ))}
      </Flex>
      {props.clock.nextTradingDay === null ? (
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12 }}
          data-testid="demo-clock-no-next-trading-day"
        >
          {t('demoClock.nextTradingDayUnknown', { date: props.clock.businessDate })}
        </Typography.Text>
      ) : null}
      <Divider style={{ margin: '8px 0' }} />
      <Typography.Text strong>{t('demoClock.custom')}</Typography.Text>
      <Form<CustomMoveValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ mode: 'advance', advance: 'PT2H', date: props.clock.businessDate, time: '15:01' }}
        onFinish={(v) =>
          props.onMove(
            v.mode === 'advance' ? { advance: v.advance.trim() } : { to: shanghaiInstant(v.date, v.time) },
          )
        }
      >
        <Form.Item name="mode" style={{ marginBottom: 12 }}>
          <Segmented
            options={[
              { value: 'advance', label: t('demoClock.mode.advance') },
              { value: 'to', label: t('demoClock.mode.to') },
            ]}
            data-testid="demo-clock-mode"
          />
        </Form.Item>
        <Flex wrap gap={12} align="start">
          {mode === 'advance' ? (
            <Form.Item
              name="advance"
              label={t('demoClock.duration')}
              extra={t('demoClock.durationHint')}
              rules={[{ required: true, whitespace: true, message: t('demoClock.durationRequired') }]}
              style={{ flex: '1 1 260px', marginBottom: 0 }}
            >
              <Input placeholder="P1D / PT2H30M" autoComplete="off" data-testid="demo-clock-duration" />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="date"
                label={t('demoClock.date')}
                rules={[{ required: true, message: t('demoClock.dateRequired') }]}
                style={{ marginBottom: 0 }}
              >
                <Input type="date" style={{ width: 170 }} data-testid="demo-clock-to-date" />
              </Form.Item>
              <Form.Item
                name="time"
                label={t('demoClock.time')}
                rules={[{ required: true, message: t('demoClock.timeRequired') }]}
                style={{ marginBottom: 0 }}
              >
                <Input type="time" style={{ width: 130 }} data-testid="demo-clock-to-time" />
              </Form.Item>
            </>
          )}
          <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" loading={props.isMoving} data-testid="demo-clock-submit">
              {t('demoClock.submit')}
            </Button>
          </Form.Item>
        </Flex>
      </Form>
    </Flex>
  );
}
