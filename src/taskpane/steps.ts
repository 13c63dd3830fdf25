export const STEPS = ['plan', 'allocate', 'returns', 'assess', 'bulletin'] as const;
export type Step = (typeof STEPS)[number];

/** The step a ribbon button asked for (`taskpane.html?step=assess`), else the first. */
export function stepFromUrl(search: string): Step {
  const step = new URLSearchParams(search).get('step');
  return (STEPS as readonly string[]).includes(step ?? '') ? (step as Step) : 'plan';
}
