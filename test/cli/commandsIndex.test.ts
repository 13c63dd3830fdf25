import { loadAllCommands, loadCommand } from '../../src/cli/commands';

describe('the command table (commands load when they run)', () => {
  it('finds each command by the name it declares, and nothing else', async () => {
    const all = await loadAllCommands();
    expect(all.map((c) => c.name)).toEqual([
      'allocate',
      'assess',
      'init',
      'run',
      'templates',
      'import-returns',
      'import-list',
      'export',
      'bulletin',
    ]);
    for (const c of all) expect(await loadCommand(c.name)).toBe(c);
    expect(loadCommand('toString')).toBeUndefined();
    expect(loadCommand('frobnicate')).toBeUndefined();
  });
});
