import { createRoot } from 'react-dom/client';
import { pickStrings } from '../i18n/strings';
import { App } from './App';
import { setHost } from './loadController';
import { preflightBlocked, showNotice } from './preflight';
import { stepFromUrl } from './steps';
import { officeThemeIsDark } from './theme';

Office.onReady((info) => {
  if (preflightBlocked()) return;
  // A browser outside Office: no workbook to work on; the page offers the 网页版 instead.
  if (!info?.host && showNotice('outside')) return;
  setHost(() =>
    import(/* webpackChunkName: "controller" */ './officeHost').then((m) => m.officeHost),
  );
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
