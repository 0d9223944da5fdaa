namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>What a <c>./build.sh</c> run printed and how it ended.</summary>
public sealed record BuildScriptResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}{Output}";
}
