/*
 * Ribbon commands that run without the task pane (the manifest's FunctionFile, commands.html).
 * Steps that need input open the task pane instead (ShowTaskpane buttons in manifest.xml).
 */
import { latestBulletinSheet } from './latestBulletin';

/** Activates the most recent `通报 …` sheet: one sync to read the sheet names, one to activate. */
async function showLatestBulletin(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const name = latestBulletinSheet(sheets.items.map((s) => s.name));
      if (!name) return;
      sheets.getItem(name).activate();
      await context.sync();
    });
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('showLatestBulletin', showLatestBulletin);
});
