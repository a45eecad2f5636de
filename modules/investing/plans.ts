import {
  businessDateOf,
  type CurrencyCode,
  type Executor,
  fail,
  type Money,
  newId,
  ok,
  parseMoney,
  type Result,
} from '@onefin/kernel';
import type { Channel } from '@onefin/products';
import type { Context } from './context.ts';
import type { InvestingError } from './errors.ts';
import { executionDay, firstDueAfter, nextDue, type PlanSchedule } from './plan-schedule.ts';
import { placePurchase } from './purchases.ts';
import { investingDb, type PlanRow, type PlanStatus } from './schema.ts';

/**
 * Regular investment plans (定投): a fixed amount into one fund every week, fortnight or month. The
 * worker places each run as an ordinary subscription under a key made of the plan and the date, so
 * a run is placed at most once even across crashes; a run the customer cannot pay (or may no
 * longer buy) is skipped with a notice and the plan goes on.
 */

export interface Plan extends PlanSchedule {
  id: string;
  customerId: string;
  productId: string;
  productCode: string;
  productNameZh: string;
  productNameEn: string;
  amount: Money;
  channel: Channel;
  staffId: string | null;
  status: PlanStatus;
  nextRunOn: string;
  createdAt: Date;
}

export interface PlanRun {
  dueOn: string;
  status: 'placed' | 'skipped';
  orderId: string | null;
  reason: string | null;
  at: Date;
}

export interface NewPlan extends PlanSchedule {
  customerId: string;
  productId: string;
  channel: Channel;
  staffId?: string | null;
  idempotencyKey: string;
  amount: Money;
}

function toPlan(r: PlanRow): Plan {
  return {
    id: r.id,
    customerId: r.customer_id,
    productId: r.product_id,
    productCode: r.product_code,
    productNameZh: r.product_name_zh,
    productNameEn: r.product_name_en,
    amount: { amount: r.amount, currency: r.currency as CurrencyCode },
    frequency: r.frequency,
    runDay: r.run_day,
    channel: r.channel as Channel,
    staffId: r.staff_id,
    status: r.status,
    nextRunOn: r.next_run_on,
    createdAt: r.created_at,
  };
}

const today = (d: Context) => businessDateOf(d.clock.now());

/**
 * Sets a plan up after the checks its first run would meet: a fund on sale through the channel,
 * suitable for the customer, and an amount at or above its minimum subscription.
 */
export async function createPlan(d: Context, input: NewPlan): Promise<Result<Plan, InvestingError>> {
  const existing = await investingDb(d.db)
    .selectFrom('investing_plans')
    .selectAll()
    .where('customer_id', '=', input.customerId)
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (existing) return ok(toPlan(existing));
  const product = await d.catalogueProduct(input.productId);
  if (!product) return fail('product_not_found');
  if (product.attributes.kind !== 'fund') return fail('wrong_product_kind');
  if (input.amount.currency !== product.currency) return fail('currency_mismatch');
  const decision = await d.products.suitabilityFor(input.customerId, product, input.channel);
  if (!decision.allowed) return fail(decision.reason, decision.messageEn);
  const minimum = parseMoney(product.attributes.minimumSubscription.amount, product.currency);
  if (input.amount.amount < minimum.amount) return fail('below_minimum');
  const now = d.clock.now();
  const row = await investingDb(d.db)
    .insertInto('investing_plans')
    .values({
      id: newId('plan'),
      customer_id: input.customerId,
      product_id: product.id,
      product_code: product.code,
      product_name_zh: product.nameZh,
      product_name_en: product.nameEn,
      currency: product.currency,
      amount: input.amount.amount,
      frequency: input.frequency,
      run_day: input.runDay,
      channel: input.channel,
      staff_id: input.staffId ?? null,
      status: 'active',
      next_run_on: firstDueAfter(input, today(d)),
      idempotency_key: input.idempotencyKey,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['customer_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  // A concurrent retry under the same key inserted first: answer with its plan.
  return row ? ok(toPlan(row)) : createPlan(d, input);
}

export async function plansOf(d: Context, customerId: string): Promise<Plan[]> {
  const rows = await investingDb(d.db)
    .selectFrom('investing_plans')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toPlan);
}

/** The customer's own plan (any plan without `customerId`). */
async function planOf(
  d: Context,
  planId: string,
  customerId?: string,
): Promise<Result<Plan, InvestingError>> {
  const row = await investingDb(d.db)
    .selectFrom('investing_plans')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!row || (customerId !== undefined && row.customer_id !== customerId)) return fail('plan_not_found');
  return ok(toPlan(row));
}

/** A plan with its latest runs, newest first; `customerId` limits it to the customer's own. */
export async function planWithRuns(
  d: Context,
  planId: string,
  customerId?: string,
): Promise<Result<Plan & { runs: PlanRun[] }, InvestingError>> {
  const plan = await planOf(d, planId, customerId);
  if (!plan.ok) return plan;
  const runs = await investingDb(d.db)
    .selectFrom('investing_plan_runs')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('due_on', 'desc')
    .limit(24)
    .execute();
  return ok({
    ...plan.value,
    runs: runs.map((r) => ({
      dueOn: r.due_on,
      status: r.status,
      orderId: r.order_id,
      reason: r.reason,
      at: r.at,
    })),
  });
}

/**
 * Pauses, resumes or stops the customer's plan. Resuming schedules the next date from today, so
 * the dates missed while paused are not bought afterwards; a stopped plan stays stopped.
 */
export async function setPlanStatus(
  d: Context,
  customerId: string,
  planId: string,
  status: PlanStatus,
): Promise<Result<Plan, InvestingError>> {
  const found = await planOf(d, planId, customerId);
  if (!found.ok) return found;
  if (found.value.status === 'stopped') return fail('plan_stopped');
  if (found.value.status === status) return ok(found.value);
  const row = await investingDb(d.db)
    .updateTable('investing_plans')
    .set({
      status,
      updated_at: d.clock.now(),
      ...(status === 'active' ? { next_run_on: firstDueAfter(found.value, today(d)) } : {}),
    })
    .where('id', '=', planId)
    .where('status', '<>', 'stopped')
    .returningAll()
    .executeTakeFirst();
  return row ? ok(toPlan(row)) : fail('plan_stopped');
}

async function recordRun(
  d: Context,
  trx: Executor,
  plan: Plan,
  run: Omit<PlanRun, 'at' | 'dueOn'>,
): Promise<void> {
  const at = d.clock.now();
  const inserted = await investingDb(trx)
    .insertInto('investing_plan_runs')
    .values({
      plan_id: plan.id,
      due_on: plan.nextRunOn,
      status: run.status,
      order_id: run.orderId,
      reason: run.reason,
      at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('plan_id')
    .executeTakeFirst();
  await investingDb(trx)
    .updateTable('investing_plans')
    .set({ next_run_on: nextDue(plan, plan.nextRunOn), updated_at: at })
    .where('id', '=', plan.id)
    .where('next_run_on', '=', plan.nextRunOn)
    .execute();
  // The notice to the customer, published with the run so it exists exactly when the run does.
  if (inserted && run.status === 'skipped' && d.events)
    await d.events.publish(trx, {
      aggregateType: 'investing_plan',
      aggregateId: plan.id,
      type: 'investing.plan_run_skipped',
      payload: {
        planId: plan.id,
        customerId: plan.customerId,
        productCode: plan.productCode,
        dueOn: plan.nextRunOn,
        amount: plan.amount.amount,
        currency: plan.amount.currency,
        reason: run.reason,
      },
    });
}

/**
 * One pass of the worker over the plans due today (a trading day): each due date is placed as a
 * subscription, or skipped with its reason. A date that passed a whole trading day unrun (the
 * worker was down) is skipped as `missed`, never bought late on top of the next one.
 */
export async function runDuePlans(d: Context): Promise<{ placed: number; skipped: number }> {
  const cal = await d.products.tradingCalendar();
  const date = today(d);
  const out = { placed: 0, skipped: 0 };
  if (executionDay(date, cal) !== date) return out;
  let after = '';
  for (;;) {
    const due = (
      await investingDb(d.db)
        .selectFrom('investing_plans')
        .selectAll()
        .where('status', '=', 'active')
        .where('next_run_on', '<=', date)
        .where('id', '>', after)
        .orderBy('id')
        .limit(200)
        .execute()
    ).map(toPlan);
    if (due.length === 0) return out;
    after = due.at(-1)?.id ?? after;
    for (const plan of due) {
      const outcome = await runOnce(d, plan, executionDay(plan.nextRunOn, cal) < date);
      out[outcome]++;
    }
    // Plans with more dates still due (several missed) come round on the next pass.
  }
}

async function runOnce(d: Context, plan: Plan, missed: boolean): Promise<'placed' | 'skipped'> {
  if (missed) {
    await d.db
      .transaction()
      .execute((trx) => recordRun(d, trx, plan, { status: 'skipped', orderId: null, reason: 'missed' }));
    return 'skipped';
  }
  const placed = await placePurchase(d, 'subscribe', {
    customerId: plan.customerId,
    productId: plan.productId,
    channel: plan.channel,
    staffId: plan.staffId,
    idempotencyKey: `plan:${plan.id}:${plan.nextRunOn}`,
    amount: plan.amount,
  });
  const run = placed.ok
    ? { status: 'placed' as const, orderId: placed.value.id, reason: null }
    : { status: 'skipped' as const, orderId: null, reason: placed.error };
  await d.db.transaction().execute((trx) => recordRun(d, trx, plan, run));
  return run.status;
}
