import { REGION_BLOOD } from '../world/regions';
import type { World } from './world';

/** Which pool a cell in the uptake grid belongs to: a tumour cell. */
export const UPTAKE_TUMOUR = 0;
/** Which pool a cell in the uptake grid belongs to: a resident stromal cell. */
export const UPTAKE_STROMA = 1;

/**
 * Collects the cells that can take up exosomes (tumour cells in tissue, residents) with their
 * current rows and positions, and rebuilds the neighbour grid over them. Rows change at every
 * commit, so whoever reads uptakeRow must rebuild after the last commit before it.
 */
export function rebuildUptakeGrid(w: World): void {
  const t = w.pools.tumour;
  const s = w.pools.stroma;
  const need = t.count + s.count;
  if (w.uptakeXs.length < need) {
    const cap = Math.max(need, w.uptakeXs.length * 2);
    w.uptakeXs = new Float64Array(cap);
    w.uptakeYs = new Float64Array(cap);
    w.uptakePool = new Uint8Array(cap);
    w.uptakeRow = new Int32Array(cap);
  }
  let k = 0;
  for (let i = 0; i < t.count; i++) {
    if (t.cols.region[i] === REGION_BLOOD) continue;
    w.uptakeXs[k] = t.cols.x[i];
    w.uptakeYs[k] = t.cols.y[i];
    w.uptakePool[k] = UPTAKE_TUMOUR;
    w.uptakeRow[k++] = i;
  }
  for (let i = 0; i < s.count; i++) {
    w.uptakeXs[k] = s.cols.x[i];
    w.uptakeYs[k] = s.cols.y[i];
    w.uptakePool[k] = UPTAKE_STROMA;
    w.uptakeRow[k++] = i;
  }
  w.uptakeCount = k;
  w.uptakeGrid.rebuild(w.uptakeXs, w.uptakeYs, k);
}
