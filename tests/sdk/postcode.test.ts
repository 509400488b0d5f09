import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostcode } from '../../sdk/postcode.js';

describe('parsePostcode', () => {
  it('accepts PC6 in the usual notations', () => {
    const expected = { pc4: '3511', pc6: '3511AB', display: '3511 AB' };
    assert.deepEqual(parsePostcode('3511 AB'), expected);
    assert.deepEqual(parsePostcode('3511ab'), expected);
    assert.deepEqual(parsePostcode(' 3511  AB '), expected);
    assert.deepEqual(parsePostcode('3511Ab'), expected);
    assert.deepEqual(parsePostcode('\t3511\u00a0AB\n'), expected);
  });

  it('accepts PC4 alone', () => {
    assert.deepEqual(parsePostcode('3511'), { pc4: '3511', pc6: null, display: '3511' });
    assert.deepEqual(parsePostcode(' 9999 '), { pc4: '9999', pc6: null, display: '9999' });
    assert.deepEqual(parsePostcode('1000'), { pc4: '1000', pc6: null, display: '1000' });
  });

  it('rejects postcodes starting with 0', () => {
    assert.equal(parsePostcode('0511 AB'), null);
    assert.equal(parsePostcode('0511'), null);
  });

  it('rejects the unused letter pairs SA, SD and SS', () => {
    assert.equal(parsePostcode('3511 SA'), null);
    assert.equal(parsePostcode('3511 SD'), null);
    assert.equal(parsePostcode('3511 SS'), null);
    assert.equal(parsePostcode('3511ss'), null);
    assert.deepEqual(parsePostcode('3511 SB')?.display, '3511 SB');
  });

  it('rejects malformed input', () => {
    for (const input of ['35111', 'abcd', '', '   ', '351', '3511 A', '3511 ABC', '3511-AB', '35 11 AB', 'AB 3511', '３５１１ AB']) {
      assert.equal(parsePostcode(input), null, JSON.stringify(input));
    }
  });
});
