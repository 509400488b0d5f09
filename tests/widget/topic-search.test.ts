/** The desk's chip ranking (widget/ido-registratie/topic-search.ts): the same counts give the same chips, ties included. */
import { expect } from '@open-wc/testing';
import { NATIONAL_FAVOURITES, searchTopics, topTopics, usageWeights } from '../../widget/ido-registratie/topic-search.js';

const topics = ['huurtoeslag', 'zorgtoeslag', 'digid-aanvragen', 'aow-pensioen', 'belastingaangifte'].map((code) => ({
  code,
  label: code,
  parent: null,
}));
const labelledTopics = [
  { code: 'zorgtoeslag', label: 'Zorgtoeslag', parent: null },
  { code: 'huurtoeslag', label: 'Huurtoeslag', parent: null },
];
const codes = (list: { code: string }[]) => list.map((t) => t.code);

describe('topTopics and usageWeights: the quick-entry chips', () => {
  it('puts the topics with the most questions first, and only topics that were asked', () => {
    const weights = new Map([
      ['aow-pensioen', 3],
      ['zorgtoeslag', 7],
      ['huurtoeslag', 5],
      ['onbekend', 9],
    ]);
    expect(codes(topTopics(topics, weights, 8))).to.deep.equal(['zorgtoeslag', 'huurtoeslag', 'aow-pensioen']);
    expect(codes(topTopics(topics, weights, 2))).to.deep.equal(['zorgtoeslag', 'huurtoeslag']);
  });

  it('breaks ties by label in Dutch collation, then by code, whatever order the counts or the value list came in', () => {
    const asked = [
      ['belastingaangifte', 4],
      ['zorgtoeslag', 4],
      ['huurtoeslag', 4],
    ] as const;
    const forward = topTopics(topics, new Map(asked), 8);
    const backward = topTopics([...topics].reverse(), new Map([...asked].reverse()), 8);
    expect(codes(forward)).to.deep.equal(['belastingaangifte', 'huurtoeslag', 'zorgtoeslag']);
    expect(codes(backward)).to.deep.equal(codes(forward));
    // Collation, not code points: "één" sorts with e, "Zorg" with z whatever its capital; equal labels by code.
    const labelled = [
      { code: 'b', label: 'Zorg', parent: null },
      { code: 'a', label: 'één loket', parent: null },
      { code: 'd', label: 'Aanvraag', parent: null },
      { code: 'c', label: 'Aanvraag', parent: null },
    ];
    const equal = new Map(labelled.map((t) => [t.code, 1]));
    expect(codes(topTopics(labelled, equal, 8))).to.deep.equal(['c', 'd', 'a', 'b']);
    expect(codes(topTopics([...labelled].reverse(), equal, 8))).to.deep.equal(['c', 'd', 'a', 'b']);
  });

  it('ranks search matches of equal fit by use, then by label like the chips', () => {
    const found = searchTopics(labelledTopics, 'toeslag', new Map());
    expect(codes(found)).to.deep.equal(['huurtoeslag', 'zorgtoeslag']);
    expect(codes(searchTopics(labelledTopics, 'toeslag', new Map([['zorgtoeslag', 1]])))).to.deep.equal(['zorgtoeslag', 'huurtoeslag']);
  });

  it("counts this browser's own choices double, and the national favourites as less than one visit", () => {
    const weights = usageWeights(
      new Map([
        ['zorgtoeslag', 6],
        ['huurtoeslag', 5],
      ]),
      ['huurtoeslag'],
    );
    expect(weights.get('huurtoeslag')).to.be.closeTo(5 + 2 + NATIONAL_FAVOURITES.length / 100, 1e-9);
    expect(codes(topTopics(topics, weights, 2))).to.deep.equal(['huurtoeslag', 'zorgtoeslag']);
    // Without counts, the favourites alone decide, in their own order.
    expect(codes(topTopics(topics, usageWeights(new Map(), []), 3))).to.deep.equal(
      NATIONAL_FAVOURITES.filter((c) => topics.some((t) => t.code === c)).slice(0, 3),
    );
  });
});
