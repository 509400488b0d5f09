/**
 * Who is calling, as `authenticate` (auth.ts) resolves the Bearer credential: nobody, a user, an
 * organisation's secret key or a desk key. In a file of its own so that `types.ts` (which puts it in
 * `c.var`) and `auth.ts` (which makes it and needs `AppEnv`) do not import each other.
 */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; role: 'national' | 'coordinator'; organisationId: string | null; actor: string }
  | { kind: 'secret'; keyId: string; organisationId: string; actor: string }
  | { kind: 'desk'; keyId: string; organisationId: string; locationId: string | null; actor: string };
