import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { users } from '../../server/db/schema.js';
import { describeError, jsonLogger, withoutParams } from '../../server/log.js';
import { backends, createTestContext, type TestContext } from '../helpers/context.js';

/** A logger whose lines are kept, to read back what would have reached stdout. */
function capturedLogger() {
  const lines: string[] = [];
  return {
    logger: jsonLogger(true, (line) => {
      lines.push(line);
    }),
    lines,
  };
}

for (const backend of backends) {
  describe(`a failed query in the log on ${backend}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(backend);
    });
    after(() => ctx.close());

    it('names the cause (SQLSTATE and constraint) and holds none of the parameters', async () => {
      const secretHash = 'scrypt$16384$8$1$c2VjcmV0LXNhbHQ=$bm90LWluLWFueS1sb2ctbGluZQ==';
      const email = 'twice@ido.test';
      await ctx.database.db.insert(users).values({ email, passwordHash: 'scrypt$first', role: 'national', organisationId: null });
      // The same e-mail again: a duplicate key, with a password hash among the parameters.
      const error = await ctx.database.db
        .insert(users)
        .values({ email, passwordHash: secretHash, role: 'national', organisationId: null })
        .then(
          () => null,
          (e: unknown) => e,
        );
      assert.ok(error instanceof Error, 'the duplicate was refused');
      assert.ok(String(error).includes(secretHash), 'drizzle puts the parameters in its message, which is why it is wrapped');

      const { logger, lines } = capturedLogger();
      logger.error({ msg: 'unhandled error', error });
      // Call sites written the old way (a string and the stack) are cut too.
      logger.error({ msg: 'as a string', error: String(error), stack: (error as Error).stack });
      assert.equal(lines.length, 2);
      for (const line of lines) {
        assert.ok(!line.includes(secretHash), line);
        assert.ok(!line.includes(email), `no parameter value, not even the e-mail: ${line}`);
        assert.ok(!line.includes('c2VjcmV0'), line);
      }
      const logged = JSON.parse(lines[0]).error;
      assert.match(logged.message, /^Failed query: insert into "users"/);
      assert.equal(logged.cause.code, '23505');
      assert.equal(logged.cause.constraint, 'users_email_live');
      assert.match(logged.cause.message, /duplicate key value violates unique constraint/);
      assert.match(logged.stack, /^ {4}at /);
      assert.match(JSON.parse(lines[1]).error, /params: \[not logged\]$/);
    });

    it('leaves out the value a data error quotes', async () => {
      const error = await ctx.database.rows(sql`select id from users where id = ${'not-a-uuid-but-a-secret'}`).then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(error instanceof Error);
      const described = JSON.stringify(describeError(error));
      assert.ok(!described.includes('not-a-uuid-but-a-secret'), described);
      assert.equal(describeError(error).cause?.code, '22P02');
    });
  });
}

describe('withoutParams', () => {
  it("cuts drizzle's parameter list, keeps the stack frames, and leaves other text alone", () => {
    const text = 'Error: Failed query: select 1 where a = $1\nparams: hunter2,other\n    at a (file.ts:1:1)\n    at b (file.ts:2:2)';
    assert.equal(
      withoutParams(text),
      'Error: Failed query: select 1 where a = $1\nparams: [not logged]\n    at a (file.ts:1:1)\n    at b (file.ts:2:2)',
    );
    assert.equal(withoutParams('Error: Failed query: x\nparams: hunter2'), 'Error: Failed query: x\nparams: [not logged]');
    assert.equal(withoutParams('connection refused'), 'connection refused');
  });
});
