import type { App } from '@onefin/http';
import pino from 'pino';
import type { TestClient } from '../../test/client.ts';
import { residentIdCheckDigit, usccCheckDigit } from './id-numbers.ts';
import type { Answer, Questionnaire } from './questionnaire.ts';

/** Test helpers: valid identity numbers on demand, staff-side calls as the console makes them. */

/** A valid resident ID number: region, birth date (YYYYMMDD) and 3-digit sequence (odd = male). */
export function residentId(birth = '19900307', sequence = '303', region = '110105'): string {
  const body = `${region}${birth}${sequence}`;
  return `${body}${residentIdCheckDigit(body)}`;
}

/** A valid USCC: a company (91) registered in `region`, with a 9-character organisation code. */
export function usccOf(organisation = 'MA01ABCD', region = '440300'): string {
  const body = `91${region}${organisation}`.slice(0, 17).padEnd(17, '0');
  return `${body}${usccCheckDigit(body)}`;
}

let serial = 0;
/** Unique, valid ID numbers for one test file (sequence 100–997, away from the simulator's 998/999). */
export function freshResidentId(birth = '19850615'): string {
  serial += 1;
  const region = String(110101 + Math.floor(serial / 800)).padStart(6, '0');
  return residentId(birth, String(100 + (serial % 800)).padStart(3, '0'), region);
}

let mobileSerial = 0;
export function freshMobile(prefix = '1370'): string {
  mobileSerial += 1;
  return `${prefix}${String(process.pid % 1000).padStart(3, '0')}${String(mobileSerial).padStart(4, '0')}`;
}

/** Answers choosing, for each question, the option at `pickIndex(question)` (clamped). */
export function answersPicking(q: Questionnaire, pickIndex: (questionId: string) => number): Answer[] {
  return q.questions.map((question) => {
    const i = Math.min(Math.max(pickIndex(question.id), 0), question.options.length - 1);
    return { questionId: question.id, optionId: question.options[i]?.id ?? 'a' };
  });
}

export interface CustomerBody {
  id: string;
  customerNo: string;
  type: string;
  name: string;
  status: string;
  kycStatus: string;
  realNameStatus: string;
  screeningStatus: string;
  version: number;
  individual: {
    idNumberMasked: string | null;
    mobileMasked: string;
    gender: string | null;
    birthDate: string | null;
  } | null;
  corporate: { uscc: string } | null;
}

/** Opens an individual through the console as a branch would; throws unless 201. */
export async function openIndividual(
  staff: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<CustomerBody> {
  const res = await staff.post('/api/v1/customers/individuals', {
    name: '王小明',
    idNumber: freshResidentId(),
    mobile: freshMobile(),
    provinceCode: '31',
    city: '上海市',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`open individual: ${res.body}`);
  return res.json<CustomerBody>();
}

export async function openCorporate(
  staff: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<CustomerBody> {
  serial += 1;
  const res = await staff.post('/api/v1/customers/corporates', {
    name: '深圳市前海星辰科技有限公司',
    uscc: usccOf(`MA${String(serial).padStart(6, '0')}`),
    industry: 'I',
    size: 'small',
    legalRepresentative: '陈志强',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`open corporate: ${res.body}`);
  return res.json<CustomerBody>();
}

/**
 * Everything an app logs from now on, as raw JSON lines: swaps the destination of its pino logger
 * (request loggers are children and write through it). Create the app with a log level that logs.
 */
export function captureLogs(app: App): string[] {
  const lines: string[] = [];
  const log = app.log as unknown as Record<symbol, unknown>;
  log[pino.symbols.streamSym] = { write: (line: string) => lines.push(line) };
  return lines;
}
