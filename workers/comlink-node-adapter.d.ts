// comlink ships the Node adapter's types as node-adapter.d.ts beside node-adapter.mjs; map the
// .mjs path we import (the one Node can load) to them.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
