namespace Slipway.Status.Checks;

/// <summary>A failing test or a finding on one line of one file, as a check run or Code Insights report shows it.</summary>
/// <param name="Path">The file, relative to the repository root.</param>
/// <param name="Line">The line (1 when the file is known but not the line).</param>
/// <param name="Level">failure, warning or notice.</param>
/// <param name="Title">The test's name or the finding's tool and rule.</param>
/// <param name="Message">What went wrong.</param>
public sealed record CheckAnnotation(string Path, int Line, string Level, string Title, string Message);
