// Writes the screenshots of docs/screens/: VS Code (code-server in headless Chromium) with the
// extension built at ROOT, one scene per point of the editor review, each cropped to what it
// shows. `node scripts/screenshots.mjs LABEL [ROOT]` writes docs/screens/<scene>-<LABEL>.png;
// run it with LABEL `before` on a build of an older commit and `after` on this one.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkbench } from './e2e/workbench.mjs';

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const label = process.argv[2] ?? 'after';
const root = path.resolve(process.argv[3] ?? here);
const outDir = path.join(here, 'docs', 'screens');
const only = process.env.SCENES?.split(',');

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const envelope = (id, body, url = '/v1/chat/completions') =>
  JSON.stringify({ custom_id: id, method: 'POST', url, body });
const user = (content) => [{ role: 'user', content }];

/** The files of the scenes, written into the workspace. */
const FILES = {
  'bare-body.jsonl': [
    JSON.stringify({ model: 'gpt-4o-mini', messages: user('Say hello.') }),
    JSON.stringify({ model: 'gpt-4o-mini', messages: user('Say goodbye.') }),
  ],
  'convert.jsonl': [
    envelope('a', { model: 'gpt-4o-mini', messages: user('Say hello.'), max_tokens: 50 }),
  ],
  'image-part.jsonl': [
    envelope('a', {
      model: 'gpt-4o-mini',
      messages: user([
        { type: 'text', text: 'What is in this image?' },
        { type: 'image_url', url: PNG },
      ]),
    }),
  ],
  'problems.jsonl': [
    envelope('req-1', {
      model: 'gpt-4o-mini',
      messages: user([{ type: 'input_text', text: 'What is in this image?' }]),
      max_tokens: 300,
    }),
  ],
  'complete.jsonl': [
    '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],"top_p":0.5,"te"}}',
  ],
  // A list of requests saved with json.dump(requests, f, indent=2).
  'json-array.jsonl': JSON.stringify(
    ['Summarise the plot of Hamlet.', 'Summarise the plot of Macbeth.'].map((q, i) =>
      JSON.parse(envelope(`r${i + 1}`, { model: 'gpt-4o-mini', messages: user(q) })),
    ),
    null,
    2,
  ).split('\n'),
  'status.jsonl': [
    envelope('a', { model: 'gpt-4o-mini', messages: user('Summarise the plot of Hamlet.') }),
    envelope('b', { model: 'gpt-4o-mini', messages: user('Summarise the plot of Macbeth.') }),
    envelope('c', { model: 'gpt-4o-mini', messages: user([{ type: 'input_text', text: 'Hi' }]) }),
  ],
};

/** A file over the 50 MB VS Code hands to extensions (generated, never committed). */
function largeFile() {
  const padding = 'lorem ipsum '.repeat(85);
  const lines = [];
  for (let i = 0; i < 48_000; i++) {
    const content =
      i === 1
        ? [
            { type: 'text', text: padding },
            { type: 'image_url', image_url: 'https://example.com/a.png' },
          ]
        : padding;
    lines.push(envelope(`r${i}`, { model: 'gpt-4o-mini', messages: user(content) }));
  }
  return `${lines.join('\n')}\n`;
}

const { page, close } = await openWorkbench({
  root: here,
  extensionRoot: root,
  work: path.join(here, '.vscode-test', `screens-${label}`),
  viewport: { width: 1200, height: 700 },
  settings: { 'editor.hover.delay': 100, 'workbench.startupEditor': 'none' },
  prepare(workspace) {
    for (const [name, lines] of Object.entries(FILES))
      writeFileSync(path.join(workspace, name), `${lines.join('\n')}\n`);
    if (!only || only.includes('large'))
      writeFileSync(path.join(workspace, 'large.jsonl'), largeFile());
  },
});
mkdirSync(outDir, { recursive: true });

/** Opens a workspace file with Quick Open (tried again while the workbench is still starting). */
async function open(name) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await page.waitForTimeout(500);
    await page.keyboard.type(name);
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    try {
      await page.waitForSelector(`.tab.active[aria-label^="${name}"]`, { timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Puts the cursor at line:column (1-based) with Go to Line. */
async function goTo(line, column) {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** Runs a command by its title from the command palette. */
async function command(title) {
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type(title);
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
}

async function settle(ms = 1500) {
  await page.waitForTimeout(ms);
}

/** Screenshot of the union of the boxes of `selectors` (visible ones), padded, within the page. */
async function shot(name, selectors, pad = 8) {
  const boxes = [];
  // Nothing of the scene shown (an older build offers no hover there): the editor is the picture.
  const visible = [];
  for (const s of selectors) if (await page.locator(s).first().isVisible()) visible.push(s);
  if (visible.length === 0) visible.push('.editor-group-container.active');
  for (const s of visible) {
    for (const el of await page.locator(s).all()) {
      if (!(await el.isVisible())) continue;
      const b = await el.boundingBox();
      if (b && b.width > 0 && b.height > 0) boxes.push(b);
    }
  }
  const file = path.join(outDir, `${name}-${label}.png`);
  if (boxes.length === 0) {
    await page.screenshot({ path: file });
  } else {
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
    const right = Math.min(1200, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
    const bottom = Math.min(700, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
    await page.screenshot({ path: file, clip: { x, y, width: right - x, height: bottom - y } });
  }
  console.log(`wrote ${path.relative(here, file)}`);
}

const EDITOR = '.editor-group-container.active .monaco-editor .view-lines';
const PROBLEMS = '.markers-panel-container';
const HOVER = '.monaco-hover:not(.hidden)';
const MENU = '.action-widget';
const SUGGEST = '.suggest-widget.visible';
const STATUS = '.statusbar';

// The order matters: the file over 50 MB comes last, since its check from disk keeps the server
// busy for a while; the Problems panel is shot first, while it lists only its own file.
const scenes = {
  // 5: the Problems panel, then the hover on the part's type.
  async problems() {
    await open('problems.jsonl');
    await settle(3000);
    await page.keyboard.press('Control+Shift+M');
    await settle();
    await shot('5-problems-panel', [PROBLEMS]);
    const text = FILES['problems.jsonl'][0];
    await goTo(1, text.indexOf('"type"') + 3);
    await command('Show or Focus Hover');
    await page.waitForSelector(HOVER, { timeout: 10_000 }).catch(() => {});
    await settle(800);
    await shot('5-type-hover', [HOVER]);
    await page.keyboard.press('Escape');
  },
  // 1: a file of bare request bodies.
  async bare() {
    await open('bare-body.jsonl');
    await settle(3000);
    await page.keyboard.press('Control+Shift+M');
    await settle();
    await shot('1-bare-body', [EDITOR, PROBLEMS, STATUS]);
  },
  // 3: the actions offered on a clean chat line.
  async convert() {
    await open('convert.jsonl');
    await settle(3000);
    await goTo(1, 20);
    await page.keyboard.press('Control+.');
    await page.waitForSelector(MENU, { timeout: 10_000 }).catch(() => {});
    await settle(800);
    await shot('3-convert-offer', [EDITOR, MENU]);
    await page.keyboard.press('Escape');
  },
  // 4: the fixes of an image part with its url at the wrong level.
  async image() {
    await open('image-part.jsonl');
    await settle(3000);
    const text = FILES['image-part.jsonl'][0];
    await goTo(1, text.lastIndexOf('"url"') + 2);
    await page.keyboard.press('Control+.');
    await page.waitForSelector(MENU, { timeout: 10_000 }).catch(() => {});
    await settle(800);
    await shot('4-image-part-fixes', [EDITOR, MENU]);
    await page.keyboard.press('Escape');
  },
  // 6: the labels of the actions on a deprecated max_tokens and an invalid part.
  async labels() {
    await open('problems.jsonl');
    await settle(1500);
    const text = FILES['problems.jsonl'][0];
    await goTo(1, text.indexOf('"max_tokens"') + 3);
    await page.keyboard.press('Control+.');
    await page.waitForSelector(MENU, { timeout: 10_000 }).catch(() => {});
    await settle(800);
    await shot('6-max-tokens-actions', [MENU]);
    await page.keyboard.press('Escape');
  },
  // 7: completion of a key, and the hover on a parameter and on the model.
  async complete() {
    await open('complete.jsonl');
    await settle(3000);
    const text = FILES['complete.jsonl'][0];
    // As a user types it: the quote (a trigger character; the editor closes it), then "te".
    await goTo(1, text.lastIndexOf('"te"') + 1);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('"');
    await settle(500);
    await page.keyboard.type('temp');
    await page.waitForSelector(`${SUGGEST} .monaco-list-row`, { timeout: 20_000 }).catch(() => {});
    await settle(1200);
    await shot('7-completion', [SUGGEST, '.suggest-details-container']);
    // Accepted: what the line holds now.
    await page.keyboard.press('Enter');
    await settle(1500);
    await shot('7-completion-accepted', [EDITOR]);
    await page.keyboard.press('Escape');
    await goTo(1, text.indexOf('"top_p"') + 3);
    await command('Show or Focus Hover');
    await page.waitForSelector(HOVER, { timeout: 10_000 }).catch(() => {});
    await settle(800);
    await shot('7-parameter-hover', [HOVER]);
    await page.keyboard.press('Escape');
    await goTo(1, text.indexOf('"gpt-4o-mini"') + 3);
    await command('Show or Focus Hover');
    await page.waitForSelector(HOVER, { timeout: 10_000 }).catch(() => {});
    await settle(800);
    await shot('7-model-hover', [HOVER]);
    await page.keyboard.press('Escape');
  },
  // 8: the status item, and its tooltip.
  async status() {
    await open('status.jsonl');
    await settle(4000);
    await shot('8-status-item', [STATUS]);
    const item = page.locator('.statusbar-item', { hasText: /requests?/ }).first();
    if (await item.isVisible().catch(() => false)) {
      await item.hover();
      await page.waitForSelector(`${HOVER}, .workbench-hover`, { timeout: 10_000 }).catch(() => {});
      await settle(1500);
      await shot('8-status-tooltip', [`${HOVER}`, '.workbench-hover', STATUS]);
    }
  },
  // 9: a JSON array of requests: one problem per piece, and the fixes of its "[" line.
  async array() {
    await open('json-array.jsonl');
    await settle(3000);
    await page.keyboard.press('Control+Shift+M');
    await settle();
    await shot('9-json-array', [EDITOR, PROBLEMS]);
    await goTo(1, 1);
    await page.keyboard.press('Control+.');
    await page.waitForSelector(MENU, { timeout: 10_000 }).catch(() => {});
    await settle(800);
    await shot('9-json-array-fixes', [EDITOR, MENU]);
    await page.keyboard.press('Escape');
  },
  // 2: a file over 50 MB.
  async large() {
    await open('large.jsonl');
    await settle(3000);
    const anyway = page.getByText('Open Anyway');
    if (await anyway.isVisible().catch(() => false)) await anyway.click();
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: 'Invalid type' })
      .first()
      .waitFor({ timeout: label === 'before' ? 20_000 : 240_000 })
      .catch(() => {});
    await page.keyboard.press('Control+Shift+M');
    await settle(2000);
    await shot('2-large-file', [PROBLEMS]);
  },
};

try {
  await settle(5000);
  for (const [name, scene] of Object.entries(scenes)) {
    if (only && !only.includes(name)) continue;
    try {
      await scene();
    } catch (error) {
      console.error(`scene ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await page.keyboard.press('Escape');
  }
} finally {
  await close();
}
