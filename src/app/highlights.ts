import type { SimEvent } from '../engine/events';
import type { WorldLayout } from '../protocol/engine-api';
import type { MapView } from './render/map-view';
import { organOfMetric } from './steps';
import type { Reached } from './ui/lesson';

function regionRect(layout: WorldLayout, name: string) {
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

/**
 * Points the map at a lesson checkpoint: the place of an event of that tick when one has a
 * position, else the organ the metric names, else the step's part of the body map. Returns the
 * world x of what it marked (the dialog docks on the other side).
 */
export function highlightReached(map: MapView, layout: WorldLayout, r: Reached, events: readonly SimEvent[]): number {
  const organs = layout.regions.filter((x) => x.id > 0).map((x) => x.name);
  const organ = organOfMetric(r.metric, organs);
  const located = events.find((e) => e.tick === r.tick && typeof e.data.x === 'number' && typeof e.data.y === 'number');
  let x = layout.worldSize.width / 2;
  if (located) {
    x = located.data.x as number;
    map.highlight.point(x, located.data.y as number);
  } else if (organ || r.def.focus !== 'circulation') {
    const rect = regionRect(layout, organ ?? (r.def.focus === 'primary' ? 'primary' : organs[0]));
    if (rect) {
      map.highlight.region(rect);
      x = (rect.x0 + rect.x1) / 2;
    }
  } else {
    map.highlight.paths(layout.vessels);
  }
  map.setPulsing(true);
  return x;
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
