// Packages the extension as a user would receive it, and checks what went into the package.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Ship the bundles and the manifest's companions, nothing else (sources, tests, fixtures stay out).
const ALLOWLIST = ['**', '!dist/**', '!package.json', '!README.md', '!LICENSE', '!LICENSE.*', ''];
const ALLOWED = [
  /^extension\/dist\//,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/license(\.(md|txt))?$/i,
  // Marketplace companions the manifest may name; nothing from the sources or tests.
  /^extension\/changelog\.md$/i,
  // vsce's own metadata.
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
];

/** Creates the allowlist .vscodeignore when nobody has yet; returns true if it did. */
export function ensureVscodeignore(root) {
  const file = path.join(root, '.vscodeignore');
  if (existsSync(file)) return false;
  writeFileSync(file, ALLOWLIST.join('\n'));
  return true;
}

/**
 * Builds the .vsix into `outDir`: the project's `npm run package` when it exists (it adds checks
 * of its own, such as a size ceiling), otherwise vsce directly. Returns the package's path.
 */
export function packageExtension(root, outDir) {
  const out = path.join(outDir, 'batchlint.vsix');
  rmSync(out, { force: true });
  const r = existsSync(path.join(root, 'scripts', 'package.mjs'))
    ? spawnSync('npm', ['run', '--silent', 'package', '--', out], { cwd: root, stdio: 'inherit' })
    : spawnSync(
        process.execPath,
        [
          path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
          'package',
          '--no-dependencies',
          '-o',
          out,
        ],
        { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
      );
  if (r.status !== 0 || !existsSync(out)) throw new Error(`packaging failed (exit ${r.status})`);
  return out;
}

/** Entry names of a zip file, read from its central directory (a .vsix is a zip). */
export function zipEntries(file) {
  const buf = readFileSync(file);
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

const escape = (s) => s.replace(/^\.\//, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Entries that the allowlist does not permit; empty when the package is clean. */
export function unexpectedEntries(file, root) {
  const { icon } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const allowed = icon ? [...ALLOWED, new RegExp(`^extension/${escape(icon)}$`)] : ALLOWED;
  const names = zipEntries(file);
  const bad = names.filter((n) => !n.endsWith('/') && !allowed.some((re) => re.test(n)));
  if (!names.includes('extension/dist/extension.js'))
    bad.push('(missing extension/dist/extension.js)');
  if (!names.includes('extension/dist/server.js')) bad.push('(missing extension/dist/server.js)');
  return bad;
}
