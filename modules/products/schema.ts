import type { Executor } from '@onefin/kernel';
import type { Generated, Insertable, Selectable } from 'kysely';

/** The products module's own tables; no other module reads or writes them. */
export type ProductsTables = {
  products_products: {
    id: string;
    code: string;
    kind: string;
    category: string;
    name_zh: string;
    name_en: string;
    /** 1–5 for R1–R5, so "at most R3" is a comparison. */
    risk_level: number;
    currency: string;
    channels: string[];
    customer_types: string[];
    status: 'draft' | 'under_review' | 'on_sale' | 'suspended' | 'closed';
    version: number;
    disclosure_zh: string;
    disclosure_en: string;
    /** The kind's terms sheet, validated by `productAttributes` (JSON). */
    attributes: unknown;
    sales_start: Date | null;
    sales_end: Date | null;
    term_days_min: number | null;
    term_days_max: number | null;
    /** NUMERIC, read as strings. */
    yield_min: string | null;
    yield_max: string | null;
    min_amount: bigint | null;
    fund_code: string | null;
    /** Generated: channels include web or app. */
    sold_online: Generated<boolean>;
    latest_nav_date: string | null;
    latest_nav: string | null;
    latest_acc_nav: string | null;
    latest_daily_return: string | null;
    latest_per_10k_income: string | null;
    latest_yield_7d: string | null;
    latest_return_1y: string | null;
    review_approval_id: string | null;
    created_by: string | null;
    created_at: Date;
    updated_at: Date;
    published_at: Date | null;
  };
  products_events: {
    product_id: string;
    version: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_id: string | null;
    approval_id: string | null;
    detail: unknown;
    at: Date;
  };
  products_navs: {
    product_id: string;
    nav_date: string;
    nav: string;
    acc_nav: string;
    per_10k_income: string | null;
    yield_7d: string | null;
    import_id: string | null;
  };
  products_nav_imports: {
    id: string;
    source: 'csv' | 'api' | 'bulk';
    staff_id: string | null;
    row_count: number;
    inserted: number;
    unchanged: number;
    fund_count: number;
    /** The validation report's warnings (JSON). */
    warnings: unknown;
    created_at: Date;
  };
  products_trading_holidays: {
    holiday_date: string;
    name_zh: string;
    name_en: string;
    provisional: boolean;
  };
};

export type ProductRow = Selectable<ProductsTables['products_products']>;
export type NewProductRow = Insertable<ProductsTables['products_products']>;
export type EventRow = Selectable<ProductsTables['products_events']>;
export type NavRow = Selectable<ProductsTables['products_navs']>;

export function productsDb(db: Executor) {
  return db.withTables<ProductsTables>();
}
