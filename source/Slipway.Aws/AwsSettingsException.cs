namespace Slipway.Aws;

/// <summary>The AWS settings cannot work; <see cref="Problems"/> holds one sentence per setting to fix.</summary>
public sealed class AwsSettingsException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
