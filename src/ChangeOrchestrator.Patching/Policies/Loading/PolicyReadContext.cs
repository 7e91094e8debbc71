using YamlDotNet.RepresentationModel;

namespace ChangeOrchestrator.Patching.Policies.Loading;

/// <summary>What reading the files of one policy collects: every error, and where each field was written.</summary>
internal sealed class PolicyReadContext
{
    public List<PolicyError> Errors { get; } = [];

    public Dictionary<string, SourceLocation> Fields { get; } = new(StringComparer.Ordinal);

    public string File { get; set; } = "";

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string field, string message) => Errors.Add(PolicyError.At(At(node), field, message));

    public void Error(SourceLocation location, string field, string message) => Errors.Add(PolicyError.At(location, field, message));
}
