// Says in words when the player's module cannot load (see mount.ts). Classic, external: it runs under a strict CSP.
addEventListener('error', function (e) {
  var t = e.target, p = document.createElement('p');
  if (!t || t.localName !== 'script' || document.querySelector('earshot-player,.embed-problem')) return;
  p.className = 'embed-problem';
  p.setAttribute('role', 'alert');
  p.textContent = 'This audio player could not load. Open the page it comes from to listen.';
  (document.body || document.documentElement).appendChild(p);
}, true);
