import { isApiError } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';

/**
 * The movable demo clock (apps/console/src/demo-clock.ts): only on `onefin start --clock`, where
 * `GET /demo/clock` answers any staff member; every other start answers 404.
 */
export interface DemoClock {
  /** The platform's instant, ISO 8601 in UTC. */
  now: string;
  /** Its date on the Shanghai calendar, YYYY-MM-DD. */
  businessDate: string;
  /**
   * Whether the exchanges trade on the business date (weekends and the holiday table); null past the
   * years the server's trading calendar covers.
   */
  isTradingDay: boolean | null;
  /** The first trading day after the business date, YYYY-MM-DD; null past the calendar's years. */
  nextTradingDay: string | null;
}

/** A move: forward by an ISO 8601 duration (`P1D`, `PT2H`), or to a later instant with its offset. */
export type ClockMove = { advance: string } | { to: string };

export const DEMO_CLOCK_QUERY_KEY = ['demo', 'clock'] as const;

/** The demo clock, or `null` when the platform runs on real time (the route is not there). */
export async function fetchDemoClock(): Promise<DemoClock | null> {
  try {
    return await api.get<DemoClock>('/demo/clock');
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function moveDemoClock(move: ClockMove): Promise<DemoClock> {
  return api.post<DemoClock>('/demo/clock', move);
}

/**
 * The demo clock query; `refetchInterval` for a page that shows it running. `data` is `null` without
 * a demo clock, so the menu can leave its entry out without an error.
 */
export function useDemoClockQuery(refetchInterval?: number) {
  return useQuery({
    queryKey: DEMO_CLOCK_QUERY_KEY,
    queryFn: fetchDemoClock,
    staleTime: refetchInterval ?? 5 * 60_000,
    ...(refetchInterval ? { refetchInterval } : {}),
  });
}
