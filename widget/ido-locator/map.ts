/**
 * The optional map of `<ido-locator>`: Leaflet with the PDOK BRT-Achtergrondkaart. This module is
 * only ever loaded through `import()` when the `map` attribute is set, so Leaflet and its tiles
 * cost nothing (no bytes, no request to a third party) on a page without a map.
 */
import { css } from 'lit';
import type * as Leaflet from 'leaflet';
// Leaflet 1.9's package entry is a UMD file; its ES module sits beside it, without types of its own.
// @ts-expect-error -- typed through the `leaflet` types below
import * as LeafletModule from 'leaflet/dist/leaflet-src.esm.js';
import type { PublicLocation, PublicLocations } from '../../sdk/schemas/reports.js';
import { spreadPoints } from './spread.js';

const L = LeafletModule as typeof Leaflet;

const TILES = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';
const ATTRIBUTION = 'Kaartgegevens &copy; <a href="https://www.kadaster.nl">Kadaster</a>';

/** Texts the map shows, in the element's language. */
export interface MapLabels {
  zoomIn: string;
  zoomOut: string;
  /** Accessible name of a marker: "1. Bibliotheek Neude". */
  marker: (number: number, name: string) => string;
}

/**
 * The part of Leaflet 1.9.4's `leaflet.css` (BSD-2-Clause, © Volodymyr Agafonkin, CloudMade) that
 * this map uses: panes, tiles, markers, zoom and attribution controls. Left out: the layers control,
 * popups, tooltips, image icons and old-browser rules. Controls are enlarged to 44 px targets. At the
 * end, the locator's own markers.
 */
const leafletStyles = css`
  .leaflet-pane, .leaflet-tile, .leaflet-marker-icon, .leaflet-tile-container, .leaflet-pane > svg,
  .leaflet-pane > canvas, .leaflet-zoom-box, .leaflet-layer {
    position: absolute; left: 0; top: 0;
  }
  .leaflet-container { overflow: hidden; -webkit-tap-highlight-color: transparent; background: #ddd; outline-offset: 1px; font: inherit; font-size: 0.875em; line-height: 1.5; }
  .leaflet-tile, .leaflet-marker-icon { user-select: none; -webkit-user-drag: none; }
  .leaflet-tile::selection { background: transparent; }
  .leaflet-marker-icon { display: block; }
  .leaflet-container .leaflet-overlay-pane svg { max-width: none !important; max-height: none !important; }
  .leaflet-container .leaflet-marker-pane img, .leaflet-container .leaflet-tile-pane img, .leaflet-container .leaflet-tile {
    max-width: none !important; max-height: none !important; width: auto; padding: 0;
  }
  .leaflet-container img.leaflet-tile { mix-blend-mode: plus-lighter; }
  .leaflet-container.leaflet-touch-zoom { touch-action: pan-x pan-y; }
  .leaflet-container.leaflet-touch-drag { touch-action: pinch-zoom; }
  .leaflet-container.leaflet-touch-drag.leaflet-touch-zoom { touch-action: none; }
  .leaflet-tile { filter: inherit; visibility: hidden; }
  .leaflet-tile-loaded { visibility: inherit; }
  .leaflet-zoom-box { width: 0; height: 0; box-sizing: border-box; z-index: 800; border: 2px dotted #38f; background: rgb(255 255 255 / 0.5); }
  .leaflet-pane { z-index: 400; }
  .leaflet-tile-pane { z-index: 200; }
  .leaflet-overlay-pane { z-index: 400; }
  .leaflet-shadow-pane { z-index: 500; }
  .leaflet-marker-pane { z-index: 600; }
  .leaflet-tooltip-pane { z-index: 650; }
  .leaflet-popup-pane { z-index: 700; }
  .leaflet-map-pane canvas { z-index: 100; }
  .leaflet-map-pane svg { z-index: 200; }
  .leaflet-control { position: relative; z-index: 800; pointer-events: auto; float: left; clear: both; cursor: auto; }
  .leaflet-top, .leaflet-bottom { position: absolute; z-index: 1000; pointer-events: none; }
  .leaflet-top { top: 0; }
  .leaflet-right { right: 0; }
  .leaflet-bottom { bottom: 0; }
  .leaflet-left { left: 0; }
  .leaflet-right .leaflet-control { float: right; }
  .leaflet-top .leaflet-control { margin-top: 10px; }
  .leaflet-bottom .leaflet-control { margin-bottom: 10px; }
  .leaflet-left .leaflet-control { margin-left: 10px; }
  .leaflet-right .leaflet-control { margin-right: 10px; }
  .leaflet-zoom-animated { transform-origin: 0 0; }
  svg.leaflet-zoom-animated { will-change: transform; }
  .leaflet-zoom-anim .leaflet-zoom-animated { transition: transform 0.25s cubic-bezier(0, 0, 0.25, 1); }
  .leaflet-zoom-anim .leaflet-tile, .leaflet-pan-anim .leaflet-tile { transition: none; }
  .leaflet-zoom-anim .leaflet-zoom-hide { visibility: hidden; }
  .leaflet-interactive { cursor: pointer; }
  .leaflet-grab { cursor: grab; }
  .leaflet-dragging .leaflet-grab, .leaflet-dragging .leaflet-grab .leaflet-interactive { cursor: grabbing; }
  .leaflet-marker-icon, .leaflet-pane > svg path, .leaflet-tile-container { pointer-events: none; }
  .leaflet-marker-icon.leaflet-interactive, .leaflet-pane > svg path.leaflet-interactive { pointer-events: auto; }
  .leaflet-bar { border-radius: 4px; border: 2px solid rgb(0 0 0 / 0.35); background-clip: padding-box; }
  .leaflet-bar a {
    display: block; width: 44px; height: 44px; line-height: 44px; text-align: center; text-decoration: none;
    background-color: #fff; color: #000; border-bottom: 1px solid #ccc;
  }
  .leaflet-bar a:hover, .leaflet-bar a:focus { background-color: #f4f4f4; }
  .leaflet-bar a:first-child { border-top-left-radius: 2px; border-top-right-radius: 2px; }
  .leaflet-bar a:last-child { border-bottom-left-radius: 2px; border-bottom-right-radius: 2px; border-bottom: none; }
  .leaflet-bar a.leaflet-disabled { cursor: default; background-color: #f4f4f4; color: #6b6b6b; }
  .leaflet-control-zoom-in, .leaflet-control-zoom-out { font: bold 24px/44px system-ui, sans-serif; }
  .leaflet-container .leaflet-control-attribution { background: rgb(255 255 255 / 0.9); margin: 0; padding: 0 5px; color: #333; line-height: 24px; }
  /* At least 24 px to tap (WCAG 2.2 target size), also for the credits' links. */
  .leaflet-control-attribution a { color: #1a5fb4; display: inline-block; min-block-size: 24px; min-inline-size: 24px; }
  .leaflet-marker-icon:focus-visible, .leaflet-container:focus-visible, .leaflet-bar a:focus-visible {
    outline: 3px solid #000; outline-offset: 2px; box-shadow: 0 0 0 5px #fff;
  }
  /* The markers, numbered as in the list, and the search origin (doubled class: Leaflet's rules above set display: block). */
  .map-marker.map-marker {
    display: grid;
    place-items: center;
    border: 2px solid #ffffff;
    border-radius: 50%;
    background: #1b1b1b;
    color: #ffffff;
    font-weight: 700;
    font-size: 16px;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.5);
  }
  .map-origin {
    border: 3px solid #ffffff;
    border-radius: 50%;
    background: var(--_action-bg);
    box-shadow: 0 0 0 2px var(--_action-bg);
  }
  @media (forced-colors: active) {
    .leaflet-bar a { forced-color-adjust: auto; border-color: ButtonText; }
    .map-marker,
    .map-origin {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
      border-color: Canvas;
    }
  }
`;

/** Adds Leaflet's styles to the shadow root once (a `<style>` inside the map where sheets cannot be adopted). */
function adoptStyles(root: ShadowRoot, container: HTMLElement): void {
  const sheet = leafletStyles.styleSheet;
  if (sheet && 'adoptedStyleSheets' in root) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = leafletStyles.cssText;
  container.append(style);
}

/** A Leaflet map of the search origin and the found locations, numbered as in the list. */
export class LocatorMap {
  private readonly map: Leaflet.Map;
  private readonly markers: Leaflet.LayerGroup;
  private readonly container: HTMLElement;
  private zoom?: Leaflet.Control.Zoom;
  /** The numbered markers with the point each stands for (the marker may be drawn beside it). */
  private placed: { marker: Leaflet.Marker; at: Leaflet.LatLng }[] = [];

  /**
   * @param container An empty element with a height, inside `root`.
   * @param root The shadow root that receives Leaflet's styles.
   * @param onMarker Called with the list index when a marker is clicked or chosen with the keyboard.
   */
  constructor(
    container: HTMLElement,
    root: ShadowRoot,
    private readonly onMarker: (index: number) => void,
  ) {
    this.container = container;
    adoptStyles(root, container);
    this.map = L.map(container, {
      minZoom: 6,
      maxZoom: 19,
      zoomControl: false,
      // Turning the wheel scrolls the page, not the map: a page that suddenly zooms instead of scrolling confuses.
      scrollWheelZoom: false,
    });
    this.map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    L.tileLayer(TILES, {
      minZoom: 6,
      maxZoom: 19,
      attribution: ATTRIBUTION,
      // PDOK needs no referrer; the page the visitor is on is none of its business.
      referrerPolicy: 'no-referrer',
    } as Leaflet.TileLayerOptions).addTo(this.map);
    this.markers = L.layerGroup().addTo(this.map);
    this.map.on('zoomend', () => this.spread());
  }

  /** Draws the markers where none covers another at this zoom (spread.ts); each stands for its own point. */
  private spread(): void {
    const at = spreadPoints(this.placed.map((p) => this.map.latLngToLayerPoint(p.at)));
    this.placed.forEach((p, i) => {
      p.marker.setLatLng(this.map.layerPointToLatLng(L.point(at[i].x, at[i].y)));
    });
  }

  /** Whether this map is drawn in `element` (Lit may have replaced the container). */
  isIn(element: HTMLElement): boolean {
    return this.container === element && element.isConnected;
  }

  /** Shows the origin and the locations, fitting the view around them. */
  show(items: PublicLocation[], origin: { lat: number; lon: number } | null, labels: MapLabels): void {
    this.zoom?.remove();
    this.zoom = L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(this.map);
    this.map.invalidateSize();
    this.markers.clearLayers();
    this.placed = [];
    const points: Leaflet.LatLngExpression[] = items.map((l) => [l.coordinates.lat, l.coordinates.lon]);
    if (origin) points.push([origin.lat, origin.lon]);
    // The view first: Leaflet creates a marker's element only once the map has one.
    if (points.length === 1) this.map.setView(points[0], 15);
    else this.map.fitBounds(L.latLngBounds(points), { padding: [32, 32], maxZoom: 15 });
    if (origin) {
      L.marker([origin.lat, origin.lon], {
        icon: L.divIcon({ className: 'map-origin', iconSize: [18, 18] }),
        interactive: false,
        keyboard: false,
        zIndexOffset: -1000,
      })
        .addTo(this.markers)
        .getElement()
        ?.setAttribute('aria-hidden', 'true');
    }
    items.forEach((location, index) => {
      const name = labels.marker(index + 1, location.name);
      const marker = L.marker([location.coordinates.lat, location.coordinates.lon], {
        icon: L.divIcon({ className: 'map-marker', html: String(index + 1), iconSize: [44, 44] }),
        title: name,
        riseOnHover: true,
      }).addTo(this.markers);
      marker.getElement()?.setAttribute('aria-label', name);
      marker.on('click', () => this.onMarker(index));
      // Leaflet makes the marker a focusable button, but only turns Enter into a click for popups.
      marker.on('keypress', (event) => {
        const key = (event as Leaflet.LeafletKeyboardEvent).originalEvent.key;
        if (key === 'Enter' || key === ' ') this.onMarker(index);
      });
      this.placed.push({ marker, at: L.latLng(location.coordinates.lat, location.coordinates.lon) });
    });
    this.spread();
  }

  destroy(): void {
    this.map.remove();
  }
}

/** What `<ido-locator>` tells the map on every update. */
export interface MapView {
  root: ShadowRoot;
  /** The `map` attribute. */
  on: boolean;
  /** The answer on screen, if any. */
  found?: { result: PublicLocations };
  lang: string;
  labels: MapLabels;
  /** The map is drawn. */
  ready(): void;
}

/** Per element (its shadow root): the map, and the answer and language it shows. */
const shown = new WeakMap<ShadowRoot, { map?: LocatorMap; found?: unknown; lang?: string }>();

/** Creates, fills or removes the map of an element, after its update. */
export function syncMap(view: MapView): void {
  const { root, found } = view;
  let state = shown.get(root);
  if (!state) shown.set(root, (state = {}));
  const container = root.querySelector<HTMLElement>('.map');
  if (!view.on || !container) {
    if (!view.on) dropMap(root);
    return;
  }
  if (!found || !found.result.items.length) return;
  if (state.found === found && state.lang === view.lang) return;
  state.found = found;
  state.lang = view.lang;
  if (!state.map || !state.map.isIn(container)) {
    state.map?.destroy();
    // A marker chosen on the map brings its card into view and puts focus on the card's name.
    state.map = new LocatorMap(container, root, (index) => {
      const heading = root.querySelector<HTMLElement>(`#loc-${index}-name`);
      heading?.focus({ preventScroll: true });
      heading?.scrollIntoView({ block: 'nearest' });
    });
  }
  state.map.show(found.result.items, found.result.origin, view.labels);
  view.ready();
}

/** Removes an element's map (the `map` attribute went, or the element left the page). */
export function dropMap(root: ShadowRoot): void {
  shown.get(root)?.map?.destroy();
  shown.delete(root);
}
