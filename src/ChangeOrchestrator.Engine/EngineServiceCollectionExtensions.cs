using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Activities.Flow;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Engine.Execution;
using ChangeOrchestrator.Engine.Expressions;
using ChangeOrchestrator.Engine.Faults;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Persistence.InMemory;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The workflow engine with its generic activities. Stores default to memory; a persistence module registered
    /// before or after replaces them.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        services.AddLogging();
        services.AddOptions<EngineOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineOptions>, EngineOptionsValidator>());
        services.AddOptions<ExpressionLimits>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExpressionLimits>, ExpressionLimitsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IExpressionEvaluator, JintExpressionEvaluator>();
        services.TryAddSingleton(sp => new ActivityCatalogue(sp.GetServices<ActivityRegistration>().Select(r => r.ActivityType)));
        services.TryAddSingleton<IActivityFactory, ServiceProviderActivityFactory>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EngineOptions>>().Value;
            return new BurstLimits(options.MaxActivitiesPerBurst, options.InlineListItems);
        });
        services.TryAddSingleton<FlowchartInterpreter>();
        services.TryAddSingleton<AllowedValueSources>();
        services.TryAddSingleton<WorkflowInputBinder>();
        services.TryAddSingleton<IFaultPoints, NoFaultPoints>();
        services.TryAddSingleton<InstanceGate>();

        // The runtime's constructor takes the interpreter and the gate, which are internal, so it is built here.
        services.TryAddSingleton(sp => new WorkflowRuntime(
            sp.GetRequiredService<IWorkflowDefinitionStore>(),
            sp.GetRequiredService<IWorkflowInstanceStore>(),
            sp.GetRequiredService<IStimulusBuffer>(),
            sp.GetRequiredService<ITimerClaims>(),
            sp.GetRequiredService<InstanceGate>(),
            sp.GetRequiredService<FlowchartInterpreter>(),
            sp.GetRequiredService<WorkflowInputBinder>(),
            sp.GetRequiredService<IFaultPoints>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<EngineOptions>>(),
            sp.GetRequiredService<ILogger<WorkflowRuntime>>(),
            sp.GetService<IEventLookups>()));
        services.TryAddSingleton<WorkflowDefinitionLoader>();
        services.TryAddSingleton<DefinitionPublisher>();

        services.TryAddSingleton<InMemoryWorkflowStore>();
        services.TryAddSingleton<IWorkflowInstanceStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IWorkflowInstanceQueries>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IStimulusBuffer>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<ITimerClaims>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IInstanceLeases>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IStepResultStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IWorkflowDefinitionStore, InMemoryWorkflowDefinitionStore>();

        services.AddHttpClient(HttpRequest.HttpClientName);
        services.AddActivity<Decision>()
            .AddActivity<Switch>()
            .AddActivity<SetVariable>()
            .AddActivity<Delay>()
            .AddActivity<WaitUntil>()
            .AddActivity<WaitForEvent>()
            .AddActivity<ForEach>()
            .AddActivity<Join>()
            .AddActivity<Fail>()
            .AddActivity<Log>()
            .AddActivity<Finish>()
            .AddActivity<HttpRequest>();
        return services;
    }

    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services)
        where TActivity : class, IActivity
    {
        services.AddSingleton(new ActivityRegistration(typeof(TActivity)));
        return services;
    }

    /// <summary>
    /// A source of allowed values that input declarations name with <c>"enumFrom": "<paramref name="name"/>"</c>.
    /// <paramref name="description"/> completes "one of ...", e.g. "the configured service desks".
    /// </summary>
    public static IServiceCollection AddAllowedValueSource<TSource>(this IServiceCollection services, string name, string description)
        where TSource : class, IAllowedValueSource
    {
        services.AddSingleton(new AllowedValueSourceRegistration(name, description, typeof(TSource)));
        services.TryAddSingleton<TSource>();
        return services;
    }
}
