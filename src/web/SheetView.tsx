import { makeStyles, tokens } from '@fluentui/react-components';
import type { SheetGrid } from './bookHost';

/** Rows shown at most: a province-scale table stays usable; the saved book has every row. */
const MAX_ROWS = 500;

const useStyles = makeStyles({
  frame: { overflow: 'auto', maxHeight: 'calc(100vh - 110px)', backgroundColor: '#fff' },
  table: {
    borderCollapse: 'collapse',
    fontSize: '13px',
    color: '#000',
    '& td': {
      border: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: '3px 6px',
      verticalAlign: 'top',
      whiteSpace: 'pre-wrap',
      overflowWrap: 'anywhere',
    },
    // numbers stay on one line, right-aligned, as Excel shows them
    '& td.number': { whiteSpace: 'nowrap', textAlign: 'right' },
    '& th': {
      backgroundColor: tokens.colorNeutralBackground3,
      color: tokens.colorNeutralForeground3,
      fontWeight: 'normal',
      fontSize: '11px',
      border: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: '0 4px',
    },
  },
  more: { color: tokens.colorNeutralForeground3, padding: '6px' },
});

const NUMBER = /^-?\d[\d,]*(\.\d+)?%?$/;

const letters = (i: number): string =>
  (i >= 26 ? letters(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

/** A sheet's cells as a read-only HTML table, merged cells spanning as in the workbook. */
export function SheetView({ grid }: { grid: SheetGrid }) {
  const s = useStyles();
  const rows = grid.rows.slice(0, MAX_ROWS);
  const cols = grid.widths.length;
  const span = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const [top, left, bottom, right] of grid.merges) {
    span.set(`${top},${left}`, { rows: bottom - top + 1, cols: right - left + 1 });
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) if (r !== top || c !== left) covered.add(`${r},${c}`);
  }
  // Excel's width unit is about one digit (7 px at 11 pt); unset columns get Excel's default 8.43
  const px = (w: number | undefined) => Math.round((w ?? 8.43) * 8 + 5);
  return (
    <div className={s.frame}>
      <table className={s.table} data-testid="sheet-view" data-sheet={grid.name}>
        <colgroup>
          <col style={{ width: '36px' }} />
          {grid.widths.map((w, i) => (
            <col key={i} style={{ width: `${px(w)}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th />
            {grid.widths.map((_, i) => (
              <th key={i}>{letters(i)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              <th>{r + 1}</th>
              {Array.from({ length: cols }, (_, c) => {
                if (covered.has(`${r},${c}`)) return null;
                const sp = span.get(`${r},${c}`);
                return (
                  <td
                    key={c}
                    rowSpan={sp?.rows}
                    colSpan={sp?.cols}
                    className={NUMBER.test(row[c] ?? '') ? 'number' : undefined}
                  >
                    {row[c] ?? ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {grid.rows.length > MAX_ROWS && (
        <div className={s.more}>
          … {grid.rows.length - MAX_ROWS} / {grid.rows.length}
        </div>
      )}
    </div>
  );
}
