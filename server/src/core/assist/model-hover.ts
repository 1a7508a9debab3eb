// Hover on a request's `model` value: what the model table says about the model (context
// window, output cap, batch price, Batch API support, shutdown date), each fact the table marks
// uncertain said to be so, with the table's date and sources. The facts are the ones the
// model rules read (models/catalogue.ts): there is no second list.

import type { ModelCatalogue } from '../models/catalogue';
import type { ModelFacts, Price } from '../models/types';
import { elide } from '../words';

const n = (v: number): string => v.toLocaleString('en-US');
const usd = (v: number): string => `$${v.toLocaleString('en-US', { maximumFractionDigits: 4 })}`;

function price(p: Price): string {
  const cached = p.cachedInput !== undefined ? `, cached input ${usd(p.cachedInput)}` : '';
  return `${usd(p.input)} input${cached}, ${usd(p.output)} output`;
}

/** Markdown for the model named `name`, or the table's "no rules" note for a name it lacks. */
export function modelHoverMarkdown(name: string, catalogue: ModelCatalogue): string {
  const resolved = catalogue.resolve(name);
  if (!resolved) {
    return [
      `**${name}** — not in the model table`,
      `No model rules for '${elide(name)}': its limits and prices are unknown to batchlint.${catalogue.suggest(name)}`,
      'Add it (or name its base model) in a models file: the `batchlint.models` setting.',
    ].join('\n\n');
  }
  const f = resolved.facts;
  const doubt = (field: keyof ModelFacts): string => {
    const why = f.uncertain?.[field];
    return why === undefined ? '' : ` _(uncertain: ${why})_`;
  };
  const same = resolved.id === name ? '' : ` (table entry \`${resolved.id}\`)`;
  const rows: string[] = [];
  if (f.contextWindow !== undefined)
    rows.push(`Context window: ${n(f.contextWindow)} tokens${doubt('contextWindow')}`);
  if (f.maxOutputTokens !== undefined)
    rows.push(`Max output: ${n(f.maxOutputTokens)} tokens${doubt('maxOutputTokens')}`);
  if (f.prices?.batch)
    rows.push(`Batch price per 1M tokens: ${price(f.prices.batch)}${doubt('prices')}`);
  else rows.push('Batch price: not in the table');
  if (f.batch !== undefined)
    rows.push(`Batch API: ${f.batch ? 'runs it' : 'does not run it'}${doubt('batch')}`);
  if (f.deprecation) {
    const when = f.deprecation.shutdown ? `shuts down ${f.deprecation.shutdown}` : 'deprecated';
    const instead = f.deprecation.replacement ? `; use \`${f.deprecation.replacement}\`` : '';
    rows.push(
      `Deprecated: ${when}${instead} ([source](${f.deprecation.source}))${doubt('deprecation')}`,
    );
  }
  const lines = [`**${name}**${same} — model table`, rows.map((r) => `- ${r}`).join('\n')];
  const asOf = f.asOf ?? catalogue.asOf;
  const sources = (f.sources ?? []).map((s, i) => `[${i + 1}](${s})`).join(' ');
  lines.push(`Facts as of ${asOf || 'an unknown date'}${sources ? `; sources ${sources}` : ''}.`);
  return lines.join('\n\n');
}
