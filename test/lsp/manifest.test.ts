// The manifest and the code agree: every command the client registers is contributed with the
// category batchlint, and every setting's default is the server's default.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Commands, Settings } from '../../server/src/protocol';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { statusTextFor, statusTooltipFor } from '../../client/src/status-text';
import { ROOT } from './harness';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: {
      properties: Record<
        string,
        { default: unknown; description?: string; markdownDescription?: string }
      >;
    };
    menus: Record<string, { command: string; when?: string }[]>;
  };
  activationEvents: string[];
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('package.json', () => {
  it('contributes the client commands under the batchlint category', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(
      contributed,
      [
        Commands.checkFileOnDisk,
        Commands.fixFileOnDisk,
        Commands.convertToResponses,
        Commands.convertToDialect,
        Commands.showOutput,
        Commands.showBatchResults,
        Commands.clearBatchResults,
        Commands.extractRetry,
        Commands.splitFile,
      ].sort(),
    );
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'batchlint');
  });

  it('offers Check File on Disk in the explorer for .jsonl files', () => {
    const entry = manifest.contributes.menus['explorer/context']?.find(
      (m) => m.command === Commands.checkFileOnDisk,
    );
    assert.match(entry?.when ?? '', /\.jsonl/);
  });

  it('describes every setting with the server default', () => {
    const props = manifest.contributes.configuration.properties;
    const expected: Record<string, unknown> = {
      [`${Settings.section}.${Settings.enable}`]: DEFAULT_SETTINGS.enable,
      [`${Settings.section}.${Settings.files}`]: DEFAULT_SETTINGS.files,
      [`${Settings.section}.${Settings.maxProblems}`]: DEFAULT_SETTINGS.maxProblems,
      [`${Settings.section}.${Settings.severity}`]: DEFAULT_SETTINGS.severity,
      [`${Settings.section}.${Settings.trace}`]: DEFAULT_SETTINGS.trace.server,
      // Read by the client, which sends the file's text to the server (batchlint/models).
      [`${Settings.section}.${Settings.models}`]: '',
      [`${Settings.section}.${Settings.dialect}`]: DEFAULT_SETTINGS.dialect,
    };
    assert.deepEqual(Object.keys(props).sort(), Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      assert.deepEqual(props[key]!.default, value, key);
      assert.ok(
        props[key]!.description ?? props[key]!.markdownDescription,
        `${key} has a description`,
      );
    }
  });

  it('activates on the jsonl language', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:jsonl'));
  });
});

describe('status bar text', () => {
  it('is compact: errors and requests; the tooltip has the rest, in decimal MB', () => {
    const text = statusTextFor({
      uri: 'file:///x.jsonl',
      isBatch: true,
      endpoint: '/v1/chat/completions',
      model: 'gpt-4o-mini',
      requests: 1234,
      bytes: 3_000_000,
      errors: 2,
      warnings: 0,
    });
    assert.equal(text, '$(error) 2 · 1,234 requests');
    const tooltip = statusTooltipFor(
      {
        uri: 'file:///x.jsonl',
        version: 3,
        isBatch: true,
        endpoint: '/v1/chat/completions',
        model: 'gpt-4o-mini',
        requests: 1234,
        unreadable: 1,
        bytes: 3_000_000,
        errors: 2,
        warnings: 0,
      },
      {
        uri: 'file:///x.jsonl',
        version: 3,
        status: 'counted',
        asOf: '2026-11-30',
        requests: 1234,
        models: [
          {
            model: 'gpt-4o-mini',
            requests: 1234,
            inputTokens: 56_789,
            maxOutputTokens: 100_000,
            costUsd: { input: 0.004259, outputMax: 0.03 },
          },
        ],
      },
    );
    assert.match(tooltip, /1,235 requests of at most 50,000 · 3\.0 MB of at most 200 MB/);
    assert.match(tooltip, /1 line not yet a request/);
    assert.match(tooltip, /\*\*Estimate\*\* \(batch prices, model table of 2026-11-30\)/);
    assert.match(
      tooltip,
      /`gpt-4o-mini`: 1,234 requests, 56,789 input tokens, at most 100,000 output tokens; \$0\.0043 input \+ at most \$0\.03 output/,
    );
  });

  it('does not flicker while a line is typed: a line that is not JSON yet still counts', () => {
    const base = { uri: 'file:///x.jsonl', isBatch: true, bytes: 10, errors: 0, warnings: 0 };
    assert.equal(statusTextFor({ ...base, requests: 3 }), '$(check) 3 requests');
    assert.equal(
      statusTextFor({ ...base, requests: 2, unreadable: 1, errors: 1 }),
      '$(error) 1 · 3 requests',
    );
  });

  it("another provider's file: its dialect, its limits (or none), and the evidence in the tooltip", () => {
    const anthropic = {
      uri: 'file:///x.jsonl',
      isBatch: true,
      requests: 12,
      bytes: 2048,
      errors: 0,
      warnings: 1,
      dialect: 'anthropic',
      dialectName: 'Anthropic Message Batches',
      dialectEvidence: 'detected from 12 of 12 request lines (a params object).',
      maxRequests: 100_000,
      maxBytes: 256 * 1024 * 1024,
    };
    assert.equal(statusTextFor(anthropic), '$(warning) 1 · anthropic · 12 requests');
    const tooltip = statusTooltipFor(anthropic, undefined).split('\n\n');
    assert.equal(
      tooltip[1],
      'Dialect: Anthropic Message Batches (`anthropic`): detected from 12 of 12 request lines (a params object).',
    );
    assert.equal(tooltip[2], '12 requests of at most 100,000 · 2.0 kB of at most 256 MB');
    const vertex = { ...anthropic, dialect: 'vertex', maxRequests: null, maxBytes: null };
    assert.equal(statusTooltipFor(vertex, undefined).split('\n\n')[2], '12 requests · 2.0 kB');
    const over = { ...anthropic, requests: 100_001, errors: 0, warnings: 0 };
    assert.equal(statusTextFor(over), '$(error) anthropic · 100,001/100,000 requests');
    assert.match(
      statusTooltipFor(over, undefined),
      /\*\*Over its limits:\*\* more than 100,000 requests/,
    );
  });
});
