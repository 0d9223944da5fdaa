using System.Text;

namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>What <c>./build.sh</c> ended with, its standard output as bytes and its standard error as text.</summary>
public sealed record RawBuildScriptResult(int ExitCode, byte[] StandardOutput, string StandardError)
{
    public override string ToString() =>
        $"exit code {ExitCode}{Environment.NewLine}stdout: {Encoding.UTF8.GetString(StandardOutput)}{Environment.NewLine}stderr: {StandardError}";
}
