import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boundingBox, distanceKm, formatDistance } from '../../sdk/geo.js';

const UTRECHT_CS = { lat: 52.0894, lon: 5.11 };
const AMSTERDAM_CS = { lat: 52.3791, lon: 4.9003 };
const GRONINGEN = { lat: 53.2194, lon: 6.5665 };
const MAASTRICHT = { lat: 50.8514, lon: 5.691 };

const near = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} not within ${tolerance} of ${expected}`);

describe('distanceKm', () => {
  it('Utrecht Centraal – Amsterdam Centraal ≈ 35.4 km', () => {
    near(distanceKm(UTRECHT_CS, AMSTERDAM_CS), 35.4, 0.5);
  });

  it('Groningen – Maastricht ≈ 270 km', () => {
    near(distanceKm(GRONINGEN, MAASTRICHT), 270, 2);
  });

  it('is 0 for the same point and symmetric', () => {
    assert.equal(distanceKm(UTRECHT_CS, UTRECHT_CS), 0);
    assert.equal(distanceKm(GRONINGEN, MAASTRICHT), distanceKm(MAASTRICHT, GRONINGEN));
  });

  it('matches the earth radius on known arcs', () => {
    near(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 }), Math.PI * 6371.0088, 1e-6);
    near(distanceKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 }), (Math.PI / 180) * 6371.0088, 1e-9);
    near(distanceKm({ lat: 52, lon: 179.9 }, { lat: 52, lon: -179.9 }), distanceKm({ lat: 52, lon: 0 }, { lat: 52, lon: 0.2 }), 1e-9);
  });

  it('rejects invalid coordinates', () => {
    assert.throws(() => distanceKm({ lat: Number.NaN, lon: 0 }, UTRECHT_CS), RangeError);
    assert.throws(() => distanceKm(UTRECHT_CS, { lat: 91, lon: 0 }), RangeError);
  });
});

describe('boundingBox', () => {
  it('contains every point of the circle, and is tight', () => {
    const radius = 25;
    const box = boundingBox(UTRECHT_CS, radius);
    assert.ok(box.minLat < UTRECHT_CS.lat && UTRECHT_CS.lat < box.maxLat);
    assert.ok(box.minLon < UTRECHT_CS.lon && UTRECHT_CS.lon < box.maxLon);
    // 25 km of latitude is about 0.2248°.
    near(box.maxLat - UTRECHT_CS.lat, 0.2248, 0.0005);
    near(UTRECHT_CS.lat - box.minLat, 0.2248, 0.0005);
    // Points just inside the radius in many directions lie inside the box.
    for (let lat = box.minLat; lat <= box.maxLat; lat += 0.005) {
      for (let lon = box.minLon - 0.5; lon <= box.maxLon + 0.5; lon += 0.005) {
        if (distanceKm(UTRECHT_CS, { lat, lon }) <= radius) {
          assert.ok(lon >= box.minLon && lon <= box.maxLon, `${lat},${lon} outside the box`);
        }
      }
    }
    // The box edges are (nearly) reached by the circle.
    near(distanceKm(UTRECHT_CS, { lat: box.maxLat, lon: UTRECHT_CS.lon }), radius, 1e-6);
  });

  it('is a point for radius 0', () => {
    assert.deepEqual(boundingBox({ lat: 52, lon: 5 }, 0), { minLat: 52, maxLat: 52, minLon: 5, maxLon: 5 });
  });

  it('spans all longitudes near a pole or across the antimeridian', () => {
    const polar = boundingBox({ lat: 89.9, lon: 10 }, 50);
    assert.equal(polar.maxLat, 90);
    assert.deepEqual([polar.minLon, polar.maxLon], [-180, 180]);
    const dateLine = boundingBox({ lat: 0, lon: 179.9 }, 50);
    assert.deepEqual([dateLine.minLon, dateLine.maxLon], [-180, 180]);
  });

  it('rejects a negative radius', () => {
    assert.throws(() => boundingBox(UTRECHT_CS, -1), RangeError);
  });
});

describe('formatDistance', () => {
  it('formats km with a Dutch or English decimal separator', () => {
    assert.equal(formatDistance(1.2, 'nl'), '1,2 km');
    assert.equal(formatDistance(1.2, 'en'), '1.2 km');
    assert.equal(formatDistance(1.26, 'nl'), '1,3 km');
    assert.equal(formatDistance(9.94, 'en'), '9.9 km');
  });

  it('formats short distances in metres', () => {
    assert.equal(formatDistance(0.8, 'nl'), '800 m');
    assert.equal(formatDistance(0.8, 'en'), '800 m');
    assert.equal(formatDistance(0.123, 'nl'), '120 m');
    assert.equal(formatDistance(0, 'nl'), '0 m');
    assert.equal(formatDistance(0.9996, 'nl'), '1,0 km');
  });

  it('formats long distances in whole km with thousands separators', () => {
    assert.equal(formatDistance(35.43, 'nl'), '35 km');
    assert.equal(formatDistance(9.96, 'nl'), '10 km');
    assert.equal(formatDistance(1234.4, 'nl'), '1.234 km');
    assert.equal(formatDistance(1234.4, 'en'), '1,234 km');
  });

  it('rejects negative and non-finite distances', () => {
    assert.throws(() => formatDistance(-1, 'nl'), RangeError);
    assert.throws(() => formatDistance(Number.POSITIVE_INFINITY, 'en'), RangeError);
  });
});
