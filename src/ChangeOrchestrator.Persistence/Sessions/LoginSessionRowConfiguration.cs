using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Sessions;

internal sealed class LoginSessionRowConfiguration : IEntityTypeConfiguration<LoginSessionRow>
{
    public void Configure(EntityTypeBuilder<LoginSessionRow> builder)
    {
        builder.ToTable("login_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.UserName).HasMaxLength(200);
        builder.HasIndex(s => s.ExpiresAt);
    }
}
