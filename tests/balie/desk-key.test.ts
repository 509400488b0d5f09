/** The desk page's key handling (balie/desk-key.ts): from the address, its form, how it is shown. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyFromAddress, keyProblem, maskKey, refusalOf } from '../../balie/desk-key.js';

const KEY = 'ido_dk_Vq3m0x9Qw2hLr8yT4nKp1sZb6cFd7gJe5aUo0iWx-_A';

test('a key in the address is taken out of it; the rest of the address stays', () => {
  assert.deepEqual(keyFromAddress(`https://ido.example.nl/balie?key=${KEY}`), { key: KEY, address: '/balie' });
  assert.deepEqual(keyFromAddress(`https://ido.example.nl/balie?lang=nl&key=${KEY}#recent`), {
    key: KEY,
    address: '/balie?lang=nl#recent',
  });
  assert.deepEqual(keyFromAddress(`https://ido.example.nl/balie?key=%20${KEY}%20`), { key: KEY, address: '/balie' });
  assert.deepEqual(keyFromAddress('https://ido.example.nl/balie?lang=nl'), { key: null, address: '/balie?lang=nl' });
  assert.deepEqual(keyFromAddress('https://ido.example.nl/balie?key='), { key: '', address: '/balie' });
});

test('the form of a key is checked before the server is asked; a secret key is refused by name', () => {
  assert.equal(keyProblem(KEY), null);
  assert.equal(keyProblem(`  ${KEY}\n`), null);
  assert.equal(keyProblem('ido_dk_demo_0000000000000000000000000000000000000000'), null);
  assert.equal(keyProblem(''), 'empty');
  assert.equal(keyProblem('   '), 'empty');
  assert.equal(keyProblem('ido_sk_Vq3m0x9Qw2hLr8yT4nKp1sZb6cFd7gJe5aUo0iWx'), 'secret');
  assert.equal(keyProblem('ido_dk_short'), 'format');
  assert.equal(keyProblem(`${KEY.slice(0, 20)} ${KEY.slice(20)}`), 'format');
  assert.equal(keyProblem('ido_st_Vq3m0x9Qw2hLr8yT4nKp1sZb6cFd7gJe5aUo0iWx'), 'format');
});

test('on screen a key shows its start and its last four characters only', () => {
  assert.equal(maskKey(KEY), `ido_dk_…${KEY.slice(-4)}`);
  assert.ok(!maskKey(KEY).includes(KEY.slice(7, -4)));
});

test("why a key was not accepted, from the server's status", () => {
  assert.equal(refusalOf(401), 'unknown');
  assert.equal(refusalOf(403), 'origin');
  assert.equal(refusalOf(0), 'offline');
  assert.equal(refusalOf(500), 'server');
  assert.equal(refusalOf(503), 'server');
});
