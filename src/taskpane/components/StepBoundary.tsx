import { Component, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Strings } from '../../i18n/strings';

interface Props {
  strings: Strings;
  children: ReactNode;
}

/**
 * Keeps the pane alive when a step's chunk fails to download (a dropped connection inside Excel)
 * or a panel fails to render: the step shows the error and a retry instead of a blank pane.
 */
export class StepBoundary extends Component<Props, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { strings, children } = this.props;
    if (this.state.error === undefined) return children;
    return (
      <MessageBar intent="error" layout="multiline" data-testid="step-failed">
        <MessageBarBody>
          <MessageBarTitle>{strings.stepFailed}</MessageBarTitle>
          <div>
            {this.state.error instanceof Error
              ? this.state.error.message
              : String(this.state.error)}
          </div>
          <Button size="small" onClick={() => window.location.reload()}>
            {strings.reload}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
}
