import type { ReactNode } from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    padding: '12px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  help: { color: tokens.colorNeutralForeground3 },
});

/** A titled block of one step (a white card on the pane's grey). */
export function Section({
  title,
  help,
  children,
  testId,
}: {
  title: string;
  help?: string;
  children: ReactNode;
  testId?: string;
}) {
  const s = useStyles();
  return (
    <section className={s.card} data-testid={testId}>
      <Text weight="semibold" size={400}>
        {title}
      </Text>
      {help ? (
        <Text size={200} className={s.help}>
          {help}
        </Text>
      ) : null}
      {children}
    </section>
  );
}
