// What a batch cost: the usage its results report, priced per model at the batch prices of the
// model table (USD per 1M tokens). Models the table does not know, or has no batch price for,
// are listed rather than guessed.

import { ModelCatalogue } from '../models/catalogue';
import { isUncertain } from '../models/catalogue';
import type { Usage } from './usage';

export interface ModelCost {
  /** The table's id for the model the results name (`gpt-4o` for `gpt-4o-2024-08-06`). */
  id: string;
  usd: number;
}

export interface BatchCost {
  /** The sum over the priced models. */
  usd: number;
  /** By model name as the result bodies give it. */
  byModel: Record<string, ModelCost>;
  /** Models with usage but no batch price in the table: their tokens are not in `usd`. */
  unpriced: string[];
  /** Priced models whose prices the table marks uncertain (sources disagree). */
  uncertain: string[];
  /** Models whose cached input tokens were priced as plain input: the table lists no cached batch price. */
  cachedAsInput: string[];
  /** The date of the table's facts. */
  asOf: string;
}

const PER_TOKEN = 1 / 1_000_000;

/** Prices `usageByModel` at the batch prices of `catalogue` (the built-in table by default). */
export function batchCost(
  usageByModel: Readonly<Record<string, Usage>>,
  catalogue: ModelCatalogue = ModelCatalogue.builtIn(),
): BatchCost {
  const cost: BatchCost = {
    usd: 0,
    byModel: {},
    unpriced: [],
    uncertain: [],
    cachedAsInput: [],
    asOf: catalogue.asOf,
  };
  for (const [name, usage] of Object.entries(usageByModel)) {
    const model = catalogue.resolve(name);
    const price = model?.facts.prices?.batch;
    if (!model || !price) {
      cost.unpriced.push(name);
      continue;
    }
    const cached = Math.min(usage.cachedInput, usage.input);
    if (cached > 0 && price.cachedInput === undefined) cost.cachedAsInput.push(name);
    const usd =
      ((usage.input - cached) * price.input +
        cached * (price.cachedInput ?? price.input) +
        usage.output * price.output) *
      PER_TOKEN;
    // Defined, not assigned: assigning to a key named __proto__ would replace the prototype.
    Object.defineProperty(cost.byModel, name, {
      value: { id: model.id, usd },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    cost.usd += usd;
    if (isUncertain(model.facts, 'prices')) cost.uncertain.push(name);
  }
  return cost;
}
