using MudBlazor;

namespace ChangeOrchestrator.Web.Layout;

/// <summary>The console's colours: dark enough on white for body text and links to pass WCAG AA contrast.</summary>
internal static class ConsoleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1a4f8b",
            Secondary = "#5b3b8c",
            AppbarBackground = "#123a66",
            Success = "#1b6e2a",
            Error = "#b3261e",
            Warning = "#8a5300",
            Info = "#1a4f8b",
            TextSecondary = "rgba(0,0,0,0.72)",
        },
    };
}
