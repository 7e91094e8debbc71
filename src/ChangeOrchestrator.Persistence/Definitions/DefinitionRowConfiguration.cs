using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Definitions;

internal sealed class DefinitionRowConfiguration : IEntityTypeConfiguration<DefinitionRow>
{
    public void Configure(EntityTypeBuilder<DefinitionRow> builder)
    {
        builder.ToTable("workflow_definitions");
        builder.HasKey(d => new { d.Id, d.Version });
    }
}
