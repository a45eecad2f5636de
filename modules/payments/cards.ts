import { fail, newId, ok, type Result } from '@onefin/kernel';
import { type BankCode, checkCardNumber, maskCardNumber } from './banks.ts';
import type { PaymentsError } from './errors.ts';
import type { CardId, Deps, PaymentCard } from './model.ts';
import { type CardRow, paymentsDb } from './schema.ts';

function toCard(r: CardRow): PaymentCard {
  return {
    id: r.id as CardId,
    customerId: r.customer_id,
    bankCode: r.bank_code as BankCode,
    last4: r.last4,
    maskedNumber: r.masked_number,
    createdAt: r.created_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/**
 * Binds a debit card: checked here (Luhn, listed bank), verified by the channel, stored as a
 * masked number, bank, last four and keyed hash — never the number itself.
 */
export async function bindCard(
  d: Deps,
  customerId: string,
  cardNumber: string,
): Promise<Result<PaymentCard, PaymentsError>> {
  const checked = checkCardNumber(cardNumber);
  if (!checked.ok) return fail(checked.error);
  const hash = d.pii.lookupHash(`card:${cardNumber}`);
  const db = paymentsDb(d.db);
  const bound = await db
    .selectFrom('payments_cards')
    .select('customer_id')
    .where('card_hash', '=', hash)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (bound) return fail('card_already_bound');
  const channelCard = await d.channel.bindCard(cardNumber);
  if (!channelCard.ok) return fail(channelCard.error);
  try {
    const row = await db
      .insertInto('payments_cards')
      .values({
        id: newId('card'),
        customer_id: customerId,
        bank_code: channelCard.value.bankCode,
        last4: channelCard.value.last4,
        masked_number: maskCardNumber(cardNumber),
        card_hash: hash,
        channel_token: channelCard.value.token,
        status: 'active',
        created_at: d.clock.now(),
        removed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return ok(toCard(row));
  } catch (error) {
    // Two bindings of the same card raced: the unique index let one through.
    if (isUniqueViolation(error)) return fail('card_already_bound');
    throw error;
  }
}

/** The customer's active cards, oldest first. */
export async function listCards(d: Deps, customerId: string): Promise<PaymentCard[]> {
  const rows = await paymentsDb(d.db)
    .selectFrom('payments_cards')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  return rows.map(toCard);
}

/** Unbinds one of the customer's own cards; someone else's card id is `card_not_found`. */
export async function unbindCard(
  d: Deps,
  customerId: string,
  cardId: string,
): Promise<Result<void, PaymentsError>> {
  const row = await paymentsDb(d.db)
    .updateTable('payments_cards')
    .set({ status: 'removed', removed_at: d.clock.now() })
    .where('id', '=', cardId)
    .where('customer_id', '=', customerId)
    .where('status', '=', 'active')
    .returning('id')
    .executeTakeFirst();
  return row ? ok(undefined) : fail('card_not_found');
}

/** An active card of this customer, with the channel token payments use. */
export async function activeCard(
  d: Deps,
  customerId: string,
  cardId: string,
): Promise<(PaymentCard & { token: string }) | undefined> {
  const row = await paymentsDb(d.db)
    .selectFrom('payments_cards')
    .selectAll()
    .where('id', '=', cardId)
    .where('customer_id', '=', customerId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ? { ...toCard(row), token: row.channel_token } : undefined;
}

/** The token of a card whatever its status: a payment in flight finishes after an unbind. */
export async function cardToken(d: Deps, cardId: string): Promise<string> {
  const row = await paymentsDb(d.db)
    .selectFrom('payments_cards')
    .select('channel_token')
    .where('id', '=', cardId)
    .executeTakeFirstOrThrow();
  return row.channel_token;
}
