using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.UiTests.Support;

/// <summary>The test identity provider's store of clients, authorizations and tokens (in memory).</summary>
public sealed class IdentityProviderDb(DbContextOptions<IdentityProviderDb> options) : DbContext(options);
