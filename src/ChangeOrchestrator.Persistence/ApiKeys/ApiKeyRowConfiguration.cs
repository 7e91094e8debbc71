using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.ApiKeys;

internal sealed class ApiKeyRowConfiguration : IEntityTypeConfiguration<ApiKeyRow>
{
    public void Configure(EntityTypeBuilder<ApiKeyRow> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(40);
        builder.Property(k => k.Name).HasMaxLength(ApiKeyRow.NameLength);
        builder.Property(k => k.Sha256).HasMaxLength(64);
        builder.Property(k => k.Roles).HasMaxLength(200);
        builder.Property(k => k.CreatedBy).HasMaxLength(ApiKeyRow.ActorLength);
        builder.Property(k => k.RevokedBy).HasMaxLength(ApiKeyRow.ActorLength);
        builder.HasIndex(k => k.Sha256).IsUnique();
        builder.HasIndex(k => k.Name);
    }
}
