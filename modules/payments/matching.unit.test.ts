import { money } from '@onefin/kernel';
import { describe, expect, it } from 'vitest';
import { RECONCILIATION_HEADER } from './channel.ts';
import { type ChannelLine, matchDay, parseReconciliationFile } from './matching.ts';

const at = new Date('2026-03-02T02:00:00Z');
const charge = (
  requestId: string,
  fen: bigint,
  status: ChannelLine['status'] = 'succeeded',
): ChannelLine => ({
  channelRef: `stx_${requestId}`,
  requestId,
  type: 'charge',
  amount: money(fen),
  status,
  completedAt: at,
});

describe('matching a day of the bank against the books', () => {
  it('matches a top-up and a payout booked for the same amounts', () => {
    const payout: ChannelLine = { ...charge('pay_2', 500n), type: 'payout' };
    const result = matchDay(
      [charge('pay_1', 10_000n), payout],
      [
        { transferId: 'pay_1:topup', reference: 'pay_1', signedAmount: 10_000n },
        { transferId: 'pay_2:post', reference: 'pay_2', signedAmount: -500n },
      ],
      new Map([
        ['pay_1', 'succeeded'],
        ['pay_2', 'succeeded'],
      ]),
    );
    expect(result).toEqual({ matched: 2, breaks: [] });
  });

  it('names every kind of break', () => {
    const { matched, breaks } = matchDay(
      [charge('ext_1', 700n), charge('pay_3', 900n), charge('pay_4', 100n), charge('pay_5', 100n, 'failed')],
      [
        { transferId: 'ghost', reference: 'pay_ghost', signedAmount: 300n },
        { transferId: 'pay_3:topup', reference: 'pay_3', signedAmount: 800n },
        { transferId: 'pay_5:topup', reference: 'pay_5', signedAmount: 100n },
      ],
      new Map([
        ['pay_3', 'succeeded'],
        ['pay_4', 'created'],
        ['pay_5', 'succeeded'],
      ]),
    );
    expect(matched).toBe(0);
    expect(breaks.map((b) => [b.orderId, b.kind])).toEqual([
      ['ext_1', 'missing_in_ledger'],
      ['pay_3', 'amount_mismatch'],
      ['pay_4', 'status_mismatch'],
      ['pay_5', 'status_mismatch'],
      ['pay_ghost', 'missing_in_channel'],
    ]);
  });

  it('parses the bank file and refuses a malformed one', () => {
    const text = `${RECONCILIATION_HEADER}\nstx_1,pay_1,charge,100.50,CNY,succeeded,2026-03-02T02:00:00.000Z\n`;
    expect(parseReconciliationFile(text)).toEqual([
      { ...charge('pay_1', 10_050n), channelRef: 'stx_1', completedAt: new Date('2026-03-02T02:00:00.000Z') },
    ]);
    expect(() => parseReconciliationFile(`${RECONCILIATION_HEADER}\nstx_1,pay_1,refund,1,CNY,x,y\n`)).toThrow(
      /line 2/,
    );
  });
});
