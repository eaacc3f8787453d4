/** Inline CSS and JavaScript of the HTML report (system fonts only, no network). */

/** Ten theme colours, cycled by theme index: classes c0..c9 set --c. */
const PALETTE = ['#1b6ca8', '#c0392b', '#2e8b57', '#8e44ad', '#d35400', '#16a085', '#7f8c8d', '#b7950b', '#2c3e50', '#c2185b'];

/** The report's stylesheet. */
export const REPORT_STYLE = [
  ...PALETTE.map((c, i) => `.c${i}{--c:${c}}`),
  'body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;max-width:1200px;padding:1rem 2rem;color:#1d1d1f;background:#fff}',
  'h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ddd}h3{margin:.2rem 0;font-size:1rem}',
  '.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{margin:0}.chart figcaption{font-weight:600;margin-bottom:.3rem}',
  '.chart .bar{fill:var(--c)}.chart .label,.chart .value{font-size:13px;fill:#333}.chart .row{cursor:pointer}',
  '.filters{margin:1rem 0;display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}',
  '.filter{border:1px solid var(--c,#999);background:#fff;border-radius:1rem;padding:.1rem .7rem;cursor:pointer;font:inherit;font-size:.85rem}',
  '.filter[aria-pressed=true]{background:var(--c,#555);color:#fff}',
  '.grid-wrap{overflow-x:auto}.grid{border-collapse:collapse;font-size:.85rem}.grid th,.grid td{border:1px solid #e2e2e2;padding:.25rem .5rem;text-align:left}',
  '.grid th small,.grid td small{display:block;color:#555;font-weight:400;font-size:.8em}.grid td.num{text-align:right}',
  '.grid .cell{text-align:center;background:color-mix(in srgb,var(--c) calc(var(--s)*70%),#fff);min-width:5.5rem}',
  '.grid .cell.tagged{font-weight:700;outline:2px solid var(--c);outline-offset:-2px}',
  '.grid tr.failed td.error,.doc .error{color:#a00}',
  '.doc{border-top:1px solid #eee;padding:.6rem 0}.doc .meta{color:#555;font-size:.85rem;margin:.1rem 0 .4rem}',
  '.sentences{padding-left:1.4rem}.sentences li{margin:.35rem 0}',
  'mark{background:color-mix(in srgb,var(--c) 25%,#fff);border-bottom:2px solid var(--c);padding:0 .1rem;color:inherit}',
  '.page{display:inline-block;font-size:.75rem;color:#555;background:#f2f2f2;border-radius:.3rem;padding:0 .35rem}',
  '.badge{display:inline-block;font-size:.72rem;color:#fff;background:var(--c);border-radius:.6rem;padding:0 .45rem}',
  '[hidden]{display:none!important}',
].join('\n');

/** The report's script: filter the grid and the document sections by theme. */
export const REPORT_SCRIPT = `(function(){
  function show(theme){
    document.querySelectorAll('[data-filter]').forEach(function(b){ b.setAttribute('aria-pressed', String(b.getAttribute('data-filter') === theme && theme !== '')); });
    document.querySelectorAll('.grid tbody tr, article.doc').forEach(function(el){
      var themes = (el.getAttribute('data-themes') || '').split(' ');
      el.hidden = theme !== '' && themes.indexOf(theme) < 0;
    });
  }
  document.querySelectorAll('[data-filter]').forEach(function(b){ b.addEventListener('click', function(){ show(b.getAttribute('data-filter')); }); });
  document.querySelectorAll('.chart .row').forEach(function(r){ r.addEventListener('click', function(){ show(r.getAttribute('data-theme')); }); });
})();`;
