// The page a printed or shared link opens. It exchanges the link's key for a session with a
// same-origin POST and removes the key from the address bar and history. Opened straight from
// outside any web page it continues by itself; opened from another page (which could be a site
// trying to log this browser into its own session) it waits for the person to click. The page
// comes before the app and its language settings, so it speaks Italian, English and Chinese.
export function loginPage(auto: boolean): string {
  return `<!doctype html><html lang="it" data-auto="${auto ? '1' : '0'}"><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<title>Vetrina</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.5">
<h1>Vetrina</h1>
<div id="ask"${auto ? ' hidden' : ''}>
<p>Aprire Vetrina con questo link? · Open Vetrina with this link? · 使用此链接打开 Vetrina？</p>
<p><button id="go" type="button" style="font-size:1.1em;padding:.4em 1.2em">Apri Vetrina · Open Vetrina · 打开 Vetrina</button></p>
</div>
<p id="wait"${auto ? '' : ' hidden'}>Apertura di Vetrina… · Opening Vetrina… · 正在打开 Vetrina…</p>
<div id="failed" hidden role="alert">
<p>Questo link non è più valido (scaduto o revocato): chiedi un nuovo link a chi te l'ha mandato.</p>
<p>This link is no longer valid (expired or revoked): ask whoever sent it for a new one.</p>
<p>此链接已失效（已过期或已撤销）：请向发送者索取新链接。</p>
</div>
<script src="/__vetrina/login.js"></script>
</body></html>`
}

export const LOGIN_SCRIPT = `(function () {
  var key = new URLSearchParams(location.search).get('token') || '';
  var hash = location.hash;
  history.replaceState(null, '', '/' + hash);
  function show(id) { ['ask', 'wait', 'failed'].forEach(function (x) { document.getElementById(x).hidden = x !== id; }); }
  function go() {
    show('wait');
    fetch('/api/session', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: key }) })
      // The address is already '/' + hash: replacing it with itself would only move to the hash, not load the app.
      .then(function (r) { if (r.ok) location.reload(); else show('failed'); })
      .catch(function () { show('failed'); });
  }
  document.getElementById('go').addEventListener('click', go);
  if (document.documentElement.getAttribute('data-auto') === '1') go();
})();
`
