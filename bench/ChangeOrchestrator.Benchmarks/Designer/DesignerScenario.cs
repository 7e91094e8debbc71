using System.Text.Json.Nodes;
using ChangeOrchestrator.Benchmarks.Fleet;
using ChangeOrchestrator.Benchmarks.Running;
using ChangeOrchestrator.Benchmarks.Storage;
using ChangeOrchestrator.Server.Security;
using Microsoft.Playwright;

namespace ChangeOrchestrator.Benchmarks.Designer;

/// <summary>
/// The workflow designer in a browser against the real server: how long `workflows/patch-change.json` takes to open
/// until its canvas is interactive, and on a generated 200-activity workflow the frame time while a node is dragged,
/// the auto-layout time, and what the Blazor Server connection carries per node.
/// </summary>
internal sealed class DesignerScenario(string? postgresServer) : IScenario, ISelfRepeatingScenario
{
    private const string PatchChange = "patch-change";
    private const int WarmUpOpens = 2;
    private const int Opens = 20;
    private const int LargeOpens = 10;
    private const int Drags = 6;
    private const int DragSteps = 30;
    private const int DragDistance = 240;
    private const int Layouts = 6;

    // Long enough for every batch a change causes to have arrived: the canvas settles within a few frames.
    private const int QuietMs = 500;

    // A user's pointer reports about once a frame; Playwright would otherwise send the moves as fast as it can.
    private static readonly TimeSpan MoveInterval = TimeSpan.FromMilliseconds(16);

    private const string ApiKey = "bench-designer-key";
    private const string User = "bench-designer";
    private const string Password = "bench-designer-password-1";

    public string Name => "designer";

    public string Title => "Designer: opening patch-change.json, dragging and auto-layout on 200 activities, Blazor Server traffic per node";

    public string Description =>
        $"A server process (a local login with the Designer role) serves the designer; Debian's chromium opens it through Playwright. "
        + $"`open.patch-change` opens `/designer/patch-change` (all its activities) {Opens} times in a new tab each (a new circuit), "
        + $"from navigation start until every activity is on the canvas of the live page; `open.200` does the same {LargeOpens} times for a generated "
        + $"{GeneratedWorkflow.Activities}-activity workflow (decisions whose branches meet again, `Designer/GeneratedWorkflow.cs`). `*-settled` is when the page "
        + $"last changed before {QuietMs} ms of stillness, `*-response` when the server's answer (the prerendered page) was complete, `*-live` when the page's connection was up and it had rendered live. On the 200: `drag.frame` is the interval between animation frames while a node is dragged "
        + $"{DragDistance} px in {DragSteps} pointer moves {MoveInterval.TotalMilliseconds:F0} ms apart ({Drags} drags, each on a freshly opened tab) and until the page is still; `drag.lag` is "
        + $"from releasing the node to the page's last change; `layout` is from just before Playwright's click on Auto-layout until the finish activity has moved and the page is still, to its last change, "
        + $"{Layouts} times, each on a freshly opened tab. `circuit.*` counts the WebSocket frames of the Blazor connection: bytes, largest frame, "
        + $".NET → JS interop calls (`JS.BeginInvokeJS`), JS → .NET calls other than browser events, events, render batches.";

    public IReadOnlyList<string> Notes =>
    [
        "Settings: Production, Sandbox off, PostgreSQL from .ci/postgres.sh, chromium headless at 1600×1000 on the same machine as the server and the database; the connection's incoming message limit is the console's (2 MiB, `WebConsoleExtensions`).",
        "Static assets carry the cache headers of a published server (`EnableStaticAssetsDevelopmentCaching=true`: fingerprinted files `immutable`, the rest `no-cache`); run from its build folder the server would otherwise send every file `no-cache`, unlike the container image.",
        $"Before the measured opens, {WarmUpOpens} opens of each workflow warm the server up (JIT, the definition read).",
        "Times are the page's own `performance.now()` (since navigation start), so they include the server's answer, the circuit's start and every render batch, but not Playwright's round trips.",
    ];

    public IReadOnlyList<Target> Targets => postgresServer is null ? [] :
    [
        new("opening patch-change.json until the canvas is interactive p95 < 1 s", "headroom.open.patch-change.p95", 1),
        new("dragging a node on 200 activities: frame time p95 < 50 ms", "headroom.drag.frame.p95", 1),
        new("auto-layout of 200 activities p95 < 500 ms", "headroom.layout.p95", 1),
    ];

    public int Repetitions => 1;

    public bool WarmUp => false;

    public async Task<IReadOnlyList<Figure>> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (postgresServer is null)
        {
            return [];
        }

        await using var database = await PostgresBenchDatabase.CreateAsync(postgresServer, cancellationToken);
        var workflows = Directory.CreateTempSubdirectory("co-bench-designer-").FullName;
        try
        {
            File.Copy(FleetEnvironment.PatchChangeWorkflow(), Path.Combine(workflows, PatchChange + ".json"));
            var patchChangeActivities = JsonNode.Parse(await File.ReadAllTextAsync(FleetEnvironment.PatchChangeWorkflow(), cancellationToken))!["activities"]!.AsArray().Count;
            await File.WriteAllTextAsync(Path.Combine(workflows, GeneratedWorkflow.Id + ".json"), GeneratedWorkflow.Json(), cancellationToken);
            var environment = new Dictionary<string, string>(ServerEnvironment.Postgres(database.ConnectionString, workflows, "bench-designer", ApiKey, "Viewer"))
            {
                ["Auth__Local__Users__0__Name"] = User,
                ["Auth__Local__Users__0__PasswordHash"] = PasswordHashes.Hash(Password, PasswordHashes.MinimumIterations),
                ["Auth__Local__Users__0__Roles__0"] = "Designer",

                // Run from its build folder, ASP.NET Core serves every asset "no-cache" (so that a rebuilt file shows at
                // once), and each open would fetch or revalidate the scripts again; the published server (the container
                // image) serves fingerprinted assets "immutable". Measured as it is deployed.
                ["EnableStaticAssetsDevelopmentCaching"] = "true",
            };
            await using var server = await ChildProcess.StartAsync(ServerEnvironment.Dll, environment, ServerEnvironment.ReadyPath, cancellationToken);
            await using var browser = await DesignerBrowser.SignInAsync(server.Address, User, Password);
            return await MeasureAsync(browser, server, patchChangeActivities);
        }
        finally
        {
            Directory.Delete(workflows, recursive: true);
        }
    }

    private static async Task<IReadOnlyList<Figure>> MeasureAsync(DesignerBrowser browser, ChildProcess server, int patchChangeActivities)
    {
        var figures = new List<Figure>();
        var patchChange = await OpenRepeatedlyAsync(browser, PatchChange, patchChangeActivities, Opens);
        AddOpenFigures(figures, "patch-change", patchChangeActivities, patchChange);
        var large = await OpenRepeatedlyAsync(browser, GeneratedWorkflow.Id, GeneratedWorkflow.Activities, LargeOpens);
        AddOpenFigures(figures, "200", GeneratedWorkflow.Activities, large);

        await DragAsync(browser, figures);
        try
        {
            await LayoutAsync(browser, figures);
        }
        catch (TimeoutException)
        {
            // Reported as not measured: the open and drag figures stand on their own.
            System.Console.Error.WriteLine("Auto-layout did not move the canvas within 15 s: its figures are left out. The server's last lines:");
            System.Console.Error.WriteLine(server.Output());
        }

        double Value(string name) => figures.First(f => f.Name == name).Value;
        figures.Add(new Figure("headroom.open.patch-change.p95", "×", 1000 / Value("open.patch-change.p95")));
        figures.Add(new Figure("headroom.drag.frame.p95", "×", 50 / Value("drag.frame.p95")));
        if (figures.Any(f => f.Name == "layout.p95"))
        {
            figures.Add(new Figure("headroom.layout.p95", "×", 500 / Value("layout.p95")));
        }
        return figures;
    }

    private static async Task<List<OpenedDesigner>> OpenRepeatedlyAsync(DesignerBrowser browser, string workflowId, int activities, int times)
    {
        var opened = new List<OpenedDesigner>(times);
        for (var i = 0; i < WarmUpOpens + times; i++)
        {
            var designer = await browser.OpenAsync(workflowId, activities, QuietMs);
            if (i == 0)
            {
                await EnsureValidAsync(designer.Page, workflowId);
            }

            await designer.Page.CloseAsync();
            if (i >= WarmUpOpens)
            {
                opened.Add(designer);
            }
        }

        return opened;
    }

    /// <summary>The designer validates live: a workflow it finds problems in would not measure what a designer works on.</summary>
    private static async Task EnsureValidAsync(IPage page, string workflowId)
    {
        if (await page.GetByTestId("designer-read-only").CountAsync() > 0)
        {
            throw new InvalidOperationException($"The designer opened {workflowId} read-only: the bench user lacks the Designer role.");
        }

        if (await page.GetByTestId("no-problems").CountAsync() == 0)
        {
            var problems = await page.GetByTestId("problems").InnerTextAsync();
            throw new InvalidOperationException($"The designer finds problems in {workflowId}: {problems}");
        }
    }

    private static void AddOpenFigures(List<Figure> figures, string name, int activities, List<OpenedDesigner> opened)
    {
        var interactive = opened.Select(o => o.InteractiveAt).ToList();
        var settled = opened.Select(o => o.SettledAt).ToList();
        figures.Add(new Figure($"open.{name}.p50", "ms", Statistics.Percentile(interactive, 50)));
        figures.Add(new Figure($"open.{name}.p95", "ms", Statistics.Percentile(interactive, 95)));
        figures.Add(new Figure($"open.{name}-settled.p50", "ms", Statistics.Percentile(settled, 50)));
        figures.Add(new Figure($"open.{name}-settled.p95", "ms", Statistics.Percentile(settled, 95)));
        figures.Add(new Figure($"open.{name}-response.p50", "ms", Statistics.Percentile(opened.Select(o => o.ResponseAt).ToList(), 50)));
        figures.Add(new Figure($"open.{name}-live.p50", "ms", Statistics.Percentile(opened.Select(o => o.LiveAt).ToList(), 50)));

        double Median(Func<CircuitTraffic.Counts, double> pick) => Statistics.Median(opened.Select(o => pick(o.Traffic)).ToList());
        var prefix = $"circuit.open-{name}";
        figures.Add(new Figure($"{prefix}.received", "KiB", Median(c => c.BytesReceived) / 1024));
        figures.Add(new Figure($"{prefix}.sent", "KiB", Median(c => c.BytesSent) / 1024));
        figures.Add(new Figure($"{prefix}.largest-received", "KiB", Median(c => c.LargestReceived) / 1024));
        figures.Add(new Figure($"{prefix}.largest-sent", "KiB", Median(c => c.LargestSent) / 1024));
        figures.Add(new Figure($"{prefix}.render-batches", "", Median(c => c.RenderBatches)));
        figures.Add(new Figure($"{prefix}.js-calls-per-node", "", Median(c => c.JsCalls) / activities));
        figures.Add(new Figure($"{prefix}.dotnet-calls-per-node", "", Median(c => c.DotNetCalls) / activities));
        figures.Add(new Figure($"{prefix}.received-per-node", "KiB", Median(c => c.BytesReceived) / 1024 / activities));
    }

    private static async Task DragAsync(DesignerBrowser browser, List<Figure> figures)
    {
        var frames = new List<double>();
        var lags = new List<double>();
        var traffic = new List<CircuitTraffic.Counts>();
        for (var i = 0; i < Drags; i++)
        {
            // Each drag on a freshly opened tab: the start activity is centred when the designer opens, with room to its right.
            var designer = await browser.OpenAsync(GeneratedWorkflow.Id, GeneratedWorkflow.Activities, QuietMs);
            var page = designer.Page;
            var title = page.GetByTestId("node-start").Locator(".co-node-title");
            var before = (await title.BoundingBoxAsync())!;
            browser.Traffic.Take();
            await page.EvaluateAsync("() => { performance.mark('co-drag-start'); window.__coBench.sample(); }");
            var x = before.X + (before.Width / 2);
            var y = before.Y + (before.Height / 2);
            await page.Mouse.MoveAsync(x, y);
            await page.Mouse.DownAsync();
            for (var step = 1; step <= DragSteps; step++)
            {
                await page.Mouse.MoveAsync(x + (DragDistance * step / (float)DragSteps), y);
                await Task.Delay(MoveInterval);
            }

            await page.Mouse.UpAsync();
            var releasedAt = await page.EvaluateAsync<double>(PageProbe.Now);
            var lastChange = await DesignerBrowser.WaitForQuietAsync(page, QuietMs);
            frames.AddRange(await page.EvaluateAsync<double[]>("() => { performance.mark('co-drag-end'); return window.__coBench.stop(); }"));
            lags.Add(Math.Max(0, lastChange - releasedAt));
            traffic.Add(browser.Traffic.Take());

            var after = (await title.BoundingBoxAsync())!;
            if (Math.Abs(after.X - before.X - DragDistance) > DragDistance / 4.0)
            {
                throw new InvalidOperationException($"Dragging the start activity {DragDistance} px moved it {after.X - before.X:F0} px.");
            }

            await page.CloseAsync();
        }

        figures.Add(new Figure("drag.frame.p50", "ms", Statistics.Percentile(frames, 50)));
        figures.Add(new Figure("drag.frame.p95", "ms", Statistics.Percentile(frames, 95)));
        figures.Add(new Figure("drag.frame.max", "ms", frames.Max()));
        figures.Add(new Figure("drag.lag.p50", "ms", Statistics.Percentile(lags, 50)));
        figures.Add(new Figure("drag.lag.max", "ms", lags.Max()));
        double PerMove(Func<CircuitTraffic.Counts, double> pick) => Statistics.Median(traffic.Select(pick).ToList()) / DragSteps;
        figures.Add(new Figure("circuit.drag.received-per-move", "B", PerMove(c => c.BytesReceived)));
        figures.Add(new Figure("circuit.drag.sent-per-move", "B", PerMove(c => c.BytesSent)));
        figures.Add(new Figure("circuit.drag.events-per-move", "", PerMove(c => c.Events)));
        figures.Add(new Figure("circuit.drag.render-batches-per-move", "", PerMove(c => c.RenderBatches)));
        figures.Add(new Figure("circuit.drag.js-calls-per-move", "", PerMove(c => c.JsCalls)));
    }

    private static async Task LayoutAsync(DesignerBrowser browser, List<Figure> figures)
    {
        var times = new List<double>();
        var traffic = new List<CircuitTraffic.Counts>();
        for (var i = 0; i < Layouts; i++)
        {
            var designer = await browser.OpenAsync(GeneratedWorkflow.Id, GeneratedWorkflow.Activities, QuietMs);
            var page = designer.Page;
            var node = page.GetByTestId("node-finish");
            var before = (await node.BoundingBoxAsync())!;
            var clickedAt = await page.EvaluateAsync<double>(PageProbe.MarkLayoutStart);
            await page.GetByTestId("auto-layout").ClickAsync();

            // The layout is computed on the server: the page may be still for a while before its batch arrives.
            // Doubles, not Playwright's floats: a float argument reaches the page as undefined, and the probe never sees a move.
            await page.WaitForFunctionAsync(PageProbe.Moved, new object[] { "node-finish", (double)before.X, (double)before.Y }, new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 15_000 });
            var lastChange = await DesignerBrowser.WaitForQuietAsync(page, QuietMs);
            traffic.Add(browser.Traffic.Take());
            var after = (await node.BoundingBoxAsync())!;
            if (Math.Abs(before.X - after.X) <= 1 && Math.Abs(before.Y - after.Y) <= 1)
            {
                var status = await page.GetByTestId("designer-status").InnerTextAsync();
                var disabled = await page.GetByTestId("auto-layout").IsDisabledAsync();
                throw new InvalidOperationException($"Auto-layout left the finish activity where it was ({before.X:F0}, {before.Y:F0}); button disabled: {disabled}; status: {status}.");
            }

            times.Add(lastChange - clickedAt);
            await page.CloseAsync();
        }

        figures.Add(new Figure("layout.p50", "ms", Statistics.Percentile(times, 50)));
        figures.Add(new Figure("layout.p95", "ms", Statistics.Percentile(times, 95)));
        figures.Add(new Figure("circuit.layout.received", "KiB", Statistics.Median(traffic.Select(c => (double)c.BytesReceived).ToList()) / 1024));
        figures.Add(new Figure("circuit.layout.largest-received", "KiB", Statistics.Median(traffic.Select(c => (double)c.LargestReceived).ToList()) / 1024));
    }
}
