namespace Slipway.Results.Writers.Json;

/// <summary>A task in the JSON report: its report blocks and its suites' counts.</summary>
internal sealed record JsonTask(string Name, IReadOnlyList<ToolRun> Tools, IReadOnlyList<JsonSuite> Suites)
{
    public static JsonTask From(TaskResults task) =>
        new(task.TaskName, task.Tools, task.Suites.Select(JsonSuite.From).ToArray());
}
