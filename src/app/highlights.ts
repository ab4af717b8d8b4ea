import type { SimEvent } from '../engine/events';
import type { WorldLayout } from '../protocol/engine-api';
import type { LessonItem } from './ui/lesson';
import type { MapView } from './render/map-view';

/** A region's rectangle by name, or null. */
export function regionRect(layout: WorldLayout, name: string) {
  const r = layout.regions.find((x) => x.name === name);
  return r ? { x0: r.x0Um, y0: r.y0Um, x1: r.x1Um, y1: r.y1Um } : null;
}

/** A place an event names: its own (x, y) if it has one, else the organ it names, else null. */
function eventPlace(layout: WorldLayout, e: SimEvent): { x: number; y: number } | { organ: string } | null {
  const { x, y } = e.data;
  if (typeof x === 'number' && typeof y === 'number') return { x, y };
  for (const v of Object.values(e.data)) {
    if (typeof v === 'string' && layout.regions.some((r) => r.name === v)) return { organ: v };
  }
  return null;
}

/** Where the map points for a lesson step, and the zoom (relative to the fitted view). */
export interface StepPlace {
  /** Region outlined, or null for the circulation. */
  region: string | null;
  /** A point ringed (the kill, the new metastasis), or null. */
  point: { x: number; y: number } | null;
  /** Camera centre and zoom (1 = the whole body). */
  x: number;
  y: number;
  zoom: number;
}

/** Where a lesson step happens on the map, from its moment and the events of its tick. */
export function stepPlace(layout: WorldLayout, item: LessonItem, events: readonly SimEvent[]): StepPlace {
  const m = item.moment;
  const centre = (name: string, zoom: number): StepPlace => {
    const r = regionRect(layout, name)!;
    return { region: name, point: null, x: (r.x0 + r.x1) / 2, y: (r.y0 + r.y1) / 2, zoom };
  };
  const whole: StepPlace = { region: null, point: null, x: layout.worldSize.width / 2, y: layout.worldSize.height / 2, zoom: 1 };
  switch (m.step) {
    case 1:
    case 2:
      return centre('primary', 1.7);
    case 3: {
      // An event's tick is the one it happened in; the moment is the state after it.
      const kill = events.find((e) => e.type === 'ctc-killed' && e.tick === m.tick - 1);
      return kill ? { ...whole, point: { x: kill.data.x, y: kill.data.y } } : whole;
    }
    case 4:
      return m.organ ? centre(m.organ, 2) : whole;
    case 5: {
      if (!m.organ) return whole;
      const ev = events.find((e) => e.type === 'metastasis' && e.tick === m.tick - 1 && e.data.organ === m.organ);
      const place = centre(m.organ, 2.2);
      return ev ? { ...place, point: { x: ev.data.x, y: ev.data.y } } : place;
    }
  }
}

/**
 * Points the map at a lesson step: camera to the place, its region (or the whole circulation)
 * outlined, its event ringed, its agents at full strength and the rest dimmed. Returns the world
 * x of the place (the dialog docks on the other side).
 */
export function showStep(map: MapView, layout: WorldLayout, item: LessonItem, events: readonly SimEvent[]): StepPlace {
  const place = stepPlace(layout, item, events);
  if (place.region) {
    const rect = regionRect(layout, place.region);
    if (rect) map.highlight.region(rect);
  } else {
    map.highlight.paths(layout.vessels);
  }
  if (place.point) map.highlight.ring(place.point.x, place.point.y);
  // Step 2: ring the tips of the vessels sprouting now.
  if (item.def.step === 2) for (const t of map.tips().slice(0, 8)) map.highlight.ring(t.x, t.y);
  map.setEmphasis(item.def.emphasis);
  // Zoomed in, the place sits left of centre: the dialog docks on the right.
  map.focus(place.point?.x ?? place.x, place.point?.y ?? place.y, place.zoom, place.zoom > 1 ? 0.3 : 0.5);
  map.setPulsing(true);
  return place;
}

/** Clears what showStep marked and fits the whole body again. */
export function clearStep(map: MapView): void {
  map.setEmphasis(null);
  map.setPulsing(false);
  map.focus(0, 0, 1);
}

/** Shows where an event of the log happened, for a few seconds. */
export function highlightEvent(map: MapView, layout: WorldLayout, e: SimEvent): void {
  const place = eventPlace(layout, e);
  if (!place) return;
  if ('organ' in place) {
    const rect = regionRect(layout, place.organ);
    if (rect) map.highlight.region(rect);
  } else {
    map.highlight.point(place.x, place.y);
  }
  map.setPulsing(true);
  setTimeout(() => map.setPulsing(false), 4000);
}
