using System.Linq.Expressions;
using Slipway.Engine.Definition;
using Slipway.Engine.Hosting;

namespace Slipway.Engine;

/// <summary>
/// The base of a build: a <c>partial class Build : SlipwayBuild</c> whose <see cref="Target"/> properties are the
/// targets and whose <see cref="ParameterAttribute"/> members are the parameters. Its entry point is
/// <c>public static int Main() =&gt; Execute&lt;Build&gt;(x =&gt; x.Doctor);</c>.
/// </summary>
public abstract class SlipwayBuild
{
    /// <summary>The folder holding <c>.nuke/</c> (or the one passed with <c>--root</c>).</summary>
    protected AbsolutePath RootDirectory { get; private set; } = null!;

    /// <summary><c>RootDirectory/.nuke/temp</c>: work folders, the state database and the build's own output.</summary>
    protected AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>How much the build prints, from <c>--verbosity</c>.</summary>
    protected Verbosity Verbosity { get; private set; } = Verbosity.Normal;

    /// <summary>The targets named on the command line, or the default ones.</summary>
    protected IReadOnlyCollection<string> InvokedTargets { get; private set; } = [];

    /// <summary>The words after a lone <c>--</c> on the command line (a command to pass on, as given); null when there was none.</summary>
    protected IReadOnlyList<string>? ArgumentsAfterSeparator { get; private set; }

    /// <summary>
    /// The process's standard output, raw, while a target marked <c>WritesStandardOutput()</c> is part of the build (the
    /// engine's own lines then go to standard error); null otherwise, and in a build run in-process.
    /// </summary>
    protected Stream? StandardOutput { get; private set; }

    /// <summary>Runs the build with the process's command line; without target names, <paramref name="defaultTargets"/> run.</summary>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargets)
        where T : SlipwayBuild, new() =>
        Execute(Environment.GetCommandLineArgs()[1..], defaultTargets);

    /// <summary>Runs the build with the given command line; without target names, <paramref name="defaultTargets"/> run.</summary>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static int Execute<T>(string[] args, params Expression<Func<T, Target>>[] defaultTargets)
        where T : SlipwayBuild, new()
    {
        using var cancellation = new ConsoleCancellation();
        var host = BuildHost.FromProcess(cancellation.Token);
        var defaults = defaultTargets.Select(TargetName).ToList();
        return new BuildRunner(host).RunAsync(() => new T(), args, defaults).GetAwaiter().GetResult();
    }

    /// <summary>Sets the one line of extra information shown next to the current target in the final summary.</summary>
    /// <exception cref="InvalidOperationException">Called while no target runs.</exception>
    protected void ReportSummary(string line)
    {
        var run = CurrentTarget.Run ?? throw new InvalidOperationException("ReportSummary can only be called from a running target.");
        run.ReportSummary(line);
    }

    /// <summary>
    /// Says that what the current target checks failed (failing tests), with <paramref name="line"/> as its summary,
    /// without stopping the build: the target ends as <see cref="TargetStatus.CheckFailed"/>, the targets that depend
    /// on it still run, and the build ends with <see cref="ExitCodes.ChecksFailed"/> unless something failed outright.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called while no target runs.</exception>
    protected void ReportCheckFailed(string line)
    {
        var run = CurrentTarget.Run ?? throw new InvalidOperationException("ReportCheckFailed can only be called from a running target.");
        run.ReportCheckFailed(line);
    }

    /// <summary>Gives the build what the engine resolved before its targets are defined.</summary>
    internal void Attach(AbsolutePath rootDirectory, Verbosity verbosity) =>
        (RootDirectory, Verbosity) = (rootDirectory, verbosity);

    internal void AttachInvokedTargets(IReadOnlyCollection<string> invokedTargets) => InvokedTargets = invokedTargets;

    internal void AttachStandardOutput(Stream? standardOutput) => StandardOutput = standardOutput;

    internal void AttachArgumentsAfterSeparator(IReadOnlyList<string>? words) => ArgumentsAfterSeparator = words;

    private IReadOnlyDictionary<string, string> parameterSources = new Dictionary<string, string>();

    internal void AttachParameterSources(IReadOnlyDictionary<string, string> sources) => parameterSources = sources;

    /// <summary>
    /// Where a parameter's value came from, in a few words: <c>command line</c>, the environment variable's
    /// name (<c>AWS_REGION</c>), the parameters file's name, or <c>default</c>.
    /// </summary>
    protected string ParameterSourceOf(string parameterName) => parameterSources.GetValueOrDefault(parameterName, "default");

    private static string TargetName<T>(Expression<Func<T, Target>> expression) =>
        expression.Body is MemberExpression member
            ? member.Member.Name
            : throw new ArgumentException("A default target must be given as `x => x.TargetName`.", nameof(expression));
}
