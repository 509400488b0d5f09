/** The desk's chip ranking (widget/ido-registratie/topic-search.ts): the same counts give the same chips, ties included. */
import { expect } from '@open-wc/testing';
import { NATIONAL_FAVOURITES, topTopics, usageWeights } from '../../widget/ido-registratie/topic-search.js';

const topics = ['huurtoeslag', 'zorgtoeslag', 'digid-aanvragen', 'aow-pensioen', 'belastingaangifte'].map((code) => ({ code, label: code, parent: null }));
const codes = (list: { code: string }[]) => list.map((t) => t.code);

describe('topTopics and usageWeights: the quick-entry chips', () => {
  it('puts the topics with the most questions first, and only topics that were asked', () => {
    const weights = new Map([['aow-pensioen', 3], ['zorgtoeslag', 7], ['huurtoeslag', 5], ['onbekend', 9]]);
    expect(codes(topTopics(topics, weights, 8))).to.deep.equal(['zorgtoeslag', 'huurtoeslag', 'aow-pensioen']);
    expect(codes(topTopics(topics, weights, 2))).to.deep.equal(['zorgtoeslag', 'huurtoeslag']);
  });

  it('breaks ties by the order of the value list, whatever order the counts came in', () => {
    const asked = [['belastingaangifte', 4], ['zorgtoeslag', 4], ['huurtoeslag', 4]] as const;
    const forward = topTopics(topics, new Map(asked), 8);
    const backward = topTopics(topics, new Map([...asked].reverse()), 8);
    expect(codes(forward)).to.deep.equal(['huurtoeslag', 'zorgtoeslag', 'belastingaangifte']);
    expect(codes(backward)).to.deep.equal(codes(forward));
  });

  it("counts this browser's own choices double, and the national favourites as less than one visit", () => {
    const weights = usageWeights(new Map([['zorgtoeslag', 6], ['huurtoeslag', 5]]), ['huurtoeslag']);
    expect(weights.get('huurtoeslag')).to.be.closeTo(5 + 2 + NATIONAL_FAVOURITES.length / 100, 1e-9);
    expect(codes(topTopics(topics, weights, 2))).to.deep.equal(['huurtoeslag', 'zorgtoeslag']);
    // Without counts, the favourites alone decide, in their own order.
    expect(codes(topTopics(topics, usageWeights(new Map(), []), 3))).to.deep.equal(NATIONAL_FAVOURITES.filter((c) => topics.some((t) => t.code === c)).slice(0, 3));
  });
});
