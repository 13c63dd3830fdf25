import { createRoot } from 'react-dom/client';
import { pickStrings } from '../i18n/strings';
import { App } from './App';
import { stepFromUrl } from './steps';
import { officeThemeIsDark } from './theme';

Office.onReady(() => {
  const strings = pickStrings(Office.context?.displayLanguage);
  document.documentElement.lang = strings.lang;
  document.title = strings.appTitle;
  createRoot(document.getElementById('root')!).render(
    <App
      strings={strings}
      initialStep={stepFromUrl(window.location.search)}
      dark={officeThemeIsDark()}
    />,
  );
});
