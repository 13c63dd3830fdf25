/** Whether Office shows a dark theme (read from its body colour; absent on older hosts: light). */
export function officeThemeIsDark(): boolean {
  const hex = Office.context?.officeTheme?.bodyBackgroundColor;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
