import type { ProblemTable } from '@onefin/kernel';

/** Everything staff or customers can make the product factory refuse. */
export type ProductsError =
  | 'product_not_found'
  | 'code_taken'
  | 'fund_code_taken'
  | 'version_conflict'
  | 'invalid_transition'
  | 'invalid_product'
  | 'invalid_reprice'
  | 'review_not_pending'
  | 'approval_refused'
  | 'invalid_cursor'
  | 'not_a_fund'
  | 'nav_import_rejected';

export const PRODUCTS_PROBLEMS: ProblemTable<ProductsError> = {
  product_not_found: { status: 404, title: 'Product not found' },
  code_taken: { status: 409, title: 'Another product has this code' },
  fund_code_taken: { status: 409, title: 'Another fund has this fund code' },
  version_conflict: { status: 409, title: 'Someone else changed this product; reload and try again' },
  invalid_transition: { status: 409, title: 'The product is not in a state that allows this' },
  invalid_product: { status: 400, title: 'The product is not valid' },
  invalid_reprice: { status: 422, title: 'This is not a valid reprice of the product' },
  review_not_pending: { status: 409, title: 'The product has no pending review' },
  approval_refused: { status: 409, title: 'The maker–checker proposal was refused' },
  invalid_cursor: { status: 400, title: 'The paging cursor is not one this list gave out' },
  not_a_fund: { status: 422, title: 'Only funds have NAVs' },
  nav_import_rejected: { status: 422, title: 'The NAV file was rejected; nothing was imported' },
};
