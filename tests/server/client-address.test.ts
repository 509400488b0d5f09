// The client address behind proxies (IDO_TRUST_PROXY): the pure picker and the start-up parsing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrustProxy, pickClientAddress } from '../../server/http/client-address.js';
import { readConfig } from '../../server/env.js';
import { cli } from '../helpers/cli.js';

const pick = (trust: string | undefined, socket: string | undefined, xff?: string) =>
  pickClientAddress(socket, xff, parseTrustProxy(trust));

describe('pickClientAddress without IDO_TRUST_PROXY', () => {
  it('takes the socket address and ignores any X-Forwarded-For', () => {
    assert.equal(pick(undefined, '203.0.113.5'), '203.0.113.5');
    assert.equal(pick(undefined, '203.0.113.5', '198.51.100.1'), '203.0.113.5');
    assert.equal(pick('', '203.0.113.5', '198.51.100.1, 10.0.0.1'), '203.0.113.5');
  });

  it('writes an IPv4 address seen on a dual-stack socket as IPv4, and says local without a socket', () => {
    assert.equal(pick(undefined, '::ffff:203.0.113.5'), '203.0.113.5');
    assert.equal(pick(undefined, '2001:DB8::1'), '2001:db8::1');
    assert.equal(pick(undefined, undefined, '198.51.100.1'), 'local');
  });
});

describe('pickClientAddress with a number of hops', () => {
  it('trusts that many hops from the right: what a client wrote on the left is ignored', () => {
    // One proxy: it is the socket's peer, and the entry it appended is the client.
    assert.equal(pick('1', '10.0.0.1', '198.51.100.1'), '198.51.100.1');
    assert.equal(pick('1', '10.0.0.1', '6.6.6.6, 198.51.100.1'), '198.51.100.1');
    assert.equal(pick('1', '10.0.0.1', '1.1.1.1,2.2.2.2 ,198.51.100.1'), '198.51.100.1');
    // Two proxies: the CDN appended the client, the load balancer appended the CDN.
    assert.equal(pick('2', '10.0.0.2', '6.6.6.6, 198.51.100.1, 10.0.0.1'), '198.51.100.1');
  });

  it('without the header, or with fewer entries than hops, takes the furthest address known', () => {
    assert.equal(pick('1', '10.0.0.1'), '10.0.0.1');
    assert.equal(pick('3', '10.0.0.2', '198.51.100.1'), '198.51.100.1');
  });

  it('does not give an entry that is no address a budget of its own', () => {
    assert.equal(pick('1', '10.0.0.1', 'unknown'), '10.0.0.1');
    assert.equal(pick('2', '10.0.0.2', '198.51.100.1, garbage, 10.0.0.1'), '10.0.0.1');
  });

  it('strips ports and brackets that some proxies write', () => {
    assert.equal(pick('1', '10.0.0.1', '198.51.100.1:51234'), '198.51.100.1');
    assert.equal(pick('1', '10.0.0.1', '[2001:db8::7]:443'), '2001:db8::7');
    assert.equal(pick('1', '10.0.0.1', '::ffff:198.51.100.1'), '198.51.100.1');
  });
});

describe('pickClientAddress with a list of proxies', () => {
  const trust = '10.0.0.0/8, 192.168.1.7, 2001:db8:aa::/48';

  it('walks from the right past the trusted proxies to the first address that is not one', () => {
    assert.equal(pick(trust, '10.1.2.3', '6.6.6.6, 198.51.100.1'), '198.51.100.1');
    assert.equal(pick(trust, '192.168.1.7', '6.6.6.6, 198.51.100.1, 10.9.9.9'), '198.51.100.1');
    assert.equal(pick(trust, '2001:db8:aa::1', '2001:db8:bb::5'), '2001:db8:bb::5');
    assert.equal(pick(trust, '::ffff:10.0.0.9', '198.51.100.1'), '198.51.100.1');
  });

  it('ignores the header from a peer that is not a trusted proxy', () => {
    assert.equal(pick(trust, '198.51.100.9', '10.0.0.1'), '198.51.100.9');
    assert.equal(pick(trust, '192.168.1.8', '198.51.100.1'), '192.168.1.8');
    assert.equal(pick(trust, '2001:db8:bb::1', '198.51.100.1'), '2001:db8:bb::1');
  });

  it('takes the leftmost entry when every hop is a trusted proxy, and never an entry that is no address', () => {
    assert.equal(pick(trust, '10.0.0.1', '10.0.0.3, 10.0.0.2'), '10.0.0.3');
    assert.equal(pick(trust, '10.0.0.1', 'made-up, 10.0.0.2'), '10.0.0.2');
  });
});

describe('parseTrustProxy', () => {
  it('reads unset, a number and a list', () => {
    assert.deepEqual(parseTrustProxy(undefined), { kind: 'none' });
    assert.deepEqual(parseTrustProxy('  '), { kind: 'none' });
    assert.deepEqual(parseTrustProxy('2'), { kind: 'hops', hops: 2 });
    const list = parseTrustProxy('10.0.0.0/8,::1,fd00::/8');
    assert.equal(list.kind, 'list');
  });

  for (const bad of [
    '0',
    '33',
    'yes',
    'true',
    '10.0.0.0/33',
    '10.0.0.300',
    '10.0.0.0/8,',
    'fd00::/129',
    '10.0.0.0/8/8',
    'proxy.example.nl',
    '10.0.0.0/x',
    '-1',
  ]) {
    it(`refuses ${JSON.stringify(bad)} with a message`, () => {
      assert.throws(
        () => parseTrustProxy(bad),
        (error: Error) => error.message.length > 10,
      );
    });
  }
});

describe('IDO_TRUST_PROXY at start', () => {
  it('is part of the configuration, and a bad value stops readConfig with its name', () => {
    assert.deepEqual(readConfig({}).trustProxy, { kind: 'none' });
    assert.deepEqual(readConfig({ IDO_TRUST_PROXY: '1' }).trustProxy, { kind: 'hops', hops: 1 });
    assert.throws(
      () => readConfig({ IDO_TRUST_PROXY: '10.0.0.0/40' }),
      /Invalid configuration:\n {2}IDO_TRUST_PROXY: "10\.0\.0\.0\/40" is not an IP address or CIDR range/,
    );
    // Reported together with the other wrong settings.
    assert.throws(
      () => readConfig({ IDO_TRUST_PROXY: 'yes', PORT: 'x' }),
      (error: Error) => /PORT/.test(error.message) && /IDO_TRUST_PROXY/.test(error.message),
    );
  });

  it('ido-server start refuses a bad value before it opens the database, naming it', async () => {
    const r = await cli(['start'], { IDO_TRUST_PROXY: 'every proxy', IDO_DATA_DIR: 'memory://', IDO_LOG: 'off' });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /IDO_TRUST_PROXY: "every proxy" is not an IP address or CIDR range/);
  });
});
