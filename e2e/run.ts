/**
 * Browser journeys through both web apps against a real platform: builds the web apps if stale,
 * starts `onefin start` on free ports over a fresh data directory, drives Debian's Chromium, saves
 * screenshots to e2e/artifacts/, and ends with "N passed, M failed" (non-zero exit on any failure).
 */
import { chromium } from 'playwright-core';
import { catalogueJourneys } from './catalogue-journeys.ts';
import { consoleInvestingJourneys } from './console-investing-journeys.ts';
import { consoleJourneys } from './console-journeys.ts';
import { demoClockJourneys } from './demo-clock-journeys.ts';
import { runJourneys, runPagesOnPlatformClock } from './harness.ts';
import { investingJourneys } from './investing-journeys.ts';
import { ledgerJourneys } from './ledger-journeys.ts';
import { modelsJourneys } from './models-journeys.ts';
import { ensureWebBuilt, type Platform, startPlatform } from './platform.ts';
import { portalJourneys } from './portal-journeys.ts';
import { portalPlanJourneys } from './portal-plan-journeys.ts';
import { settlementJourneys } from './settlement-journeys.ts';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function main(): Promise<number> {
  const started = Date.now();
  ensureWebBuilt('portal');
  ensureWebBuilt('console');
  let platform: Platform | undefined;
  const stopPlatform = () => platform?.stop();
  process.once('SIGINT', () => void stopPlatform()?.finally(() => process.exit(130)));
  try {
    platform = await startPlatform();
    runPagesOnPlatformClock(platform.now);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const all = [
        ...portalJourneys(platform),
        ...consoleJourneys(platform),
        ...ledgerJourneys(platform),
        ...catalogueJourneys(platform),
        ...investingJourneys(platform),
        ...portalPlanJourneys(platform),
        ...consoleInvestingJourneys(platform),
        ...modelsJourneys(platform),
        // last: they move the demo clock on a day
        ...settlementJourneys(platform),
        // the demo clock page moves it a day on, from wherever the journeys before left it
        ...demoClockJourneys(platform),
      ];
      // JOURNEYS=text runs only the journeys whose name contains it (while working on them)
      const only = process.env.JOURNEYS;
      const { passed, failed } = await runJourneys(
        browser,
        only ? all.filter((j) => j.name.includes(only)) : all,
      );
      console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in e2e/artifacts/)`);
      console.log(`${passed} passed, ${failed} failed`);
      return failed === 0 ? 0 : 1;
    } finally {
      await browser.close();
    }
  } finally {
    await stopPlatform();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
