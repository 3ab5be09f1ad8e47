/**
 * The five commands, run with arguments as a script would (and the Look Up Source picker driven
 * through VS Code's quick-input commands): what they insert, copy, open and report.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api, closeAll, CONTRADICTED_LINE, deleteFile, fileUri, joinLines, openFile, openUntitled, ourDiagnostics, rangeOf, SUPPORTED_LINE, until, waitForDiagnostics, waitForLog, writeFile,
} from './editor-helpers';

interface LookUpResult { factId: string; action: string; text?: string }

describe('commands', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAll);

  it('are all registered under their package.json ids', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['lookUpSource', 'showSourceForClaim', 'checkWorkspace', 'openDataset', 'toggle']) {
      assert.ok(all.includes(`draftFactCheck.${id}`), `draftFactCheck.${id}`);
    }
  });

  describe('Look Up Source…', () => {
    it('inserts the attributed figure of the best match at the cursor, as one undo step', async () => {
      const editor = await openUntitled(joinLines('# Draft', '', 'So far, '));
      editor.selection = new vscode.Selection(2, 8, 2, 8);
      const result = await vscode.commands.executeCommand<LookUpResult>('draftFactCheck.lookUpSource', { query: 'around 500 transferred', action: 'insert' });
      assert.equal(result.factId, 'transferred-around-500');
      assert.equal(editor.document.lineAt(2).text, `So far, ${result.text}`);
      assert.match(editor.document.lineAt(2).text, /^So far, around 500 detainees, according to two Iraqi judicial officials, two Iraqi security officials and three diplomats/);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.lineAt(2).text, 'So far, ');
    });

    it('finds facts by figure without separators, by person and by words of a quote, forgiving a typo', async () => {
      await openUntitled('');
      const pick = (query: string): Thenable<LookUpResult> => vscode.commands.executeCommand<LookUpResult>('draftFactCheck.lookUpSource', { query, action: 'copy' });
      assert.equal((await pick('7000 expected')).factId, 'expected-to-move-7000');
      assert.match((await pick('rubio repatriate')).factId, /rubio/);
      assert.equal((await pick('heads chopped')).factId, 'quote-diplomat-heads-chopped-off');
      assert.equal((await pick('tayler mind bogling')).factId, 'quote-tayler-mind-boggling');
    });

    it('copies the citation in the configured style', async () => {
      await openUntitled('');
      const result = await vscode.commands.executeCommand<LookUpResult>('draftFactCheck.lookUpSource', { factId: 'transferred-around-500', action: 'copy' });
      assert.equal(result.text, '[^fc-transferred-around-500]: Reuters, “US slows transfer of Islamic State detainees to Iraq, sources say”, January 30, 2026. '
        + 'According to two Iraqi judicial officials, two Iraqi security officials and three diplomats; as of January 30, 2026.');
      // The clipboard of a headless browser may refuse; when it works, it holds the citation.
      const clipboard = await vscode.env.clipboard.readText().then((t) => t, () => undefined);
      if (clipboard) assert.equal(clipboard, result.text);
    });

    it('is a picker: typing filters, Enter chooses the fact and then the action', async () => {
      const editor = await openUntitled(joinLines('# Draft', '', ''));
      editor.selection = new vscode.Selection(2, 0, 2, 0);
      // Opened with a query, as the hover's link does; the first item is the best match.
      const running = vscode.commands.executeCommand<LookUpResult | undefined>('draftFactCheck.lookUpSource', { query: 'Norway cabinet' });
      // Enter on the fact picker, then Enter on the action picker ("Insert attributed figure at
      // cursor" comes first); an Enter before a picker is open does nothing, so keep pressing.
      await until('both pickers to take Enter', async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return editor.document.lineAt(2).text.length > 0;
      });
      const result = await running;
      assert.ok(result);
      assert.match(result.factId, /^norway-cabinet-crisis/);
      assert.equal(editor.document.lineAt(2).text, result.text);
    });
  });

  describe('Show Source for Claim at Cursor', () => {
    it('opens a read-only view of the fact, its source and the other facts from it', async () => {
      const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE));
      await waitForDiagnostics(editor.document.uri, (d) => d.length === 1, 'the figure flagged');
      const figure = rangeOf(editor.document, '7,000');
      editor.selection = new vscode.Selection(figure.start.translate(0, 1), figure.start.translate(0, 1));
      const uri = await vscode.commands.executeCommand<string>('draftFactCheck.showSourceForClaim');
      assert.ok(uri, 'a source view opened');
      const view = await until('the source view to be the active editor', () =>
        vscode.window.activeTextEditor?.document.uri.toString() === uri ? vscode.window.activeTextEditor.document : undefined);
      assert.equal(view.uri.scheme, 'draft-fact-check-source');
      assert.equal(view.languageId, 'markdown');
      const text = view.getText();
      assert.match(text, /^# /);
      assert.match(text, /around 500/);
      assert.match(text, /\*\*Who said it:\*\* according to two Iraqi judicial officials/);
      assert.match(text, /## Source document\n\n\*\*Reuters\*\* — “US slows transfer of Islamic State detainees to Iraq, sources say” — published January 30, 2026/);
      assert.match(text, /## Other facts from the same source \(\d+\)/);
      assert.deepEqual(ourDiagnostics(view.uri), [], 'the view itself is not checked');
    });

    it('takes a fact id, for links and scripts', async () => {
      const uri = await vscode.commands.executeCommand<string>('draftFactCheck.showSourceForClaim', { factId: 'quote-rubio-urges-repatriation' });
      const view = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      assert.match(view.getText(), /\*\*Exact quote:\*\* “The United States urges countries to take responsibility and repatriate their citizens in these facilities to face justice” — Marco Rubio/);
    });

    it('says so when the cursor is on no claim', async () => {
      const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE));
      await waitForDiagnostics(editor.document.uri, (d) => d.length === 1, 'the figure flagged');
      editor.selection = new vscode.Selection(0, 1, 0, 1);
      let settled = false;
      const running = Promise.resolve(vscode.commands.executeCommand<string | undefined>('draftFactCheck.showSourceForClaim')).finally(() => {
        settled = true;
      });
      // The command waits on an information message; dismiss it the way a user would.
      await until('the message to be dismissed', async () => {
        await vscode.commands.executeCommand('notifications.clearAll');
        return settled;
      });
      assert.equal(await running, undefined);
    });
  });

  describe('Check All Markdown Files in Workspace', () => {
    it('checks files that are not open and puts the results in Problems', async () => {
      const notOpen = fileUri('desk/second-draft.md');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === notOpen.toString()));
      const result = await vscode.commands.executeCommand<{ files: number; flagged: number; filesWithFlags: number; cancelled: boolean }>(
        'draftFactCheck.checkWorkspace', { quiet: true });
      assert.equal(result.cancelled, false);
      assert.ok(result.files >= 4, `files: ${result.files}`);
      assert.ok(result.flagged >= 2 && result.filesWithFlags >= 2, `flagged: ${result.flagged} in ${result.filesWithFlags} files`);
      const [diagnostic] = await waitForDiagnostics(notOpen, (d) => d.length === 1, 'the unopened draft in Problems');
      assert.equal(diagnostic.range.start.line, 2);
      // Opening and closing that file keeps its result, as it is on disk.
      await openFile('desk/second-draft.md');
      await closeAll();
      assert.equal(ourDiagnostics(notOpen).length, 1);
    });

    describe('cancelled from its progress notification', function () {
      this.timeout(120000);
      // Enough drafts, none alike (a check reuses what it found in a paragraph it saw before), that
      // a check of them all takes far longer than a Cancel takes to arrive. They sort first, and
      // the files are checked in the order of their URIs.
      const count = 300;
      const name = (i: number): string => `bulk/draft-${String(i).padStart(3, '0')}.md`;
      const draft = (i: number): string => joinLines('# Bulk draft', '',
        ...Array.from({ length: 20 }, (_, j) => `The U.S. has now transferred ${1000 + 20 * i + j} detainees from Syria to Iraq. ${SUPPORTED_LINE}`), '');
      type Result = { files: number; cancelled: boolean } | undefined;

      before(async () => {
        for (let i = 0; i < count; i++) await writeFile(name(i), draft(i));
      });
      after(() => deleteFile('bulk'));

      /** Starts the command; `settled` turns true when it has returned. */
      async function start(): Promise<{ running: Promise<Result>; settled: () => boolean }> {
        // The Cancel button is the primary action of the newest notification, which the
        // notification.acceptPrimaryAction command presses: no other notification may come first.
        await vscode.commands.executeCommand('notifications.clearAll');
        let settled = false;
        const running = Promise.resolve(vscode.commands.executeCommand<Result>('draftFactCheck.checkWorkspace', { quiet: true }))
          .finally(() => { settled = true; });
        return { running, settled: () => settled };
      }

      async function pressCancel(settled: () => boolean): Promise<void> {
        await until('the check to end', async () => {
          if (!settled()) await vscode.commands.executeCommand('notification.acceptPrimaryAction');
          return settled();
        }, 30000);
      }

      it('stops checking files, and says so in the log', async () => {
        const { running, settled } = await start();
        await waitForDiagnostics(fileUri(name(0)), (d) => d.length > 0, 'the first draft checked', 30000);
        await pressCancel(settled);
        const result = await running;
        assert.ok(result, 'the command returned a result (no error)');
        assert.equal(result.cancelled, true, `cancelled (files checked: ${result.files})`);
        assert.ok(result.files >= 1 && result.files < count, `stopped part-way: ${result.files} of ${count + 4} files checked`);
        assert.deepEqual(ourDiagnostics(fileUri(name(count - 1))), [], 'the last draft was never checked');
        assert.match(await waitForLog(/^info Workspace check: .*\(cancelled\)\.$/),
          new RegExp(`^info Workspace check: ${result.files} file\\(s\\), \\d+ flagged claim\\(s\\) in \\d+ file\\(s\\) \\(cancelled\\)\\.$`));
      });

      it('stops at once when Cancel is pressed while it is still finding the files', async () => {
        const errors = (await api())._test.logLines().filter((l) => l.startsWith('error ')).length;
        // Pressed right after the start, Cancel arrives while findFiles is still searching (it then
        // returns no files; the check said "Checked 0 files: nothing flagged." before it looked at
        // the token there), or else between two files.
        const { running, settled } = await start();
        await pressCancel(settled);
        const result = await running;
        assert.ok(result, 'the command returned a result, not an error');
        assert.equal(result.cancelled, true, `cancelled (files checked: ${result.files})`);
        assert.ok(result.files < count, `stopped part-way: ${result.files} of ${count + 4} files checked`);
        assert.deepEqual((await api())._test.logLines().filter((l) => l.startsWith('error ')).slice(errors), [], 'no error logged');
      });
    });
  });

  describe('Open Reference Dataset', () => {
    it('opens the bundled dataset', async () => {
      const uri = await vscode.commands.executeCommand<string>('draftFactCheck.openDataset', { file: 'bundled' });
      const editor = await until('the dataset editor', () => vscode.window.activeTextEditor?.document.uri.toString() === uri ? vscode.window.activeTextEditor : undefined);
      assert.match(editor.document.uri.path, /media\/datasets\/us-transfer-is-detainees\.facts\.json$/);
      assert.match(editor.document.getText(), /"transferred-around-500"/);
    });
  });

  describe('Toggle Checking', () => {
    it('turns checking off (diagnostics cleared, status says so) and on again', async () => {
      const extension = await api();
      const editor = await openFile('transfers.md');
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, (d) => d.length === 1, 'the figure flagged');
      try {
        assert.equal(await vscode.commands.executeCommand('draftFactCheck.toggle'), false);
        await waitForDiagnostics(uri, (d) => d.length === 0, 'diagnostics cleared');
        assert.match(extension.status().text, /circle-slash/);
      } finally {
        assert.equal(await vscode.commands.executeCommand('draftFactCheck.toggle', { enabled: true }), true);
      }
      await waitForDiagnostics(uri, (d) => d.length === 1, 'the figure flagged again');
    });
  });
});
