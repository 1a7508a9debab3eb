// What a user reads in the editor, through the real server over stdio: the parameter path of
// every schema problem in the Problems panel's message, one list of allowed values for the
// validator, hover and completion, key completion as a snippet with a typed default, hover's
// facts line, the model table on hover over `model`, a user's model table (batchlint.models),
// and the rename fix on the deprecated `max_tokens` note.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InsertTextFormat } from 'vscode-languageserver-protocol/node';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  Hover,
  MarkupContent,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { Methods } from '../../server/src/protocol';
import { LspHarness, example, fileUri } from './harness';

const line = (body: string, url = '/v1/chat/completions'): string =>
  `{"custom_id":"a","method":"POST","url":"${url}","body":${body}}`;

describe('editor words: Problems panel, hover, completion, models', () => {
  let h: LspHarness;
  before(async () => (h = await LspHarness.start()));
  after(async () => h.shutdown());

  const hover = async (uri: string, text: string, needle: string): Promise<string> => {
    const found: Hover | null = await h.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf(needle) + 1 },
    });
    assert.ok(found, `a hover on ${needle}`);
    return (found.contents as MarkupContent).value;
  };
  const complete = (uri: string, character: number): Promise<CompletionItem[]> =>
    h.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character },
    });

  it('the Problems panel message names the parameter the API would name', async () => {
    const uri = fileUri('words-param.jsonl');
    const published = await h.openAndDiagnose(uri, example('seed-mistakes.jsonl'));
    const byCode = (code: string): string[] =>
      published.diagnostics.filter((d) => d.code === code).map((d) => d.message as string);
    const [first] = byCode('invalid_value');
    assert.match(first!, /^Invalid value: 'input_text'\. Supported values are: /);
    assert.match(first!, /\n\(param: messages\[0\]\.content\[0\]\.type\)$/);
    // A message that already names its parameter is not repeated.
    const [type] = byCode('invalid_type');
    assert.equal(
      type,
      "Invalid type for 'messages[0].content[1].image_url': expected an object, but got a string instead.",
    );
  });

  it('validator, hover and completion give one list of the values a user part takes', async () => {
    const uri = fileUri('words-values.jsonl');
    const text = line(
      '{"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"input_text","text":"Hi"}]}]}',
    );
    const published = await h.openAndDiagnose(uri, `${text}\n`);
    const message = published.diagnostics.find((d) => d.code === 'invalid_value')!
      .message as string;
    const here = /Here only (.*) apply\./.exec(message)?.[1];
    assert.ok(here, message);
    const quoted = (s: string): string[] => [...s.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    const fromValidator = quoted(here);

    const shown = await hover(uri, text, '"type"');
    const accepted = /Accepted values: (.*)/.exec(shown)?.[1] ?? '';
    const fromHover = [...accepted.matchAll(/`"([^"]+)"`/g)].map((m) => m[1]!);
    assert.match(shown, /The API's error message for a wrong value lists .*`"refusal"`/);

    const at = text.indexOf('"input_text"') + 1;
    const fromCompletion = (await complete(uri, at)).map((c) => JSON.parse(c.label) as string);

    assert.deepEqual(fromValidator, ['text', 'image_url', 'input_audio', 'file']);
    assert.deepEqual(fromHover, fromValidator);
    assert.deepEqual(fromCompletion, fromValidator);
  });

  it('completes a key as a snippet: the key, a colon and a typed default', async () => {
    const uri = fileUri('words-snippet.jsonl');
    const start = line('{"model":"gpt-4o","messages":[],"');
    await h.open(uri, `${start}\n`);
    const items = await complete(uri, start.length);
    const snippet = (label: string): string => {
      const item = items.find((i) => i.label === label);
      assert.equal(item?.insertTextFormat, InsertTextFormat.Snippet, label);
      return (item!.textEdit as TextEdit).newText;
    };
    assert.equal(snippet('temperature'), '"temperature": ${1:1}');
    assert.equal(snippet('store'), '"store": ${1:false}');
    assert.equal(snippet('reasoning_effort').slice(0, 25), '"reasoning_effort": ${1|"');
    assert.equal(snippet('metadata'), '"metadata": {$1}');
    assert.equal(snippet('user'), '"user": "$1"');

    // Inside the quotes an editor closes by itself ("|"): the colon and value still come.
    const closed = line('{"model":"gpt-4o","messages":[],"tem"}');
    await h.open(fileUri('words-snippet-closed.jsonl'), `${closed}\n`);
    const inside = await complete(
      fileUri('words-snippet-closed.jsonl'),
      closed.indexOf('tem"') + 3,
    );
    const temperature = inside.find((i) => i.label === 'temperature')!;
    assert.equal((temperature.textEdit as TextEdit).newText, '"temperature": ${1:1}');
    // A key already followed by its colon is only renamed.
    const keyed = line('{"model":"gpt-4o","messages":[],"tem":0.5}');
    await h.open(fileUri('words-snippet-keyed.jsonl'), `${keyed}\n`);
    const rename = await complete(fileUri('words-snippet-keyed.jsonl'), keyed.indexOf('tem"') + 3);
    assert.equal(
      (rename.find((i) => i.label === 'temperature')!.textEdit as TextEdit).newText,
      '"temperature"',
    );
  });

  it('hover: a one-line description, type, range, default and a docs link', async () => {
    const uri = fileUri('words-hover.jsonl');
    const text = line('{"model":"gpt-4o","messages":[],"temperature":0.2}');
    await h.open(uri, `${text}\n`);
    const shown = await hover(uri, text, '"temperature"');
    const parts = shown.split('\n\n');
    assert.equal(parts[0], '**temperature** — `/v1/chat/completions`');
    assert.match(parts[1]!, /^Sampling temperature/);
    assert.equal(parts[2], 'Type: `number` | `null` · Range: 0 to 2 · Default: `1`');
    assert.match(shown, /\[Documentation\]\(https:\/\/platform\.openai\.com\//);
  });

  it("hover on a model shows the model table's facts, its doubts and date", async () => {
    const uri = fileUri('words-model.jsonl');
    const text = line('{"model":"gpt-4o-mini-2024-07-18","messages":[]}');
    await h.open(uri, `${text}\n`);
    const shown = await hover(uri, text, '"gpt-4o-mini-2024');
    assert.match(shown, /^\*\*gpt-4o-mini-2024-07-18\*\* \(table entry `gpt-4o-mini`\)/);
    assert.match(shown, /Context window: 128,000 tokens/);
    assert.match(shown, /Max output: 16,384 tokens/);
    assert.match(shown, /Batch price per 1M tokens: \$0\.075 input, \$0\.3 output/);
    assert.match(shown, /Deprecated: shuts down 2027-01-14 .*_\(uncertain: /);
    assert.match(shown, /Facts as of \d{4}-\d{2}-\d{2}; sources \[1\]\(https:/);
    const unknown = line('{"model":"gpt4o","messages":[]}');
    await h.open(fileUri('words-model-unknown.jsonl'), `${unknown}\n`);
    assert.match(
      await hover(fileUri('words-model-unknown.jsonl'), unknown, '"gpt4o"'),
      /No model rules for 'gpt4o'.*Did you mean 'gpt-4o'\?/,
    );
  });

  it("a user's model table (batchlint.models) is read by checks, hover and completion", async () => {
    const uri = fileUri('words-user-models.jsonl');
    const text = line('{"model":"my-deploy","messages":[{"role":"user","content":"Hi"}]}');
    const before = await h.openAndDiagnose(uri, `${text}\n`);
    assert.ok(before.diagnostics.some((d) => d.code === 'unknown_model'));
    const rechecked = h.waitForDiagnostics(uri, (p) =>
      p.diagnostics.every((d) => d.code !== 'unknown_model'),
    );
    await h.connection.sendNotification(Methods.models, {
      path: 'models.json',
      text: '{"models":{"my-deploy":{"base":"gpt-4o","maxOutputTokens":2048}}}',
    });
    await rechecked;
    const shown = await hover(uri, text, '"my-deploy"');
    assert.match(shown, /Max output: 2,048 tokens/);
    const at = text.indexOf('"my-deploy"') + 1;
    assert.ok((await complete(uri, at)).some((c) => c.label === '"my-deploy"'));

    // A bad file: the user is told the bad field's path; the built-in table is used again.
    const told = h.messages.next((m) => m.message.startsWith('batchlint.models'), 'a message');
    const back = h.waitForDiagnostics(uri, (p) =>
      p.diagnostics.some((d) => d.code === 'unknown_model'),
    );
    await h.connection.sendNotification(Methods.models, {
      path: 'models.json',
      text: '{"models":{"my-deploy":{"base":"gpt-4o","contextWindow":"big"}}}',
    });
    assert.match((await told).message, /models\.json: models\["my-deploy"\]\.contextWindow: /);
    await back;
    await h.connection.sendNotification(Methods.models, { path: '' });
  });

  it('the deprecated max_tokens note renames where the model table says the model takes either name', async () => {
    const uri = fileUri('words-fixes.jsonl');
    const text = [
      line('{"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":"Hi"}]}'),
      line(
        '{"model":"my-local-model","max_tokens":100,"messages":[{"role":"user","content":"Hi"}]}',
      ).replace('"a"', '"b"'),
    ].join('\n');
    const published = await h.openAndDiagnose(uri, `${text}\n`);
    const notes = published.diagnostics.filter((d) => d.code === 'deprecated_parameter');
    assert.equal(notes.length, 2);
    const actions = async (d: Diagnostic): Promise<CodeAction[]> =>
      h.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      });
    const onKnown = (await actions(notes[0]!)).map((a) => a.title);
    assert.ok(onKnown.includes("Rename 'max_tokens' to 'max_completion_tokens'"), onKnown.join());
    const onUnknown = (await actions(notes[1]!)).map((a) => a.title);
    assert.ok(!onUnknown.some((t) => t.startsWith('Rename')), onUnknown.join());
  });
});
