// The display scheme chosen on /affichage lives in a cookie and is rendered by the server on <html data-fr-scheme>.
// The DSFR script prefers its own localStorage copy; align that copy before the DSFR script starts so the
// server's choice wins. (External file: the Content-Security-Policy forbids inline scripts.)
(function () {
  try {
    var scheme = document.documentElement.getAttribute('data-fr-scheme');
    if (scheme === 'light' || scheme === 'dark' || scheme === 'system') window.localStorage.setItem('scheme', scheme);
  } catch (e) { /* storage disabled: the DSFR script then reads the attribute itself */ }
})();
