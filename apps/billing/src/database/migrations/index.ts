import { CreateBillingSchema1764000000000 } from './1764000000000-CreateBillingSchema';

/** Every migration of the billing schema, in order. New migrations are appended here. */
export const BILLING_MIGRATIONS = [CreateBillingSchema1764000000000];
