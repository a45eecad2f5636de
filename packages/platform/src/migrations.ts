import { auditMigrations } from '@onefin/audit';
import { customersMigrations } from '@onefin/customers';
import type { MigrationSource } from '@onefin/db';
import { identityMigrations } from '@onefin/identity';
import { investingMigrations } from '@onefin/investing';
import { kernelMigrations } from '@onefin/kernel';
import { ledgerMigrations } from '@onefin/ledger';
import { modelsMigrations } from '@onefin/models';
import { paymentsMigrations } from '@onefin/payments';
import { productsMigrations } from '@onefin/products';

/** Every owner's migrations. A new module adds its line here. */
export const allMigrations: MigrationSource[] = [
  { owner: 'kernel', migrations: kernelMigrations },
  { owner: 'audit', migrations: auditMigrations },
  { owner: 'identity', migrations: identityMigrations },
  { owner: 'customers', migrations: customersMigrations },
  { owner: 'ledger', migrations: ledgerMigrations },
  { owner: 'payments', migrations: paymentsMigrations },
  { owner: 'products', migrations: productsMigrations },
  { owner: 'investing', migrations: investingMigrations },
  { owner: 'models', migrations: modelsMigrations },
];
