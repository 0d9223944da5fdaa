namespace Slipway.Docker.Engine;

/// <summary>An image build failed; the message names the failing Dockerfile step and its last output lines.</summary>
public sealed class DockerBuildException : DockerException
{
    public DockerBuildException(string? failedStep, IReadOnlyList<string> lastLines, string engineError)
        : base(Describe(failedStep, lastLines, engineError))
    {
        FailedStep = failedStep;
        LastLines = lastLines;
        EngineError = engineError;
    }

    /// <summary>The Dockerfile instruction that failed, e.g. <c>RUN composer install</c>; null when the build failed before any step.</summary>
    public string? FailedStep { get; }

    /// <summary>The last lines the failing step printed.</summary>
    public IReadOnlyList<string> LastLines { get; }

    /// <summary>The engine's own error, e.g. "The command '/bin/sh -c ...' returned a non-zero code: 1".</summary>
    public string EngineError { get; }

    private static string Describe(string? failedStep, IReadOnlyList<string> lastLines, string engineError)
    {
        var detail = lastLines.Count > 0 ? string.Join('\n', lastLines) : engineError;
        return failedStep is null
            ? $"Docker build failed: {detail}"
            : $"Docker build failed at step '{failedStep}': {detail}";
    }
}
