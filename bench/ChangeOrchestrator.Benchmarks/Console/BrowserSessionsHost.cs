using System.Globalization;

namespace ChangeOrchestrator.Benchmarks.Console;

/// <summary>
/// The browser sessions' process (see <see cref="BrowserSessions"/>): reads one command a line from its standard
/// input and answers each with a line on its standard output, <c>ok</c> (and what was asked) or <c>error</c> and why.
/// </summary>
internal static class BrowserSessionsHost
{
    /// <summary>The program's argument that makes it this host.</summary>
    public const string Argument = "--console-browser-sessions";

    public static async Task<int> RunAsync()
    {
        var output = System.Console.Out;
        await using var sessions = await WatchingSessions.LaunchAsync(WatchingSessions.Chromium);
        await output.WriteLineAsync("ok");
        await output.FlushAsync();
        while (await System.Console.In.ReadLineAsync() is { } line)
        {
            var words = line.Split(' ');
            string answer;
            try
            {
                answer = words[0] switch
                {
                    "open" => await DoneAsync(sessions.OpenAsync(new Uri(words[1]), words[2], words[3], words[4].Split(','))),
                    "reopen" => await DoneAsync(sessions.ReopenAsync()),
                    "close" => await DoneAsync(sessions.CloseAllAsync()),
                    "received" => string.Create(CultureInfo.InvariantCulture, $"ok {sessions.BytesReceived} {sessions.FramesReceived}"),
                    "exit" => "ok",
                    _ => $"error unknown command '{words[0]}'",
                };
            }
            catch (Exception ex) when (ex is Microsoft.Playwright.PlaywrightException or TimeoutException or IndexOutOfRangeException or UriFormatException)
            {
                answer = $"error {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}";
            }

            await output.WriteLineAsync(answer);
            await output.FlushAsync();
            if (words[0] == "exit")
            {
                break;
            }
        }

        return 0;
    }

    private static async Task<string> DoneAsync(Task work)
    {
        await work;
        return "ok";
    }
}
