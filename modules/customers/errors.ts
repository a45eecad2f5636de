import type { ProblemTable } from '@onefin/kernel';

/** Everything a customer or a staff member can make the customers module refuse. */
export type CustomersError =
  | 'customer_not_found'
  | 'related_customer_not_found'
  | 'invalid_id_number'
  | 'invalid_uscc'
  | 'id_number_taken'
  | 'uscc_taken'
  | 'version_conflict'
  | 'not_an_individual'
  | 'not_a_corporate'
  | 'customer_closed'
  | 'identity_locked'
  | 'identity_incomplete'
  | 'already_verified'
  | 'invalid_status_transition'
  | 'relationship_not_allowed'
  | 'relationship_exists'
  | 'already_has_spouse'
  | 'contact_exists'
  | 'questionnaire_not_found'
  | 'questionnaire_outdated'
  | 'invalid_answers'
  | 'invalid_questionnaire'
  | 'screening_hit_not_found'
  | 'hit_already_resolved';

export const CUSTOMERS_PROBLEMS: ProblemTable<CustomersError> = {
  customer_not_found: { status: 404, title: 'Customer not found' },
  related_customer_not_found: { status: 422, title: 'The related customer does not exist' },
  invalid_id_number: { status: 400, title: 'This is not a valid resident ID number' },
  invalid_uscc: { status: 400, title: 'This is not a valid unified social credit code' },
  id_number_taken: { status: 409, title: 'Another customer already has this ID number' },
  uscc_taken: { status: 409, title: 'Another customer already has this unified social credit code' },
  version_conflict: { status: 409, title: 'Someone else changed this customer; reload and try again' },
  not_an_individual: { status: 422, title: 'This applies to individual customers only' },
  not_a_corporate: { status: 422, title: 'This applies to corporate customers only' },
  customer_closed: { status: 409, title: 'The customer relationship is closed' },
  identity_locked: {
    status: 409,
    title: 'Name and ID number cannot change after real-name verification; visit a branch',
  },
  identity_incomplete: { status: 422, title: 'Give the legal name and ID number first' },
  already_verified: { status: 409, title: 'Real-name verification already passed' },
  invalid_status_transition: { status: 409, title: 'The customer cannot move to this status from here' },
  relationship_not_allowed: { status: 422, title: 'This relationship does not fit these customers' },
  relationship_exists: { status: 409, title: 'These customers are already related' },
  already_has_spouse: { status: 409, title: 'One of them already has a spouse on record' },
  contact_exists: { status: 409, title: 'This person is already an authorised contact' },
  questionnaire_not_found: { status: 404, title: 'Questionnaire not found' },
  questionnaire_outdated: {
    status: 409,
    title: 'This questionnaire version is no longer in use; answer the current one',
  },
  invalid_answers: { status: 400, title: 'The answers do not fit the questionnaire' },
  invalid_questionnaire: { status: 400, title: 'The questionnaire definition is not publishable' },
  screening_hit_not_found: { status: 404, title: 'Screening match not found' },
  hit_already_resolved: { status: 409, title: 'This screening match was already resolved' },
};
