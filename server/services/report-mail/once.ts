/** `ido-server send-reports [--at …]`: one round of the report mailer, with the CLI's database. */
import type { Database } from '../../db/client.js';
import { createDeps } from '../../bootstrap.js';
import type { Config } from '../../env.js';
import { sendDueReports, type SendResult } from './send.js';
import { smtpTransport } from './transport.js';

export async function sendReportsOnce(database: Database, config: Config, at: Date): Promise<SendResult> {
  const deps = await createDeps(config, { database, clock: () => at });
  const transport = smtpTransport(config.smtpUrl!, config.mailFrom);
  try {
    return await sendDueReports(deps, transport, at);
  } finally {
    transport.close();
    await deps.rateLimiter.close?.();
  }
}
