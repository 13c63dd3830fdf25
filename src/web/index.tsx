import { createRoot } from 'react-dom/client';
import { pickStrings } from '../i18n/strings';
import { setHost } from '../taskpane/loadController';
import { preflightBlocked } from '../taskpane/preflight';
import { loadBookHost } from './loadBookHost';
import { WebApp } from './WebApp';
import { pickWebStrings } from './webStrings';

// An old browser (IE11, EdgeHTML): web.html's ES5 check has said what to use instead
if (!preflightBlocked()) start();

function start() {
  // the browser's language stands for Office's display language: Chinese unless it is another one
  const strings = pickStrings(
    new URLSearchParams(window.location.search).get('lang') ?? navigator.language,
  );
  setHost(loadBookHost);
  document.documentElement.lang = strings.lang;
  document.title = `${strings.appTitle} · ${pickWebStrings(strings.lang).edition}`;
  createRoot(document.getElementById('root')!).render(
    <WebApp strings={strings} web={pickWebStrings(strings.lang)} />,
  );
}
