import { ClockCircleOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { currentLanguage, isApiError, problemText } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Card, Col, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchMe, queryClient } from '../api.ts';
import { useHasPermission } from '../auth.ts';
import {
  type ClockMove,
  DEMO_CLOCK_QUERY_KEY,
  type DemoClock,
  moveDemoClock,
  useDemoClockQuery,
} from './api.ts';
import { formatShanghai, isPastFundCutOff, shanghaiWallClock } from './clock-moves.ts';
import { ClockMoves } from './clock-moves-card.tsx';

const REFRESH_MS = 5_000;
/** The cut-off tags are sentences: on a phone they wrap instead of widening the page. */
const SENTENCE_TAG = { whiteSpace: 'normal', marginInlineEnd: 0 } as const;
const LAST_MOVE_KEY = 'onefin.console.demoClock.lastMove';

/** The last move made from this tab: kept across the log-in a long move makes necessary. */
interface LastMove {
  from: string;
  to: string;
  fromDate: string;
  toDate: string;
}

function readLastMove(): LastMove | undefined {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(LAST_MOVE_KEY) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return undefined;
    const m = saved as Record<string, unknown>;
    return typeof m.from === 'string' &&
      typeof m.to === 'string' &&
      typeof m.fromDate === 'string' &&
      typeof m.toDate === 'string'
      ? { from: m.from, to: m.to, fromDate: m.fromDate, toDate: m.toDate }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The time every second (the shown clock runs between the server reads). */
function useTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** What the user reads when a move is refused, in the page's language. */
function moveProblem(t: TFunction, error: unknown, move: ClockMove | undefined, now: Date): string {
  // The only 400 a quick move cannot cause: a duration the clock does not take (P1M, "1 day").
  if (isApiError(error) && error.status === 400 && move && 'advance' in move)
    return t('demoClock.durationInvalid');
  if (isApiError(error) && error.code === 'clock_backwards')
    return `${problemText(t, error)}. ${t('demoClock.backwards', { now: formatShanghai(now) })}`;
  return problemText(t, error);
}

/**
 * The movable demo clock (`onefin start --clock`): the platform's time in Shanghai and its business
 * date, read every few seconds; staff holding `demo.clock` move it forward (common moves, or a
 * duration or instant of their own) and see where from and to. Without a demo clock it says so.
 */
export function DemoClockPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canMove = useHasPermission('demo.clock');
  const canRunEndOfDay = useHasPermission('operations.run');
  const clock = useDemoClockQuery(REFRESH_MS);
  const tick = useTick();
  const [lastMove, setLastMove] = useState<LastMove | undefined>(readLastMove);
  // The server's instant, run on by the time since it was read.
  const runOn = (at: number) =>
    clock.data ? new Date(Date.parse(clock.data.now) + Math.max(0, at - clock.dataUpdatedAt)) : undefined;
  const now = runOn(tick);
  const move = useMutation({
    mutationFn: (input: { move: ClockMove; from: Date }) => moveDemoClock(input.move),
    onSuccess: async (moved, input) => {
      const done: LastMove = {
        from: input.from.toISOString(),
        to: moved.now,
        fromDate: shanghaiWallClock(input.from).date,
        toDate: moved.businessDate,
      };
      sessionStorage.setItem(LAST_MOVE_KEY, JSON.stringify(done));
      setLastMove(done);
      queryClient.setQueryData<DemoClock | null>(DEMO_CLOCK_QUERY_KEY, moved);
      // A jump past the idle timeout ends every session, this one too: then the guard sends the
      // user to log in (and back here); otherwise every page's data is read again at the new time.
      const me = await fetchMe();
      if (!me) {
        message.warning(t('demoClock.sessionLapsed', { time: formatShanghai(new Date(moved.now)) }), 10);
        return;
      }
      void queryClient.invalidateQueries();
    },
  });
  const header = (
    <div style={{ maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('demoClock.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('demoClock.subtitle')}</Typography.Text>
    </div>
  );
  if (clock.isError) {
    return (
      <Flex vertical gap={16}>
        {header}
        <Alert type="error" showIcon title={problemText(t, clock.error)} />
      </Flex>
    );
  }
  if (clock.data === null) {
    return (
      <Flex vertical gap={16}>
        {header}
        <Card>
          <Result
            status="info"
            title={t('demoClock.notRunning')}
            subTitle={t('demoClock.notRunningHint')}
            data-testid="demo-clock-off"
          />
        </Card>
      </Flex>
    );
  }
  const endOfDayLink = canRunEndOfDay ? (
    <Link to="/operations/end-of-day" data-testid="demo-clock-eod">
      <FieldTimeOutlined /> {t('demoClock.openEndOfDay')}
    </Link>
  ) : null;
  return (
    <Flex vertical gap={16}>
      {header}
      {lastMove ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => sessionStorage.removeItem(LAST_MOVE_KEY) }}
          title={t('demoClock.moved')}
          data-testid="demo-clock-moved"
          description={
            <Flex vertical gap={4}>
              <Typography.Text strong data-testid="demo-clock-moved-instants">
                {t('demoClock.movedFromTo', {
                  from: formatShanghai(new Date(lastMove.from)),
                  to: formatShanghai(new Date(lastMove.to)),
                })}
              </Typography.Text>
              <span data-testid="demo-clock-moved-dates">
                {t('demoClock.movedDates', { from: lastMove.fromDate, to: lastMove.toDate })}
              </span>
              {canRunEndOfDay ? (
                <span>
                  {t('demoClock.movedEndOfDay')} {endOfDayLink}
                </span>
              ) : null}
            </Flex>
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card
            title={
              <span>
                <ClockCircleOutlined /> {t('demoClock.now')}
              </span>
            }
            style={{ height: '100%' }}
          >
            {clock.data && now ? (
              <ClockFace clock={clock.data} now={now} />
            ) : (
              <Skeleton active paragraph={{ rows: 3 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('demoClock.move')} style={{ height: '100%' }}>
            {!clock.data || !now ? (
              <Skeleton active paragraph={{ rows: 4 }} />
            ) : canMove ? (
              <Flex vertical gap={16}>
                <ClockMoves
                  clock={clock.data}
                  now={now}
                  isMoving={move.isPending}
                  onMove={(m) => move.mutate({ move: m, from: runOn(Date.now()) ?? now })}
                />
                {move.isError ? (
                  <Alert
                    type="error"
                    showIcon
                    title={t('demoClock.moveFailed')}
                    description={moveProblem(t, move.error, move.variables?.move, now)}
                    data-testid="demo-clock-error"
                  />
                ) : null}
              </Flex>
            ) : (
              <Alert
                type="info"
                showIcon
                title={t('demoClock.readOnly')}
                data-testid="demo-clock-read-only"
              />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/**
 * The running time in Shanghai, its date, the business date (a trading day or not, and the next one,
 * from the server's calendar) and where it stands to the fund cut-off.
 */
function ClockFace(props: { clock: DemoClock; now: Date }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { time } = shanghaiWallClock(props.now);
  const fullDate = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'Asia/Shanghai' }).format(
    props.now,
  );
  const { businessDate, isTradingDay, nextTradingDay } = props.clock;
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(`${businessDate}T00:00:00Z`),
  );
  // As the trade date of a fund order: a non-trading day's orders trade on the next trading day.
  const cutOff =
    isTradingDay === null
      ? { color: 'default', key: 'tradingDay.unknown' }
      : !isTradingDay
        ? { color: 'default', key: 'nonTradingDay' }
        : isPastFundCutOff(props.now)
          ? { color: 'orange', key: 'afterCutOff' }
          : { color: 'blue', key: 'beforeCutOff' };
  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Text
          strong
          style={{ fontSize: 40, lineHeight: 1.2, fontVariantNumeric: 'tabular-nums' }}
          data-testid="demo-clock-time"
        >
          {time}
        </Typography.Text>
        <div>
          <Typography.Text data-testid="demo-clock-date">{fullDate}</Typography.Text>
          <Typography.Text type="secondary"> · {t('demoClock.zone')}</Typography.Text>
        </div>
      </div>
      <Flex align="baseline" gap={8} wrap>
        <Typography.Text type="secondary">{t('demoClock.businessDate')}</Typography.Text>
        <Typography.Text strong style={{ fontSize: 20 }} data-testid="demo-clock-business-date">
          {businessDate}
        </Typography.Text>
        <Typography.Text type="secondary">{weekday}</Typography.Text>
        <Tag color={isTradingDay ? 'green' : 'default'} data-testid="demo-clock-trading-day">
          {t(`demoClock.tradingDay.${isTradingDay === null ? 'unknown' : isTradingDay ? 'yes' : 'no'}`)}
        </Tag>
      </Flex>
      {nextTradingDay !== null ? (
        <Flex align="baseline" gap={8} wrap>
          <Typography.Text type="secondary">{t('demoClock.tradingDay.next')}</Typography.Text>
          <Typography.Text data-testid="demo-clock-next-trading-day">{nextTradingDay}</Typography.Text>
        </Flex>
      ) : null}
      <Flex align="center" gap={8} wrap>
        <Typography.Text type="secondary">{t('demoClock.fundCutOff')}</Typography.Text>
        <Tag color={cutOff.color} style={SENTENCE_TAG} data-testid="demo-clock-cut-off">
          {t(`demoClock.${cutOff.key}`)}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('demoClock.refreshed')}
      </Typography.Text>
    </Flex>
  );
}
