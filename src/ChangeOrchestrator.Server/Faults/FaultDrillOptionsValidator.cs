using ChangeOrchestrator.Engine.Faults;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Faults;

/// <summary>A drill names a known point, and never runs in Production.</summary>
internal sealed class FaultDrillOptionsValidator(IHostEnvironment environment) : IValidateOptions<FaultDrillOptions>
{
    public ValidateOptionsResult Validate(string? name, FaultDrillOptions options)
    {
        if (options.ClockOffset != TimeSpan.Zero && environment.IsProduction())
        {
            return ValidateOptionsResult.Fail("FaultDrill:ClockOffset is set, but fault drills are refused in the Production environment.");
        }

        if (string.IsNullOrEmpty(options.Point))
        {
            return ValidateOptionsResult.Success;
        }

        if (!FaultPoint.All.Contains(options.Point, StringComparer.Ordinal))
        {
            return ValidateOptionsResult.Fail($"FaultDrill:Point '{options.Point}' is unknown; use one of: {string.Join(", ", FaultPoint.All)}.");
        }

        return environment.IsProduction()
            ? ValidateOptionsResult.Fail("FaultDrill:Point is set, but fault drills are refused in the Production environment.")
            : ValidateOptionsResult.Success;
    }
}
