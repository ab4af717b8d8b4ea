/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { EngineHost } from './engine-host';

// Browser module worker: the same EngineHost as the Node worker, exposed over comlink. The page
// never runs the engine itself, so a long tick never blocks drawing or input.
Comlink.expose(new EngineHost());
