using ChangeOrchestrator.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Engine.Tests.Runtime;

public sealed class EngineOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new EngineOptionsValidator().Validate(null, new EngineOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_EveryLimitOutOfRange_NamesEachKeyWithItsRange()
    {
        var options = new EngineOptions
        {
            MaxActivitiesPerBurst = 0,
            MaxConcurrencyRetries = -1,
            TimerBatchSize = 0,
            TimerConcurrency = 0,
            InlineListItems = 0,
            TimerClaimDuration = TimeSpan.FromMilliseconds(500),
            InstanceLeaseDuration = TimeSpan.FromHours(2),
            LeaseWaitTimeout = TimeSpan.FromSeconds(-1),
            PendingStimulusTtl = TimeSpan.Zero,
            NodeId = " ",
        };

        var result = new EngineOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Engine:MaxActivitiesPerBurst must be between 1 and 1,000,000 (was 0).",
                "Engine:MaxConcurrencyRetries must be between 0 and 1,000 (was -1).",
                "Engine:TimerBatchSize must be between 1 and 10,000 (was 0).",
                "Engine:TimerConcurrency must be between 1 and 256 (was 0).",
                "Engine:InlineListItems must be between 1 and 10,000 (was 0).",
                "Engine:TimerClaimDuration must be between 00:00:01 and 01:00:00 (was 00:00:00.5000000).",
                "Engine:InstanceLeaseDuration must be between 00:00:01 and 01:00:00 (was 02:00:00).",
                "Engine:LeaseWaitTimeout must be between 00:00:00 and 00:10:00 (was -00:00:01).",
                "Engine:PendingStimulusTtl must be between 00:01:00 and 365.00:00:00 (was 00:00:00).",
                "Engine:NodeId must not be empty (leave it out to get a name unique to this process).",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_NodeIdLongerThanItsColumn_NamesTheKey()
    {
        var result = new EngineOptionsValidator().Validate(null, new EngineOptions { NodeId = new string('n', 65) });

        Assert.Equal(["Engine:NodeId must be at most 64 characters (was 65)."], result.Failures);
    }

    [Fact]
    public void AddWorkflowEngine_InvalidOptions_FailAtStartNamingTheKey()
    {
        var services = new ServiceCollection();
        services.AddWorkflowEngine();
        services.Configure<EngineOptions>(o => o.InlineListItems = 20_000);
        using var provider = services.BuildServiceProvider();

        // What the host runs before it starts anything (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Engine:InlineListItems must be between 1 and 10,000 (was 20,000).", error.Message, StringComparison.Ordinal);
    }
}
