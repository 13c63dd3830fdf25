import { allocateInOrder } from '../allocation';

/**
 * The answer line of `allocate` (SPEC §6) for one request: `{"quotas": {…}}` with the ids in request
 * order (a JS object would put ids like "7" first). Throws allocate()'s InputError for a refused one.
 */
export function allocationAnswer(req: unknown): string {
  const { ids, quotas } = allocateInOrder(req);
  let body = '';
  for (let i = 0; i < ids.length; i++)
    body += `${i ? ',' : ''}${JSON.stringify(ids[i])}:${quotas[i]}`;
  return `{"quotas":{${body}}}`;
}
