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
        await console.WaitUntilAsync(() => Task.FromResult(connection.HeldCount > heldBefore));
        connection.Release();

        await Assertions.Expect(page.Locator(".co-node-selected")).ToHaveCountAsync(2);
        await page.GetByTestId("node-rejected").Locator(".co-node-title").ClickAsync(new() { Modifiers = [KeyboardModifier.Control] });
        await Assertions.Expect(page.Locator(".co-node-selected")).ToHaveCountAsync(3);
        lock (circuitErrors)
        {
            Assert.Empty(circuitErrors);
        }
    }
}
