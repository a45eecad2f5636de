import type { MessageTree } from '@onefin/ui';
import type { demoClockProblemsZhCN, demoClockZhCN } from './demo.zh-CN.ts';

export const demoClockEn: MessageTree<typeof demoClockZhCN> = {
  title: 'Demo clock',
  subtitle:
    'The platform runs on a movable demo clock: move it forward to show T+1 confirmations, cooling-off ends or maturities on the spot, without waiting. It only moves forward.',
  notRunning: 'No demo clock',
  notRunningHint:
    'Only a demo started with onefin start --clock <instant> has a demo clock; production runs on real time.',
  now: 'Now',
  zone: 'Shanghai time (UTC+8)',
  businessDate: 'Business date',
  fundCutOff: 'Fund cut-off 15:00',
  beforeCutOff: "Before the cut-off: today's subscriptions take today's NAV",
  afterCutOff: "After the cut-off: subscriptions take the next trading day's NAV",
  nonTradingDay: "Not a trading day: subscriptions take the next trading day's NAV",
  tradingDay: {
    yes: 'Trading day',
    no: 'Not a trading day',
    unknown: 'Not in the trading calendar',
    next: 'Next trading day',
  },
  refreshed: 'Synchronised with the server every 5 seconds',
  move: 'Move the clock',
  quick: 'Common moves',
  plusHour: '+1 hour',
  plusDay: '+1 day',
  nextTradingDay: 'Next trading day 09:30',
  nextTradingDayUnknown:
    'The trading calendar does not reach past {{date}}, so the next trading day is not known; use a custom move instead.',
  todayAfterCutOff: 'Today 15:01 (after the 15:00 cut-off)',
  target: 'to {{time}}',
  confirmTitle: 'Move the clock to {{time}}?',
  confirmText:
    'The clock only moves forward and cannot be moved back; log-ins idle past their limit (yours too) lapse.',
  custom: 'Custom move',
  mode: { advance: 'Forward by a duration', to: 'To a date and time' },
  duration: 'Duration',
  durationHint:
    'ISO 8601 duration of weeks (W), days (D), hours (H), minutes (M), seconds (S), e.g. P1D, PT2H30M; no years or months',
  durationRequired: 'Enter a duration, e.g. P1D',
  durationInvalid:
    'Not a duration the clock takes: use ISO 8601 weeks, days, hours, minutes or seconds, e.g. P1D, PT2H30M (no years or months)',
  date: 'Date',
  dateRequired: 'Choose a date',
  time: 'Time (Shanghai)',
  timeRequired: 'Choose a time',
  submit: 'Move the clock',
  moveFailed: 'The clock was not moved',
  backwards: 'The clock is at {{now}} (Shanghai time); it only moves to a later time.',
  readOnly:
    'You can see the demo clock; moving it needs the “Move the demo clock” permission (operations or administrators).',
  moved: 'Clock moved',
  movedFromTo: '{{from}} → {{to}} (Shanghai time)',
  movedDates: 'Business date {{from}} → {{to}}',
  movedEndOfDay:
    'The worker runs the end of day for the settleable trade date by itself; see the result or run it on the end-of-day page.',
  openEndOfDay: 'Open end of day',
  sessionLapsed:
    'The clock is now at {{time}} and your log-in lapsed with it: log in again, then come back to this page to see the move.',
};

export const demoClockProblemsEn: MessageTree<typeof demoClockProblemsZhCN> = {
  clock_backwards: 'The clock only moves forward, never back to an earlier time',
};
