/** Creating users and API keys: shared by the HTTP routes and the CLI. */
import * as z from 'zod/mini';
import { KeyKind, Role, UserInput } from '../../sdk/schemas/resources.js';
import { hashPassword, newSecret, sha256 } from '../crypto.js';
import type { Database } from '../db/client.js';
import { apiKeys, auditLog, users } from '../db/schema.js';

export interface NewUser {
  email: string;
  password: string;
  role: z.infer<typeof Role>;
  organisationId: string | null;
}

/** Validates (same schema as the API), hashes the password with scrypt and stores the user. */
export async function createUser(database: Database, input: NewUser) {
  const parsed = z.parse(UserInput, input);
  if (parsed.role === 'coordinator' && !parsed.organisationId)
    throw new Error('A coordinator belongs to an organisation: give --organisation.');
  const [row] = await database.db
    .insert(users)
    .values({
      email: parsed.email,
      passwordHash: await hashPassword(parsed.password),
      role: parsed.role,
      organisationId: parsed.role === 'national' ? null : parsed.organisationId!,
    })
    .returning();
  return { id: row.id, email: row.email, role: row.role, organisationId: row.organisationId, createdAt: row.createdAt.toISOString() };
}

export interface NewKey {
  organisationId: string;
  kind: z.infer<typeof KeyKind>;
  locationId: string | null;
  origins: string[];
  name: string | null;
  actor: string;
}

/** Makes a random 256-bit key, stores only its SHA-256, and returns the key once. */
export async function createKey(database: Database, input: NewKey) {
  const key = newSecret(input.kind === 'desk' ? 'ido_dk_' : 'ido_sk_');
  const [row] = await database.db
    .insert(apiKeys)
    .values({
      organisationId: input.organisationId,
      kind: input.kind,
      name: input.name,
      prefix: key.slice(0, 11),
      keyHash: sha256(key),
      locationId: input.kind === 'desk' ? input.locationId : null,
      origins: input.origins,
    })
    .returning();
  await database.db.insert(auditLog).values({
    organisationId: input.organisationId,
    entity: 'key',
    entityId: row.id,
    action: 'create',
    actor: input.actor,
    changes: { kind: row.kind, locationId: row.locationId, origins: row.origins },
  });
  return { ...presentKey(row), key };
}

export function presentKey(row: typeof apiKeys.$inferSelect) {
  return {
    id: row.id,
    organisationId: row.organisationId,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    locationId: row.locationId,
    origins: row.origins,
    createdAt: row.createdAt.toISOString(),
  };
}
