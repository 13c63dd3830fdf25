import type { Controller } from './controllerTypes';

let controller: Promise<Controller> | undefined;

/** The controller (and with it the engine, the jobs and the Office.js adapter) is a lazy chunk. */
export function loadController(): Promise<Controller> {
  controller ??= import(/* webpackChunkName: "controller" */ './controller').then((m) =>
    m.createController(),
  );
  return controller;
}
