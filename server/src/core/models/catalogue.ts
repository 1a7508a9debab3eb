// The model table, resolved: a request's `model` (an id, an alias, a dated snapshot, an `ft:`
// name) to the facts of its model, with a user's entries layered over the built-in ones. Every
// model-aware feature reads facts from here and nowhere else.

import builtIn from '../../../../data/models.json';
import type { ModelFacts, ModelsFile } from './types';
import { didYouMeanName } from '../schema/suggest';

/** A model name resolved to its facts. */
export interface ResolvedModel {
  /** The table's id for the model (`gpt-4o` for `gpt-4o-2024-08-06`). */
  id: string;
  /** Every fact, inherited ones included (`base` and `aliases` removed). */
  facts: Readonly<ModelFacts>;
}

/** A problem in a model table, with the JSON path of the field at fault. */
export class ModelsFileError extends Error {
  constructor(
    /** Where the bad field is, e.g. `models["my-deploy"].base`. */
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

/** `gpt-4o-2024-08-06` → `gpt-4o`, `gpt-3.5-turbo-0125` → `gpt-3.5-turbo`. */
const DATED = /-(\d{4}-\d{2}-\d{2}|\d{4})$/;

export class ModelCatalogue {
  private readonly aliases = new Map<string, string>();
  private readonly resolved = new Map<string, ResolvedModel | null>();
  /** Each entry's facts with its bases applied, by id. */
  private readonly flat = new Map<string, ModelFacts>();

  private constructor(
    private readonly entries: ReadonlyMap<string, ModelFacts>,
    /** The date of the built-in table's facts (YYYY-MM-DD). */
    readonly asOf: string,
  ) {
    for (const [id, facts] of entries) {
      for (const alias of facts.aliases ?? []) if (!entries.has(alias)) this.aliases.set(alias, id);
    }
    // Resolve every entry now, so a broken base is an error at load, not at check time.
    for (const id of entries.keys()) this.flatten(id, []);
  }

  /** The built-in table (data/models.json). */
  static builtIn(): ModelCatalogue {
    return (cachedBuiltIn ??= ModelCatalogue.from(builtIn as ModelsFile));
  }

  /**
   * A table from a file's contents (already checked against the schema, see load.ts).
   * @throws ModelsFileError when a `base` names no model or bases form a cycle.
   */
  static from(file: ModelsFile): ModelCatalogue {
    return new ModelCatalogue(new Map(Object.entries(file.models)), file.asOf ?? '');
  }

  /**
   * This table with a user's entries on top. An entry with the id of a known model and no
   * `base` changes only the fields it sets; any other entry replaces or adds a model.
   * @throws ModelsFileError as `from` does.
   */
  withOverrides(file: ModelsFile): ModelCatalogue {
    const entries = new Map(this.entries);
    for (const [id, own] of Object.entries(file.models)) {
      const known = entries.get(id);
      entries.set(id, known && own.base === undefined ? overlay(known, own) : own);
    }
    return new ModelCatalogue(entries, this.asOf);
  }

  /** The model a request names, or undefined when the table has no rules for it. */
  resolve(name: string): ResolvedModel | undefined {
    let hit = this.resolved.get(name);
    if (hit === undefined) {
      const id = this.idOf(name);
      hit = id === undefined ? null : { id, facts: this.flatten(id, []) };
      // Requests repeat one model; the cap only guards against a file of random names.
      if (this.resolved.size < 10_000) this.resolved.set(name, hit);
    }
    return hit ?? undefined;
  }

  /** " Did you mean 'gpt-4o'?" for a near miss, or "". */
  suggest(name: string): string {
    const known = [...this.entries.keys(), ...this.aliases.keys()];
    // `gpt4o`, `GPT-4o`, `gpt_4o`: the same name but for case and separators.
    const key = looseName(name);
    const same = known.filter((k) => looseName(k) === key);
    return didYouMeanName(name, same.length > 0 ? same : known);
  }

  /** Model ids in table order. */
  ids(): string[] {
    return [...this.entries.keys()];
  }

  private idOf(name: string): string | undefined {
    if (this.entries.has(name)) return name;
    const alias = this.aliases.get(name);
    if (alias !== undefined) return alias;
    // Fine-tunes: ft:<base model>:<org>:<suffix>:<id> runs on its base.
    if (name.startsWith('ft:')) {
      const end = name.indexOf(':', 3);
      return this.idOf(name.slice(3, end < 0 ? undefined : end));
    }
    const undated = name.replace(DATED, '');
    return undated !== name ? this.idOf(undated) : undefined;
  }

  private flatten(id: string, chain: string[]): ModelFacts {
    const done = this.flat.get(id);
    if (done) return done;
    const own = this.entries.get(id)!;
    let facts: ModelFacts;
    if (own.base === undefined) {
      facts = withoutNames(own);
    } else {
      const where = `models${memberPath(id)}.base`;
      const baseId = this.idOf(own.base);
      if (baseId === undefined) {
        throw new ModelsFileError(where, `no model named '${own.base}'.${this.suggest(own.base)}`);
      }
      if (baseId === id || chain.includes(baseId)) {
        throw new ModelsFileError(where, `'${own.base}' leads back to '${id}' (a cycle of bases).`);
      }
      facts = overlay(withoutNames(this.flatten(baseId, [...chain, id])), withoutNames(own));
    }
    this.flat.set(id, facts);
    return facts;
  }
}

const looseName = (name: string): string => name.toLowerCase().replace(/[-._\s]/g, '');

let cachedBuiltIn: ModelCatalogue | undefined;

/** `own` over `base`: own fields win; a field `own` sets is no longer uncertain unless it says so. */
function overlay(base: ModelFacts, own: ModelFacts): ModelFacts {
  const merged: ModelFacts = { ...base, ...own };
  if (base.uncertain || own.uncertain) {
    const uncertain: Record<string, string> = {};
    for (const [key, why] of Object.entries(base.uncertain ?? {})) {
      if (!(key in own)) uncertain[key] = why;
    }
    Object.assign(uncertain, own.uncertain);
    merged.uncertain = uncertain;
  }
  return merged;
}

function withoutNames(facts: ModelFacts): ModelFacts {
  if (facts.base === undefined && facts.aliases === undefined) return facts;
  const { base: _base, aliases: _aliases, ...rest } = facts;
  return rest;
}

/** `.gpt-4o` is not a JS path; `["gpt-4o"]` is, and it is how the error names a model's field. */
export function memberPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Whether a rule built on `field` of this model rests on uncertain facts (then it reports info). */
export function isUncertain(facts: Readonly<ModelFacts>, field: keyof ModelFacts): boolean {
  return facts.uncertain?.[field] !== undefined;
}
