import { parseArgs } from 'node:util';
import { CATALOG, CATALOG_VERSION, searchCatalog } from '../catalog/index';
import type { CargoEntry } from '../catalog/types';

/** `exocascade catalog [--search TEXT] [--json]`: lists cargo entries with their effects and evidence. */
export function catalogCommand(argv: string[], out: (s: string) => void): number {
  const { values } = parseArgs({ args: argv, options: { search: { type: 'string' }, json: { type: 'boolean' } } });
  const entries: readonly CargoEntry[] = values.search !== undefined ? searchCatalog(values.search) : CATALOG;
  if (values.json) {
    out(JSON.stringify({ catalogVersion: CATALOG_VERSION, count: entries.length, entries }));
    return 0;
  }
  out(`${entries.length} of ${CATALOG.length} catalog entries (catalog ${CATALOG_VERSION})`);
  for (const e of entries) {
    const effects = e.effects.map((f) => `${f.effect}${f.strength === 1 ? '' : `×${f.strength}`}${f.organs ? `(${Object.keys(f.organs).join('/')})` : ''}${f.assumption ? ' [assumed]' : ''}`).join(', ');
    out(`\n${e.id} — ${e.name} [${e.class}]  effects: ${effects}  evidence weight ${Number(e.evidenceWeight.toFixed(3))}`);
    for (const f of e.effects) if (f.assumption) out(`  assumed ${f.effect}: ${f.assumption} (leave out with "assumedEffects": false)`);
    for (const ev of e.evidence) {
      out(`  ${ev.source === 'table2' ? `Table 2 row ${ev.row}` : 'prose'}: ${ev.cancerType}; targets ${ev.targetCells}; ${ev.regulation}; ${ev.step}; ${ev.reference}`);
    }
  }
  return 0;
}
