import { hash } from '@node-rs/argon2';

// Test factories hash with argon2id's cheapest parameters: the suite makes hundreds of admins,
// and at the product's OWASP baseline (lib/auth/password.ts, unchanged) each hash costs ~50 ms of
// CPU. The hash still names its parameters, so the product's verifyPassword checks it as usual.
// Never imported by the product.
const cheap = { algorithm: 2 /* Argon2id */, memoryCost: 64, timeCost: 1, parallelism: 1 };

export function hashTestPassword(password: string): Promise<string> {
  return hash(password, cheap);
}
