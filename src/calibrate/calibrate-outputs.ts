import { join } from 'node:path';
import { writeFileAtomic } from '../experiment/store';
import { tidyCsv, type CsvCell } from '../experiment/csv';
import type { Generation } from './abc-smc';
import type { CalibrationCheck, CalibrationManifest } from './calibrate';
import { calibrationReport, fitReport } from './calibrate-report';
import { fromUnit, type ParamDim } from './param-space';
import { weightedMoments, weightedQuantile } from './quantile';
import type { TargetsFile } from './targets';

// The outputs of a calibration, derived from the completed generations and the check of the
// chosen point: particles.csv (every particle of every generation), posterior.json (weighted
// marginals of the last generation), calibrated.json (a scenario fragment with the chosen point
// and its provenance) and report.html. The same run gives the same bytes whatever the worker
// count or how often it was resumed.

/** Output file names. */
export const CALIBRATION_OUTPUTS = { particles: 'particles.csv', posterior: 'posterior.json', calibrated: 'calibrated.json', report: 'report.html', fit: 'fit.json' } as const;

/** Everything the outputs are made from. */
export interface CalibrationRecord {
  manifest: CalibrationManifest;
  params: ParamDim[];
  generations: Generation[];
  check: CalibrationCheck;
  targets: TargetsFile;
  command: string;
  stopped: string | null;
}

/** What was written. */
export interface CalibrationOutputs {
  paths: string[];
  posterior: PosteriorParam[];
}

/** Weighted marginal of one parameter in the last generation (parameter units). */
export interface PosteriorParam {
  id: string;
  unit: string;
  lo: number;
  hi: number;
  log: boolean;
  mean: number;
  sd: number;
  quantiles: { q025: number; q25: number; q50: number; q75: number; q975: number };
  /** The value in calibrated.json. */
  chosen: number;
}

/** particles.csv: generation, particle, weight, distance, epsilon, then one column per parameter (its value). */
export function particlesCsv(params: readonly ParamDim[], gens: readonly Generation[]): string {
  const rows: CsvCell[][] = [];
  for (const g of gens) {
    g.particles.forEach((p, i) => rows.push([g.t, i, p.weight, p.distance, g.epsilon, ...params.map((d, j) => fromUnit(d, p.u[j]))]));
  }
  return tidyCsv(['generation', 'particle', 'weight', 'distance', 'epsilon', ...params.map((d) => d.id)], rows);
}

/** Weighted marginals of the last generation, in parameter units (quantiles transform exactly). */
export function posteriorOf(params: readonly ParamDim[], last: Generation, chosen: readonly number[]): PosteriorParam[] {
  const w = last.particles.map((p) => p.weight);
  return params.map((d, j) => {
    const v = last.particles.map((p) => fromUnit(d, p.u[j]));
    const q = (p: number) => weightedQuantile(v, w, p);
    const { mean, sd } = weightedMoments(v, w);
    return { id: d.id, unit: d.spec.unit, lo: d.lo, hi: d.hi, log: d.log, mean, sd, quantiles: { q025: q(0.025), q25: q(0.25), q50: q(0.5), q75: q(0.75), q975: q(0.975) }, chosen: chosen[j] };
  });
}

/** The provenance block shared by posterior.json and calibrated.json. */
function provenance(r: CalibrationRecord): Record<string, unknown> {
  const last = r.generations[r.generations.length - 1];
  return {
    method: 'ABC-SMC (Toni et al. 2009) with Beaumont et al. (2009) weights; Gaussian kernel of twice the weighted covariance in the unit cube (log scale where ranges span two decades); uniform priors over the documented ranges',
    targets: r.manifest.targets,
    engineVersion: r.manifest.engineVersion,
    catalogVersion: r.manifest.catalogVersion,
    command: r.command,
    seed: r.manifest.seed,
    seeds: r.manifest.seeds,
    particles: r.manifest.particles,
    generations: r.generations.length,
    quantile: r.manifest.quantile,
    finalEpsilon: last.epsilon,
    stoppedEarly: r.stopped,
    presets: r.manifest.presets,
  };
}

/** Writes every output into `dir`. */
export function writeCalibrationOutputs(dir: string, r: CalibrationRecord): CalibrationOutputs {
  const last = r.generations[r.generations.length - 1];
  const posterior = posteriorOf(r.params, last, r.check.values);
  const prov = provenance(r);
  const paths = [CALIBRATION_OUTPUTS.particles, CALIBRATION_OUTPUTS.posterior, CALIBRATION_OUTPUTS.calibrated, CALIBRATION_OUTPUTS.report].map((f) => join(dir, f));
  writeFileAtomic(paths[0], particlesCsv(r.params, r.generations));
  writeFileAtomic(paths[1], `${JSON.stringify({
    format: 1, provenance: prov, params: posterior,
    generations: r.generations.map((g) => ({ t: g.t, epsilon: g.epsilon, proposals: g.proposals, acceptance: g.particles.length / g.proposals, ess: g.ess })),
  }, null, 1)}\n`);
  writeFileAtomic(paths[2], `${JSON.stringify({
    ...r.check.fragment,
    provenance: {
      ...prov,
      point: r.check.choice === 'median' ? 'weighted posterior median of each parameter (last generation)' : 'the particle of the last generation with the smallest distance',
      check: { seeds: r.check.seeds, distance: r.check.distance, met: r.check.checks.filter((c) => c.met).map((c) => c.id), notMet: r.check.checks.filter((c) => !c.met).map((c) => c.id) },
    },
  }, null, 1)}\n`);
  writeFileAtomic(paths[3], calibrationReport(r, posterior));
  return { paths, posterior };
}

/** Writes fit.json and report.html of `calibrate --evaluate` (targets checked at one point). */
export function writeFitOutputs(dir: string, targets: TargetsFile, check: CalibrationCheck, pointLabel: string, command: string, meta: { engineVersion: string; catalogVersion: string; targetsHash: string }): string[] {
  const paths = [join(dir, CALIBRATION_OUTPUTS.fit), join(dir, CALIBRATION_OUTPUTS.report)];
  writeFileAtomic(paths[0], `${JSON.stringify({
    format: 1,
    provenance: { point: pointLabel, fragment: check.fragment, targets: { file: targets.file, hash: meta.targetsHash }, seeds: check.seeds, engineVersion: meta.engineVersion, catalogVersion: meta.catalogVersion, command },
    distance: check.distance,
    targets: check.checks.map((c) => ({ ...c, band: c.band })),
  }, null, 1)}\n`);
  writeFileAtomic(paths[1], fitReport(targets, check, pointLabel, command, meta));
  return paths;
}
