/**
 * Settings: declared once in package.json with the defaults the accessor uses, applied on change
 * without a reload (severity, unverified claims, enable, size limit), invalid values falling back
 * to the default with a note in the output channel. Values per workspace folder are not covered:
 * the test window has one folder, and adding a second makes it a multi-root workspace, which
 * restarts the extension host.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS } from '../../src/vscode/settings';
import {
  api, closeAll, codeOf, CONTRADICTED_LINE, EXTENSION_ID, joinLines, openUntitled, setSetting, until, waitForDiagnostics, waitForLog,
} from './editor-helpers';

/** `draftFactCheck.severity.contradicted` -> ['severity', 'contradicted'] in DEFAULT_SETTINGS. */
function defaultOf(key: string): unknown {
  return key.split('.').slice(1).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], DEFAULT_SETTINGS);
}

describe('settings', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAll);

  it('package.json declares every setting the accessor reads, with the same defaults', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const properties = (ext.packageJSON as { contributes: { configuration: { properties: Record<string, { default: unknown; description?: string; scope?: string }> } } })
      .contributes.configuration.properties;
    const declared = Object.keys(properties).sort();
    const read: string[] = [];
    const walk = (prefix: string, o: Record<string, unknown>): void => {
      for (const [k, v] of Object.entries(o)) {
        if (v && typeof v === 'object' && !Array.isArray(v)) walk(`${prefix}${k}.`, v as Record<string, unknown>);
        else read.push(`draftFactCheck.${prefix}${k}`);
      }
    };
    walk('', DEFAULT_SETTINGS as unknown as Record<string, unknown>);
    assert.deepEqual(read.sort(), declared);
    for (const key of declared) {
      assert.deepEqual(properties[key].default, defaultOf(key), `default of ${key}`);
      assert.ok(properties[key].description, `${key} has a description`);
      assert.equal(properties[key].scope, 'resource', `${key} is resource-scoped`);
    }
  });

  it('the README explains every setting in its Settings section', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const readme = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'README.md')));
    const section = /^## Settings\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
    const properties = Object.keys((ext.packageJSON as { contributes: { configuration: { properties: Record<string, unknown> } } }).contributes.configuration.properties);
    for (const key of properties) assert.ok(section.includes(`| \`${key}\` |`), `README's Settings table has a row for ${key}`);
  });

  it('applies a severity change at once, without a reload', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Warning, 'a warning');
    const restore = await setSetting('draftFactCheck', 'severity.contradicted', 'error');
    try {
      await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Error, 'an error after the change');
    } finally {
      await restore();
    }
    await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Warning, 'a warning again');
  });

  it('falls back to the default for an invalid value, with a note in the output channel', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Warning, 'a warning');
    // First a valid change, so that the invalid one is seen to undo it (a warning again), not
    // merely to leave the first rendering in place.
    const restore = await setSetting('draftFactCheck', 'severity.contradicted', 'error');
    try {
      await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Error, 'an error');
      await vscode.workspace.getConfiguration('draftFactCheck').update('severity.contradicted', 'loud', vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Warning, 'the default severity');
      assert.equal(await waitForLog(/draftFactCheck\.severity\.contradicted/),
        'warn Setting draftFactCheck.severity.contradicted has an invalid value "loud"; using "warning" instead.');
    } finally {
      await restore();
    }
  });

  it('notes an out-of-range debounceMs in the output channel, with the default it uses instead', async () => {
    // Settings are read, and an invalid value noted, when the open drafts are checked again after
    // the change. (Whether the pause is then the default one cannot be seen from here: quick fixes,
    // which the workbench asks for after an edit, check a draft on the spot.)
    await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE));
    const restore = await setSetting('draftFactCheck', 'debounceMs', 60000);
    try {
      assert.equal(await waitForLog(/draftFactCheck\.debounceMs has an invalid value 60000/),
        'warn Setting draftFactCheck.debounceMs has an invalid value 60000; using 300 instead.');
      await vscode.workspace.getConfiguration('draftFactCheck').update('debounceMs', -5, vscode.ConfigurationTarget.Workspace);
      assert.equal(await waitForLog(/draftFactCheck\.debounceMs has an invalid value -5/),
        'warn Setting draftFactCheck.debounceMs has an invalid value -5; using 300 instead.');
    } finally {
      await restore();
    }
  });

  it('shows unverified claims only when asked, as hints', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', 'The festival drew 45,000 visitors on Saturday.'));
    const uri = editor.document.uri;
    const restore = await setSetting('draftFactCheck', 'showUnverified', true);
    try {
      const [hint] = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'unverified'), 'an unverified hint');
      assert.equal(hint.severity, vscode.DiagnosticSeverity.Hint);
    } finally {
      await restore();
    }
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'unverified'), 'unverified hidden again');
  });

  it('stops and restarts checking with draftFactCheck.enable', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 1, 'the figure flagged');
    const restore = await setSetting('draftFactCheck', 'enable', false);
    try {
      await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics when disabled');
    } finally {
      await restore();
    }
    await waitForDiagnostics(uri, (d) => d.length === 1, 'flagged again');
  });

  it('checks the languages the languages setting names', async () => {
    const plain = await openUntitled(CONTRADICTED_LINE, 'plaintext');
    const restore = await setSetting('draftFactCheck', 'languages', ['markdown', 'plaintext']);
    try {
      await waitForDiagnostics(plain.document.uri, (d) => d.length === 1, 'the plain-text draft checked');
    } finally {
      await restore();
    }
    await waitForDiagnostics(plain.document.uri, (d) => d.length === 0, 'plain text left alone again');
  });

  it('says visibly when a long draft was only partly checked', async () => {
    const extension = await api();
    const restore = await setSetting('draftFactCheck', 'maxDocumentSize', 1000);
    try {
      const filler = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of background with no figures in it at all.`);
      const editor = await openUntitled(joinLines('# Long draft', '', ...filler, '', CONTRADICTED_LINE));
      const [notice] = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'truncated'), 'the truncation notice');
      assert.equal(notice.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(notice.message, /Only the first 1,000 of \d[\d,]* characters were checked/);
      assert.equal(editor.document.offsetAt(notice.range.start), 1000, 'the notice sits at the cut');
      // The claim after the cut is not judged.
      assert.ok(!(await waitForDiagnostics(editor.document.uri, () => true, 'diagnostics')).some((x) => codeOf(x) === 'contradicted'));
      await until('the status bar to say partial', () => /partial/.test(extension.status().text));
    } finally {
      await restore();
    }
  });
});
