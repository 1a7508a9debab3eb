// The `batchlint` settings as the server uses them. Whatever the client sends (nothing, null,
// a half-filled object, wrong types) goes through one pure function, so handlers never see a
// malformed setting and the defaults live in one place (package.json repeats them for the UI).

import type { BatchlintSettings } from '../protocol';
import type { CheckOptions, ModelCatalogue } from '../core';
import { isObject } from '../core';

export const DEFAULT_SETTINGS: Readonly<BatchlintSettings> = Object.freeze<BatchlintSettings>({
  enable: true,
  files: [],
  maxProblems: 1000,
  severity: {},
  trace: { server: 'off' },
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
  return { enable, files, maxProblems, severity, trace: { server } };
}

/** The core's options for these settings and the model table in force. */
export function toCheckOptions(settings: BatchlintSettings, models?: ModelCatalogue): CheckOptions {
  const options: CheckOptions = {
    maxProblems: settings.maxProblems,
    severity: { ...settings.severity },
  };
  if (models) options.models = models;
  return options;
}
