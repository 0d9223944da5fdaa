using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Pipeline.Building;

/// <summary>
/// Tells a person watching a terminal or a CI log how far an image build is: "step 3 of 12: RUN composer install"
/// when the build moves to a step (at most one such line every <see cref="Interval"/>, so a run of cached steps
/// gives one line, not twelve), and a "still at" line with the time spent and the step's last output when a step
/// has been quiet for <see cref="Heartbeat"/>, so no minute passes silently. Every raw line of the build goes to
/// <see cref="Accept"/>; the engine's full output stays at debug level.
/// </summary>
public sealed partial class ImageBuildProgress : IDisposable
{
    /// <summary>The least time between two step lines.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    /// <summary>How long a step may run without a line before a "still at" line is written.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    private const int OutputWidth = 90;

    private readonly Lock gate = new();
    private readonly string what;
    private readonly Action<string> write;
    private readonly TimeProvider clock;
    private readonly ITimer timer;
    private readonly DateTimeOffset started;
    private Step? current;
    private bool stepShown = true;
    private string? lastOutput;
    private DateTimeOffset? lastWritten;

    /// <param name="what">What is being built, e.g. "slipway/builder:3f2a…", at the start of each line.</param>
    /// <param name="write">Where the lines go (the run's log).</param>
    public ImageBuildProgress(string what, Action<string> write, TimeProvider clock)
    {
        this.what = what;
        this.write = write;
        this.clock = clock;
        started = clock.GetUtcNow();
        timer = clock.CreateTimer(_ => Tick(), null, Interval, Interval);
    }

    /// <summary>Takes one line of the build's output.</summary>
    public void Accept(string line)
    {
        lock (gate)
        {
            var header = StepHeader().Match(line);
            if (header.Success)
            {
                current = new Step(
                    int.Parse(header.Groups["number"].Value, CultureInfo.InvariantCulture),
                    int.Parse(header.Groups["count"].Value, CultureInfo.InvariantCulture),
                    header.Groups["instruction"].Value.Trim(),
                    clock.GetUtcNow());
                stepShown = false;
                lastOutput = null;
            }
            else if (line.Trim().Length > 0 && !line.StartsWith(" ---> ", StringComparison.Ordinal)
                && !line.StartsWith("Removing intermediate container ", StringComparison.Ordinal))
            {
                lastOutput = line.Trim();
            }
        }

        Tick();
    }

    /// <summary>Writes the line that is due now, if any; the timer calls it between output lines.</summary>
    public void Tick()
    {
        string? line = null;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var sinceWritten = lastWritten is { } written ? now - written : TimeSpan.MaxValue;
            if (current is { } step && !stepShown && sinceWritten >= Interval)
            {
                line = $"{what}: step {step.Number} of {step.Count}: {Shorten(step.Instruction)}";
                stepShown = true;
            }
            else if (current is { } quiet && sinceWritten >= Heartbeat)
            {
                var output = lastOutput is null ? string.Empty : $" (last output: {Shorten(lastOutput)})";
                line = $"{what}: still at step {quiet.Number} of {quiet.Count} after {Duration(now - quiet.Started)}: {Shorten(quiet.Instruction)}{output}";
            }

            if (line is not null)
            {
                lastWritten = now;
            }
        }

        if (line is not null)
        {
            write(line);
        }
    }

    /// <summary>Writes the closing line: how many steps in how long.</summary>
    public void Complete()
    {
        lock (gate)
        {
            var steps = current is { } step ? $"{step.Count} steps" : "no steps";
            write($"{what}: done, {steps} in {Duration(clock.GetUtcNow() - started)}");
            lastWritten = clock.GetUtcNow();
        }
    }

    public void Dispose() => timer.Dispose();

    /// <summary>"45 s", "4 min 7 s".</summary>
    internal static string Duration(TimeSpan elapsed) =>
        elapsed.TotalMinutes >= 1
            ? $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds} s"
            : $"{Math.Max(0, (int)elapsed.TotalSeconds)} s";

    /// <summary>One line of at most <see cref="OutputWidth"/> characters: a Dockerfile instruction may span many.</summary>
    private static string Shorten(string text)
    {
        var flat = WhiteSpace().Replace(text, " ");
        return flat.Length <= OutputWidth ? flat : flat[..(OutputWidth - 1)] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^Step (?<number>\d+)/(?<count>\d+) : (?<instruction>.*)$")]
    private static partial Regex StepHeader();

    private sealed record Step(int Number, int Count, string Instruction, DateTimeOffset Started);
}
