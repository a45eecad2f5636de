import { answersForLevel, type IncomeBand, type Occupation, type RiskLevel } from '@onefin/customers';
import type { Services } from '@onefin/platform';
import type { Gender } from './world/names.ts';
import { createPeopleGenerator, type Individual } from './world/people.ts';
import { createRng } from './world/random.ts';

/** A fixed demo log-in: who they are, and the risk level their questionnaire gives (null: not taken). */
export interface DemoCustomer {
  mobile: string;
  displayName: string;
  gender: Gender;
  /** Age on `DEMO_PROFILE_DATE`: the ID number's birth date comes from it. */
  age: number;
  email: string;
  occupation: Occupation;
  incomeBand: IncomeBand;
  riskLevel: RiskLevel | null;
}

/**
 * The demo log-ins' identities are drawn on a fixed date from a fixed stream (not the world's seed),
 * so 张伟 has the same ID number in every demo database, whatever size of world surrounds him.
 */
const DEMO_PROFILE_DATE = '2026-01-01';
const DEMO_PROFILE_SEED = 'onefin demo log-ins';

/** Each demo customer's generated identity (ID number, home city, address), in the order given. */
export function demoIdentities(demos: readonly DemoCustomer[]): Map<string, Individual> {
  const people = createPeopleGenerator(
    createRng(DEMO_PROFILE_SEED),
    DEMO_PROFILE_DATE,
    demos.map((d) => d.mobile),
  );
  return new Map(demos.map((d) => [d.mobile, people.person({ gender: d.gender, age: d.age }).individual]));
}

/**
 * What a newly registered demo customer then does in the portal: completes the profile (ID number,
 * address, occupation, income), passes real-name verification (KYC verified, so the prospect record
 * becomes an active customer) and takes the risk questionnaire. Returns the records it wrote.
 */
export async function completeDemoProfile(
  services: Services,
  customerId: string,
  demo: DemoCustomer,
  identity: Individual,
): Promise<number> {
  const { customers } = services;
  const actor = { type: 'customer', id: customerId, channel: 'app' } as const;
  const updated = await customers.updateIndividual(
    customerId,
    {
      idNumber: identity.idNumber,
      email: demo.email,
      provinceCode: identity.provinceCode,
      city: identity.city,
      address: identity.address,
      occupation: demo.occupation,
      incomeBand: demo.incomeBand,
    },
    actor,
  );
  if (!updated.ok) throw new Error(`seed: ${demo.displayName}'s profile was refused: ${updated.error}`);
  const verified = await customers.verifyRealName(customerId, actor);
  if (!verified.ok || verified.value.customer.kycStatus !== 'verified')
    throw new Error(
      `seed: ${demo.displayName} did not pass real-name verification: ${verified.ok ? verified.value.verification.outcome : verified.error}`,
    );
  if (!demo.riskLevel) return 1;
  const questionnaire = await customers.currentQuestionnaire('individual');
  const pick = createRng(`${DEMO_PROFILE_SEED} ${demo.mobile}`);
  const assessed = await customers.submitAssessment(
    customerId,
    {
      questionnaireId: questionnaire.id,
      answers: answersForLevel(questionnaire, demo.riskLevel, (n) => pick.int(0, n - 1)),
    },
    actor,
  );
  if (!assessed.ok || assessed.value.riskLevel !== demo.riskLevel)
    throw new Error(
      `seed: ${demo.displayName}'s questionnaire did not give ${demo.riskLevel}: ${assessed.ok ? assessed.value.riskLevel : assessed.error}`,
    );
  return 2;
}
