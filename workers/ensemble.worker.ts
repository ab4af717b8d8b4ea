/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { createEnsembleWorkerApi } from '../src/app/ensemble/worker-api';

// Browser module worker for "run ensemble": resolves arms and runs whole (arm, seed) jobs with
// the CLI's runOne, one comlink message each way per run.
Comlink.expose(createEnsembleWorkerApi());
