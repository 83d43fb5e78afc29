//! The preview page, its script and their content security policies.
//!
//! The script is served from its own path so that the page's policy can
//! forbid inline script: the poster is inserted into the page, and no
//! script or event handler in it may run. Inline *style* stays allowed:
//! the poster's SVG carries its own `<style>`, and style cannot run code.

/// Escapes text for HTML.
pub(super) fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The page's policy: scripts only from the server (`/preview.js`),
/// connections only to it, styles inline (the poster's own), fonts and
/// images only as data; nothing else, and no framing.
pub(super) const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The poster's policy when it is opened on its own: its inline style and
/// data fonts and images, no script.
pub(super) const POSTER_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; frame-ancestors 'none'; sandbox";

/// The page; `{title}` is replaced by the map's escaped file name.
pub(super) const PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} — journeymap</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #e9e6e1; color: #1d2430; }
  header { position: sticky; top: 0; padding: 6px 12px; background: #1d2430; color: #f4f1ec; }
  #poster { padding: 16px; }
  #poster svg { width: 100%; height: auto; box-shadow: 0 2px 12px rgba(0,0,0,.2); }
  #problem { margin: 16px; padding: 16px; background: #fff; border-left: 6px solid #b3261e; white-space: pre-wrap; font: 13px/1.5 ui-monospace, monospace; }
</style>
</head>
<body>
<header><strong>{title}</strong> · <span id="status">connecting…</span></header>
<pre id="problem" hidden></pre>
<div id="poster"></div>
<script src="/preview.js"></script>
</body>
</html>
"#;

/// The page's script: follows the event stream, fetches each new poster.
pub(super) const SCRIPT: &str = r#"'use strict';
const poster = document.getElementById('poster');
const problem = document.getElementById('problem');
const status = document.getElementById('status');
const events = new EventSource('/events');
events.addEventListener('poster', async (e) => {
  const response = await fetch('/poster.svg?v=' + e.data, { cache: 'no-store' });
  if (!response.ok) return;
  poster.innerHTML = await response.text();
  poster.hidden = false;
  problem.hidden = true;
  document.body.dataset.version = e.data;
  status.textContent = 'updated ' + new Date().toLocaleTimeString();
});
events.addEventListener('problem', (e) => {
  problem.textContent = JSON.parse(e.data);
  problem.hidden = false;
  poster.hidden = true;
  document.body.dataset.version = 'problem';
  status.textContent = 'the map has errors';
});
events.onerror = () => { status.textContent = 'disconnected: is journeymap serve still running?'; };
"#;
