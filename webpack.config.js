'use strict';
// Builds the add-in (task pane + ribbon commands) into dist/addin and the 网页版 (the same panels
// over a book held in the page, SPEC §13) into dist/web; with --env harness, the browser-test page
// (the task pane bundle behind a simulated Excel host) into dist/test-harness.
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const officeDist = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
// office.js picks its host script and strings at run time; other Office apps' files are not needed.
const otherHosts = [
  'word',
  'powerpoint',
  'outlook',
  'onenote',
  'project',
  'access',
  'visio',
  'excelios',
  'excelwebapp',
];

/**
 * HTTPS options for the dev server: the office-addin-dev-certs certificate, installed as trusted
 * where the tool can (Windows, macOS). Where it cannot install its CA (Linux without sudo, a
 * container), a certificate made by the same package's public generateCertificates() into
 * node_modules/.cache is used, and its CA file is named for manual trust.
 */
async function devServerHttps() {
  const certs = require('office-addin-dev-certs');
  try {
    return await certs.getHttpsServerOptions();
  } catch (e) {
    const fs = require('fs');
    const dir = path.join(__dirname, 'node_modules/.cache/target-desk-dev-certs');
    const [ca, cert, key] = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) =>
      path.join(dir, f),
    );
    // Generated certificates last 30 days: make new ones a few days before.
    const fresh = [ca, cert, key].every(
      (f) => fs.existsSync(f) && Date.now() - fs.statSync(f).mtimeMs < 25 * 86_400_000,
    );
    if (!fresh) await certs.generateCertificates(ca, cert, key);
    console.warn(
      `dev-server: ${e.message.split('\n')[0]}\ndev-server: serving with ${cert}; trust ${ca} by hand`,
    );
    return { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ca: fs.readFileSync(ca) };
  }
}

module.exports = async (env = {}, argv = {}) => {
  if (env.harness) return config('harness', argv.mode, false);
  const serving = Boolean(env.WEBPACK_SERVE);
  const addin = await config('addin', argv.mode, serving);
  // the dev server serves the add-in only; `npm run build` makes both; the tests (--env test) also
  // need the browser-test harness, built in the same run
  if (serving) return addin;
  const builds = [addin, await config('web', argv.mode, false)];
  if (env.test) builds.push(await config('harness', argv.mode, false));
  return builds;
};

/** One webpack configuration: `target` is 'addin', 'web' or 'harness'. */
async function config(target, mode, serving) {
  const harness = target === 'harness';
  const web = target === 'web';
  const production = mode !== 'development';

  const entry = harness
    ? { harness: './test/browser/harness/harness.ts', taskpane: './src/taskpane/index.tsx' }
    : web
      ? { web: './src/web/index.tsx' }
      : { taskpane: './src/taskpane/index.tsx', commands: './src/commands/commands.ts' };

  const pages = web
    ? [
        new HtmlWebpackPlugin({
          filename: 'index.html',
          template: './src/web/web.html',
          chunks: ['web'],
        }),
      ]
    : harness
      ? [
          new HtmlWebpackPlugin({
            filename: 'test-harness.html',
            template: './test/browser/harness/test-harness.html',
            chunks: ['harness', 'taskpane'],
            chunksSortMode: 'manual',
          }),
        ]
      : [
          new HtmlWebpackPlugin({
            filename: 'taskpane.html',
            template: './src/taskpane/taskpane.html',
            chunks: ['taskpane'],
          }),
          new HtmlWebpackPlugin({
            filename: 'commands.html',
            template: './src/commands/commands.html',
            chunks: ['commands'],
          }),
          new HtmlWebpackPlugin({
            filename: 'help.html',
            template: './src/taskpane/help.html',
            chunks: [],
          }),
        ];

  // `minimized` keeps Terser off the copied files (office.js is shipped minified; 13 MB of it).
  const copies = [{ from: 'assets/*.png', to: 'assets/[name][ext]' }];
  if (target === 'addin') {
    copies.push({
      from: '**/*',
      context: officeDist,
      to: 'assets/office/',
      globOptions: {
        ignore: [
          '**/*.debug.js',
          '**/*.d.ts',
          '**/office-vsdoc.js',
          '**/outlook_strings.js',
          ...otherHosts.map((h) => `**/${h}*`),
        ],
      },
      info: { minimized: true },
    });
  }

  return {
    mode: production ? 'production' : 'development',
    // the test harness skips source maps: it is rebuilt before every test run
    devtool: harness ? false : production ? 'source-map' : 'eval-cheap-module-source-map',
    entry,
    output: {
      path: path.resolve(__dirname, 'dist', harness ? 'test-harness' : target),
      filename: '[name].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // ExcelJS's browser build and iconv-lite expect Node's Buffer.
      fallback: {
        buffer: require.resolve('buffer/'),
        fs: false,
        path: false,
        stream: false,
        crypto: false,
        zlib: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // type-checking is `npm run typecheck`; here only transpile, with ES modules so that
            // dynamic import() makes lazy chunks.
            options: {
              transpileOnly: true,
              compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      ...pages,
      new CopyWebpackPlugin({ patterns: copies }),
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          port: 3000,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await devServerHttps() },
          static: false,
        }
      : undefined,
  };
}
