using System.Collections.Concurrent;
using System.Text.Json;

namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>
/// Plays the part of the tasks' scripts, which moto never runs: as soon as a task of one of the given
/// families appears, it writes the lines that task's script would print to the task's awslogs stream
/// (<c>&lt;app&gt;/&lt;container&gt;/&lt;task id&gt;</c>), one event per line. It looks with ListTasks only,
/// which does not move moto's task states on.
/// </summary>
internal sealed class TaskLogPlayer : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    private readonly AwsCli _cli;
    private readonly string _cluster;
    private readonly string _logGroup;
    private readonly string _app;
    private readonly IReadOnlyList<TaskScript> _scripts;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _playing;

    public TaskLogPlayer(AwsCli cli, string cluster, string logGroup, string app, IReadOnlyList<TaskScript> scripts)
    {
        (_cli, _cluster, _logGroup, _app, _scripts) = (cli, cluster, logGroup, app, scripts);
        _playing = Task.Run(PlayAsync);
    }

    /// <summary>The log stream written for each family, once its task was seen.</summary>
    public ConcurrentDictionary<string, string> StreamsWritten { get; } = new();

    /// <summary>Stops looking; fails when playing failed (the aws CLI broke).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _playing;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task PlayAsync()
    {
        while (StreamsWritten.Count < _scripts.Count)
        {
            foreach (var script in _scripts.Where(script => !StreamsWritten.ContainsKey(script.Family)))
            {
                var tasks = await _cli.ListAsync("taskArns", "ecs", "list-tasks", "--cluster", _cluster, "--family", script.Family);
                if (tasks.Count > 0)
                {
                    StreamsWritten[script.Family] = await WriteAsync(script, tasks[0].Split('/')[^1]);
                }
            }

            await Task.Delay(PollInterval, _stopping.Token);
        }
    }

    private async Task<string> WriteAsync(TaskScript script, string taskId)
    {
        var stream = $"{_app}/{script.Container}/{taskId}";
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var events = JsonSerializer.Serialize(script.Lines.Select((line, index) => new { timestamp = start + index, message = line }));
        await _cli.RunAsync("logs", "create-log-stream", "--log-group-name", _logGroup, "--log-stream-name", stream);
        await _cli.RunAsync("logs", "put-log-events", "--log-group-name", _logGroup, "--log-stream-name", stream, "--log-events", events);
        return stream;
    }
}

