import type { Remote } from 'comlink';
import type { EngineApi, WorldLayout } from '../protocol/engine-api';
import type { MapClick } from './render/camera';
import { nearestVessel } from './render/nearest-vessel';
import type { MapView } from './render/map-view';
import type { Inspector } from './ui/inspector';

/**
 * What a click on the map opens: the nearest agent (asked of the worker, which holds the state),
 * else the organ or region under the pointer, else a circulation segment. An agent stays
 * followed — ring and details refreshed — while the run plays, until it is gone.
 */
export class Inspection {
  constructor(
    private readonly api: Remote<EngineApi>,
    private readonly map: MapView,
    private readonly inspector: Inspector,
    private readonly layout: () => WorldLayout | null,
    private readonly metrics: () => Record<string, number>,
  ) {
    map.onClick = (c) => void this.at(c);
    inspector.onRegion = (name) => void this.region(name);
    inspector.onClose = () => {
      map.highlight.select(null);
      map.invalidate();
    };
  }

  /** Opens whatever is at a clicked point. */
  async at(c: MapClick): Promise<void> {
    const layout = this.layout();
    if (!layout) return;
    // About 10 screen pixels, so small agents can be hit at any zoom.
    const agent = await this.api.inspect(c.xUm, c.yUm, Math.max(6, 10 * c.umPerPx));
    if (agent) {
      this.inspector.show({ type: 'agent', agent }, layout.tickHours);
      this.map.highlight.select(agent);
      this.map.invalidate();
      return;
    }
    const region = layout.regions.find((r) => c.xUm >= r.x0Um && c.xUm <= r.x1Um && c.yUm >= r.y0Um && c.yUm <= r.y1Um);
    const vessel = region ? undefined : nearestVessel(layout.vessels, c.xUm, c.yUm, 30 * c.umPerPx);
    if (region) await this.region(region.name);
    else if (vessel) this.inspector.show({ type: 'vessel', vessel, regionName: layout.regions[vessel.bedRegion]?.name ?? null }, layout.tickHours);
    else this.inspector.close();
    this.map.highlight.select(null);
    this.map.invalidate();
  }

  /** Opens a region (organ or primary) by name. */
  async region(name: string): Promise<void> {
    const layout = this.layout();
    const region = layout?.regions.find((r) => r.name === name);
    if (!layout || !region) return;
    const details = await this.api.inspectRegion(region.id);
    if (details) this.inspector.show({ type: 'region', region: details, metrics: this.metrics() }, layout.tickHours);
    this.map.highlight.select(null);
    this.map.invalidate();
  }

  /** Refreshes the followed agent, or notes that it is gone. */
  async follow(): Promise<void> {
    const cur = this.inspector.current;
    const layout = this.layout();
    if (!cur || !layout) return;
    const agent = await this.api.inspectAgent(cur.kind, cur.id);
    if (!agent) {
      this.inspector.gone();
      this.map.highlight.select(null);
    } else if (this.inspector.current?.id === cur.id) {
      this.inspector.show({ type: 'agent', agent }, layout.tickHours);
      this.map.highlight.select(agent);
    }
    this.map.invalidate();
  }
}
