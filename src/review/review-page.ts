/**
 * The review page: one self-contained HTML file (no network, no external assets)
 * listing the queued passages. The reviewer ticks the themes each passage carries,
 * and "Save decisions" downloads a JSON Lines file of decisions
 * (`{id, text, themes, document, start, end, reviewer, date}`, one per reviewed
 * passage) that `train CORPUS --add` takes. Pure: returns the HTML text.
 */
import { escapeHtml } from '../io/report/report-escape';
import type { QueuedPassage } from './queue';

/** A theme as the page shows it. */
export interface ReviewPageTheme {
  readonly id: string;
  readonly label: string;
  readonly description: string;
}

/** Options of {@link reviewPageHtml}. */
export interface ReviewPageOptions {
  /** Themes in the order of their tick boxes. */
  readonly themes: readonly ReviewPageTheme[];
  /** Page title. @default 'practice-themes review' */
  readonly title?: string;
}

/** The review page for a queue. */
export function reviewPageHtml(queue: readonly QueuedPassage[], options: ReviewPageOptions): string {
  const title = options.title ?? 'practice-themes review';
  const themes = options.themes;
  const rows = queue.map((p, i) => passageHtml(p, i, themes)).join('\n');
  // The data the script needs, as JSON inside a non-executed script element (`<` escaped so no text can close it).
  const data = JSON.stringify(queue.map((p) => ({ id: p.passage, text: p.text, document: p.document, start: p.start, end: p.end }))).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data: blob:">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p>${queue.length} passages, least certain first. Tick the themes each passage carries (the tagger's current answer is pre-ticked); a passage counts as reviewed once you change a tick or press <em>Confirm</em>. Then save the decisions.</p>
<dl class="themes">${themes.map((t) => `<dt>${escapeHtml(t.label)} <code>${escapeHtml(t.id)}</code></dt><dd>${escapeHtml(t.description)}</dd>`).join('')}</dl>
<p class="controls"><label>Reviewer <input id="reviewer" type="text" autocomplete="name"></label>
<button type="button" id="save">Save decisions</button> <span id="status" role="status">0 reviewed</span></p>
</header>
<main>
${rows}
</main>
<script type="application/json" id="passages">${data}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function passageHtml(p: QueuedPassage, i: number, themes: readonly ReviewPageTheme[]): string {
  const boxes = themes
    .map((t) => {
      const score = p.scores[t.id]?.score;
      const checked = p.themes.includes(t.id) ? ' checked' : '';
      return `<label class="theme"><input type="checkbox" data-theme="${escapeHtml(t.id)}"${checked}> ${escapeHtml(t.label)}${score === undefined ? '' : ` <small>${score.toFixed(2)}</small>`}</label>`;
    })
    .join(' ');
  const where = `${escapeHtml(p.document)}${p.page === undefined ? '' : `, page ${p.page}`}, characters ${p.start}-${p.end}`;
  return `<section class="passage" data-index="${i}" data-id="${escapeHtml(p.passage)}">
<p class="where">#${p.rank} ${where}</p>
<blockquote>${escapeHtml(p.text)}</blockquote>
<p class="ticks">${boxes} <button type="button" class="confirm">Confirm</button></p>
</section>`;
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#222}
header{border-bottom:1px solid #ccc;margin-bottom:1rem}dl.themes dt{font-weight:600}dl.themes dd{margin:0 0 .4rem 1rem;color:#444}
.passage{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:.6rem 0}.passage.reviewed{border-color:#2a7;background:#f3fbf6}
.where{color:#666;font-size:13px;margin:0}blockquote{margin:.4rem 0;font-size:16px}.theme{margin-right:1rem;white-space:nowrap}small{color:#777}
button{font:inherit}`;

// Plain ES2017, no dependencies: reads the embedded passages, tracks ticks, builds the JSONL and downloads it.
const SCRIPT = `(function(){
var passages=JSON.parse(document.getElementById('passages').textContent);
var reviewed={};
var status=document.getElementById('status');
function mark(section){section.classList.add('reviewed');reviewed[section.getAttribute('data-index')]=true;status.textContent=Object.keys(reviewed).length+' reviewed';}
document.querySelectorAll('section.passage').forEach(function(section){
  section.querySelectorAll('input[type=checkbox]').forEach(function(box){box.addEventListener('change',function(){mark(section);});});
  section.querySelector('button.confirm').addEventListener('click',function(){mark(section);});
});
function decisions(){
  var reviewer=document.getElementById('reviewer').value.trim();
  var date=new Date().toISOString().slice(0,10);
  var lines=[];
  document.querySelectorAll('section.passage').forEach(function(section){
    var i=section.getAttribute('data-index');
    if(!reviewed[i])return;
    var p=passages[Number(i)];
    var themes=[];
    section.querySelectorAll('input[type=checkbox]').forEach(function(box){if(box.checked)themes.push(box.getAttribute('data-theme'));});
    var d={id:p.id,text:p.text,themes:themes,document:p.document,start:p.start,end:p.end,date:date};
    if(reviewer)d.reviewer=reviewer;
    lines.push(JSON.stringify(d));
  });
  return lines.length?lines.join('\\n')+'\\n':'';
}
window.reviewDecisions=decisions;
document.getElementById('save').addEventListener('click',function(){
  var text=decisions();
  if(!text){status.textContent='nothing reviewed yet';return;}
  var a=document.createElement('a');
  a.href=URL.createObjectURL(new Blob([text],{type:'application/x-ndjson'}));
  a.download='decisions.jsonl';
  document.body.appendChild(a);a.click();a.remove();
});
})();`;
