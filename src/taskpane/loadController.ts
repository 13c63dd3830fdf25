import type { Controller } from './controllerTypes';
import type { Host } from './host';

let hostLoader: (() => Promise<Host>) | undefined;
let controller: Promise<Controller> | undefined;

/** Chooses the host (Office.js in the add-in, the in-page book in the 网页版) before the first step. */
export function setHost(load: () => Promise<Host>): void {
  hostLoader = load;
  controller = undefined;
}

/** The controller (and with it the engine, the jobs and the host's adapter) is a lazy chunk. */
export function loadController(): Promise<Controller> {
  if (!hostLoader) return Promise.reject(new Error('no host: setHost() was not called'));
  controller ??= Promise.all([
    import(/* webpackChunkName: "controller" */ './controller'),
    hostLoader(),
  ]).then(([m, host]) => m.createController(host));
  return controller;
}
