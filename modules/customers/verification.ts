import { createHash } from 'node:crypto';

/** What the registry answered: the name fits the number, does not, or the number is unknown. */
export type VerificationOutcome = 'match' | 'mismatch' | 'not_found';

export interface VerificationAnswer {
  outcome: VerificationOutcome;
  /** The provider's reference for the check (never the number itself). */
  reference: string;
}

/**
 * Real-name verification (实名认证): individuals against the citizen identity registry (公民身份信息
 * 核查), corporates against the enterprise credit registry. One adapter per provider; the simulator
 * is the only one until a real provider is contracted.
 */
export interface RealNameVerifier {
  readonly provider: string;
  verifyIndividual(input: { name: string; idNumber: string }): Promise<VerificationAnswer>;
  verifyCorporate(input: {
    name: string;
    uscc: string;
    legalRepresentative: string;
  }): Promise<VerificationAnswer>;
}

/**
 * The simulator's deterministic rules (for testers and the demo):
 * - an ID number whose sequence code (digits 15–17) is `999` is unknown to the registry: `not_found`;
 *   `998` is registered to someone else's name: `mismatch`; any other valid number matches;
 * - a USCC whose organisation code (characters 9–16) is `00000000` is `not_found`, `99999999` a
 *   `mismatch`; any other matches.
 */
export const VERIFIER_RULES = {
  idNotFoundSequence: '999',
  idMismatchSequence: '998',
  usccNotFoundOrg: '00000000',
  usccMismatchOrg: '99999999',
} as const;

function reference(...parts: string[]): string {
  return `SIM-${createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 16).toUpperCase()}`;
}

export function createSimulatedVerifier(): RealNameVerifier {
  return {
    provider: 'simulator',
    async verifyIndividual({ name, idNumber }) {
      const sequence = idNumber.slice(14, 17);
      const outcome: VerificationOutcome =
        sequence === VERIFIER_RULES.idNotFoundSequence
          ? 'not_found'
          : sequence === VERIFIER_RULES.idMismatchSequence
            ? 'mismatch'
            : 'match';
      return { outcome, reference: reference('id', idNumber, name) };
    },
    async verifyCorporate({ name, uscc }) {
      const org = uscc.slice(8, 16);
      const outcome: VerificationOutcome =
        org === VERIFIER_RULES.usccNotFoundOrg
          ? 'not_found'
          : org === VERIFIER_RULES.usccMismatchOrg
            ? 'mismatch'
            : 'match';
      return { outcome, reference: reference('uscc', uscc, name) };
    },
  };
}
