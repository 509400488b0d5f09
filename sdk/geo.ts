// Great-circle distances, search bounding boxes and distance labels for locating IDO desks.

/** A WGS84 position in decimal degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** A latitude/longitude box in decimal degrees. */
export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/** Mean earth radius (IUGG), in km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

function checkPoint(p: LatLon, name: string): void {
  if (!p || !Number.isFinite(p.lat) || !Number.isFinite(p.lon) || Math.abs(p.lat) > 90) {
    throw new RangeError(`Invalid ${name}: expected { lat: -90..90, lon: number }`);
  }
}

/**
 * Great-circle distance between two points (haversine formula, earth radius 6371.0088 km).
 * @param a First point.
 * @param b Second point.
 * @returns Distance in km.
 * @throws {RangeError} When a coordinate is not finite or a latitude is outside -90..90.
 */
export function distanceKm(a: LatLon, b: LatLon): number {
  checkPoint(a, 'point a');
  checkPoint(b, 'point b');
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The smallest latitude/longitude box containing every point within `radiusKm` of `center`, for a
 * cheap pre-filter before {@link distanceKm}. When the circle reaches a pole or crosses the
 * antimeridian, the longitude range is the full -180..180.
 * @param center Centre point.
 * @param radiusKm Radius in km (>= 0).
 * @returns The box, latitudes clamped to -90..90.
 * @throws {RangeError} When the centre is invalid or the radius is negative or not finite.
 */
export function boundingBox(center: LatLon, radiusKm: number): BoundingBox {
  checkPoint(center, 'center');
  if (!Number.isFinite(radiusKm) || radiusKm < 0) throw new RangeError(`Invalid radius ${radiusKm}`);
  const r = radiusKm / EARTH_RADIUS_KM; // angular radius
  const lat = center.lat * RAD;
  const minLat = lat - r;
  const maxLat = lat + r;
  if (minLat <= -Math.PI / 2 || maxLat >= Math.PI / 2 || r >= Math.PI / 2) {
    return { minLat: Math.max(minLat / RAD, -90), maxLat: Math.min(maxLat / RAD, 90), minLon: -180, maxLon: 180 };
  }
  // Widest longitude extent of a spherical cap (it is reached poleward of the centre latitude).
  const dLon = Math.asin(Math.min(1, Math.sin(r) / Math.cos(lat))) / RAD;
  const minLon = center.lon - dLon;
  const maxLon = center.lon + dLon;
  if (minLon < -180 || maxLon > 180) {
    return { minLat: minLat / RAD, maxLat: maxLat / RAD, minLon: -180, maxLon: 180 };
  }
  return { minLat: minLat / RAD, maxLat: maxLat / RAD, minLon, maxLon };
}

function groupThousands(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * A short distance label: under 1 km in metres rounded to 10 m ('800 m'), under 10 km with one
 * decimal (nl '1,2 km', en '1.2 km'), otherwise whole km (nl '1.234 km', en '1,234 km').
 * @param km Distance in km (>= 0).
 * @param lang 'nl' or 'en' (decimal and thousands separators).
 * @returns The label.
 * @throws {RangeError} When `km` is negative or not finite.
 */
export function formatDistance(km: number, lang: 'nl' | 'en'): string {
  if (!Number.isFinite(km) || km < 0) throw new RangeError(`Invalid distance ${km}`);
  const decimal = lang === 'en' ? '.' : ',';
  const thousands = lang === 'en' ? ',' : '.';
  const metres = Math.round(km * 100) * 10;
  if (metres < 1000) return `${metres} m`;
  const tenths = Math.round(km * 10);
  if (tenths < 100) return `${Math.floor(tenths / 10)}${decimal}${tenths % 10} km`;
  return `${groupThousands(Math.round(km), thousands)} km`;
}
