using System.Text;
using System.Text.RegularExpressions;
using ChangeOrchestrator.UiTests.Support;
using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Designer;

/// <summary>
/// An activity's expression editors can be removed (another activity selected) after the server sent their first
/// render and before the browser confirmed it. The designer must go on answering then: the browser's connection is
/// routed so that this order happens every time instead of on a loaded machine only.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ExpressionEditorRaceTests(ConsoleServer server)
{
    [Fact]
    public async Task SelectionChangedBeforeTheEditorsFirstRenderArrives_TheDesignerGoesOnAnswering()
    {
        await using var console = await server.SignInAsync("ada");
        var page = console.Page;
        var circuitErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (circuitErrors)
                {
                    circuitErrors.Add(message.Text);
                }
            }
        };
        var connection = new HeldConnection(Encoding.UTF8.GetBytes("co-expression-editor"));
        await page.RouteWebSocketAsync(new Regex("/_blazor"), connection.Route);
        await console.OpenAsync("designer/approval-demo");
        await page.Locator("[data-activity]").First.WaitForAsync();

        // Selecting one activity opens its fields; once their editors are drawn, the server's call that starts them is
        // held back.
        await page.GetByTestId("node-wait").Locator(".co-node-title").ClickAsync();
        await connection.Holding.WaitAsync(TimeSpan.FromSeconds(30));

        // A second activity added to the selection closes those fields on the server while their editors are still
        // starting.
        var heldBefore = connection.HeldCount;
        await page.GetByTestId("node-decide").Locator(".co-node-title").ClickAsync(new() { Modifiers = [KeyboardModifier.Control] });
        await connection.WaitForHeldAsync(heldBefore + 1, TimeSpan.FromSeconds(30));
        connection.Release();

        await Assertions.Expect(page.Locator(".co-node-selected")).ToHaveCountAsync(2);
        await page.GetByTestId("node-rejected").Locator(".co-node-title").ClickAsync(new() { Modifiers = [KeyboardModifier.Control] });
        await Assertions.Expect(page.Locator(".co-node-selected")).ToHaveCountAsync(3);
        lock (circuitErrors)
        {
            Assert.Empty(circuitErrors);
        }
    }

    /// <summary>
    /// The console's connection to the server, passed through as it is until the server has sent a message containing
    /// <paramref name="marker"/>: what the server sends after it is kept back, in order, until released. The browser
    /// still confirms the marked render, so the server goes on to start the editors it drew and waits for the browser's
    /// answer to that call.
    /// </summary>
    private sealed class HeldConnection(byte[] marker)
    {
        private readonly Lock _gate = new();
        private readonly List<IWebSocketFrame> _held = [];
        private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private IWebSocketRoute? _page;
        private bool _released;

        public Task Holding => _holding.Task;

        public int HeldCount
        {
            get
            {
                lock (_gate)
                {
                    return _held.Count;
                }
            }
        }

        public void Route(IWebSocketRoute page)
        {
            var toServer = page.ConnectToServer();
            page.OnMessage(frame => Forward(toServer, frame));
            toServer.OnMessage(frame =>
            {
                lock (_gate)
                {
                    if (!_released && _page is not null)
                    {
                        _held.Add(frame);
                        _holding.TrySetResult();
                        return;
                    }

                    if (!_released && Contains(frame.Binary, marker))
                    {
                        _page = page;
                    }
                }

                Forward(page, frame);
            });
        }

        public async Task WaitForHeldAsync(int count, TimeSpan timeout)
        {
            var started = TimeProvider.System.GetTimestamp();
            while (HeldCount < count)
            {
                Assert.True(TimeProvider.System.GetElapsedTime(started) < timeout, $"the server sent {HeldCount} messages after the held render, not {count}");
                await Task.Delay(50);
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                _released = true;
                foreach (var frame in _held)
                {
                    Forward(_page!, frame);
                }

                _held.Clear();
            }
        }

        private static void Forward(IWebSocketRoute to, IWebSocketFrame frame)
        {
            if (frame.Binary is { } binary)
            {
                to.Send(binary);
            }
            else
            {
                to.Send(frame.Text!);
            }
        }

        private static bool Contains(byte[]? message, byte[] marker) => message is not null && message.AsSpan().IndexOf(marker) >= 0;
    }
}
