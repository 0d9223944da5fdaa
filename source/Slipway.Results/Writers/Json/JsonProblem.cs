namespace Slipway.Results.Writers.Json;

/// <summary>A problem in the JSON report.</summary>
internal sealed record JsonProblem(string Task, string? Tool, ResultsProblemKind Kind, string Message, IReadOnlyList<string> RawLines)
{
    public static JsonProblem From(ResultsProblem problem) => new(problem.Task, problem.Tool, problem.Kind, problem.Message, problem.RawLines);
}
