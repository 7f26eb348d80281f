namespace Vectra.Runner.Serve.Pages;

/// <summary>
/// The Now page's only script: listens to <c>/live</c> (server-sent events) and redraws the live chart's
/// polyline and rug mark with the same scale as <see cref="SvgChart"/>. Inline, so nothing is fetched.
/// </summary>
internal static class LiveChartScript
{
    public const string Source = """
        (() => {
          const W = 1000, H = 320, L = 48, R = 12, T = 12, B = 28;
          const svg = document.getElementById('live-chart');
          const line = document.getElementById('live-line');
          const rug = document.getElementById('live-rug');
          const rugLine = rug.querySelector('line'), rugLabel = rug.querySelector('text');
          const text = (id, value) => { const e = document.getElementById(id); if (e) e.textContent = value; };
          let game = null, points = new Map(), rugTick = null, phase = 'unknown';
          function draw() {
            const ticks = [...points.keys()].sort((a, b) => a - b);
            const maxTick = Math.max(1, ticks.length ? ticks[ticks.length - 1] : 0, rugTick ?? 0);
            const maxPrice = Math.max(1.1, ...points.values()) * 1.05;
            const x = t => L + t / maxTick * (W - L - R);
            const y = p => T + (1 - Math.min(Math.max(p, 0), maxPrice) / maxPrice) * (H - T - B);
            line.setAttribute('points', ticks.map(t => x(t).toFixed(1) + ',' + y(points.get(t)).toFixed(1)).join(' '));
            svg.dataset.points = String(ticks.length);
            svg.dataset.game = game ?? '';
            if (rugTick !== null) {
              rugLine.setAttribute('x1', x(rugTick)); rugLine.setAttribute('x2', x(rugTick));
              rugLabel.setAttribute('x', x(rugTick) - 4); rugLabel.textContent = 'rug @ tick ' + rugTick;
              rug.dataset.tick = String(rugTick); rug.style.display = '';
            } else rug.style.display = 'none';
            for (const label of svg.querySelectorAll('text[data-axis]')) {
              const at = Number(label.dataset.at);
              label.textContent = label.dataset.axis === 'y' ? (at * maxPrice / 1.05).toFixed(2) + 'x' : String(Math.round(at * maxTick));
            }
            const last = ticks.length ? ticks[ticks.length - 1] : null;
            text('live-game', game ?? '—'); text('live-phase', phase);
            text('live-tick', last === null ? '—' : String(last));
            text('live-price', last === null ? '—' : points.get(last).toFixed(4) + 'x');
            text('live-rug-tick', rugTick === null ? '—' : String(rugTick));
          }
          function apply(data, reset) {
            if (reset || data.gameId !== game) { game = data.gameId; points = new Map(); rugTick = null; }
            for (const [t, p] of data.points) points.set(t, p);
            rugTick = data.rugTick; phase = data.phase;
            draw();
          }
          const source = new EventSource('/live');
          source.addEventListener('game', e => apply(JSON.parse(e.data), true));
          source.addEventListener('tick', e => apply(JSON.parse(e.data), false));
          source.onopen = () => text('live-status', 'following the journal');
          source.onerror = () => text('live-status', 'reconnecting…');
        })();
        """;
}
