namespace ChangeOrchestrator.Benchmarks.Designer;

/// <summary>
/// The script every designer page gets before its own: it notes when the document last changed (any node, attribute
/// or text, which is what a render batch or a drag does to the canvas) and when the page went live, and samples
/// animation-frame intervals on demand.
/// Times are <c>performance.now()</c>, milliseconds since the page's navigation started.
/// </summary>
internal static class PageProbe
{
    public const string Script = """
        (() => {
          const probe = { last: 0, liveAt: 0, frames: [], sampling: false };
          window.__coBench = probe;
          new MutationObserver(() => {
            probe.last = performance.now();
            if (!probe.liveAt && document.querySelector('main[data-live=true]')) probe.liveAt = probe.last;
          })
            .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          probe.sample = () => {
            probe.frames = [];
            probe.sampling = true;
            let previous = null;
            const tick = t => {
              if (!probe.sampling) return;
              if (previous !== null) probe.frames.push(t - previous);
              previous = t;
              requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          };
          probe.stop = () => { probe.sampling = false; return probe.frames; };
        })();
        """;

    /// <summary>Resolves to performance.now() once every activity is on the canvas of a live (interactive) page.</summary>
    public const string Interactive = """
        n => document.querySelector('main[data-live=true]') && document.querySelectorAll('[data-activity]').length >= n
          ? performance.now() : false
        """;

    /// <summary>True once the document has not changed for <c>quiet</c> ms.</summary>
    public const string Quiet = "quiet => performance.now() - window.__coBench.last > quiet";

    /// <summary>True once the element of a test id is drawn more than a pixel away from (x, y) (Playwright's boxes are rounded).</summary>
    public const string Moved = """
        ([id, x, y]) => {
          const box = document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
          return Math.abs(box.x - x) > 1 || Math.abs(box.y - y) > 1;
        }
        """;

    public const string LastChange = "() => window.__coBench.last";

    /// <summary>Where an open's time went: the server's answer (its prerendered page) complete, and the page live (its connection up and first rendered).</summary>
    public const string Phases = "() => [performance.getEntriesByType('navigation')[0].responseEnd, window.__coBench.liveAt]";

    public const string Now = "() => performance.now()";

    /// <summary>Marks the start of a layout and answers its time, just before the click on Auto-layout.</summary>
    public const string MarkLayoutStart = "() => { performance.mark('co-layout-start'); return performance.now(); }";
}
