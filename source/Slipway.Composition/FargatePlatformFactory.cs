using Slipway.Aws;
using Slipway.Aws.Fargate;
using Slipway.Aws.Runtime;
using Slipway.Engine;
using Slipway.Platform;

namespace Slipway.Composition;

/// <summary>
/// Creates the AWS platform for the composition, after checking everything that can be checked without
/// calling AWS: every settings problem and missing credentials are reported together, before any work starts.
/// </summary>
internal static class FargatePlatformFactory
{
    /// <exception cref="BuildFailedException">Settings or credentials are missing; each problem has been logged as one sentence.</exception>
    /// <param name="installation">This installation's id, carried by everything the platform creates on AWS.</param>
    public static FargatePlatform Create(AwsSettings? settings, AwsClientOptions? clientOptions, IImageStore imageStore, string installation)
    {
        var options = clientOptions ?? new AwsClientOptions();
        var problems = new List<string>();
        FargatePlatform? platform = null;
        try
        {
            platform = new FargatePlatform(settings ?? new AwsSettings(), imageStore, options, message => Log.Warning(message), installation);
        }
        catch (AwsSettingsException exception)
        {
            problems.AddRange(exception.Problems);
        }

        var credentials = new AwsCredentialCheck(options);
        if (credentials.FindSource() is null)
        {
            problems.Add(credentials.MissingSentence());
        }

        if (problems.Count == 0)
        {
            return platform!;
        }

        // One problem gets the same summary line as several: each is logged above it.
        platform?.Dispose();
        foreach (var problem in problems)
        {
            Log.Error(problem);
        }

        throw new BuildFailedException(
            $"The AWS platform cannot start: fix the {(problems.Count == 1 ? "problem" : $"{problems.Count} problems")} above in .nuke/parameters.aws.json or with the --aws-* options (docs/aws.md describes each).");
    }
}
