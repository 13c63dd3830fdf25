import { Field, makeStyles, Select } from '@fluentui/react-components';
import type { Strings } from '../../i18n/strings';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px' },
  year: { flex: '0 0 96px' },
  quarter: { flex: '1 1 auto' },
});

/** A quarter of one of the plan's years, as `2019Q3` (the full year is its fourth quarter). */
export function PeriodPicker({
  strings,
  label,
  years,
  value,
  onChange,
  disabled,
}: {
  strings: Strings;
  label: string;
  years: number[];
  value: string;
  onChange: (period: string) => void;
  disabled?: boolean;
}) {
  const s = useStyles();
  const [year, quarter] = value.split('Q');
  const yearOptions = years.length ? years : [Number(year)];
  return (
    <Field label={label}>
      <div className={s.row}>
        <Select
          className={s.year}
          aria-label={strings.assess.year}
          value={year}
          disabled={disabled}
          onChange={(_, d) => onChange(`${d.value}Q${quarter}`)}
          data-testid="period-year"
        >
          {yearOptions.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </Select>
        <Select
          className={s.quarter}
          aria-label={strings.assess.quarter}
          value={quarter}
          disabled={disabled}
          onChange={(_, d) => onChange(`${year}Q${d.value}`)}
          data-testid="period-quarter"
        >
          {strings.assess.quarters.map((q, i) => (
            <option key={q} value={String(i + 1)}>
              {q}
            </option>
          ))}
        </Select>
      </div>
    </Field>
  );
}
