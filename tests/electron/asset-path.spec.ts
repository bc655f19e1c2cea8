/** The app:// path guard and origin checks are plain functions: they run here without Electron. */
import { expect, test } from '@playwright/test';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { resolveAsset } from '../../electron/main/asset-path';
import { isAppUrl, isWebLink } from '../../electron/main/origin';

const root = resolve('/srv/marginalia/dist/renderer');

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

test('serves files inside the renderer folder', () => {
  expect(resolveAsset(root, 'app://marginalia/')).toBe(join(root, 'index.html'));
  expect(resolveAsset(root, 'app://marginalia/index.html')).toBe(join(root, 'index.html'));
  expect(resolveAsset(root, 'app://marginalia/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'));
  expect(resolveAsset(root, 'app://marginalia/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
});

test('never resolves outside the renderer folder, however the path is encoded', () => {
  for (const url of [
    'app://marginalia/../../package.json',
    'app://marginalia/%2e%2e/%2e%2e/package.json',
    'app://marginalia/%2E%2E%2F%2E%2E%2Fpackage.json',
    'app://marginalia/assets/..%2f..%2f..%2fpackage.json',
    'app://marginalia/..%5c..%5cpackage.json',
    'app://marginalia//etc/passwd',
    'app://marginalia/%2fetc%2fpasswd/..%2f..%2f..',
    'app://marginalia/C:%5cWindows%5cwin.ini',
    'app://marginalia/C:/Windows/win.ini',
  ]) {
    const resolved = resolveAsset(root, url);
    if (resolved !== null) expect(isInside(root, resolved), `${url} → ${resolved}`).toBe(true);
  }
  // The URL parser folds dot segments at the root; decoded separators are caught afterwards.
  expect(resolveAsset(root, 'app://marginalia/%2e%2e/%2e%2e/package.json')).toBe(join(root, 'package.json'));
  expect(resolveAsset(root, 'app://marginalia/assets/..%2f..%2f..%2fpackage.json')).toBeNull();
  expect(resolveAsset(root, 'app://marginalia/%2fetc%2fpasswd/..%2f..%2f..')).toBeNull();
});

test('refuses other origins, NUL bytes and malformed encodings', () => {
  for (const url of [
    'app://marginalia/index.html%00.js',
    'app://marginalia/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://marginalia/index.html',
    'not a url',
  ]) {
    expect(resolveAsset(root, url), url).toBeNull();
  }
});

test('recognises our origin and web links by parsing, not by prefix', () => {
  expect(isAppUrl('app://marginalia/index.html')).toBe(true);
  expect(isAppUrl('app://marginalia.evil.example/index.html')).toBe(false);
  expect(isAppUrl('app://evil/app://marginalia/')).toBe(false);
  expect(isAppUrl('https://marginalia/')).toBe(false);
  expect(isAppUrl('')).toBe(false);
  expect(isWebLink('https://tass.com/politics/1222713')).toBe(true);
  expect(isWebLink('http://example.org')).toBe(true);
  expect(isWebLink('file:///etc/passwd')).toBe(false);
  expect(isWebLink('javascript:alert(1)')).toBe(false);
  expect(isWebLink('app://marginalia/index.html')).toBe(false);
});
