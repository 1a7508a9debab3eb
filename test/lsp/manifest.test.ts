// The manifest and the code agree: every command the client registers is contributed with the
// category batchlint, and every setting's default is the server's default.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Commands, Settings } from '../../server/src/protocol';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { statusTextFor } from '../../client/src/status-text';
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
        Commands.convertToResponses,
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
  it('shows endpoint, model, requests and size against the limits, and errors', () => {
    const text = statusTextFor({
      uri: 'file:///x.jsonl',
      isBatch: true,
      endpoint: '/v1/chat/completions',
      model: 'gpt-4o-mini',
      requests: 1234,
      bytes: 3 * 1024 * 1024,
      errors: 2,
      warnings: 0,
    });
    assert.equal(
      text,
      '$(error) batch: chat/completions · gpt-4o-mini · 1,234/50,000 requests · 3.0 MB/200 MB · 2 errors',
    );
  });
});
