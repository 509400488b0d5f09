/**
 * Where to draw the map's numbered markers so that none covers another: two libraries in one
 * building, or a search at low zoom, would otherwise put marker 2 under marker 1, where nobody can
 * read or tap it. Pure and in pixels, so the map calls it again after every zoom.
 */

export interface Pixel {
  x: number;
  y: number;
}

/** Marker centres closer than this would touch (44 px markers and a 4 px gap). */
export const MARKER_SPACING = 48;

/**
 * Each point keeps its place unless an earlier one is nearer than `spacing`; then it moves to the
 * first free spot on rings around its own place (6 spots on the first ring, 12 on the second, …),
 * starting straight above it. Earlier points (nearer in the list) never move for later ones.
 */
export function spreadPoints(points: readonly Pixel[], spacing = MARKER_SPACING): Pixel[] {
  const placed: Pixel[] = [];
  const free = (c: Pixel) => placed.every((q) => Math.hypot(q.x - c.x, q.y - c.y) >= spacing - 1e-9);
  for (const point of points) {
    let spot = point;
    for (let ring = 1; !free(spot); ring++) {
      const spots = 6 * ring;
      const found = Array.from({ length: spots }, (_, i) => {
        const angle = (2 * Math.PI * i) / spots - Math.PI / 2;
        return { x: point.x + ring * spacing * Math.cos(angle), y: point.y + ring * spacing * Math.sin(angle) };
      }).find(free);
      if (found) spot = found;
    }
    placed.push(spot);
  }
  return placed;
}
