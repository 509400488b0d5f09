// Preloaded (`node --import`) into an `ido-server` child process by tests/helpers/cli.ts when the
// test gives `IDO_TEST_CLOCK_AT`: the process's clock then reads that instant when it starts and
// runs on with the real clock from there, as the injected `clock` does in the in-process tests. A
// test that kills a real server process (and so cannot hand it a clock) still decides its date.
const at = Date.parse(process.env.IDO_TEST_CLOCK_AT ?? '');
if (Number.isNaN(at)) throw new Error(`IDO_TEST_CLOCK_AT is not an instant: ${process.env.IDO_TEST_CLOCK_AT}`);
const RealDate = Date;
const offset = at - RealDate.now();

class TestDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }

  static now() {
    return RealDate.now() + offset;
  }
}
globalThis.Date = TestDate;
