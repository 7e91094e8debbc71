using ChangeOrchestrator.Engine.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Engine.Tests.Expressions;

public sealed class ExpressionLimitsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new ExpressionLimitsValidator().Validate(null, new ExpressionLimits());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_EveryLimitOutOfRange_NamesEachKey()
    {
        var limits = new ExpressionLimits
        {
            Timeout = TimeSpan.Zero,
            MaxStatements = 0,
            MaxMemoryBytes = 1024,
            MaxRecursionDepth = 5_000,
            MaxCachedExpressions = 0,
        };

        var result = new ExpressionLimitsValidator().Validate(null, limits);

        Assert.Equal(
            [
                "Engine:Expressions:Timeout must be positive and at most 00:05:00 (was 00:00:00).",
                "Engine:Expressions:MaxStatements must be at least 1 (was 0).",
                "Engine:Expressions:MaxMemoryBytes must be at least 1,048,576 (1 MiB; was 1,024).",
                "Engine:Expressions:MaxRecursionDepth must be between 1 and 1,000 (was 5,000).",
                "Engine:Expressions:MaxCachedExpressions must be between 1 and 100,000 (was 0).",
            ],
            result.Failures);
    }

    [Fact]
    public void AddWorkflowEngine_InvalidLimits_FailAtStartNamingTheKey()
    {
        var services = new ServiceCollection();
        services.AddWorkflowEngine();
        services.Configure<ExpressionLimits>(l => l.Timeout = TimeSpan.FromMinutes(10));
        using var provider = services.BuildServiceProvider();

        // What the host runs before it starts anything (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Engine:Expressions:Timeout must be positive and at most 00:05:00 (was 00:10:00).", error.Message, StringComparison.Ordinal);
    }
}
