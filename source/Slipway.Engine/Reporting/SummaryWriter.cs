using System.Globalization;
using Slipway.Engine.Execution;

namespace Slipway.Engine.Reporting;

/// <summary>Writes the final summary: each target's status, duration and summary line, the total and the verdict.</summary>
internal static class SummaryWriter
{
    public static void Write(IConsoleWriter console, BuildResult result, DateTimeOffset finishedAt, bool showStackTraces)
    {
        var nameWidth = Math.Max("Target".Length, result.Runs.Select(run => run.Target.Name.Length).DefaultIfEmpty(0).Max());
        const int StatusWidth = 11;
        const int DurationWidth = 9;
        var rule = new string('-', nameWidth + StatusWidth + DurationWidth + 8);

        console.WriteLine(string.Empty);
        console.WriteLine(rule);
        console.WriteLine($"{"Target".PadRight(nameWidth)}  {"Status".PadRight(StatusWidth)}  {"Duration".PadLeft(DurationWidth)}");
        console.WriteLine(rule);
        foreach (var run in result.Runs)
        {
            var ran = run.Status is TargetStatus.Succeeded or TargetStatus.CheckFailed or TargetStatus.Failed or TargetStatus.Aborted;
            var duration = ran ? DurationFormat.Format(run.Duration) : string.Empty;
            var line = $"{run.Target.Name.PadRight(nameWidth)}  {run.Status.ToString().PadRight(StatusWidth)}  {duration.PadLeft(DurationWidth)}";
            var level = run.Status switch
            {
                TargetStatus.Failed or TargetStatus.Aborted or TargetStatus.CheckFailed => LogLevel.Error,
                TargetStatus.NotRun => LogLevel.Warning,
                _ => LogLevel.Information,
            };
            console.WriteLine(run.SummaryText is { } text ? $"{line}  {text}" : line.TrimEnd(), level);
            if (showStackTraces && run.Failure is { } failure)
            {
                console.WriteLine(failure.ToString(), LogLevel.Debug);
            }
        }

        console.WriteLine(rule);
        console.WriteLine($"{"Total".PadRight(nameWidth)}  {string.Empty.PadRight(StatusWidth)}  {DurationFormat.Format(result.Duration).PadLeft(DurationWidth)}");
        console.WriteLine(rule);

        var date = finishedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var verdict = result.Cancelled ? "cancelled"
            : result.ChecksFailed ? $"ran to its end with failed checks (exit code {ExitCodes.ChecksFailed})"
            : result.Succeeded ? "succeeded" : "failed";
        console.WriteLine($"Build {verdict} on {date}", result.Succeeded && !result.ChecksFailed ? LogLevel.Information : LogLevel.Error);
    }
}
