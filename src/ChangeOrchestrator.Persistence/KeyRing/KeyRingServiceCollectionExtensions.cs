using ChangeOrchestrator.Persistence.Database;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Persistence.KeyRing;

public static class KeyRingServiceCollectionExtensions
{
    /// <summary>Keeps the data-protection key ring in the workflow database (see <see cref="DatabaseXmlRepository"/>).</summary>
    public static IServiceCollection AddKeyRingInDatabase(this IServiceCollection services)
    {
        services.AddOptions<KeyManagementOptions>().Configure<IDbContextFactory<WorkflowDbContext>>((keys, contexts) =>
            keys.XmlRepository = new DatabaseXmlRepository(contexts));
        return services;
    }
}
