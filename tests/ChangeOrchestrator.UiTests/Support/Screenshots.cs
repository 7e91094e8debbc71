using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Support;

/// <summary>
/// The README's screenshots, written into docs/images only when <c>CHANGEORCHESTRATOR_SCREENSHOTS=1</c>: an ordinary
/// test run leaves the working tree as it found it.
/// </summary>
public static class Screenshots
{
    public const string Variable = "CHANGEORCHESTRATOR_SCREENSHOTS";

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable(Variable) == "1";

    public static async Task SaveAsync(IPage page, string name)
    {
        if (Enabled)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Images, name + ".png"), FullPage = false });
        }
    }
}
