import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: 'left',
    padding: '4px 6px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    verticalAlign: 'bottom',
    minWidth: '3.5em',
  },
  // text (unit names) wraps so that every column fits the pane's width; numbers never break
  td: { padding: '4px 5px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  // long indicator names head number columns: they wrap, so the names column keeps room to read
  numHead: { textAlign: 'right' },
  text: { minWidth: '6em' },
  foot: { fontWeight: tokens.fontWeightSemibold },
});

export type Cell = string | number | null;

/** A compact read-only table; number columns right-aligned. */
export function DataTable({
  headers,
  rows,
  footer,
  numeric,
  testId,
}: {
  headers: string[];
  rows: Cell[][];
  footer?: Cell[];
  /** Which columns hold numbers. */
  numeric: boolean[];
  testId?: string;
}) {
  const s = useStyles();
  const cell = (v: Cell, j: number, extra = '') => (
    <td key={j} className={`${s.td} ${numeric[j] ? s.num : s.text} ${extra}`}>
      {v ?? '—'}
    </td>
  );
  return (
    <div className={s.wrap}>
      <table className={s.table} data-testid={testId}>
        <thead>
          <tr>
            {headers.map((h, j) => (
              <th key={j} className={`${s.th} ${numeric[j] ? s.numHead : s.text}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>{r.map((v, j) => cell(v, j))}</tr>
          ))}
          {footer ? <tr>{footer.map((v, j) => cell(v, j, s.foot))}</tr> : null}
        </tbody>
      </table>
    </div>
  );
}
