/** Where the locator's map draws its markers (widget/ido-locator/spread.ts): never one over another. */
import { expect } from '@open-wc/testing';
import { MARKER_SPACING, spreadPoints, type Pixel } from '../../widget/ido-locator/spread.js';

const gaps = (points: Pixel[]) => points.flatMap((p, i) => points.slice(i + 1).map((q) => Math.hypot(p.x - q.x, p.y - q.y)));

describe('spreading the map markers', () => {
  it('leaves markers that are apart where they are', () => {
    const apart = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 0, y: 100 },
    ];
    expect(spreadPoints(apart)).to.deep.equal(apart);
  });

  it('moves a marker off one that covers it, the nearest in the list staying put', () => {
    const [first, second] = spreadPoints([
      { x: 200, y: 200 },
      { x: 210, y: 205 },
    ]);
    expect(first).to.deep.equal({ x: 200, y: 200 });
    expect(Math.hypot(second.x - first.x, second.y - first.y)).to.be.at.least(MARKER_SPACING - 1e-9);
    // It moves to a spot on a ring around its own point, not anywhere.
    expect(Math.hypot(second.x - 210, second.y - 205)).to.be.closeTo(MARKER_SPACING, 1e-9);
  });

  it('spreads any number of markers on one point so that none touches another', () => {
    const same = Array.from({ length: 20 }, () => ({ x: 300, y: 300 }));
    const spread = spreadPoints(same);
    expect(Math.min(...gaps(spread))).to.be.at.least(MARKER_SPACING - 1e-9);
    expect(spread[0]).to.deep.equal({ x: 300, y: 300 });
  });
});
