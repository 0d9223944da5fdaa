using Slipway.Aws;
using Slipway.Aws.Fargate;
using Slipway.Aws.Runtime;
using Slipway.Platform;

namespace Slipway.Composition.Doctor;

/// <summary>
/// What Doctor reports for the AWS platform: where the credentials come from, the region, each problem
/// of the settings named by the parameter to fix (without calling AWS), then whether what they name exists.
/// </summary>
public sealed class AwsSetupCheck(AwsClientOptions options)
{
    /// <summary>The credentials line, the region line, then one line per settings problem (or one line summing the settings up).</summary>
    /// <param name="regionSource">Where the settings' region came from, as Doctor names it: <c>AwsRegion</c>, <c>--aws-region</c>, <c>AWS_REGION</c>.</param>
    public IReadOnlyList<SetupCheck> Run(AwsSettings settings, string regionSource = "AwsRegion")
    {
        var checks = new List<SetupCheck>();
        var credentialCheck = new AwsCredentialCheck(options);
        var credentials = credentialCheck.FindSource();
        checks.Add(credentials is null ? new SetupCheck("credentials", false, credentialCheck.MissingSentence()) : new SetupCheck("credentials", true, $"from {credentials}"));

        var (region, source) = AwsRegionLookup.Find(settings, options, regionSource);
        var problems = (settings with { Region = region }).Validate();
        var regionProblem = problems.FirstOrDefault(IsAboutRegion);
        checks.Add(regionProblem is null ? new SetupCheck("AwsRegion", true, $"{region} (from {source})") : new SetupCheck("AwsRegion", false, regionProblem));

        var others = problems.Where(problem => !IsAboutRegion(problem)).ToList();
        checks.AddRange(others.Count == 0
            ? [new SetupCheck("aws settings", true, Describe(settings))]
            : others.Select(problem => new SetupCheck(ParameterOf(problem), false, problem)));
        return checks;
    }

    /// <summary>
    /// <see cref="Run"/>, then — when the settings and credentials are in order — one AWS question per
    /// resource the settings name, asked in parallel: one line per resource that does not exist, or one
    /// line saying they all do.
    /// </summary>
    public async Task<IReadOnlyList<SetupCheck>> RunWithResourcesAsync(AwsSettings settings, string regionSource, CancellationToken cancellationToken)
    {
        var checks = Run(settings, regionSource).ToList();
        if (checks.Any(check => !check.Ok))
        {
            return checks;
        }

        var (region, _) = AwsRegionLookup.Find(settings, options, regionSource);
        using var platform = new FargatePlatform(settings with { Region = region }, new NoImageStore(), options);
        var problems = await platform.CheckReadyAsync(cancellationToken);
        checks.AddRange(problems.Count == 0
            ? [new SetupCheck("aws resources", true, "the cluster, subnets, security groups and hosted zone exist")]
            : problems.Select(problem => new SetupCheck("aws resources", false, problem)));
        return checks;
    }

    /// <summary>
    /// The parameter a problem sentence of <see cref="AwsSettings.Validate"/> is about: each sentence starts
    /// with the setting's name, and the parameter is that name with the Aws prefix.
    /// </summary>
    public static string ParameterOf(string problem)
    {
        var setting = new string(problem.TakeWhile(char.IsAsciiLetterOrDigit).ToArray());
        return setting.EndsWith("Size", StringComparison.Ordinal) ? $"Aws{setting[..^4]}Cpu/Memory" : $"Aws{setting}";
    }

    // Doctor pushes no image.
    private sealed class NoImageStore : IImageStore
    {
        public Task TagAsync(string sourceImage, string targetReference, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string> PushAsync(string reference, RegistryCredentials? credentials, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RemoveAsync(string reference, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static bool IsAboutRegion(string problem) => problem.StartsWith("Region ", StringComparison.Ordinal);

    private static string Describe(AwsSettings settings) =>
        $"cluster {settings.Cluster}, {Count(settings.Subnets.Count, "subnet")}, {Count(settings.SecurityGroups.Count, "security group")}, " +
        $"images in {settings.EcrRepository}, logs in {settings.LogGroup}, playgrounds at https://<branch>.{settings.Domain?.TrimEnd('.')}/";

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
