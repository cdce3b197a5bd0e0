using System.Text.Json;
using Microsoft.Playwright;

namespace Portal.EndToEnd;

/// <summary>
/// The checks the crawl makes on every page it reaches, each returning what it found in Italian (an empty list
/// when the page is fine): axe-core, horizontal scroll, form controls without a visible box or a label, raw HTML
/// entities and internal codes in the visible text, links to a loopback address, navbar entries that wrap and
/// controls pushed off screen.
/// </summary>
public static class PageAudit
{
    /// <summary>Words that look like codes but are names people read (products, brands).</summary>
    private static readonly string[] AllowedCamelCase = ["OpenCity", "OpenDocument", "OpenAPI", "LinkedIn", "YouTube", "WhatsApp", "JavaScript", "SimpleSAMLphp", "PostgreSQL", "GitHub"];

    public static async Task<IReadOnlyList<string>> AxeAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = TestPaths.AxeScript });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { resultTypes: ['violations'] }); " +
            "return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => " +
            "`axe ${v.id} (${v.impact}): ${v.help} — ` + v.nodes.slice(0, 5).map(n => n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' ')).join(' | ')" +
            " + (v.nodes.length > 5 ? ` (e altri ${v.nodes.length - 5})` : '')); }");
        return json.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>Everything but axe, in one round trip.</summary>
    public static async Task<IReadOnlyList<string>> LayoutAndTextAsync(IPage page, bool development)
    {
        var json = await page.EvaluateAsync<JsonElement>(Script, new { development, allowed = AllowedCamelCase });
        return json.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    private const string Script = """
        ({ development, allowed }) => {
          const problems = [];
          const W = window.innerWidth;
          const describe = el => {
            let s = el.tagName.toLowerCase();
            if (el.id) s += '#' + el.id;
            else if (el.getAttribute('name')) s += `[name="${el.getAttribute('name')}"]`;
            else if (el.className && typeof el.className === 'string') s += '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.');
            const text = (el.innerText || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
            return text ? `${s} «${text}»` : s;
          };
          const shown = el => el.checkVisibility({ visibilityProperty: true, opacityProperty: false });

          // 1. No horizontal scroll of the page.
          const sw = document.documentElement.scrollWidth;
          if (sw > W) problems.push(`scorrimento orizzontale: la pagina è larga ${sw} px su ${W} px`);

          // 2. Controls and links pushed out of the viewport (e.g. "Esci" off a phone's header), outside containers that scroll.
          const inScroller = el => {
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
              const ox = getComputedStyle(p).overflowX;
              if ((ox === 'auto' || ox === 'scroll') && p.scrollWidth > p.clientWidth) return true;
            }
            return false;
          };
          for (const el of document.querySelectorAll('header a[href], header button, nav a[href], main a[href], main button, main input, main select, main textarea')) {
            if (!shown(el) || el.closest('.dropdown-menu, .navbar-collapsable:not(.expanded)') && W < 992) continue;
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            if ((r.right > W + 1 || r.left < -1) && !inScroller(el)) problems.push(`fuori dallo schermo (${Math.round(r.left)}–${Math.round(r.right)} px su ${W}): ${describe(el)}`);
          }

          // 3. Tables that scroll sideways on this width (the reader misses columns, badges get cut).
          // In the admin area a data table may scroll (keyboard access is axe's concern); on the public site it must fit.
          if (!location.pathname.startsWith('/admin')) for (const t of document.querySelectorAll('main .table-responsive')) {
            if (shown(t) && t.scrollWidth > t.clientWidth + 1) problems.push(`tabella che scorre di lato: ${t.scrollWidth} px in ${t.clientWidth} px (${describe(t.querySelector('caption') || t)})`);
          }

          // 4. The main menu on a wide screen: every entry on one line.
          if (W >= 992) {
            for (const a of document.querySelectorAll('#menu-principale .navbar-nav > li > a')) {
              if (!shown(a)) continue;
              // Only the words count (an icon beside them sits at another height): two lines are two word boxes one below the other.
              const rects = [];
              const words = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
              for (let n = words.nextNode(); n; n = words.nextNode()) {
                if (!n.nodeValue.trim()) continue;
                const range = document.createRange();
                range.selectNodeContents(n);
                rects.push(...[...range.getClientRects()].filter(r => r.width > 0));
              }
              const wrapped = rects.some(r => rects.some(q => q.top >= r.bottom - 2));
              if (wrapped) problems.push(`voce del menu principale su più righe: ${describe(a)}`);
            }
          }

          // 5. Every visible form control has a visible box and a label.
          const transparent = c => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
          const behind = el => {
            for (let p = el.parentElement; p; p = p.parentElement) {
              const c = getComputedStyle(p).backgroundColor;
              if (!transparent(c)) return c;
            }
            return 'rgb(255, 255, 255)';
          };
          const hasBox = el => {
            const r = el.getBoundingClientRect();
            if (r.width < 4 || r.height < 4) return false;
            const cs = getComputedStyle(el);
            for (const side of ['Top', 'Right', 'Bottom', 'Left'])
              if (parseFloat(cs[`border${side}Width`]) > 0 && cs[`border${side}Style`] !== 'none' && !transparent(cs[`border${side}Color`])) return true;
            if (cs.boxShadow && cs.boxShadow !== 'none') return true;
            // A background draws a box only where it differs from what lies behind (white on a white page is no box).
            if (!transparent(cs.backgroundColor) && cs.backgroundColor !== behind(el)) return true;
            // A list is drawn by its arrow: the browser's own, or the theme's chevron as a background image.
            return el.tagName === 'SELECT' && (cs.appearance !== 'none' || cs.backgroundImage !== 'none');
          };
          const labelOf = el => {
            const texts = [];
            for (const l of el.labels || []) if (shown(l) || l.classList.contains('visually-hidden')) texts.push(l.innerText.trim());
            if (el.getAttribute('aria-label')) texts.push(el.getAttribute('aria-label').trim());
            for (const id of (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)) {
              const l = document.getElementById(id); if (l) texts.push(l.textContent.trim());
            }
            if (el.title) texts.push(el.title.trim());
            return texts.filter(Boolean).join(' ');
          };
          for (const el of document.querySelectorAll('input, select, textarea')) {
            const type = (el.getAttribute('type') || '').toLowerCase();
            if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
            const drawnByLabel = ['checkbox', 'radio', 'file'].includes(type);
            const labelShown = [...(el.labels || [])].some(l => shown(l) && l.getBoundingClientRect().width > 0);
            if (!shown(el) && !(drawnByLabel && labelShown)) continue;
            if (!drawnByLabel && !hasBox(el)) problems.push(`campo senza un riquadro visibile: ${describe(el)}${labelOf(el) ? ` (etichetta «${labelOf(el)}»)` : ''}`);
            if (!labelOf(el)) problems.push(`campo senza etichetta: ${describe(el)}`);
          }

          // 6. Visible text: no raw HTML entity, no internal code (code, pre, kbd and samp are meant to show codes).
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
            acceptNode: n => {
              const p = n.parentElement;
              if (!p || p.closest('script, style, noscript, template, code, pre, kbd, samp, [data-codice]')) return NodeFilter.FILTER_REJECT;
              return n.nodeValue.trim() && shown(p) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
            },
          });
          const texts = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n.nodeValue);
          // A list's choices are read when it opens: they count as visible text.
          for (const sel of document.querySelectorAll('select')) if (shown(sel)) for (const o of sel.options) texts.push(o.text);
          for (const el of document.querySelectorAll('input:not([type=hidden]), textarea, [placeholder]')) {
            if (el.placeholder) texts.push(el.placeholder);
          }
          // What a form shows filled in (a saved Comune, a status) is read like text; so are the choices a datalist proposes.
          for (const el of document.querySelectorAll('input[type=text], input[type=search], input:not([type])')) {
            if (shown(el) && el.value && !el.closest('[data-codice]')) texts.push(el.value);
          }
          for (const o of document.querySelectorAll('datalist option')) if (o.value) texts.push(o.value);
          const text = texts.join('\n');
          const found = new Map();
          const note = (kind, m) => { const k = `${kind}: «${m}»`; found.set(k, (found.get(k) || 0) + 1); };
          for (const m of text.matchAll(/&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});/g)) note('entità HTML non decodificata', m[0]);
          for (const m of text.matchAll(/\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b/g)) if (!allowed.includes(m[0])) note('codice interno', m[0]);
          for (const m of text.matchAll(/\b[A-Z][A-Za-z]+\.[A-Z][a-z]+[A-Za-z]*\b/g)) note('codice interno', m[0]);
          for (const m of text.matchAll(/(?:^|[\s(«"])([A-Z0-9]{1,5} - [A-Z][A-Z/ ]{2,})/gm)) note('codice di tabella', m[1].trim());
          // A Comune by its ISTAT code ("042002 - Ancona (AN)"): people read and type "Ancona (AN)".
          for (const m of text.matchAll(/\b(\d{6} - \p{Lu}[\p{L}' ]+)/gu)) note('codice di tabella', m[1].trim());
          // A call's identifier (BONUS_DDI_2021) is data an administrator edits; the public site says it in words.
          if (!location.pathname.startsWith('/admin')) for (const m of text.matchAll(/\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/g)) note('codice interno', m[0]);
          for (const [k, count] of found) problems.push(count > 1 ? `${k} (${count} volte)` : k);

          // 7. Links: never to a loopback address other than this very portal; outside Development never to one at all.
          const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;
          const bad = new Set();
          for (const a of document.querySelectorAll('a[href], form[action]')) {
            const href = a.getAttribute('href') ?? a.getAttribute('action');
            let u; try { u = new URL(href, location.href); } catch { continue; }
            if (!loopback.test(u.hostname)) continue;
            if (!development || u.origin !== location.origin) bad.add(u.origin + u.pathname);
          }
          for (const m of text.matchAll(/https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?[^\s"'<>]*/g)) {
            let u; try { u = new URL(m[0]); } catch { continue; }
            if (!development || u.origin !== location.origin) bad.add(m[0]);
          }
          for (const b of bad) problems.push(`collegamento a un indirizzo locale: ${b}`);
          return problems;
        }
        """;
}
