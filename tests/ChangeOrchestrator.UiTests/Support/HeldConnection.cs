using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Support;

/// <summary>
/// The console's connection to the server, passed through as it is until the server has sent a message containing
/// <paramref name="marker"/>: what the server sends after it is kept back, in order, until released. The browser
/// still shows and confirms the marked render, so the server goes on with what follows that confirmation (such as a
/// call into the browser, whose answer it then waits for).
/// </summary>
internal sealed class HeldConnection(byte[] marker)
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
