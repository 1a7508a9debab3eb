// The `batchlint` settings as the server uses them. Whatever the client sends (nothing, null,
// a half-filled object, wrong types) goes through one pure function, so handlers never see a
// malformed setting and the defaults live in one place (package.json repeats them for the UI).

import type { BatchlintSettings } from '../protocol';
import type { CheckOptions, DialectId, ModelCatalogue } from '../core';
import { isDialectId, isObject } from '../core';
import type { FilePatterns } from './file-patterns';
import { compileFilePatterns } from './file-patterns';

export const DEFAULT_SETTINGS: Readonly<BatchlintSettings> = Object.freeze<BatchlintSettings>({
  enable: true,
  files: [],
  maxProblems: 1000,
  severity: {},
  trace: { server: 'off' },
  dialect: 'auto',
});

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);
const TRACES = new Set(['off', 'messages', 'verbose']);

/** Normalises a raw `batchlint` configuration section; unknown or ill-typed values fall back to defaults. */
export function normalizeSettings(raw: unknown): BatchlintSettings {
  const r = isObject(raw) ? raw : {};
  const enable = typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable;
  const files = Array.isArray(r.files)
    ? r.files.filter((g): g is string => typeof g === 'string' && g.trim() !== '')
    : [];
  const max = r.maxProblems;
  const maxProblems =
    typeof max === 'number' && Number.isFinite(max) && max >= 0
      ? Math.floor(max)
      : DEFAULT_SETTINGS.maxProblems;
  const severity: BatchlintSettings['severity'] = {};
  if (isObject(r.severity)) {
    for (const [code, level] of Object.entries(r.severity)) {
      if (typeof level === 'string' && SEVERITIES.has(level)) {
        severity[code] = level as BatchlintSettings['severity'][string];
      }
    }
  }
  // VS Code nests dotted keys ("trace.server" → trace.server); other clients may send it flat.
  const traceRaw = isObject(r.trace) ? r.trace.server : r['trace.server'];
  const server =
    typeof traceRaw === 'string' && TRACES.has(traceRaw)
      ? (traceRaw as BatchlintSettings['trace']['server'])
      : 'off';
  return {
    enable,
    files,
    maxProblems,
    severity,
    trace: { server },
    dialect: dialectSetting(r.dialect),
  };
}

/** 'auto', a dialect id, or a map of globs to dialect ids; anything else is 'auto'. */
function dialectSetting(raw: unknown): BatchlintSettings['dialect'] {
  if (typeof raw === 'string') return isDialectId(raw) ? raw : 'auto';
  if (!isObject(raw)) return 'auto';
  const map: Record<string, string> = {};
  for (const [glob, id] of Object.entries(raw)) {
    if (glob.trim() !== '' && isDialectId(id)) map[glob] = id;
  }
  return Object.keys(map).length > 0 ? map : 'auto';
}

/** Compiled glob maps, by the settings object they came from (settings change rarely). */
const compiledMaps = new WeakMap<object, Array<[FilePatterns, DialectId]>>();

/** The dialect `batchlint.dialect` chooses for a document, or undefined: detect it. */
export function dialectFor(
  settings: BatchlintSettings,
  uri: string | undefined,
): DialectId | undefined {
  const setting = settings.dialect;
  if (typeof setting === 'string') return isDialectId(setting) ? setting : undefined;
  if (uri === undefined) return undefined;
  let map = compiledMaps.get(setting);
  if (!map) {
    map = Object.entries(setting).flatMap(([glob, id]) =>
      isDialectId(id) ? [[compileFilePatterns([glob]), id] as [FilePatterns, DialectId]] : [],
    );
    compiledMaps.set(setting, map);
  }
  return map.find(([patterns]) => patterns.matches(uri))?.[1];
}

/**
 * The core's options for these settings, the model table in force, and the document at `uri`
 * (its dialect may depend on its path).
 */
export function toCheckOptions(
  settings: BatchlintSettings,
  models?: ModelCatalogue,
  uri?: string,
): CheckOptions {
  const options: CheckOptions = {
    maxProblems: settings.maxProblems,
    severity: { ...settings.severity },
  };
  if (models) options.models = models;
  const dialect = dialectFor(settings, uri);
  if (dialect) options.dialect = dialect;
  return options;
}
